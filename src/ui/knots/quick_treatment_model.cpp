#include "ui/knots/quick_treatment_model.h"

#include "store/sql/statement.h"
#include "store/treatment_repository.h"
#include "store/vocabulary_repository.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

// The client's treatment kinds, the one used last first.
std::vector<std::string> recentKindCodes(sql::Connection& db, Id clientId) {
    sql::Statement query(db, "SELECT k.code FROM treatment t "
                             "JOIN session s ON s.id = t.session_id "
                             "JOIN treatment_kind k ON k.id = t.kind_id "
                             "WHERE s.client_id = ? AND k.hidden = 0 "
                             "GROUP BY k.code ORDER BY max(s.started_utc) DESC, max(t.id) DESC "
                             "LIMIT ?");
    query.bind(1, static_cast<std::int64_t>(clientId));
    query.bind(2, static_cast<std::int64_t>(kRecentTreatmentKinds));
    std::vector<std::string> codes;
    while (query.executeStep()) {
        codes.push_back(query.getColumn(0).getString());
    }
    return codes;
}

std::string describe(const Treatment& treatment, const std::string& kindName) {
    std::string line = kindName;
    if (treatment.minutes) {
        line += " \u00B7 " + std::to_string(*treatment.minutes) + " min";
    }
    if (treatment.painBefore || treatment.painAfter) {
        const auto pain = [](std::optional<int> value) {
            return value ? std::to_string(*value) : std::string("?");
        };
        line +=
            " \u00B7 pain " + pain(treatment.painBefore) + " \u2192 " + pain(treatment.painAfter);
    }
    return line;
}

} // namespace

QuickTreatmentModel buildQuickTreatmentModel(sql::Connection& db, Id clientId, Id sessionId,
                                             Id knotId) {
    QuickTreatmentModel model;
    model.sessionId = sessionId;
    const std::vector<VocabularyItem> vocabulary =
        VocabularyRepository(db).list(Vocabulary::TreatmentKind, /*includeHidden=*/true);
    for (const std::string& code : recentKindCodes(db, clientId)) {
        const auto found =
            std::find_if(vocabulary.begin(), vocabulary.end(),
                         [&](const VocabularyItem& item) { return item.code == code; });
        if (found != vocabulary.end()) {
            model.kinds.push_back({found->code, found->name});
        }
    }
    model.recentCount = model.kinds.size();
    for (const VocabularyItem& item : vocabulary) {
        const bool listed =
            std::any_of(model.kinds.begin(), model.kinds.end(),
                        [&](const NamedCode& kind) { return kind.code == item.code; });
        if (!item.hidden && !listed) {
            model.kinds.push_back({item.code, item.name});
        }
    }
    for (const Treatment& treatment : TreatmentRepository(db).listForSession(sessionId)) {
        if (treatment.knotId != knotId) {
            continue;
        }
        std::string name = treatment.kindCode;
        for (const VocabularyItem& item : vocabulary) {
            if (item.code == treatment.kindCode) {
                name = item.name;
            }
        }
        model.given.push_back(describe(treatment, name));
        model.givenKindCodes.push_back(treatment.kindCode);
    }
    return model;
}

} // namespace knotmap::ui
