#include "report/report_records.h"

#include "core/atlas.h"
#include "core/record_amendment.h"
#include "core/session_fields.h"
#include "core/treatment_text.h"
#include "store/amendment_repository.h"
#include "store/database.h"
#include "store/observation_repository.h"
#include "store/record_amendment_repository.h"
#include "store/treatment_repository.h"
#include "store/vocabulary_repository.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <optional>

namespace knotmap::report {
namespace {

std::string twoDigits(int value) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d", value);
    return text;
}

std::string localTime(const LocalTimestamp& at) {
    const CivilDateTime local = at.local();
    return twoDigits(local.hour) + ":" + twoDigits(local.minute);
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const std::string& part : parts) {
        text += (text.empty() ? "" : separator) + part;
    }
    return text;
}

// Vocabulary code -> display name, for symptoms and triggers.
using Names = std::map<std::string, std::string>;

Names vocabularyNames(Database& database, Vocabulary vocabulary) {
    Names names;
    for (const VocabularyItem& item : VocabularyRepository(database.sql()).list(vocabulary, true)) {
        names[item.code] = item.name;
    }
    return names;
}

std::string nameOf(const Names& names, const std::string& code) {
    const auto found = names.find(code);
    return found != names.end() ? found->second : code;
}

struct Context {
    std::map<Id, std::string> knotNames;
    Names symptoms;
    Names triggers;
};

std::string knotName(const Context& context, Id knotId) {
    const auto found = context.knotNames.find(knotId);
    return found != context.knotNames.end() ? found->second : "knot " + std::to_string(knotId);
}

// "Upper trapezius (left): 7/10, active trigger point; tingling. Notes"
std::string ratingLine(const Context& context, const Observation& observation) {
    std::string text = knotName(context, observation.knotId) + ": " +
                       std::to_string(observation.pain) + "/10, " +
                       std::string(displayName(observation.kind));
    std::vector<std::string> symptoms;
    for (const std::string& code : observation.symptomCodes) {
        symptoms.push_back(nameOf(context.symptoms, code));
    }
    if (!symptoms.empty()) {
        text += "; " + join(symptoms, ", ");
    }
    if (!observation.notes.empty()) {
        text += ". " + observation.notes;
    }
    return text;
}

// "Heat, 10 min · Firm, Upper trapezius (left), pain 6 → 4. Notes"
std::string treatmentLine(const Context& context, const ReportData& data,
                          const Treatment& treatment) {
    std::vector<std::string> parts{data.treatmentName(treatment.kindCode)};
    if (!treatment.medication.empty()) {
        parts.push_back(treatment.medication);
    }
    if (const std::string details = describeTreatmentDetails(treatment); !details.empty()) {
        parts.push_back(details);
    }
    parts.push_back(treatment.knotId ? knotName(context, *treatment.knotId)
                                     : std::string("whole session"));
    if (const std::string pain = describeTreatmentPain(treatment); !pain.empty()) {
        parts.push_back(pain);
    }
    std::string text = join(parts, ", ");
    if (!treatment.notes.empty()) {
        text += ". " + treatment.notes;
    }
    return text;
}

// An amended value as a person reads it: ratings "none" when cleared,
// triggers by name.
std::string fieldValueText(const Context& context, SessionField field, const std::string& value) {
    if (isRating(field)) {
        return value.empty() ? "none" : value + "/10";
    }
    if (field == SessionField::Triggers) {
        std::vector<std::string> names;
        std::string code;
        for (const char c : value + ",") {
            if (c == ',') {
                if (!code.empty()) {
                    names.push_back(nameOf(context.triggers, code));
                }
                code.clear();
            } else if (c != ' ') {
                code += c;
            }
        }
        return names.empty() ? "none" : join(names, ", ");
    }
    return value.empty() ? "(empty)" : value;
}

std::string treatmentSummary(const ReportData& data, const std::vector<Treatment>& treatments) {
    std::vector<std::pair<std::string, int>> counts;
    for (const Treatment& treatment : treatments) {
        auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& entry) {
            return entry.first == treatment.kindCode;
        });
        if (found == counts.end()) {
            counts.emplace_back(treatment.kindCode, 1);
        } else {
            ++found->second;
        }
    }
    std::string text;
    for (const auto& [code, count] : counts) {
        text += (text.empty() ? "" : ", ") + data.treatmentName(code) +
                (count > 1 ? " x" + std::to_string(count) : "");
    }
    return text;
}

