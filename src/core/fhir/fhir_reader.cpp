#include "core/fhir/fhir_reader.h"

#include "core/atlas.h"
#include "core/domain_codes.h"
#include "core/fhir/fhir_ids.h"
#include "core/fhir/fhir_profile.h"
#include "core/fhir/resource_fields.h"
#include "core/text_trim.h"
#include "core/validation.h"

#include <set>

namespace knotmap::fhir {
namespace {

constexpr std::string_view kKnownTypes[] = {"Patient",     "BodyStructure", "Encounter",
                                            "Observation", "Procedure",     "Composition"};

} // namespace

ImportProblem problemAt(const ResourcePlace& place, const std::string& field,
                        const std::string& message) {
    ImportProblem found;
    found.file = place.file;
    found.line = place.line;
    const std::string entry = place.entry > 0 ? "entry " + std::to_string(place.entry) + ", " : "";
    found.message = entry + place.resource + (field.empty() ? "" : ": " + field) + ": " + message;
    return found;
}

void FhirReader::problem(const Where& where, const std::string& field, const std::string& message) {
    m_problems.add(problemAt(where, field, message));
}

void FhirReader::readBundle(std::string_view text, const std::string& file) {
    Where where{file, 0, 0, "Bundle"};
    if (nestedTooDeep(text)) {
        problem(where, "",
                "JSON nested more than " + std::to_string(kMaxJsonDepth) +
                    " levels deep is not a FHIR resource");
        return;
    }
    Json bundle;
    try {
        bundle = Json::parse(text);
    } catch (const Json::parse_error& error) {
        problem(where, "",
                "not valid JSON at byte " + std::to_string(error.byte) +
                    " (NDJSON files need the .ndjson extension)");
        return;
    }
    if (!bundle.is_object() || textValue(bundle, "resourceType") != "Bundle") {
        problem(where, "resourceType", "a FHIR import reads a Bundle or NDJSON files");
        return;
    }
    const auto entries = bundle.find("entry");
    if (entries == bundle.end()) {
        return; // an empty Bundle: nothing to import
    }
    if (!entries->is_array()) {
        problem(where, "entry", "must be a list");
        return;
    }
    std::int64_t index = 0;
    for (const Json& entry : *entries) {
        ++index;
        where.entry = index;
        where.resource = "Bundle.entry";
        const auto resource = entry.is_object() ? entry.find("resource") : entry.end();
        if (!entry.is_object() || resource == entry.end()) {
            problem(where, "resource", "is missing");
            continue;
        }
        readResource(*resource, where);
    }
}

void FhirReader::readNdjson(std::istream& in, const std::string& file) {
    std::string line;
    std::int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        const Where where{file, number, 0, "resource"};
        if (nestedTooDeep(line)) {
            problem(where, "",
                    "JSON nested more than " + std::to_string(kMaxJsonDepth) +
                        " levels deep is not a FHIR resource");
            continue;
        }
        const Json resource = Json::parse(line, nullptr, false);
        if (resource.is_discarded()) {
            problem(where, "", "not valid JSON (NDJSON holds one resource per line)");
            continue;
        }
        readResource(resource, where);
    }
}

