#pragma once

#include "core/client_history.h"
#include "report/report_data.h"

#include <string>
#include <unordered_map>

namespace knotmap {
class Database;
}

// The clinical record of each session in the report: a therapy visit's SOAP
// text, ratings, treatments, signature and amendment trail; a self check-in's
// ratings and notes. Read from the store once, in full (nothing is shortened
// here; the layout wraps).
namespace knotmap::report {

// A knot's name as the report prints it: its label, else its region's
// display name, else its region code.
[[nodiscard]] std::string knotDisplayName(const HistoryKnot& knot);

// Fills data.visitRecords and data.checkInRecords for the sessions of
// data.history (already restricted to the period). sessionsById holds those
// sessions as stored (a signed visit's values as signed).
void loadSessionRecords(Database& database, ReportData& data,
                        const std::unordered_map<Id, Session>& sessionsById);

// A visit's amendment trail, oldest first: its session-field amendments and
// the amendments of its ratings and treatments ("Rating: Left upper
// trapezius — Pain", "7/10", "3/10"), sorted together by time.
[[nodiscard]] std::vector<AmendmentLine> visitAmendments(Database& database, const Session& visit,
                                                         const ReportData& data);

// "YYYY-MM-DD HH:MM" of utcSeconds at offsetMinutes.
[[nodiscard]] std::string localDateTime(std::int64_t utcSeconds, int offsetMinutes);

} // namespace knotmap::report