Context makeContext(Database& database, const ReportData& data) {
    Context context;
    for (const HistoryKnot& knot : data.history.knots) {
        context.knotNames[knot.id] = knotDisplayName(knot);
    }
    context.symptoms = vocabularyNames(database, Vocabulary::Symptom);
    context.triggers = vocabularyNames(database, Vocabulary::Trigger);
    return context;
}

std::vector<AmendmentLine> sessionFieldAmendments(Database& database, const Session& visit,
                                                  const Context& context) {
    std::vector<AmendmentLine> lines;
    for (const SessionAmendment& amendment :
         AmendmentRepository(database.sql()).listForSession(visit.id)) {
        AmendmentLine line;
        line.what = std::string(displayName(amendment.field));
        line.original = fieldValueText(context, amendment.field, amendment.originalValue);
        line.amended = fieldValueText(context, amendment.field, amendment.newValue);
        line.author = amendment.author;
        line.amendedUtc = amendment.amendedUtc;
        line.when = localDateTime(amendment.amendedUtc, visit.startedAt.offsetMinutes());
        line.reason = amendment.reason;
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string regionName(const std::string& code) {
    const AtlasRegion* region = Atlas::builtIn().findByCode(code);
    return region != nullptr ? region->displayName : code;
}

// A rating's or treatment's amended value as a person reads it: the store's
// display text (names for codes, "not recorded"), with pain out of ten and
// minutes as the rest of the record shows them, referred regions by the
// atlas' names.
std::string recordValueText(const RecordAmendment& amendment, const std::string& text,
                            const std::optional<std::string>& value) {
    if (!value) {
        return text;
    }
    const std::string& field = amendment.field;
    if (field == "pain" || field == "pain_before" || field == "pain_after") {
        return text + "/10";
    }
    if (field == "minutes") {
        return text + " min";
    }
    if (amendment.record == AmendedRecord::Rating && field == "referrals" && text != "none") {
        std::vector<std::string> names;
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = std::min(text.find(", ", start), text.size());
            names.push_back(regionName(text.substr(start, comma - start)));
            start = comma + 2;
        }
        return join(names, ", ");
    }
    return text;
}

// "Rating: Left upper trapezius — Pain", "Treatment: Heat, whole session —
// Minutes": the knot named as in the visit's list of ratings and treatments.
std::vector<AmendmentLine> ratingAndTreatmentAmendments(Database& database, const Session& visit,
                                                        const Context& context) {
    std::map<Id, Id> ratedKnots;
    for (const Observation& observation :
         ObservationRepository(database.sql()).listForSession(visit.id)) {
        ratedKnots[observation.id] = observation.knotId;
    }
    std::map<Id, std::string> treatedPlaces;
    for (const Treatment& treatment :
         TreatmentRepository(database.sql()).listForSession(visit.id)) {
        treatedPlaces[treatment.id] =
            treatment.knotId ? knotName(context, *treatment.knotId) : "whole session";
    }
    std::vector<AmendmentLine> lines;
    for (const RecordAmendment& amendment :
         RecordAmendmentRepository(database.sql()).listForSession(visit.id)) {
        std::string subject;
        if (amendment.record == AmendedRecord::Rating) {
            const auto knot = ratedKnots.find(amendment.recordId);
            subject = "Rating: " + (knot != ratedKnots.end() ? knotName(context, knot->second)
                                                             : regionName(amendment.subject));
        } else {
            subject = "Treatment: " + amendment.subject;
            if (const auto place = treatedPlaces.find(amendment.recordId);
                place != treatedPlaces.end()) {
                subject += ", " + place->second;
            }
        }
        std::string field(amendmentFieldName(amendment.record, amendment.field));
        AmendmentLine line;
        line.what = subject + " \u2014 " + (field.empty() ? amendment.field : field);
        line.original = recordValueText(amendment, amendment.originalText, amendment.originalValue);
        line.amended = recordValueText(amendment, amendment.newText, amendment.newValue);
        line.author = amendment.author;
        line.amendedUtc = amendment.amendedUtc;
        line.when = localDateTime(amendment.amendedUtc, visit.startedAt.offsetMinutes());
        line.reason = amendment.reason;
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<AmendmentLine> amendmentTrail(Database& database, const Session& visit,
                                          const Context& context);

VisitRecord visitRecord(Database& database, const Session& stored, const ReportData& data,
                        const Context& context) {
    const std::vector<SessionAmendment> amendments =
        AmendmentRepository(database.sql()).listForSession(stored.id);
    const Session visit = withAmendments(stored, amendments);
    VisitRecord record;
    record.date = visit.startedAt.localDate();
    record.time = localTime(visit.startedAt);
    record.therapist = visit.therapist;
    record.overallPain = visit.overallPain;
    record.stress = visit.stress;
    record.sleep = visit.sleep;
    for (const std::string& code : visit.triggerCodes) {
        record.triggers.push_back(nameOf(context.triggers, code));
    }
    for (const Observation& observation :
         ObservationRepository(database.sql()).listForSession(visit.id)) {
        record.ratings.push_back(ratingLine(context, observation));
    }
    for (const Treatment& treatment :
         TreatmentRepository(database.sql()).listForSession(visit.id)) {
        record.treatments.push_back(treatmentLine(context, data, treatment));
    }
    record.subjective = visit.subjective;
    record.objective = visit.objective;
    record.assessment = visit.assessment;
    record.plan = visit.plan;
    record.notes = visit.notes;
    if (const auto signature = AmendmentRepository(database.sql()).signature(visit.id)) {
        record.signedBy = signature->signedBy;
        record.signedWhen = localDateTime(signature->signedUtc, visit.startedAt.offsetMinutes());
    }
    record.amendments = amendmentTrail(database, stored, context);
    return record;
}

CheckInRecord checkInRecord(Database& database, const Session& session, const ReportData& data,
                            const Context& context, const std::map<Id, std::string>& regions) {
    CheckInRecord record;
    record.date = session.startedAt.localDate();
    record.time = localTime(session.startedAt);
    record.overallPain = session.overallPain;
    for (const Observation& observation :
         ObservationRepository(database.sql()).listForSession(session.id)) {
        ++record.knotsRated;
        const auto region = regions.find(observation.knotId);
        record.regions.push_back(region != regions.end() ? region->second
                                                         : knotName(context, observation.knotId));
    }
    record.treatments =
        treatmentSummary(data, TreatmentRepository(database.sql()).listForSession(session.id));
    record.notes = session.notes;
    return record;
}

} // namespace

std::string localDateTime(std::int64_t utcSeconds, int offsetMinutes) {
    const LocalTimestamp at(utcSeconds, offsetMinutes);
    return at.localDate() + " " + localTime(at);
}

std::string knotDisplayName(const HistoryKnot& knot) {
    if (!knot.label.empty()) {
        return knot.label;
    }
    const AtlasRegion* region = Atlas::builtIn().findByCode(knot.regionCode);
    return region != nullptr ? region->displayName : knot.regionCode;
}

std::vector<AmendmentLine> visitAmendments(Database& database, const Session& visit,
                                           const ReportData& data) {
    return amendmentTrail(database, visit, makeContext(database, data));
}

namespace {

std::vector<AmendmentLine> amendmentTrail(Database& database, const Session& visit,
                                          const Context& context) {
    std::vector<AmendmentLine> lines = sessionFieldAmendments(database, visit, context);
    std::vector<AmendmentLine> records = ratingAndTreatmentAmendments(database, visit, context);
    lines.insert(lines.end(), std::make_move_iterator(records.begin()),
                 std::make_move_iterator(records.end()));
    // Both lists are oldest first; a stable sort by time keeps the whole
    // trail in the order it was written.
    std::stable_sort(
        lines.begin(), lines.end(),
        [](const AmendmentLine& a, const AmendmentLine& b) { return a.amendedUtc < b.amendedUtc; });
    return lines;
}

} // namespace

void loadSessionRecords(Database& database, ReportData& data,
                        const std::unordered_map<Id, Session>& sessionsById) {
    const Context context = makeContext(database, data);
    // A check-in's regions by the knot's region, not its label: the weekly
    // summary counts body regions.
    std::map<Id, std::string> regions;
    for (const HistoryKnot& knot : data.history.knots) {
        const AtlasRegion* region = Atlas::builtIn().findByCode(knot.regionCode);
        regions[knot.id] = region != nullptr ? region->displayName : knot.regionCode;
    }
    for (const HistorySession& session : data.history.sessions) {
        const auto found = sessionsById.find(session.id);
        if (found == sessionsById.end()) {
            continue;
        }
        if (session.kind == SessionKind::TherapyVisit) {
            data.visitRecords.push_back(visitRecord(database, found->second, data, context));
        } else {
            data.checkInRecords.push_back(
                checkInRecord(database, found->second, data, context, regions));
        }
    }
}

} // namespace knotmap::report
