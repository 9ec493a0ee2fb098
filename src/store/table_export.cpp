#include "store/table_export.h"

#include "core/csv_writer.h"
#include "core/timestamp.h"
#include "store/observation_export.h"

#include <SQLiteCpp/Statement.h>

#include <string>

namespace knotmap {
namespace {

const std::vector<std::string_view> kSessionColumns{
    "client_id",  "client_name", "session_id", "session_time", "session_kind", "overall_pain",
    "stress",     "sleep",       "triggers",   "therapist",    "subjective",   "objective",
    "assessment", "plan",        "notes",      "signed"};

const std::vector<std::string_view> kTreatmentColumns{
    "client_id", "client_name", "session_id",  "session_time", "treatment_id", "knot_id", "kind",
    "minutes",   "intensity",   "pain_before", "pain_after",   "medication",   "notes"};

const std::vector<std::string_view> kKnotColumns{"client_id", "client_name", "knot_id",  "label",
                                                 "view",      "region_code", "x",        "y",
                                                 "status",    "first_seen",  "last_seen"};

const std::vector<std::string_view> kClientColumns{"client_id", "client_name", "birth_year",
                                                   "notes", "archived"};

// A column that is NULL in SQL is an empty ("unknown") field in the CSV.
void writeNullable(CsvWriter& csv, const SQLite::Column& column) {
    if (column.isNull()) {
        csv.emptyField();
    } else if (column.isInteger()) {
        csv.field(column.getInt64());
    } else if (column.isFloat()) {
        csv.field(column.getDouble());
    } else {
        csv.field(column.getString());
    }
}

// Unix seconds and minutes east of UTC as local ISO 8601; empty when either is NULL.
void writeLocalTime(CsvWriter& csv, const SQLite::Column& utc, const SQLite::Column& offset) {
    if (utc.isNull() || offset.isNull()) {
        csv.emptyField();
        return;
    }
    csv.field(LocalTimestamp(utc.getInt64(), offset.getInt()).toIso8601());
}

void writeHeader(CsvWriter& csv, ExportTable table) {
    for (std::string_view column : exportTableColumns(table)) {
        csv.field(column);
    }
    csv.endRow();
}

void writeSessions(Database& database, CsvWriter& csv) {
    SQLite::Statement query(database.sql(), R"SQL(
        SELECT c.id, c.name, s.id, s.started_utc, s.utc_offset_min, s.kind,
               s.overall_pain, s.stress, s.sleep,
               (SELECT group_concat(code, ';') FROM (
                    SELECT tc.code FROM session_trigger st
                    JOIN trigger_cause tc ON tc.id = st.trigger_id
                    WHERE st.session_id = s.id ORDER BY tc.sort_order, tc.id)),
               s.therapist, s.subjective, s.objective, s.assessment, s.plan, s.notes,
               s.signed_utc, s.utc_offset_min
        FROM session s JOIN client c ON c.id = s.client_id
        ORDER BY c.id, s.started_utc, s.id
    )SQL");
    while (query.executeStep()) {
        csv.field(query.getColumn(0).getInt64());
        csv.field(query.getColumn(1).getString());
        csv.field(query.getColumn(2).getInt64());
        writeLocalTime(csv, query.getColumn(3), query.getColumn(4));
        csv.field(query.getColumn(5).getString());
        for (int column = 6; column <= 9; ++column) {
            writeNullable(csv, query.getColumn(column));
        }
        for (int column = 10; column <= 15; ++column) {
            csv.field(query.getColumn(column).getString());
        }
        // Signed at the session's own offset, like every other time in the export.
        writeLocalTime(csv, query.getColumn(16), query.getColumn(17));
        csv.endRow();
    }
}

void writeTreatments(Database& database, CsvWriter& csv) {
    SQLite::Statement query(database.sql(), R"SQL(
        SELECT c.id, c.name, s.id, s.started_utc, s.utc_offset_min, t.id, t.knot_id,
               tk.code, t.minutes, t.intensity, t.pain_before, t.pain_after,
               t.medication, t.notes
        FROM treatment t
        JOIN session s ON s.id = t.session_id
        JOIN client c ON c.id = s.client_id
        JOIN treatment_kind tk ON tk.id = t.kind_id
        ORDER BY c.id, s.started_utc, s.id, t.id
    )SQL");
    while (query.executeStep()) {
        csv.field(query.getColumn(0).getInt64());
        csv.field(query.getColumn(1).getString());
        csv.field(query.getColumn(2).getInt64());
        writeLocalTime(csv, query.getColumn(3), query.getColumn(4));
        for (int column = 5; column <= 11; ++column) {
            writeNullable(csv, query.getColumn(column));
        }
        csv.field(query.getColumn(12).getString());
        csv.field(query.getColumn(13).getString());
        csv.endRow();
    }
}

void writeKnots(Database& database, CsvWriter& csv) {
    // First and last seen are the earliest and latest sessions that observed
    // the knot, each at that session's own offset; empty for a knot never observed.
    SQLite::Statement query(database.sql(), R"SQL(
        WITH seen AS (
            SELECT o.knot_id, s.started_utc, s.utc_offset_min,
                   row_number() OVER (PARTITION BY o.knot_id ORDER BY s.started_utc, s.id) AS first,
                   row_number() OVER (PARTITION BY o.knot_id
                                      ORDER BY s.started_utc DESC, s.id DESC) AS last
            FROM observation o JOIN session s ON s.id = o.session_id)
        SELECT c.id, c.name, k.id, k.label, k.view, k.region_code, k.x, k.y, k.status,
               f.started_utc, f.utc_offset_min, l.started_utc, l.utc_offset_min
        FROM knot k
        JOIN client c ON c.id = k.client_id
        LEFT JOIN seen f ON f.knot_id = k.id AND f.first = 1
        LEFT JOIN seen l ON l.knot_id = k.id AND l.last = 1
        ORDER BY c.id, k.id
    )SQL");
    while (query.executeStep()) {
        csv.field(query.getColumn(0).getInt64());
        csv.field(query.getColumn(1).getString());
        csv.field(query.getColumn(2).getInt64());
        csv.field(query.getColumn(3).getString());
        csv.field(query.getColumn(4).getString());
        csv.field(query.getColumn(5).getString());
        csv.field(query.getColumn(6).getDouble());
        csv.field(query.getColumn(7).getDouble());
        csv.field(query.getColumn(8).getString());
        writeLocalTime(csv, query.getColumn(9), query.getColumn(10));
        writeLocalTime(csv, query.getColumn(11), query.getColumn(12));
        csv.endRow();
    }
}

void writeClients(Database& database, CsvWriter& csv) {
    SQLite::Statement query(database.sql(),
                            "SELECT id, name, birth_year, notes, archived FROM client ORDER BY id");
    while (query.executeStep()) {
        csv.field(query.getColumn(0).getInt64());
        csv.field(query.getColumn(1).getString());
        writeNullable(csv, query.getColumn(2));
        csv.field(query.getColumn(3).getString());
        csv.field(query.getColumn(4).getInt64());
        csv.endRow();
    }
}

} // namespace

const std::vector<std::string_view>& exportTableNames() {
    static const std::vector<std::string_view> names{"observations", "sessions", "treatments",
                                                     "knots", "clients"};
    return names;
}

std::optional<ExportTable> exportTableFromName(std::string_view name) {
    static constexpr ExportTable kInNameOrder[] = {ExportTable::Observations, ExportTable::Sessions,
                                                   ExportTable::Treatments, ExportTable::Knots,
                                                   ExportTable::Clients};
    const auto& names = exportTableNames();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) {
            return kInNameOrder[i];
        }
    }
    return std::nullopt;
}