void FhirReader::readResource(const Json& json, const Where& at) {
    Where where = at;
    if (!json.is_object()) {
        problem(where, "", "a resource must be a JSON object");
        return;
    }
    const std::string type = textValue(json, "resourceType");
    const std::string id =
        json.contains("id") && json["id"].is_string() ? json["id"].get<std::string>() : "";
    where.resource = (type.empty() ? std::string("resource") : type) + (id.empty() ? "" : " " + id);
    if (std::find(std::begin(kKnownTypes), std::end(kKnownTypes), type) == std::end(kKnownTypes)) {
        problem(where, "resourceType",
                "\"" + shortened(type) + "\" is not a resource type a Knotmap export holds");
        return;
    }
    const auto identity = parseResourceId(id);
    if (!identity) {
        problem(where, "id",
                "\"" + shortened(id) +
                    "\" is not an id Knotmap writes (6b6e6f74-…); a FHIR "
                    "import reads Knotmap's own exports");
        return;
    }
    ResourceFields f(where, [this](const Where& w, const std::string& field, const std::string& m) {
        problem(w, field, m);
    });
    if (!m_origins.emplace(std::pair{static_cast<int>(identity->kind), identity->row}, where)
             .second) {
        f.problem("id", "appears twice");
        return;
    }
    // The kinds of record each resource type holds (the id says which).
    using Reader =
        void (FhirReader::*)(const Json&, ResourceFields&, const ResourceIdentity&, const Where&);
    struct Route {
        std::string_view type;
        std::initializer_list<ResourceKind> kinds;
        Reader read;
    };
    static const Route kRoutes[] = {
        {"Patient", {ResourceKind::Patient}, &FhirReader::readPatient},
        {"BodyStructure", {ResourceKind::BodyStructure}, &FhirReader::readBodyStructure},
        {"Encounter", {ResourceKind::Encounter}, &FhirReader::readEncounter},
        {"Observation",
         {ResourceKind::KnotObservation, ResourceKind::OverallPain, ResourceKind::Stress,
          ResourceKind::Sleep},
         &FhirReader::readObservation},
        {"Procedure", {ResourceKind::Procedure}, &FhirReader::readProcedure},
        {"Composition", {ResourceKind::Composition}, &FhirReader::readComposition},
    };
    for (const Route& route : kRoutes) {
        if (route.type == type) {
            if (std::find(route.kinds.begin(), route.kinds.end(), identity->kind) ==
                route.kinds.end()) {
                f.problem("id", "names another kind of record than a " + type);
                return;
            }
            (this->*route.read)(json, f, *identity, where);
            return;
        }
    }
}

void FhirReader::readPatient(const Json& json, ResourceFields& f, const ResourceIdentity& identity,
                             const Where& where) {
    ClientRecord client;
    client.id = identity.row;
    const Json* names = f.member(json, "name");
    if (names == nullptr || !names->is_array() || names->empty()) {
        f.problem("name", "is missing");
    } else {
        client.name = f.string((*names)[0], "text", "name[0].text", true).value_or("");
        if (f.ok() && trimmed(client.name).empty()) {
            f.problem("name[0].text", "is blank: a client needs a name");
        }
    }
    if (const auto birth = f.string(json, "birthDate", "birthDate", false)) {
        const auto year = birthYearOf(*birth);
        if (!year) {
            f.problem("birthDate", "must be a date (2026-03-14) or a year (1980), got \"" +
                                       shortened(*birth) + "\"");
        } else if (*year < 1900 || *year > 2100) {
            f.problem("birthDate",
                      "the year must be from 1900 to 2100, got " + std::to_string(*year));
        } else {
            client.birthYear = year;
        }
    }
    client.archived = !f.flag(json, "active");
    for (const Json* notes : f.extensions(json, kNotesExtension)) {
        client.notes =
            f.string(*notes, "valueString", "extension(notes).valueString", true, kMaxNoteBytes)
                .value_or("");
    }
    if (f.ok()) {
        m_records.clientPlaces.emplace(client.id, where);
        m_records.clients.push_back(std::move(client));
    }
}

