#include "ui/treatments/treatment_view_model.h"

#include "core/domain_codes.h"
#include "core/treatment_text.h"
#include "store/amendment_repository.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/treatment_repository.h"
#include "store/vocabulary_repository.h"
#include "ui/knots/knot_editor_model.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/glyph_coverage.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace knotmap::ui {
namespace {

// The seeded massage kinds share this code prefix (db/sqlite/002_seed_vocabularies.sql).
bool isMassage(const std::string& code) {
    return code.rfind("massage_", 0) == 0 && code != "massage_ball" && code != "massage_gun";
}

std::vector<TreatmentKindChoice> kindChoices(sql::Connection& db,
                                             const std::vector<Treatment>& used) {
    std::vector<TreatmentKindChoice> kinds;
    for (const VocabularyItem& item :
         VocabularyRepository(db).list(Vocabulary::TreatmentKind, true)) {
        const bool inUse = std::any_of(used.begin(), used.end(),
                                       [&](const Treatment& t) { return t.kindCode == item.code; });
        // A hidden kind is no longer offered, but a treatment that has it can still be edited.
        if (!item.hidden || inUse) {
            kinds.push_back({item.code, item.name, isMassage(item.code), item.hidden});
        }
    }
    // Massage kinds together at the top; otherwise the vocabulary's own order.
    std::stable_partition(kinds.begin(), kinds.end(),
                          [](const TreatmentKindChoice& kind) { return kind.massage; });
    return kinds;
}

std::string knotName(const Knot& knot, const Atlas& atlas) {
    return knot.label.empty() ? regionDisplayName(atlas, knot.regionCode) : knot.label;
}

} // namespace

std::optional<TreatmentPanelModel> buildTreatmentPanelModel(sql::Connection& db, Id sessionId,
                                                            const Atlas& atlas) {
    const auto session = SessionRepository(db).get(sessionId);
    if (!session) {
        return std::nullopt;
    }
    TreatmentPanelModel model;
    model.sessionId = sessionId;
    const CivilDateTime local = session->startedAt.local();
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", local.hour, local.minute);
    model.sessionTitle =
        formatLongDate(local) + ", " + time + " \u00B7 " + std::string(displayName(session->kind));

    if (const auto signature = AmendmentRepository(db).signature(sessionId)) {
        model.signedVisit = true;
        model.signer = signature->signedBy;
    }

    KnotRepository knots(db);
    std::map<Id, std::string> names;
    for (const Observation& observation : ObservationRepository(db).listForSession(sessionId)) {
        if (const auto knot = knots.get(observation.knotId)) {
            names[knot->id] = knotName(*knot, atlas);
            model.knots.push_back({knot->id, names[knot->id], observation.pain});
        }
    }
    std::sort(model.knots.begin(), model.knots.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });

    const std::vector<Treatment> treatments = TreatmentRepository(db).listForSession(sessionId);
    model.kinds = kindChoices(db, treatments);
    for (const Treatment& treatment : treatments) {
        TreatmentLine line;
        line.treatment = treatment;
        line.pain = describeTreatmentPain(treatment);
        if (!treatment.knotId) {
            line.target = "Whole session";
        } else if (const auto found = names.find(*treatment.knotId); found != names.end()) {
            line.target = found->second;
        } else if (const auto knot = knots.get(*treatment.knotId)) {
            line.target = knotName(*knot, atlas); // treated but not observed this session
        }
        if (model.groups.empty() ||
            !givenTogether(model.groups.back().lines.back().treatment, treatment)) {
            TreatmentGroup group;
            group.kindCode = treatment.kindCode;
            group.kindName = treatment.kindCode; // a kind the vocabulary lost keeps its code
            for (const TreatmentKindChoice& kind : model.kinds) {
                if (kind.code == treatment.kindCode) {
                    group.kindName = kind.name;
                }
            }
            group.details = describeTreatmentDetails(treatment);
            group.medication = treatment.medication;
            group.notes = treatment.notes;
            noteShownText(group.kindName + group.medication + group.notes); // for the fonts
            model.groups.push_back(std::move(group));
        }
        model.groups.back().lines.push_back(std::move(line));
        ++model.treatmentCount;
    }
    return model;
}

} // namespace knotmap::ui
