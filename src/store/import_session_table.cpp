#include "store/import_session_table.h"

namespace knotmap {

ImportSessionTable::~ImportSessionTable() {
    // Statements before the scratch connection they were prepared on.
    m_insert.reset();
    m_select.reset();
}

const ImportSession* ImportSessionTable::find(Id id) {
    if (!m_ids.contains(id)) {
        return nullptr;
    }
    if (!m_ordered) {
        return tableFind(id);
    }
    if (m_last && m_last->id == id) {
        return &m_last->session; // another row of the session just added
    }
    if (m_walking) {
        if (m_current && m_current->id == id) {
            return &m_current->session;
        }
        Record record;
        while (m_file.get(record)) {
            if (record.id == id) {
                m_current = record;
                return &m_current->session;
            }
        }
        // Not ahead of the walk: behind it.
    }
    fallBack();
    return tableFind(id);
}

void ImportSessionTable::add(Id id, const ImportSession& session) {
    m_ids.add(id);
    ++m_size;
    const Record record{id, session};
    if (m_ordered && !m_walking) {
        m_file.put(record);
        m_last = record;
        return;
    }
    if (m_ordered) {
        fallBack(); // a session added after a walk began
    }
    tableAdd(record);
}

void ImportSessionTable::rewind() {
    if (!m_ordered) {
        return;
    }
    m_walking = true;
    m_current.reset();
    m_file.rewind();
}

void ImportSessionTable::fallBack() {
    m_ordered = false;
    prepareTable();
    m_file.rewind();
    Record record;
    while (m_file.get(record)) {
        tableAdd(record);
    }
    m_file.clear();
    m_last.reset();
    m_current.reset();
}

void ImportSessionTable::prepareTable() {
    if (m_insert) {
        return;
    }
    sql::Connection& db = m_scratch.connection();
    db.exec("CREATE TABLE session_seen (id INTEGER PRIMARY KEY, client INTEGER, utc INTEGER, "
            "utc_offset INTEGER, kind INTEGER, line INTEGER, ok INTEGER)");
    m_insert.emplace(db, "INSERT INTO session_seen (id, client, utc, utc_offset, kind, line, ok) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)");
    m_select.emplace(db, "SELECT client, utc, utc_offset, kind, line, ok FROM session_seen "
                         "WHERE id = ?");
}

void ImportSessionTable::tableAdd(const Record& record) {
    const ImportSession& session = record.session;
    prepareTable();
    m_insert->tryReset();
    m_insert->bind(1, static_cast<long long>(record.id));
    m_insert->bind(2, static_cast<long long>(session.client));
    m_insert->bind(3, static_cast<long long>(session.time.utcSeconds()));
    m_insert->bind(4, session.time.offsetMinutes());
    m_insert->bind(5, static_cast<int>(session.kind));
    m_insert->bind(6, static_cast<long long>(session.line));
    m_insert->bind(7, session.ok);
    m_insert->exec();
}

const ImportSession* ImportSessionTable::tableFind(Id id) {
    // A row is often looked up twice (its check, then its rank); a session
    // never changes once added.
    if (m_hasFound && m_found.id == id) {
        return &m_found.session;
    }
    prepareTable();
    m_select->tryReset();
    m_select->bind(1, static_cast<long long>(id));
    if (!m_select->executeStep()) {
        return nullptr;
    }
    ImportSession& session = m_found.session;
    m_found.id = id;
    m_hasFound = true;
    session.client = m_select->getColumn(0).getInt64();
    session.time =
        LocalTimestamp(m_select->getColumn(1).getInt64(), m_select->getColumn(2).getInt());
    session.kind = static_cast<SessionKind>(m_select->getColumn(3).getInt());
    session.line = m_select->getColumn(4).getInt64();
    session.ok = m_select->getColumn(5).getInt64() != 0;
    return &m_found.session;
}

} // namespace knotmap