std::string_view exportTableName(ExportTable table) {
    return exportTableNames()[static_cast<std::size_t>(table)];
}

const std::vector<std::string_view>& exportTableColumns(ExportTable table) {
    switch (table) {
    case ExportTable::Sessions:
        return kSessionColumns;
    case ExportTable::Treatments:
        return kTreatmentColumns;
    case ExportTable::Knots:
        return kKnotColumns;
    case ExportTable::Clients:
        return kClientColumns;
    case ExportTable::Observations:
        break;
    }
    return observationCsvColumns();
}

std::int64_t exportTableCsv(Database& database, ExportTable table, std::ostream& out) {
    if (table == ExportTable::Observations) {
        return exportObservationsCsv(database, out); // the original export, unchanged
    }
    CsvWriter csv(out);
    writeHeader(csv, table);
    switch (table) {
    case ExportTable::Sessions:
        writeSessions(database, csv);
        break;
    case ExportTable::Treatments:
        writeTreatments(database, csv);
        break;
    case ExportTable::Knots:
        writeKnots(database, csv);
        break;
    case ExportTable::Clients:
        writeClients(database, csv);
        break;
    case ExportTable::Observations:
        break;
    }
    csv.flush();
    return csv.rowsWritten() - 1;
}

} // namespace knotmap
