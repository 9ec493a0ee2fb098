#include "store/import_key_index.h"

#include "store/sql/sqlite/sqlite_connection.h"

#include <SQLiteCpp/Database.h>

namespace knotmap {

ImportKeyIndex::ImportKeyIndex() {
    // An empty file name: SQLite's private temporary database, on disk once
    // it outgrows its cache, and removed when the connection closes.
    auto database = std::make_unique<SQLite::Database>("", SQLite::OPEN_READWRITE |
                                                               SQLite::OPEN_CREATE);
    m_db = std::make_unique<sql::SqliteConnection>(std::move(database), "");
    // Nothing here needs to survive a crash: no journal, no syncs, 8 MB of cache.
    m_db->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
               "PRAGMA cache_size = -8192; PRAGMA temp_store = FILE");
    m_db->exec("CREATE TABLE observed (session INTEGER, knot INTEGER, "
               "PRIMARY KEY (session, knot)) WITHOUT ROWID");
    m_db->exec("CREATE TABLE treatment_id (id INTEGER PRIMARY KEY)");
    m_db->exec("CREATE TABLE treatment_code (session INTEGER, knot INTEGER, seq INTEGER, "
               "code TEXT, PRIMARY KEY (session, knot, seq)) WITHOUT ROWID");
    // One transaction for the whole check: nothing is ever committed.
    m_db->exec("BEGIN");
    m_addObservation.emplace(*m_db,
                             "INSERT INTO observed (session, knot) VALUES (?, ?) "
                             "ON CONFLICT DO NOTHING RETURNING 1");
    m_hasObservation.emplace(*m_db, "SELECT 1 FROM observed WHERE session = ? AND knot = ?");
    m_addTreatmentId.emplace(*m_db, "INSERT INTO treatment_id (id) VALUES (?) "
                                    "ON CONFLICT DO NOTHING");
    m_hasTreatmentId.emplace(*m_db, "SELECT 1 FROM treatment_id WHERE id = ?");
    m_addTreatmentCode.emplace(*m_db, "INSERT INTO treatment_code (session, knot, seq, code) "
                                      "VALUES (?, ?, ?, ?)");
    m_treatmentCodes.emplace(*m_db, "SELECT code FROM treatment_code "
                                    "WHERE session = ? AND knot = ? ORDER BY seq");
}

ImportKeyIndex::~ImportKeyIndex() {
    // Statements before the connection they were prepared on.
    m_addObservation.reset();
    m_hasObservation.reset();
    m_addTreatmentId.reset();
    m_hasTreatmentId.reset();
    m_addTreatmentCode.reset();
    m_treatmentCodes.reset();
}

bool ImportKeyIndex::addObservation(Id session, Id knot) {
    m_addObservation->tryReset();
    m_addObservation->bind(1, static_cast<long long>(session));
    m_addObservation->bind(2, static_cast<long long>(knot));
    const bool added = m_addObservation->executeStep();
    if (added) {
        ++m_observations;
    }
    return added;
}

bool ImportKeyIndex::hasObservation(Id session, Id knot) {
    m_hasObservation->tryReset();
    m_hasObservation->bind(1, static_cast<long long>(session));
    m_hasObservation->bind(2, static_cast<long long>(knot));
    return m_hasObservation->executeStep();
}

void ImportKeyIndex::addTreatmentId(Id id) {
    m_addTreatmentId->tryReset();
    m_addTreatmentId->bind(1, static_cast<long long>(id));
    m_addTreatmentId->exec();
}

bool ImportKeyIndex::hasTreatmentId(Id id) {
    m_hasTreatmentId->tryReset();
    m_hasTreatmentId->bind(1, static_cast<long long>(id));
    return m_hasTreatmentId->executeStep();
}

void ImportKeyIndex::addTreatmentCode(Id session, Id knot, const std::string& code) {
    // seq grows over the whole file, so a pair's kinds come back in file order.
    m_addTreatmentCode->tryReset();
    m_addTreatmentCode->bind(1, static_cast<long long>(session));
    m_addTreatmentCode->bind(2, static_cast<long long>(knot));
    m_addTreatmentCode->bind(3, static_cast<long long>(++m_treatmentCodeCount));
    m_addTreatmentCode->bind(4, code);
    m_addTreatmentCode->exec();
}

std::string ImportKeyIndex::treatmentCodes(Id session, Id knot) {
    if (m_treatmentCodeCount == 0) {
        return {};
    }
    m_treatmentCodes->tryReset();
    m_treatmentCodes->bind(1, static_cast<long long>(session));
    m_treatmentCodes->bind(2, static_cast<long long>(knot));
    std::string joined;
    bool first = true;
    while (m_treatmentCodes->executeStep()) {
        if (!first) {
            joined += ';';
        }
        first = false;
        joined += m_treatmentCodes->getColumn(0).getString();
    }
    return joined;
}

} // namespace knotmap