void FhirReader::readBodyStructure(const Json& json, ResourceFields& f,
                                   const ResourceIdentity& identity, const Where& /*where*/) {
    KnotRecord knot;
    knot.id = identity.row;
    knot.clientId =
        f.reference(json, "patient", "patient", {ResourceKind::Patient}, true).value_or(0);
    knot.regionCode = f.region(f.member(json, "location"), "location");
    const auto positions = f.extensions(json, kDiagramPositionExtension);
    if (positions.empty()) {
        f.problem("extension(diagram-position)", "is missing: a knot needs its place on "
                                                 "the diagram");
    } else {
        const auto part = [&](const char* name, const char* valueType) -> const Json* {
            for (const Json* sub : f.extensions(*positions.front(), name)) {
                if (const Json* value = f.member(*sub, valueType)) {
                    return value;
                }
            }
            f.problem(std::string("extension(diagram-position).") + name, "is missing");
            return nullptr;
        };
        if (const Json* view = part("view", "valueCode")) {
            knot.view = view->is_string() ? view->get<std::string>() : "";
            if (!bodyViewFromCode(knot.view)) {
                f.problem("extension(diagram-position).view", "must be front or back");
            }
        }
        for (auto [name, target] : {std::pair{"x", &knot.x}, std::pair{"y", &knot.y}}) {
            if (const Json* value = part(name, "valueDecimal")) {
                if (!value->is_number() || value->get<double>() < 0.0 ||
                    value->get<double>() > 1.0) {
                    f.problem(std::string("extension(diagram-position).") + name,
                              "must be a number from 0 to 1, got " + shown(*value));
                } else {
                    *target = value->get<double>();
                }
            }
        }
    }
    if (!knot.regionCode.empty() && !knot.view.empty() &&
        !knot.regionCode.starts_with(knot.view + ".")) {
        f.problem("location", "the region is not on the " + knot.view + " view");
    }
    knot.label = f.string(json, "description", "description", false).value_or("");
    knot.status = f.flag(json, "active") ? "active" : "resolved";
    if (f.ok()) {
        m_records.knots.push_back(std::move(knot));
    }
}

void FhirReader::readEncounter(const Json& json, ResourceFields& f,
                               const ResourceIdentity& identity, const Where& /*where*/) {
    SessionRecord session;
    session.id = identity.row;
    session.clientId =
        f.reference(json, "subject", "subject", {ResourceKind::Patient}, true).value_or(0);
    const Json* period = f.member(json, "period");
    if (period == nullptr || !period->is_object()) {
        f.problem("period.start", "is missing");
    } else if (const auto start = f.time(*period, "start", "period.start")) {
        session.started = *start;
    }
    const Json* types = f.member(json, "type");
    const auto kind =
        f.term(types != nullptr && types->is_array() && !types->empty() ? &(*types)[0] : nullptr,
               kSessionKindSystem, "type[0]");
    if (kind) {
        session.kind = kind->code;
        if (!sessionKindFromCode(session.kind)) {
            f.problem("type[0]", "\"" + shortened(session.kind) +
                                     "\" is neither self_checkin nor therapy_visit");
        }
    }
    const Json* participants = f.member(json, "participant");
    if (participants != nullptr && participants->is_array() && !participants->empty() &&
        (*participants)[0].contains("individual")) {
        session.therapist = f.string((*participants)[0]["individual"], "display",
                                     "participant[0].individual.display", false)
                                .value_or("");
    }
    for (const Json* trigger : f.extensions(json, kTriggerExtension)) {
        const Json* coding = f.member(*trigger, "valueCoding");
        if (const auto term = f.term(coding, kTriggerSystem, "extension(trigger).valueCoding")) {
            if (std::any_of(session.triggers.begin(), session.triggers.end(),
                            [&](const CodedTerm& t) { return t.code == term->code; })) {
                f.problem("extension(trigger)", "names " + term->code + " twice");
            }
            session.triggers.push_back(*term);
            m_records.triggers.emplace(term->code, term->name);
        }
    }
    for (const Json* notes : f.extensions(json, kNotesExtension)) {
        session.notes =
            f.string(*notes, "valueString", "extension(notes).valueString", true, kMaxNoteBytes)
                .value_or("");
    }
    if (f.ok()) {
        m_records.sessions.push_back(std::move(session));
    }
}

