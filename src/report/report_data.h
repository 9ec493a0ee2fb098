#pragma once

#include "core/client_history.h"
#include "core/domain.h"
#include "core/pain_change.h"
#include "core/range_change.h"
#include "core/treatment_effect.h"

#include <cstdint>
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

// How much of the self check-ins the report shows. Therapy visits are always
// shown in full; check-ins can outnumber them ten to one, so by default they
// are summarised per week.
enum class CheckInDetail { Weekly, Full, None };

// One entry of a visit's amendment trail: what was corrected, from what to
// what, by whom, when and why: a session field's ("Plan") or a rating's or
// treatment's ("Rating: Left upper trapezius — Pain", "7/10", "3/10"), all
// read in report_records.cpp (visitAmendments) and drawn alike.
struct AmendmentLine {
    std::string what;     // "Plan", "Rating: Left upper trapezius — Pain"
    std::string original; // the value as signed (or as the previous amendment left it)
    std::string amended;
    std::string author;
    std::int64_t amendedUtc = 0; // for ordering the trail
    std::string when;            // local "YYYY-MM-DD HH:MM" at the visit's UTC offset
    std::string reason;
};

// A therapy visit as the clinical record: everything recorded, in full.
struct VisitRecord {
    std::string date; // local "YYYY-MM-DD"
    std::string time; // local "HH:MM"
    std::string therapist;
    std::optional<int> overallPain;
    std::optional<int> stress;
    std::optional<int> sleep;
    std::vector<std::string> triggers; // display names
    // "Upper trapezius (left): 7/10, active trigger point. Notes..." one per knot rated.
    std::vector<std::string> ratings;
    // "Heat, 10 min, whole session, pain 6 → 4. Notes..." one per treatment.
    std::vector<std::string> treatments;
    // SOAP and notes as they read now: the signed text with amendments applied.
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    std::string notes;
    std::string signedBy; // empty: not signed
    std::string signedWhen;
    std::vector<AmendmentLine> amendments; // oldest first
};

// A self check-in, for the full listing and the weekly summary.
struct CheckInRecord {
    std::string date; // local "YYYY-MM-DD"
    std::string time; // local "HH:MM"
    std::optional<int> overallPain;
    std::vector<std::string> regions; // display names of the regions of the knots rated
    int knotsRated = 0;
    std::string treatments; // "Heat, Foam roller x2"
    std::string notes;      // in full
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
    // Overall pain across the period, compared as the window's overview does:
    // the level of the first stretch against the last (core/range_change.h).
    RangeChange overallChange;
    // The knots rated within the range, most painful (latest rating) first.
    std::vector<ReportKnot> knots;
    // The client's history with only the sessions in the range.
    ClientHistory history;
    std::vector<VisitRecord> visitRecords;     // oldest first
    std::vector<CheckInRecord> checkInRecords; // oldest first
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
