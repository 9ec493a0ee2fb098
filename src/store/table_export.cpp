#include "store/table_export.h"

#include "core/csv_writer.h"
#include "store/export_filter.h"
#include "store/export_query.h"
#include "store/observation_export.h"

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

void writeHeader(CsvWriter& csv, ExportTable table) {
    for (std::string_view column : exportTableColumns(table)) {
        csv.field(column);
    }
    csv.endRow();
}

// Each query walks sessions in (client_id, started_utc, id) index order, as
// observation_export.cpp explains, so the filtered export reads only the
// sessions it writes and nothing is sorted afterwards.
void writeSessions(Database& database, CsvWriter& csv, const ExportOptions& options) {
    ExportQuery row(database,
                    R"SQL(
        SELECT c.id, c.name, s.id, s.started_utc, s.utc_offset_min, s.kind,
               s.overall_pain, s.stress, s.sleep,
               (SELECT group_concat(code, ';') FROM (
                    SELECT tc.code FROM session_trigger st
                    JOIN trigger_cause tc ON tc.id = st.trigger_id
                    WHERE st.session_id = s.id ORDER BY tc.sort_order, tc.id) AS listed),
               s.therapist, s.subjective, s.objective, s.assessment, s.plan, s.notes,
               s.signed_utc, s.utc_offset_min
        FROM session s CROSS JOIN client c
        WHERE c.id = s.client_id AND )SQL" + sessionFilterSql(options, "s") +
                        R"SQL(
        ORDER BY s.client_id, s.started_utc, s.id
    )SQL",
                    options, csv);
    while (row.next()) {
        row.id(0);
        row.text(1);
        row.id(2);
        row.localTime(3, 4);
        row.code(5);
        for (int column = 6; column <= 8; ++column) {
            row.number(column);
        }
        // Trigger codes, therapist and the SOAP notes are all people's words.
        for (int column = 9; column <= 15; ++column) {
            row.text(column);
        }
        // Signed at the session's own offset, like every other time in the export.
        row.localTime(16, 17);
        csv.endRow();
    }
}

void writeTreatments(Database& database, CsvWriter& csv, const ExportOptions& options) {
    ExportQuery row(database,
                    R"SQL(
        SELECT c.id, c.name, s.id, s.started_utc, s.utc_offset_min, t.id, t.knot_id,
               tk.code, t.minutes, t.intensity, t.pain_before, t.pain_after,
               t.medication, t.notes
        FROM session s
        CROSS JOIN treatment t
        JOIN client c ON c.id = s.client_id
        JOIN treatment_kind tk ON tk.id = t.kind_id
        WHERE t.session_id = s.id AND )SQL" + sessionFilterSql(options, "s") +
                        R"SQL(
        ORDER BY s.client_id, s.started_utc, s.id, t.id
    )SQL",
                    options, csv);
    while (row.next()) {
        row.id(0);
        row.text(1);
        row.id(2);
        row.localTime(3, 4);
        row.id(5);
        row.number(6);
        row.text(7); // a treatment-kind code from a vocabulary users extend
        row.number(8);
        row.code(9);
        row.number(10);
        row.number(11);
        row.text(12);
        row.text(13);
        csv.endRow();
    }
}

void writeKnots(Database& database, CsvWriter& csv, const ExportOptions& options) {
    // First and last seen are the earliest and latest sessions that observed
    // the knot, each at that session's own offset; empty for a knot never
    // observed. Dates do not filter knots: a knot is not of one day.
    ExportQuery row(database,
                    R"SQL(
        WITH seen AS (
            SELECT o.knot_id, s.started_utc, s.utc_offset_min,
                   row_number() OVER (PARTITION BY o.knot_id ORDER BY s.started_utc, s.id) AS first,
                   row_number() OVER (PARTITION BY o.knot_id
                                      ORDER BY s.started_utc DESC, s.id DESC) AS last
            FROM observation o JOIN session s ON s.id = o.session_id
            WHERE )SQL" +
                        clientFilterSql(options, "s.client_id") +
                        R"SQL()
        SELECT c.id, c.name, k.id, k.label, k.view, k.region_code, k.x, k.y, k.status,
               f.started_utc, f.utc_offset_min, l.started_utc, l.utc_offset_min
        FROM knot k
        JOIN client c ON c.id = k.client_id
        LEFT JOIN seen f ON f.knot_id = k.id AND f.first = 1
        LEFT JOIN seen l ON l.knot_id = k.id AND l.last = 1
        WHERE )SQL" + clientFilterSql(options, "k.client_id") +
                        R"SQL(
        ORDER BY c.id, k.id
    )SQL",
                    options, csv);
    while (row.next()) {
        row.id(0);
        row.text(1);
        row.id(2);
        row.text(3);
        row.code(4);
        row.code(5);
        row.number(6);
        row.number(7);
        row.code(8);
        row.localTime(9, 10);
        row.localTime(11, 12);
        csv.endRow();
    }
}

void writeClients(Database& database, CsvWriter& csv, const ExportOptions& options) {
    ExportQuery row(database,
                    "SELECT id, name, birth_year, notes, archived "
                    "FROM client WHERE " +
                        clientFilterSql(options, "id") + " ORDER BY id",
                    options, csv);
    while (row.next()) {
        row.id(0);
        row.text(1);
        row.number(2);
        row.text(3);
        row.id(4);
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

std::int64_t exportTableCsv(Database& database, ExportTable table, std::ostream& out,
                            const ExportOptions& options) {
    CsvWriter csv(out);
    csv.setNeutraliseText(options.neutralise);
    if (options.bom) {
        csv.preamble("\xEF\xBB\xBF");
    }
    writeHeader(csv, table);
    switch (table) {
    case ExportTable::Observations:
        writeObservationRows(database, csv, options);
        break;
    case ExportTable::Sessions:
        writeSessions(database, csv, options);
        break;
    case ExportTable::Treatments:
        writeTreatments(database, csv, options);
        break;
    case ExportTable::Knots:
        writeKnots(database, csv, options);
        break;
    case ExportTable::Clients:
        writeClients(database, csv, options);
        break;
    }
    csv.flush();
    return csv.rowsWritten() - 1;
}

} // namespace knotmap
