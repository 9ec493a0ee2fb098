#pragma once

#include "core/domain.h"
#include "core/domain_codes.h"
#include "core/timestamp.h"
#include "store/import_id_set.h"
#include "store/import_scratch_database.h"
#include "store/import_spill_file.h"
#include "store/sql/statement.h"

#include <cstdint>
#include <optional>

namespace knotmap {

// What the import check remembers of a session, to compare the rows that
// name it. A session with a problem still defines its id, so rows naming it
// are not also reported; its other values are not compared (ok is false).
struct ImportSession {
    Id client = 0;
    LocalTimestamp time;
    SessionKind kind = SessionKind::SelfCheckIn;
    std::int64_t line = 0; // the line that defines it
    bool ok = true;
};

// The sessions the import check has read, by id, in memory that does not
// grow with the rows (a practice has hundreds of thousands).
//
// Which ids are taken is kept as one bit each (ImportIdSet). The sessions
// themselves are appended to a temporary file in the order they are added,
// which is the order of sessions.csv (or of the observations file that
// defines them). An export lists the rows of treatments.csv and
// observations.csv in that order too, so each of those files is looked up
// with one forward walk over the sessions, started by rewind(): a session
// no row names is passed over. Otherwise (a session looked up after a later
// one, or before rewind() and not the last one added) every session is
// loaded into a table of a scratch SQLite database, and each later lookup
// and addition goes there. The answers are the same either way.
class ImportSessionTable {
public:
    explicit ImportSessionTable(ImportScratchDatabase& scratch)
        : m_scratch(scratch), m_ids(scratch, "session_id") {}
    ~ImportSessionTable();
    ImportSessionTable(const ImportSessionTable&) = delete;
    ImportSessionTable& operator=(const ImportSessionTable&) = delete;

    // The session, or nullptr when none has the id. Valid until the next call.
    [[nodiscard]] const ImportSession* find(Id id);
    // Adds a session whose id find() did not know.
    void add(Id id, const ImportSession& session);
    [[nodiscard]] std::int64_t size() const { return m_size; }
    // Starts a new walk from the first session (before reading each file
    // that names sessions).
    void rewind();
    // Whether the order broke and the sessions went to the scratch table (for tests).
    [[nodiscard]] bool fellBack() const { return !m_ordered; }

private:
    struct Record {
        Id id = 0;
        ImportSession session;
    };
    void fallBack();
    void prepareTable();
    void tableAdd(const Record& record);
    const ImportSession* tableFind(Id id);

    ImportScratchDatabase& m_scratch;
    ImportIdSet m_ids;
    std::optional<sql::Statement> m_insert;
    std::optional<sql::Statement> m_select;
    bool m_ordered = true;
    bool m_walking = false;
    std::int64_t m_size = 0;
    ImportSpillFile m_file;
    std::optional<Record> m_last;    // the session added last
    std::optional<Record> m_current; // where the walk is
    Record m_found;                  // what the scratch table gave last
    bool m_hasFound = false;
};

} // namespace knotmap