void FhirReader::readObservation(const Json& json, ResourceFields& f,
                                 const ResourceIdentity& identity, const Where& where) {
    const auto session =
        f.reference(json, "encounter", "encounter", {ResourceKind::Encounter}, true);
    const auto value = f.rating(json, "valueInteger", "valueInteger", true);
    if (textValue(json, "status") != "final") {
        f.problem("status", "must be final");
    }
    if (identity.kind != ResourceKind::KnotObservation) {
        if (f.ok() && session && value) {
            m_ratings.push_back({*session, static_cast<int>(identity.kind), *value, where});
        }
        return;
    }
    ObservationRecord observation;
    observation.id = identity.row;
    observation.sessionId = session.value_or(0);
    observation.pain = value.value_or(0);
    const auto knots = f.extensions(json, kKnotExtension);
    if (knots.empty()) {
        f.problem("extension(knot)", "is missing: a knot's rating names its knot");
    } else {
        observation.knotId =
            f.reference(*knots.front(), "valueReference", "extension(knot).valueReference",
                        {ResourceKind::BodyStructure}, true)
                .value_or(0);
    }
    observation.notes = f.note(json);
    const Json* components = f.member(json, "component");
    bool kindSeen = false;
    if (components != nullptr && components->is_array()) {
        std::size_t index = 0;
        for (const Json& component : *components) {
            const std::string field = "component[" + std::to_string(index++) + "]";
            const auto what =
                f.term(f.member(component, "code"), kComponentSystem, field + ".code");
            const Json* codeable = f.member(component, "valueCodeableConcept");
            if (!what) {
                continue;
            }
            if (what->code == "knot-kind") {
                if (const auto kind =
                        f.term(codeable, kKnotKindSystem, field + ".valueCodeableConcept")) {
                    observation.kind = kind->code;
                    kindSeen = true;
                    if (!observationKindFromCode(kind->code)) {
                        f.problem(field, "\"" + shortened(kind->code) +
                                             "\" is not a kind of knot Knotmap knows");
                    }
                }
            } else if (what->code == "symptom") {
                if (const auto symptom =
                        f.term(codeable, kSymptomSystem, field + ".valueCodeableConcept")) {
                    if (std::any_of(observation.symptoms.begin(), observation.symptoms.end(),
                                    [&](const CodedTerm& t) { return t.code == symptom->code; })) {
                        f.problem(field, "names the symptom " + symptom->code + " twice");
                    }
                    observation.symptoms.push_back(*symptom);
                    m_records.symptoms.emplace(symptom->code, symptom->name);
                }
            } else if (what->code == "referred-pain") {
                const std::string region = f.region(codeable, field + ".valueCodeableConcept");
                if (std::find(observation.referredRegions.begin(),
                              observation.referredRegions.end(),
                              region) != observation.referredRegions.end()) {
                    f.problem(field, "names the region " + region + " twice");
                }
                if (!region.empty()) {
                    observation.referredRegions.push_back(region);
                }
            } else {
                f.problem(field + ".code",
                          "\"" + shortened(what->code) + "\" is not a component Knotmap writes");
            }
        }
    }
    if (!kindSeen && f.ok()) {
        f.problem("component", "needs the kind of knot (code knot-kind)");
    }
    if (f.ok()) {
        m_records.observations.push_back(std::move(observation));
    }
}

void FhirReader::readProcedure(const Json& json, ResourceFields& f,
                               const ResourceIdentity& identity, const Where& /*where*/) {
    TreatmentRecord treatment;
    treatment.id = identity.row;
    treatment.sessionId =
        f.reference(json, "encounter", "encounter", {ResourceKind::Encounter}, true).value_or(0);
    if (const auto kind = f.term(f.member(json, "code"), kTreatmentSystem, "code")) {
        treatment.kind = *kind;
        m_records.treatmentKinds.emplace(kind->code, kind->name);
    }
    for (const Json* knot : f.extensions(json, kKnotExtension)) {
        treatment.knotId = f.reference(*knot, "valueReference", "extension(knot).valueReference",
                                       {ResourceKind::BodyStructure}, true);
    }
    for (const Json* minutes : f.extensions(json, kMinutesExtension)) {
        const Json* duration = f.member(*minutes, "valueDuration");
        const Json* value =
            duration != nullptr && duration->is_object() ? f.member(*duration, "value") : nullptr;
        if (value == nullptr || !value->is_number_integer() || value->get<std::int64_t>() < 0 ||
            value->get<std::int64_t>() > 100000 || textValue(*duration, "code") != "min") {
            f.problem("extension(minutes).valueDuration",
                      "must be whole minutes (code min), got " +
                          shown(duration == nullptr ? Json() : *duration));
        } else {
            treatment.minutes = value->get<int>();
        }
    }
    for (const Json* intensity : f.extensions(json, kIntensityExtension)) {
        treatment.intensity =
            f.string(*intensity, "valueCode", "extension(intensity).valueCode", true).value_or("");
        if (!intensityFromCode(treatment.intensity)) {
            f.problem("extension(intensity).valueCode",
                      "must be light, medium, firm or deep, got \"" +
                          shortened(treatment.intensity) + "\"");
        }
    }
    for (const Json* pain : f.extensions(json, kPainBeforeExtension)) {
        treatment.painBefore =
            f.rating(*pain, "valueInteger", "extension(pain-before).valueInteger", true);
    }
    for (const Json* pain : f.extensions(json, kPainAfterExtension)) {
        treatment.painAfter =
            f.rating(*pain, "valueInteger", "extension(pain-after).valueInteger", true);
    }
    for (const Json* medication : f.extensions(json, kMedicationExtension)) {
        treatment.medication =
            f.string(*medication, "valueString", "extension(medication).valueString", true)
                .value_or("");
    }
    treatment.notes = f.note(json);
    if (f.ok()) {
        m_records.treatments.push_back(std::move(treatment));
    }
}

