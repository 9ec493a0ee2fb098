#pragma once

#include "core/domain.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// One client's whole history in a compact, read-only form: what every chart
// is computed from. The store reads it in one go (store/client_history_query.h)
// off the frame path; the analyses in core (knot_trend.h, client_overview.h,
// region_heat.h, session_comparison.h, treatment_effect.h,
// symptom_frequency.h) are pure functions of it.
namespace knotmap {

struct HistorySession {
    Id id = 0;
    LocalTimestamp startedAt;
    SessionKind kind = SessionKind::SelfCheckIn;
    std::optional<int> overallPain;
};

struct HistoryKnot {
    Id id = 0;
    BodyView view = BodyView::Front;
    DiagramPoint position;
    std::string regionCode; // atlas region code
    std::string label;      // may be empty
    KnotStatus status = KnotStatus::Active;
};

struct HistoryObservation {
    std::size_t session = 0; // index into ClientHistory::sessions
    Id knotId = 0;
    int pain = 0;
    std::vector<std::string> symptomCodes; // vocabulary codes
};

struct HistoryTreatment {
    std::size_t session = 0;  // index into ClientHistory::sessions
    std::optional<Id> knotId; // none: the whole session
    std::string kindCode;     // treatment-kind vocabulary code
    std::optional<int> painBefore;
    std::optional<int> painAfter;
};

struct ClientHistory {
    Id clientId = 0;
    // Oldest first (by UTC instant, then id).
    std::vector<HistorySession> sessions;
    // By id.
    std::vector<HistoryKnot> knots;
    // In session order (then knot id): observations of sessions[i] are contiguous.
    std::vector<HistoryObservation> observations;
    // In session order (then treatment id).
    std::vector<HistoryTreatment> treatments;
};

} // namespace knotmap
