#include "store/copy/database_copy.h"

#include "store/audit_recording.h"
#include "store/copy/copy_plan.h"
#include "store/copy/row_writer.h"
#include "store/copy/signed_visit_copy.h"
#include "store/sql/statement.h"
#include "store/write_transaction.h"

#include <algorithm>
#include <map>

namespace knotmap {
namespace {

using copy::CopyTable;

constexpr std::int64_t kProgressEvery = 1000;

// Counts rows and reports them: the figure a table contributes is its row
// count in the source snapshot, however many statements it took to write.
class ProgressCounter {
public:
    ProgressCounter(const CopyProgress& progress, std::int64_t total)
        : m_progress(progress), m_total(total) {}

    void startTable(std::int64_t rows) {
        m_tableStart = m_finished;
        m_tableRows = rows;
    }
    void row() {
        // A rating's lists may take more rows before its amendments than
        // after: the figure never runs past the table's share.
        m_finished = std::min(m_finished + 1, m_tableStart + m_tableRows);
        if (++m_sinceReport >= kProgressEvery) {
            report();
        }
    }
    void endTable() {
        m_finished = m_tableStart + m_tableRows;
        report();
    }
    void report() {
        m_sinceReport = 0;
        if (m_progress) {
            m_progress(m_finished, m_total);
        }
    }

private:
    const CopyProgress& m_progress;
    std::int64_t m_total;
    std::int64_t m_finished = 0;
    std::int64_t m_tableStart = 0;
    std::int64_t m_tableRows = 0;
    std::int64_t m_sinceReport = 0;
};

std::int64_t countRows(sql::Connection& db, const std::string& table) {
    return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

void copyRows(sql::Connection& source, sql::Connection& destination, const CopyTable& table,
              ProgressCounter& progress) {
    copy::RowWriter writer(destination, table);
    sql::Statement rows(source, copy::sourceQuery(table), sql::Rows::Many);
    sql::BulkRow row;
    while (rows.executeStep()) {
        copy::readRow(rows, table, row);
        writer.add(row);
        progress.row();
    }
    if (table.listsBeforeAmendments) {
        const std::int64_t added = copy::loadListsBeforeAmendments(source, table, writer);
        for (std::int64_t i = 0; i < added; ++i) {
            progress.row();
        }
    }
    writer.finish();
}

void copyTable(Database& source, Database& destination, const CopyTable& table,
               ProgressCounter& progress) {
    sql::Connection& from = source.sql();
    sql::Connection& to = destination.sql();
    const auto failed = [&](const std::exception& error) {
        return StoreError("copying table " + table.name + " from " + source.describe() + " to " +
                          destination.describe() + ": " + error.what());
    };
    try {
        if (table.load == copy::Load::Replay) {
            copy::replayAmendments(from, to, table, [&] { progress.row(); });
        } else {
            copyRows(from, to, table, progress);
        }
        if (table.signSessionsAfter) {
            copy::signSessions(from, to);
        }
    } catch (const sql::Error& error) { // a row refused, a connection lost
        throw failed(error);
    } catch (const StoreError& error) { // an amendment's list that is not a list
        throw failed(error);
    }
}

// The destination ends with the source's row count in every table, or the
// copy is not committed (a row lost or doubled, or another program writing
// into the destination meanwhile).
void checkRowCounts(Database& destination, const std::map<std::string, std::int64_t>& counts) {
    for (const auto& [table, expected] : counts) {
        const std::int64_t got = countRows(destination.sql(), table);
        if (got != expected) {
            throw StoreError(destination.describe() + ": table " + table + " holds " +
                             std::to_string(got) + " rows after the copy, the source " +
                             std::to_string(expected) + "; nothing was copied");
        }
    }
}

} // namespace

std::int64_t CopySummary::rowsOf(const std::string& table) const {
    for (const auto& [name, rows] : tables) {
        if (name == table) {
            return rows;
        }
    }
    return 0;
}

CopySummary copyDatabase(Database& source, Database& destination, const CopyProgress& progress) {
    copy::refuseSameDatabase(source, destination);
    copy::requireCopyableSchema(source);
    copy::requireCopyableSchema(destination);

    ReadTransaction snapshot(source.sql());
    if (source.sql().dialect() == sql::Dialect::PostgreSQL) {
        // The server would compile the reads of the rated and treated rows
        // (a subquery per amendable field) to machine code first, which took
        // ten times as long as running them (0.38 s instead of 0.04 s for
        // 88000 ratings). Until the snapshot ends.
        source.sql().exec("SET LOCAL jit = off");
    }
    WriteTransaction write(destination.sql());
    copy::requireEmptyDestination(destination);
    pauseAuditRecording(destination.sql());

    CopySummary summary;
    std::map<std::string, std::int64_t> counts;
    for (const CopyTable& table : copy::copyPlan()) {
        const std::int64_t rows = countRows(source.sql(), table.name);
        counts[table.name] = rows;
        summary.tables.emplace_back(table.name, rows);
        summary.rows += rows;
    }

    // The seeded vocabularies give way to the source's, which may have
    // renamed, hidden or added entries (ids kept, so records keep pointing
    // at the same ones).
    for (const CopyTable& table : copy::copyPlan()) {
        if (copy::isVocabulary(table.name)) {
            destination.sql().exec("DELETE FROM " + table.name);
        }
    }

    // A server database whose schema this transaction creates: its foreign
    // keys may be checked once at the end rather than row by row (most of a
    // copy's time). Nobody else can be reading it; an existing one could be
    // (dropping a key locks the tables it joins, vocabularies included).
    if (destination.openReport().creationPending) {
        std::vector<std::string> tables;
        for (const CopyTable& table : copy::copyPlan()) {
            tables.push_back(table.name);
        }
        destination.sql().deferForeignKeyChecks(tables);
    }

    ProgressCounter counter(progress, summary.rows);
    counter.report();
    for (const CopyTable& table : copy::copyPlan()) {
        counter.startTable(counts[table.name]);
        copyTable(source, destination, table, counter);
        counter.endTable();
    }
    try {
        destination.sql().checkDeferredForeignKeys();
    } catch (const sql::Error& error) {
        throw StoreError(destination.describe() + ": " + error.what() + "; nothing was copied");
    }
    copy::restoreVersions(source.sql(), destination.sql());
    checkRowCounts(destination, counts);
    try {
        copy::checkAmendedRecords(source.sql(), destination.sql());
    } catch (const StoreError& error) {
        throw StoreError(destination.describe() + ": " + error.what() + "; nothing was copied");
    }
    resumeAuditRecording(destination.sql());
    write.commit();
    return summary;
}

} // namespace knotmap