void FhirReader::readComposition(const Json& json, ResourceFields& f,
                                 const ResourceIdentity& /*identity*/, const Where& where) {
    PendingNote note;
    note.where = where;
    note.session =
        f.reference(json, "encounter", "encounter", {ResourceKind::Encounter}, true).value_or(0);
    const Json* sections = f.member(json, "section");
    if (sections != nullptr && sections->is_array()) {
        std::size_t index = 0;
        for (const Json& section : *sections) {
            const std::string field = "section[" + std::to_string(index++) + "]";
            const Json* code = f.member(section, "code");
            const Json* loinc = code == nullptr ? nullptr : f.codingFrom(*code, kLoinc);
            const std::string which = loinc == nullptr ? "" : textValue(*loinc, "code");
            std::string* target = which == "61150-9"   ? &note.soap.subjective
                                  : which == "61149-1" ? &note.soap.objective
                                  : which == "51848-0" ? &note.soap.assessment
                                  : which == "18776-5" ? &note.soap.plan
                                                       : nullptr;
            if (target == nullptr) {
                f.problem(field + ".code", "needs the LOINC code of a SOAP part (61150-9, "
                                           "61149-1, 51848-0 or 18776-5)");
                continue;
            }
            const Json* text = f.member(section, "text");
            const auto div = text == nullptr ? std::nullopt
                                             : f.string(*text, "div", field + ".text.div", true,
                                                        2 * kMaxNoteBytes);
            const auto plain = div ? textOfDiv(*div) : std::nullopt;
            if (!plain) {
                f.problem(field + ".text.div",
                          "must be a <div> of plain text, as Knotmap writes it");
                continue;
            }
            *target = *plain;
        }
    }
    if (textValue(json, "status") == "final") {
        const Json* attesters = f.member(json, "attester");
        if (attesters == nullptr || !attesters->is_array() || attesters->empty()) {
            f.problem("attester", "a final note needs its signature (attester)");
        } else {
            note.soap.signedAt = f.time((*attesters)[0], "time", "attester[0].time");
            const Json* party = f.member((*attesters)[0], "party");
            if (party != nullptr && !party->is_object()) {
                f.problem("attester[0].party", "must be a Reference, got " + shown(*party));
            } else if (party != nullptr) {
                note.soap.signedBy =
                    f.string(*party, "display", "attester[0].party.display", false).value_or("");
                if (f.ok() && party->contains("display") && trimmed(note.soap.signedBy).empty()) {
                    f.problem("attester[0].party.display", "is blank: who signed?");
                }
            }
        }
    }
    if (f.ok()) {
        m_notes.push_back(std::move(note));
    }
}

