#pragma once

#include "core/client_history.h"
#include "core/domain.h"
#include "core/pain_change.h"
#include "core/treatment_effect.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

// Everything a client report shows, gathered from the database once and
// restricted to the requested dates, so the drawing code only lays it out.
namespace knotmap::report {

// Inclusive local calendar dates, "YYYY-MM-DD"; none means open-ended.
struct DateRange {
    std::optional<std::string> from;
    std::optional<std::string> to;
};

// One knot as the body map and the trend charts show it.
struct ReportKnot {
    Id id = 0;
    BodyView view = BodyView::Front;
    DiagramPoint position;
    std::string name; // its label, else its region's display name
    KnotStatus status = KnotStatus::Active;
    int latestPain = 0; // its latest rating within the range
};

// One line of the session table.
struct SessionRow {
    std::string date; // local date, "YYYY-MM-DD"
    SessionKind kind = SessionKind::SelfCheckIn;
    std::optional<int> overallPain;
    int knotsRated = 0;
    std::string treatments; // kind names, repeated kinds counted: "Massage x2, Heat"
    std::string notes;
};

struct ReportData {
    Client client;
    DateRange requested;
    // The local dates of the first and last session in the range (empty: none).
    std::string firstSessionDate;
    std::string lastSessionDate;
    int checkIns = 0;
    int visits = 0;
    // Overall pain, first rated session to latest, with their dates.
    std::optional<PainChange> overallChange;
    std::string overallFirstDate;
    std::string overallLatestDate;
    // The knots rated within the range, most painful (latest rating) first.
    std::vector<ReportKnot> knots;
    // The client's history with only the sessions in the range.
    ClientHistory history;
    std::vector<SessionRow> sessions; // oldest first
    std::vector<TreatmentEffect> effects;
    // Treatment kind code -> display name.
    std::map<std::string, std::string> treatmentNames;
    // The UTC offset of the latest session: dates on the charts are shown in it.
    int utcOffsetMinutes = 0;

    [[nodiscard]] int sessionCount() const { return checkIns + visits; }
    [[nodiscard]] std::string treatmentName(const std::string& code) const;
};

// True when session's local date lies within range.
[[nodiscard]] bool inRange(const DateRange& range, const LocalTimestamp& startedAt);

// history with only the sessions within range, observations and treatments
// re-indexed to match. Knots are kept whole (their identity does not depend
// on the dates).
[[nodiscard]] ClientHistory restrictToRange(const ClientHistory& history, const DateRange& range);

} // namespace knotmap::report
