#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

// A record's history as the window's History dialog words it, one line per
// audit trail event: "Signed by Dana Ruiz on 3 Dec 14:02", "Changed by Dana
// Ruiz on 3 Dec 14:02: kind self check-in → therapy visit". Written for a
// person looking at one record; `knotmap audit` keeps the plainer wording of
// core/audit_change.h, which scripts read.
namespace knotmap {

// One event of the record, its link rows or its amendments (the store's
// AuditEvent, without the store).
struct RecordEvent {
    std::int64_t atUtc = 0;
    std::string personName;
    std::string table;
    std::string action;                // insert, update, delete
    std::optional<std::string> before; // the whole row as JSON
    std::optional<std::string> after;
};

// Names of what rows hold by id or code; only the database knows them. An
// empty function (or an empty answer) shows the id or code itself.
struct RecordNames {
    std::function<std::string(std::int64_t id)> symptom;
    std::function<std::string(std::int64_t id)> trigger;
    std::function<std::string(std::int64_t id)> treatmentKind;
    std::function<std::string(const std::string& code)> region;
};

// The lines of events (oldest first) of a record kept in ownTable ("client",
// "session", "treatment", "observation"): its own rows, the link rows kept
// under its id and its amendments. Times are local, the year shown when it
// is not nowUtc's.
[[nodiscard]] std::vector<std::string> recordHistoryLines(const std::vector<RecordEvent>& events,
                                                          const std::string& ownTable,
                                                          const RecordNames& names,
                                                          std::int64_t nowUtc);

} // namespace knotmap
