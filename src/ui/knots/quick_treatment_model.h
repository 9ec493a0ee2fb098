#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"
#include "ui/widgets/named_code.h"

#include <string>
#include <vector>

namespace knotmap::ui {

// What the knot editor's compact treatment row offers for one rating: the
// kinds to pick from, those the client used most recently first, and the
// treatments this knot already had in the rating's session.
struct QuickTreatmentModel {
    Id sessionId = 0;
    std::vector<NamedCode> kinds;            // visible kinds; the client's recent ones first
    std::size_t recentCount = 0;             // how many of kinds are recently used ones
    std::vector<std::string> given;          // e.g. "Foam roller · 10 min · pain 6 → 3"
    std::vector<std::string> givenKindCodes; // the same, their kind codes (glyphs)
};

// How many recently used kinds the row shows as one-click chips.
inline constexpr std::size_t kRecentTreatmentKinds = 4;

[[nodiscard]] QuickTreatmentModel buildQuickTreatmentModel(sql::Connection& db, Id clientId,
                                                           Id sessionId, Id knotId);

} // namespace knotmap::ui
