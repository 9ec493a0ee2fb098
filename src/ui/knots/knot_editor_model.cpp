#include "ui/knots/knot_editor_model.h"

#include "core/domain_codes.h"
#include "store/amendment_repository.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/record_amendment_repository.h"
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "store/vocabulary_repository.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/glyph_coverage.h"

#include <algorithm>
#include <cstdio>

namespace knotmap::ui {
namespace {

std::string describePrevious(sql::Connection& db, const Observation& current) {
    const std::vector<Observation> history = ObservationRepository(db).listForKnot(current.knotId);
    const auto at = std::find_if(history.begin(), history.end(),
                                 [&](const Observation& o) { return o.id == current.id; });
    if (at == history.begin() || at == history.end()) {
        return {};
    }
    const Observation& previous = *(at - 1);
    const auto session = SessionRepository(db).get(previous.sessionId);
    if (!session) {
        return {};
    }
    return "Last time (" + formatLongDate(session->startedAt.local()) + "): pain " +
           std::to_string(previous.pain);
}

std::vector<NamedCode> symptomChoices(sql::Connection& db, const Observation& observation) {
    std::vector<NamedCode> choices;
    for (const VocabularyItem& item : VocabularyRepository(db).list(Vocabulary::Symptom, true)) {
        const bool used =
            std::find(observation.symptomCodes.begin(), observation.symptomCodes.end(),
                      item.code) != observation.symptomCodes.end();
        // A hidden symptom is no longer offered, but one already on the record stays visible.
        if (!item.hidden || used) {
            choices.push_back({item.code, item.name});
        }
    }
    return choices;
}

} // namespace

bool knotRatedInSignedVisit(sql::Connection& db, Id knotId) {
    sql::Statement query(db, "SELECT EXISTS (SELECT 1 FROM observation o JOIN session s "
                             "ON s.id = o.session_id WHERE o.knot_id = ? "
                             "AND s.signed_utc IS NOT NULL)");
    query.bind(1, static_cast<std::int64_t>(knotId));
    query.executeStep();
    return query.getColumn(0).getInt() != 0;
}

std::string regionDisplayName(const Atlas& atlas, const std::string& code) {
    const AtlasRegion* region = atlas.findByCode(code);
    return region != nullptr ? region->displayName : code;
}

std::optional<KnotEditorModel> buildKnotEditorModel(sql::Connection& db, Id observationId,
                                                    const Atlas& atlas) {
    auto observation = ObservationRepository(db).get(observationId);
    if (!observation) {
        return std::nullopt;
    }
    const auto knot = KnotRepository(db).get(observation->knotId);
    const auto session = SessionRepository(db).get(observation->sessionId);
    if (!knot || !session) {
        return std::nullopt;
    }
    KnotEditorModel model;
    model.observationId = observation->id;
    model.knotId = knot->id;
    model.title = knot->label.empty() ? regionDisplayName(atlas, knot->regionCode) : knot->label;
    model.subtitle =
        formatMoment(session->startedAt) + " \u00B7 " + std::string(displayName(session->kind));
    const CivilDateTime local = session->startedAt.local();
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", local.hour, local.minute);
    model.sessionTime = time;
    model.previous = describePrevious(db, *observation);
    model.symptomChoices = symptomChoices(db, *observation);
    for (const std::string& code : observation->referredRegionCodes) {
        model.referredRegions.push_back({code, regionDisplayName(atlas, code)});
        if (const AtlasRegion* region = atlas.findByCode(code)) {
            model.referredRegionIndices.push_back(region->index);
        }
    }
    if (const auto signature = AmendmentRepository(db).signature(session->id)) {
        model.signedVisit = true;
        model.signer = signature->signedBy;
        const LocalTimestamp signedAt(signature->signedUtc, session->startedAt.offsetMinutes());
        model.signedLine = "Signed by " + signature->signedBy + " on " + formatMoment(signedAt);
        for (const RecordAmendment& amendment :
             RecordAmendmentRepository(db).listForSession(session->id)) {
            if (amendment.record != AmendedRecord::Rating ||
                amendment.recordId != model.observationId) {
                continue;
            }
            const LocalTimestamp at(amendment.amendedUtc, session->startedAt.offsetMinutes());
            model.amendmentLines.push_back(describeChange(amendment));
            model.amendmentBylines.push_back(amendment.author + " \u00B7 " + formatMoment(at) +
                                             " \u00B7 " + amendment.reason);
        }
    }
    model.knotLocked = knotRatedInSignedVisit(db, knot->id);
    if (!model.signedVisit) {
        model.treatment = buildQuickTreatmentModel(db, knot->clientId, session->id, knot->id);
    }
    model.observation = std::move(*observation);
    noteShownText(model.observation.notes); // the window's fonts gain its glyphs
    return model;
}

} // namespace knotmap::ui
