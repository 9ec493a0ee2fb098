#include "core/fhir/fhir_resources.h"

#include "core/atlas.h"
#include "core/domain_codes.h"
#include "core/fhir/fhir_profile.h"
#include "core/fhir/snomed_sites.h"
#include "core/text_trim.h"

namespace knotmap::fhir {
namespace {

std::string_view resourceType(ResourceKind kind) {
    switch (kind) {
    case ResourceKind::Patient:
        return "Patient";
    case ResourceKind::BodyStructure:
        return "BodyStructure";
    case ResourceKind::Encounter:
        return "Encounter";
    case ResourceKind::KnotObservation:
    case ResourceKind::OverallPain:
    case ResourceKind::Stress:
    case ResourceKind::Sleep:
        return "Observation";
    case ResourceKind::Procedure:
        return "Procedure";
    case ResourceKind::Composition:
        return "Composition";
    }
    return "Basic";
}

Json coding(std::string_view system, std::string_view code, std::string_view display) {
    Json result{{"system", system}, {"code", code}};
    if (!display.empty()) {
        result["display"] = display;
    }
    return result;
}

Json codeable(std::string_view system, std::string_view code, std::string_view display) {
    return Json{{"coding", Json::array({coding(system, code, display)})}, {"text", display}};
}

Json extension(std::string_view url, std::string_view valueType, Json value) {
    return Json{{"url", url}, {valueType, std::move(value)}};
}

Json start(ResourceKind kind, Id row) {
    return Json{{"resourceType", resourceType(kind)}, {"id", resourceId(kind, row)}};
}

Json painSeverityCode() {
    return codeable(kLoinc, kPainSeverityCode, kPainSeverityDisplay);
}

Json category(const SessionRecord& session) {
    // A person rating themselves answers a survey; a therapist palpating
    // examines.
    const bool visit = session.kind == "therapy_visit";
    return Json::array(
        {Json{{"coding", Json::array({coding(kObservationCategory, visit ? "exam" : "survey",
                                             visit ? "Exam" : "Survey")})}}});
}

std::string kindName(std::string_view code) {
    const auto kind = observationKindFromCode(code);
    return kind ? std::string(displayName(*kind)) : std::string(code);
}

void addNote(Json& resource, const std::string& text) {
    if (!text.empty()) {
        resource["note"] = Json::array({Json{{"text", text}}});
    }
}

Json sectionOf(std::string_view title, std::string_view loinc, const std::string& text) {
    // The LOINC code names the part; its text is the heading shown.
    return Json{
        {"title", title},
        {"code", Json{{"coding", Json::array({coding(kLoinc, loinc, "")})}, {"text", title}}},
        {"text", Json{{"status", "additional"}, {"div", narrativeDiv(text)}}}};
}

} // namespace

std::string ResourceBuilder::fullUrl(ResourceKind kind, Id row) {
    return "urn:uuid:" + resourceId(kind, row);
}

Json ResourceBuilder::reference(ResourceKind kind, Id row) const {
    if (m_style == ReferenceStyle::Bundle) {
        return Json{{"reference", fullUrl(kind, row)}};
    }
    return Json{{"reference", std::string(resourceType(kind)) + "/" + resourceId(kind, row)}};
}

Json regionConcept(const std::string& regionCode) {
    const AtlasRegion* region = Atlas::builtIn().findByCode(regionCode);
    const SnomedSite* site = snomedSiteOf(regionCode);
    Json result;
    if (region != nullptr) {
        const bool left = region->side == Side::Left;
        result["extension"] = Json::array({extension(
            kLateralityExtension, "valueCoding",
            coding(kSnomed, left ? kSnomedLeft : kSnomedRight, left ? "Left" : "Right"))});
    }
    Json codings = Json::array();
    if (region != nullptr && site != nullptr) {
        codings.push_back(coding(kSnomed, site->code, site->term));
    }
    codings.push_back(
        coding(kRegionSystem, regionCode, region != nullptr ? region->displayName : ""));
    result["coding"] = std::move(codings);
    result["text"] = region != nullptr ? region->displayName : regionCode;
    return result;
}

std::string narrativeDiv(const std::string& text) {
    std::string div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";
    for (char c : text) {
        switch (c) {
        case '&':
            div += "&amp;";
            break;
        case '<':
            div += "&lt;";
            break;
        case '>':
            div += "&gt;";
            break;
        default:
            div += c;
        }
    }
    div += "</div>";
    return div;
}

Json ResourceBuilder::patient(const ClientRecord& client) const {
    Json resource = start(ResourceKind::Patient, client.id);
    if (!client.notes.empty()) {
        resource["extension"] =
            Json::array({extension(kNotesExtension, "valueString", client.notes)});
    }
    resource["active"] = !client.archived;
    resource["name"] = Json::array({Json{{"text", client.name}}});
    if (client.birthYear) {
        resource["birthDate"] = std::to_string(*client.birthYear); // a FHIR date may be a year
    }
    return resource;
}

Json ResourceBuilder::bodyStructure(const KnotRecord& knot) const {
    Json resource = start(ResourceKind::BodyStructure, knot.id);
    resource["extension"] =
        Json::array({Json{{"url", kDiagramPositionExtension},
                          {"extension", Json::array({extension("view", "valueCode", knot.view),
                                                     extension("x", "valueDecimal", knot.x),
                                                     extension("y", "valueDecimal", knot.y)})}}});
    resource["active"] = knot.status == "active";
    Json location = regionConcept(knot.regionCode);
    // BodyStructure has its own element for the side, so the laterality
    // moves there from the concept's extension.
    Json qualifier;
    if (location.contains("extension")) {
        qualifier = Json{{"coding", Json::array({location["extension"][0]["valueCoding"]})}};
        location.erase("extension");
    }
    resource["location"] = std::move(location);
    if (!qualifier.is_null()) {
        resource["locationQualifier"] = Json::array({std::move(qualifier)});
    }
    if (!knot.label.empty()) {
        resource["description"] = knot.label;
    }
    resource["patient"] = reference(ResourceKind::Patient, knot.clientId);
    return resource;
}

Json ResourceBuilder::encounter(const SessionRecord& session) const {
    Json resource = start(ResourceKind::Encounter, session.id);
    Json extensions = Json::array();
    for (const CodedTerm& trigger : session.triggers) {
        extensions.push_back(extension(kTriggerExtension, "valueCoding",
                                       coding(kTriggerSystem, trigger.code, trigger.name)));
    }
    if (!session.notes.empty()) {
        extensions.push_back(extension(kNotesExtension, "valueString", session.notes));
    }
    if (!extensions.empty()) {
        resource["extension"] = std::move(extensions);
    }
    resource["status"] = "finished";
    const bool visit = session.kind == "therapy_visit";
    // FHIR R4 requires a class, and v3 ActCode has none for a record a person
    // keeps of themselves: HH (at home) is the nearest; the type says which.
    resource["class"] =
        coding(kActCode, visit ? "AMB" : "HH", visit ? "ambulatory" : "home health");
    const auto kind = sessionKindFromCode(session.kind);
    resource["type"] = Json::array(
        {codeable(kSessionKindSystem, session.kind, kind ? displayName(*kind) : session.kind)});
    resource["subject"] = reference(ResourceKind::Patient, session.clientId);
    if (!session.therapist.empty()) {
        resource["participant"] =
            Json::array({Json{{"individual", {{"display", session.therapist}}}}});
    }
    resource["period"] = Json{{"start", session.started.toIso8601()}};
    return resource;
}

std::vector<Json> ResourceBuilder::sessionRatings(const SessionRecord& session) const {
    std::vector<Json> ratings;
    const auto rating = [&](ResourceKind kind, Json code, int value) {
        Json resource = start(kind, session.id);
        resource["status"] = "final";
        resource["category"] = category(session);
        resource["code"] = std::move(code);
        resource["subject"] = reference(ResourceKind::Patient, session.clientId);
        resource["encounter"] = reference(ResourceKind::Encounter, session.id);
        resource["effectiveDateTime"] = session.started.toIso8601();
        resource["valueInteger"] = value;
        ratings.push_back(std::move(resource));
    };
    if (session.overallPain) {
        rating(ResourceKind::OverallPain, painSeverityCode(), *session.overallPain);
    }
    if (session.stress) {
        rating(ResourceKind::Stress, codeable(kRatingSystem, "stress", "Stress, 0-10"),
               *session.stress);
    }
    if (session.sleep) {
        rating(ResourceKind::Sleep,
               codeable(kRatingSystem, "sleep", "Sleep quality, 0-10 (10 is best)"),
               *session.sleep);
    }
    return ratings;
}

Json ResourceBuilder::knotObservation(const ObservationRecord& observation,
                                      const SessionRecord& session, const KnotRecord* knot) const {
    Json resource = start(ResourceKind::KnotObservation, observation.id);
    resource["extension"] =
        Json::array({extension(kKnotExtension, "valueReference",
                               reference(ResourceKind::BodyStructure, observation.knotId))});
    resource["status"] = "final";
    resource["category"] = category(session);
    resource["code"] = painSeverityCode();
    resource["subject"] = reference(ResourceKind::Patient, session.clientId);
    resource["encounter"] = reference(ResourceKind::Encounter, session.id);
    resource["effectiveDateTime"] = session.started.toIso8601();
    resource["valueInteger"] = observation.pain;
    addNote(resource, observation.notes);
    if (knot != nullptr) {
        resource["bodySite"] = regionConcept(knot->regionCode);
    }
    Json components = Json::array();
    components.push_back(Json{{"code", codeable(kComponentSystem, "knot-kind", "Kind of knot")},
                              {"valueCodeableConcept", codeable(kKnotKindSystem, observation.kind,
                                                                kindName(observation.kind))}});
    for (const CodedTerm& symptom : observation.symptoms) {
        components.push_back(
            Json{{"code", codeable(kComponentSystem, "symptom", "Symptom")},
                 {"valueCodeableConcept", codeable(kSymptomSystem, symptom.code, symptom.name)}});
    }
    for (const std::string& region : observation.referredRegions) {
        components.push_back(
            Json{{"code", codeable(kComponentSystem, "referred-pain", "Pain referred to")},
                 {"valueCodeableConcept", regionConcept(region)}});
    }
    resource["component"] = std::move(components);
    return resource;
}

Json ResourceBuilder::procedure(const TreatmentRecord& treatment, const SessionRecord& session,
                                const KnotRecord* knot) const {
    Json resource = start(ResourceKind::Procedure, treatment.id);
    Json extensions = Json::array();
    if (treatment.knotId) {
        extensions.push_back(extension(kKnotExtension, "valueReference",
                                       reference(ResourceKind::BodyStructure, *treatment.knotId)));
    }
    if (treatment.minutes) {
        extensions.push_back(extension(kMinutesExtension, "valueDuration",
                                       Json{{"value", *treatment.minutes},
                                            {"unit", "min"},
                                            {"system", "http://unitsofmeasure.org"},
                                            {"code", "min"}}));
    }
    if (!treatment.intensity.empty()) {
        extensions.push_back(extension(kIntensityExtension, "valueCode", treatment.intensity));
    }
    if (treatment.painBefore) {
        extensions.push_back(
            extension(kPainBeforeExtension, "valueInteger", *treatment.painBefore));
    }
    if (treatment.painAfter) {
        extensions.push_back(extension(kPainAfterExtension, "valueInteger", *treatment.painAfter));
    }
    if (!treatment.medication.empty()) {
        extensions.push_back(extension(kMedicationExtension, "valueString", treatment.medication));
    }
    if (!extensions.empty()) {
        resource["extension"] = std::move(extensions);
    }
    resource["status"] = "completed";
    resource["code"] = codeable(kTreatmentSystem, treatment.kind.code, treatment.kind.name);
    resource["subject"] = reference(ResourceKind::Patient, session.clientId);
    resource["encounter"] = reference(ResourceKind::Encounter, session.id);
    resource["performedDateTime"] = session.started.toIso8601();
    if (knot != nullptr) {
        resource["bodySite"] = Json::array({regionConcept(knot->regionCode)});
    }
    addNote(resource, treatment.notes);
    return resource;
}

std::optional<Json> ResourceBuilder::composition(const SessionRecord& session) const {
    // FHIR forbids a narrative of only whitespace (txt-2): such a part is left
    // out, as an empty one is.
    const auto written = [](const std::string& text) {
        return !trimmed(text).empty();
    };
    const bool hasSoap = written(session.subjective) || written(session.objective) ||
                         written(session.assessment) || written(session.plan);
    if (session.kind != "therapy_visit" || (!hasSoap && !session.signedAt)) {
        return std::nullopt;
    }
    Json resource = start(ResourceKind::Composition, session.id);
    // Signed is final: the record no longer changes except by amendment.
    resource["status"] = session.signedAt ? "final" : "preliminary";
    resource["type"] = codeable(kLoinc, kProgressNoteCode, kProgressNoteDisplay);
    resource["subject"] = reference(ResourceKind::Patient, session.clientId);
    resource["encounter"] = reference(ResourceKind::Encounter, session.id);
    resource["date"] = (session.signedAt ? *session.signedAt : session.started).toIso8601();
    const std::string author = session.therapist.empty() ? "Not recorded" : session.therapist;
    resource["author"] = Json::array({Json{{"display", author}}});
    resource["title"] = "Therapy visit on " + session.started.localDate();
    if (session.signedAt) {
        resource["attester"] = Json::array(
            {Json{{"mode", "legal"},
                  {"time", session.signedAt->toIso8601()},
                  {"party", {{"display", session.signedBy.empty() ? author : session.signedBy}}}}});
    }
    // LOINC's section codes for the four parts of a SOAP note.
    Json sections = Json::array();
    if (written(session.subjective)) {
        sections.push_back(sectionOf("Subjective", "61150-9", session.subjective));
    }
    if (written(session.objective)) {
        sections.push_back(sectionOf("Objective", "61149-1", session.objective));
    }
    if (written(session.assessment)) {
        sections.push_back(sectionOf("Assessment", "51848-0", session.assessment));
    }
    if (written(session.plan)) {
        sections.push_back(sectionOf("Plan", "18776-5", session.plan));
    }
    if (!sections.empty()) {
        resource["section"] = std::move(sections);
    }
    return resource;
}

} // namespace knotmap::fhir
