#include "store/import_rows.h"

#include "core/atlas.h"
#include "core/csv_columns.h"
#include "core/validation.h"

#include <limits>

// Columns are named from the export's own lists (core/csv_columns.h); the
// import checks each file's header against those lists before any row
// reaches these functions, so a name's place is its place in the file.
namespace knotmap {
namespace {

constexpr int kMaxInt = std::numeric_limits<int>::max();

constexpr std::string_view kSessionKinds = "self_checkin or therapy_visit";
constexpr std::string_view kViews = "front or back";
constexpr std::string_view kObservationKinds =
    "active_trigger_point, latent_trigger_point, tension, adhesion or spasm";
constexpr std::string_view kStatuses = "active or resolved";
constexpr std::string_view kIntensities = "light, medium, firm or deep";

// An atlas region on the knot's view; the message names what is wrong.
// Returns the region when the code names one.
const AtlasRegion* checkRegion(ImportRow& row, std::size_t column, std::string_view code,
                               BodyView view) {
    const AtlasRegion* region = Atlas::builtIn().findByCode(code);
    if (region == nullptr) {
        row.problem(column, "unknown atlas region " + quotedValue(code) +
                                " (`knotmap atlas` lists the codes)");
    } else if (region->view != view) {
        row.problem(column, "region " + quotedValue(code) + " is on the " +
                                std::string(toCode(region->view)) + " view, not the " +
                                std::string(toCode(view)));
    }
    return region;
}

// region_name, side and choir_code repeat what the atlas says of region_code;
// an edited copy would be silently lost, so it must agree.
void checkRegionColumns(ImportRow& row, const AtlasRegion& region) {
    constexpr const CsvColumns& c = kObservationsCsv;
    const std::pair<CsvColumn, std::string_view> expected[] = {
        {c["region_name"], region.displayName},
        {c["side"], toCode(region.side)},
        {c["choir_code"], region.choirCode}};
    for (const auto& [column, value] : expected) {
        if (row.raw(column) != value) {
            row.problem(column, "is " + quotedValue(row.raw(column)) + " but the atlas says " +
                                    quotedValue(value) + " for region " + quotedValue(region.code));
        }
    }
}

} // namespace

ClientRow parseClientRow(ImportRow& row) {
    constexpr const CsvColumns& c = kClientsCsv;
    ClientRow parsed;
    Client& client = parsed.client;
    client.id = row.id(c["client_id"]);
    client.name = row.requiredText(c["client_name"], kMaxNameBytes);
    client.birthYear = row.optionalInteger(c["birth_year"], 1900, 2100);
    client.notes = row.text(c["notes"], kMaxNoteBytes);
    client.archived = row.integer(c["archived"], 0, 1) == 1;
    return parsed;
}

SessionRow parseSessionRow(ImportRow& row) {
    constexpr const CsvColumns& c = kSessionsCsv;
    SessionRow parsed;
    Session& session = parsed.session;
    session.clientId = row.id(c["client_id"]);
    parsed.clientName = row.text(c["client_name"], kMaxNameBytes);
    session.id = row.id(c["session_id"]);
    session.startedAt = row.time(c["session_time"]);
    session.kind =
        row.code(c["session_kind"], &sessionKindFromCode, kSessionKinds, SessionKind::SelfCheckIn);
    session.overallPain = row.optionalInteger(c["overall_pain"], kMinRating, kMaxRating);
    session.stress = row.optionalInteger(c["stress"], kMinRating, kMaxRating);
    session.sleep = row.optionalInteger(c["sleep"], kMinRating, kMaxRating);
    session.triggerCodes = row.textList(c["triggers"]);
    session.therapist = row.text(c["therapist"], kMaxNameBytes);
    session.subjective = row.text(c["subjective"], kMaxNoteBytes);
    session.objective = row.text(c["objective"], kMaxNoteBytes);
    session.assessment = row.text(c["assessment"], kMaxNoteBytes);
    session.plan = row.text(c["plan"], kMaxNoteBytes);
    session.notes = row.text(c["notes"], kMaxNoteBytes);
    parsed.signedAt = row.optionalTime(c["signed"]);
    if (parsed.signedAt && session.kind != SessionKind::TherapyVisit) {
        row.problem(c["signed"], "only a therapy visit can be signed");
    }
    return parsed;
}

KnotRow parseKnotRow(ImportRow& row) {
    constexpr const CsvColumns& c = kKnotsCsv;
    KnotRow parsed;
    Knot& knot = parsed.knot;
    knot.clientId = row.id(c["client_id"]);
    parsed.clientName = row.text(c["client_name"], kMaxNameBytes);
    knot.id = row.id(c["knot_id"]);
    knot.label = row.text(c["label"], kMaxNameBytes);
    knot.view = row.code(c["view"], &bodyViewFromCode, kViews, BodyView::Front);
    knot.regionCode = std::string(row.raw(c["region_code"]));
    (void)checkRegion(row, c["region_code"], knot.regionCode, knot.view);
    knot.position.x = row.unitCoordinate(c["x"]);
    knot.position.y = row.unitCoordinate(c["y"]);
    knot.status = row.code(c["status"], &knotStatusFromCode, kStatuses, KnotStatus::Active);
    // first_seen and last_seen are worked out from the observations on export;
    // they are only checked to be times.
    (void)row.optionalTime(c["first_seen"]);
    (void)row.optionalTime(c["last_seen"]);
    return parsed;
}

TreatmentRow parseTreatmentRow(ImportRow& row) {
    constexpr const CsvColumns& c = kTreatmentsCsv;
    TreatmentRow parsed;
    Treatment& treatment = parsed.treatment;
    parsed.clientId = row.id(c["client_id"]);
    parsed.clientName = row.text(c["client_name"], kMaxNameBytes);
    treatment.sessionId = row.id(c["session_id"]);
    parsed.sessionTime = row.time(c["session_time"]);
    treatment.id = row.id(c["treatment_id"]);
    treatment.knotId = row.optionalId(c["knot_id"]);
    treatment.kindCode = row.requiredText(c["kind"], kMaxCodeBytes);
    if (treatment.kindCode.find(';') != std::string::npos) {
        row.problem(c["kind"], "a treatment kind code cannot contain ';'");
    }
    treatment.minutes = row.optionalInteger(c["minutes"], 0, kMaxInt);
    treatment.intensity = row.optionalCode(c["intensity"], &intensityFromCode, kIntensities);
    treatment.painBefore = row.optionalInteger(c["pain_before"], kMinRating, kMaxRating);
    treatment.painAfter = row.optionalInteger(c["pain_after"], kMinRating, kMaxRating);
    treatment.medication = row.text(c["medication"], kMaxNameBytes);
    treatment.notes = row.text(c["notes"], kMaxNoteBytes);
    return parsed;
}

ObservationRow parseObservationRow(ImportRow& row) {
    constexpr const CsvColumns& c = kObservationsCsv;
    ObservationRow parsed;
    Observation& observation = parsed.observation;
    Knot& knot = parsed.knot;
    parsed.clientId = row.id(c["client_id"]);
    parsed.clientName = row.requiredText(c["client_name"], kMaxNameBytes);
    observation.sessionId = row.id(c["session_id"]);
    parsed.sessionTime = row.time(c["session_time"]);
    parsed.sessionKind =
        row.code(c["session_kind"], &sessionKindFromCode, kSessionKinds, SessionKind::SelfCheckIn);
    knot.id = row.id(c["knot_id"]);
    knot.clientId = parsed.clientId;
    observation.knotId = knot.id;
    knot.label = row.text(c["knot_label"], kMaxNameBytes);
    knot.view = row.code(c["view"], &bodyViewFromCode, kViews, BodyView::Front);
    knot.regionCode = std::string(row.raw(c["region_code"]));
    if (const AtlasRegion* region =
            checkRegion(row, c["region_code"], knot.regionCode, knot.view)) {
        checkRegionColumns(row, *region);
    }
    knot.position.x = row.unitCoordinate(c["x"]);
    knot.position.y = row.unitCoordinate(c["y"]);
    observation.pain = row.integer(c["pain"], kMinRating, kMaxRating);
    observation.kind = row.code(c["kind"], &observationKindFromCode, kObservationKinds,
                                ObservationKind::ActiveTriggerPoint);
    observation.symptomCodes = row.textList(c["symptoms"]);
    observation.referredRegionCodes = row.codeList(c["referred_regions"]);
    for (const std::string& code : observation.referredRegionCodes) {
        if (Atlas::builtIn().findByCode(code) == nullptr) {
            row.problem(c["referred_regions"],
                        "unknown atlas region " + quotedValue(code) + " in the list");
        }
    }
    parsed.treatmentCodes = row.textList(c["treatments"]);
    observation.notes = row.text(c["notes"], kMaxNoteBytes);
    return parsed;
}

} // namespace knotmap
