#include "store/import_rows.h"

#include "core/atlas.h"
#include "core/validation.h"

#include <limits>

// Column numbers follow the export's column lists (store/table_export.cpp and
// store/observation_export.cpp); the import checks each file's header against
// those lists before any row reaches these functions.
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
    const std::string_view expected[] = {region.displayName, toCode(region.side),
                                         region.choirCode};
    for (std::size_t i = 0; i < 3; ++i) {
        const std::size_t column = 9 + i;
        if (row.raw(column) != expected[i]) {
            row.problem(column, "is " + quotedValue(row.raw(column)) + " but the atlas says " +
                                    quotedValue(expected[i]) + " for region " +
                                    quotedValue(region.code));
        }
    }
}

} // namespace

ClientRow parseClientRow(ImportRow& row) {
    ClientRow parsed;
    Client& client = parsed.client;
    client.id = row.id(0);
    client.name = row.requiredText(1, kMaxNameBytes);
    client.birthYear = row.optionalInteger(2, 1900, 2100);
    client.notes = row.text(3, kMaxNoteBytes);
    client.archived = row.integer(4, 0, 1) == 1;
    return parsed;
}

SessionRow parseSessionRow(ImportRow& row) {
    SessionRow parsed;
    Session& session = parsed.session;
    session.clientId = row.id(0);
    parsed.clientName = row.text(1, kMaxNameBytes);
    session.id = row.id(2);
    session.startedAt = row.time(3);
    session.kind =
        row.code(4, &sessionKindFromCode, kSessionKinds, SessionKind::SelfCheckIn);
    session.overallPain = row.optionalInteger(5, kMinRating, kMaxRating);
    session.stress = row.optionalInteger(6, kMinRating, kMaxRating);
    session.sleep = row.optionalInteger(7, kMinRating, kMaxRating);
    session.triggerCodes = row.textList(8);
    session.therapist = row.text(9, kMaxNameBytes);
    session.subjective = row.text(10, kMaxNoteBytes);
    session.objective = row.text(11, kMaxNoteBytes);
    session.assessment = row.text(12, kMaxNoteBytes);
    session.plan = row.text(13, kMaxNoteBytes);
    session.notes = row.text(14, kMaxNoteBytes);
    parsed.signedAt = row.optionalTime(15);
    if (parsed.signedAt && session.kind != SessionKind::TherapyVisit) {
        row.problem(15, "only a therapy visit can be signed");
    }
    return parsed;
}

KnotRow parseKnotRow(ImportRow& row) {
    KnotRow parsed;
    Knot& knot = parsed.knot;
    knot.clientId = row.id(0);
    parsed.clientName = row.text(1, kMaxNameBytes);
    knot.id = row.id(2);
    knot.label = row.text(3, kMaxNameBytes);
    knot.view = row.code(4, &bodyViewFromCode, kViews, BodyView::Front);
    knot.regionCode = std::string(row.raw(5));
    (void)checkRegion(row, 5, knot.regionCode, knot.view);
    knot.position.x = row.unitCoordinate(6);
    knot.position.y = row.unitCoordinate(7);
    knot.status = row.code(8, &knotStatusFromCode, kStatuses, KnotStatus::Active);
    // first_seen and last_seen are worked out from the observations on export;
    // they are only checked to be times.
    (void)row.optionalTime(9);
    (void)row.optionalTime(10);
    return parsed;
}

TreatmentRow parseTreatmentRow(ImportRow& row) {
    TreatmentRow parsed;
    Treatment& treatment = parsed.treatment;
    parsed.clientId = row.id(0);
    parsed.clientName = row.text(1, kMaxNameBytes);
    treatment.sessionId = row.id(2);
    parsed.sessionTime = row.time(3);
    treatment.id = row.id(4);
    treatment.knotId = row.optionalId(5);
    treatment.kindCode = row.requiredText(6, kMaxCodeBytes);
    if (treatment.kindCode.find(';') != std::string::npos) {
        row.problem(6, "a treatment kind code cannot contain ';'");
    }
    treatment.minutes = row.optionalInteger(7, 0, kMaxInt);
    treatment.intensity = row.optionalCode(8, &intensityFromCode, kIntensities);
    treatment.painBefore = row.optionalInteger(9, kMinRating, kMaxRating);
    treatment.painAfter = row.optionalInteger(10, kMinRating, kMaxRating);
    treatment.medication = row.text(11, kMaxNameBytes);
    treatment.notes = row.text(12, kMaxNoteBytes);
    return parsed;
}

ObservationRow parseObservationRow(ImportRow& row) {
    ObservationRow parsed;
    Observation& observation = parsed.observation;
    Knot& knot = parsed.knot;
    parsed.clientId = row.id(0);
    parsed.clientName = row.requiredText(1, kMaxNameBytes);
    observation.sessionId = row.id(2);
    parsed.sessionTime = row.time(3);
    parsed.sessionKind =
        row.code(4, &sessionKindFromCode, kSessionKinds, SessionKind::SelfCheckIn);
    knot.id = row.id(5);
    knot.clientId = parsed.clientId;
    observation.knotId = knot.id;
    knot.label = row.text(6, kMaxNameBytes);
    knot.view = row.code(7, &bodyViewFromCode, kViews, BodyView::Front);
    knot.regionCode = std::string(row.raw(8));
    if (const AtlasRegion* region = checkRegion(row, 8, knot.regionCode, knot.view)) {
        checkRegionColumns(row, *region);
    }
    knot.position.x = row.unitCoordinate(12);
    knot.position.y = row.unitCoordinate(13);
    observation.pain = row.integer(14, kMinRating, kMaxRating);
    observation.kind = row.code(15, &observationKindFromCode, kObservationKinds,
                                ObservationKind::ActiveTriggerPoint);
    observation.symptomCodes = row.textList(16);
    observation.referredRegionCodes = row.codeList(17);
    for (const std::string& code : observation.referredRegionCodes) {
        if (Atlas::builtIn().findByCode(code) == nullptr) {
            row.problem(17, "unknown atlas region " + quotedValue(code) + " in the list");
        }
    }
    parsed.treatmentCodes = row.textList(18);
    observation.notes = row.text(19, kMaxNoteBytes);
    return parsed;
}

} // namespace knotmap
