#include "store/import_treatment_kinds.h"

#include "store/store_error.h"

namespace knotmap {
namespace {

// A rank of 0 or below is no rank (the first run starts above 0).
std::optional<std::int64_t> positive(std::optional<std::int64_t> rank) {
    return rank && *rank > 0 ? rank : std::nullopt;
}

} // namespace

ImportTreatmentKinds::~ImportTreatmentKinds() {
    // Statements before the scratch connection they were prepared on.
    m_insert.reset();
    m_select.reset();
}

void ImportTreatmentKinds::add(std::optional<std::int64_t> rank, Id session, Id knot,
                               const std::string& code) {
    rank = positive(rank);
    ++m_count;
    if (m_ordered && rank) {
        if (!m_reading && *rank >= m_lastRank) {
            m_lastRank = *rank;
            m_file.put(Record{*rank, session, knot, m_count, code.size()});
            m_file.write(code.data(), code.size());
            return;
        }
        fallBack();
    }
    tableAdd(session, knot, m_count, code);
}

std::string ImportTreatmentKinds::codes(std::optional<std::int64_t> rank, Id session, Id knot) {
    rank = positive(rank);
    if (m_count == 0) {
        return {};
    }
    if (m_ordered && rank) {
        if (!m_reading) {
            m_reading = true;
            m_file.rewind();
            m_hasNext = readRecord(m_next, m_nextCode);
        }
        if (*rank < m_cursorRank || (*rank > m_cursorRank && !moveTo(*rank))) {
            fallBack();
        } else {
            std::string joined;
            bool first = true;
            for (const Kind& kind : m_session) {
                if (kind.session == session && kind.knot == knot) {
                    joined += first ? "" : ";";
                    joined += kind.code;
                    first = false;
                }
            }
            return joined;
        }
    }
    return tableCodes(session, knot);
}

bool ImportTreatmentKinds::readRecord(Record& record, std::string& code) {
    if (!m_file.get(record)) {
        return false;
    }
    code.resize(record.codeSize);
    if (record.codeSize > 0 && !m_file.read(code.data(), code.size())) {
        throw StoreError(
            "the import check's temporary file of treatment kinds ends inside a record");
    }
    return true;
}

bool ImportTreatmentKinds::moveTo(std::int64_t rank) {
    m_cursorRank = rank;
    m_session.clear();
    while (m_hasNext && m_next.rank < rank) {
        m_hasNext = readRecord(m_next, m_nextCode); // a session no observation names
    }
    while (m_hasNext && m_next.rank == rank) {
        if (m_session.size() == kMaxSessionTreatments) {
            return false;
        }
        m_session.push_back({m_next.session, m_next.knot, std::move(m_nextCode)});
        m_nextCode = std::string();
        m_hasNext = readRecord(m_next, m_nextCode);
    }
    return true;
}

void ImportTreatmentKinds::fallBack() {
    m_ordered = false;
    prepareTable();
    m_file.rewind();
    Record record{};
    std::string code;
    while (readRecord(record, code)) {
        tableAdd(record.session, record.knot, record.seq, code);
    }
    m_file.clear();
    m_session = {};
    m_nextCode = {};
    m_hasNext = false;
}

void ImportTreatmentKinds::prepareTable() {
    if (m_insert) {
        return;
    }
    sql::Connection& db = m_scratch.connection();
    db.exec("CREATE TABLE treatment_code (session INTEGER, knot INTEGER, seq INTEGER, "
            "code TEXT, PRIMARY KEY (session, knot, seq)) WITHOUT ROWID");
    m_insert.emplace(db, "INSERT INTO treatment_code (session, knot, seq, code) "
                         "VALUES (?, ?, ?, ?)");
    m_select.emplace(db, "SELECT code FROM treatment_code "
                         "WHERE session = ? AND knot = ? ORDER BY seq");
}

void ImportTreatmentKinds::tableAdd(Id session, Id knot, std::int64_t seq,
                                    const std::string& code) {
    prepareTable();
    m_insert->tryReset();
    m_insert->bind(1, static_cast<long long>(session));
    m_insert->bind(2, static_cast<long long>(knot));
    m_insert->bind(3, static_cast<long long>(seq));
    m_insert->bind(4, code);
    m_insert->exec();
}

std::string ImportTreatmentKinds::tableCodes(Id session, Id knot) {
    if (!m_select) {
        return {}; // nothing went to the table
    }
    m_select->tryReset();
    m_select->bind(1, static_cast<long long>(session));
    m_select->bind(2, static_cast<long long>(knot));
    std::string joined;
    bool first = true;
    while (m_select->executeStep()) {
        joined += first ? "" : ";";
        joined += m_select->getColumn(0).view();
        first = false;
    }
    return joined;
}

} // namespace knotmap