ImportedRecords FhirReader::finish() {
    std::map<Id, const ClientRecord*> clients;
    for (const ClientRecord& client : m_records.clients) {
        clients.emplace(client.id, &client);
    }
    std::map<Id, SessionRecord*> sessions;
    for (SessionRecord& session : m_records.sessions) {
        sessions.emplace(session.id, &session);
    }
    std::map<Id, const KnotRecord*> knots;
    for (const KnotRecord& knot : m_records.knots) {
        knots.emplace(knot.id, &knot);
    }
    const auto origin = [&](ResourceKind kind, Id row) {
        return m_origins.at({static_cast<int>(kind), row});
    };
    const auto missing = [](const char* what) {
        return std::string("names ") + what + " that is not in the file";
    };
    // A resource in the file that had problems of its own: those are listed
    // already, so what refers to it adds none.
    const auto inFile = [&](ResourceKind kind, Id row) {
        return m_origins.count({static_cast<int>(kind), row}) != 0;
    };
    for (const KnotRecord& knot : m_records.knots) {
        if (clients.count(knot.clientId) == 0 && !inFile(ResourceKind::Patient, knot.clientId)) {
            problem(origin(ResourceKind::BodyStructure, knot.id), "patient", missing("a Patient"));
        }
    }
    for (const SessionRecord& session : m_records.sessions) {
        if (clients.count(session.clientId) == 0 &&
            !inFile(ResourceKind::Patient, session.clientId)) {
            problem(origin(ResourceKind::Encounter, session.id), "subject", missing("a Patient"));
        }
    }
    const auto sessionOf = [&](Id id, const Where& where) -> SessionRecord* {
        const auto found = sessions.find(id);
        if (found == sessions.end()) {
            if (!inFile(ResourceKind::Encounter, id)) {
                problem(where, "encounter", missing("an Encounter"));
            }
            return nullptr;
        }
        return found->second;
    };
    const auto sameClient = [&](const SessionRecord* session, std::optional<Id> knotId,
                                const Where& where) {
        if (!knotId) {
            return;
        }
        const auto knot = knots.find(*knotId);
        if (knot == knots.end()) {
            if (!inFile(ResourceKind::BodyStructure, *knotId)) {
                problem(where, "extension(knot)", missing("a BodyStructure"));
            }
        } else if (session != nullptr && knot->second->clientId != session->clientId) {
            problem(where, "extension(knot)", "the knot is another client's than the encounter's");
        }
    };
    // One rating of a knot per session, one of each session rating, one note
    // per visit: the database holds no more, so a second is a problem, not a
    // silent replacement.
    std::set<std::pair<Id, Id>> ratedKnots;
    for (const ObservationRecord& observation : m_records.observations) {
        const Where where = origin(ResourceKind::KnotObservation, observation.id);
        if (!ratedKnots.insert({observation.sessionId, observation.knotId}).second) {
            problem(where, "", "rates a knot the same encounter already rates");
        }
        sameClient(sessionOf(observation.sessionId, where), observation.knotId, where);
    }
    for (const TreatmentRecord& treatment : m_records.treatments) {
        const Where where = origin(ResourceKind::Procedure, treatment.id);
        sameClient(sessionOf(treatment.sessionId, where), treatment.knotId, where);
    }
    std::set<std::pair<Id, int>> ratedSessions;
    for (const PendingRating& rating : m_ratings) {
        if (!ratedSessions.insert({rating.session, rating.kind}).second) {
            problem(rating.where, "code", "the encounter already has this rating");
            continue;
        }
        if (SessionRecord* session = sessionOf(rating.session, rating.where)) {
            auto& target = rating.kind == static_cast<int>(ResourceKind::OverallPain)
                               ? session->overallPain
                           : rating.kind == static_cast<int>(ResourceKind::Stress) ? session->stress
                                                                                   : session->sleep;
            target = rating.value;
        }
    }
    std::set<Id> notedSessions;
    for (const PendingNote& note : m_notes) {
        if (!notedSessions.insert(note.session).second) {
            problem(note.where, "encounter", "the visit already has a note");
            continue;
        }
        if (SessionRecord* session = sessionOf(note.session, note.where)) {
            if (session->kind != "therapy_visit") {
                problem(note.where, "encounter", "a visit note belongs to a therapy visit");
                continue;
            }
            session->subjective = note.soap.subjective;
            session->objective = note.soap.objective;
            session->assessment = note.soap.assessment;
            session->plan = note.soap.plan;
            session->signedAt = note.soap.signedAt;
            session->signedBy = note.soap.signedBy;
        }
    }
    return std::move(m_records);
}

} // namespace knotmap::fhir
