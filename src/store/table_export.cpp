#include "store/table_export.h"

#include "core/csv_columns.h"
#include "core/csv_writer.h"
#include "store/export_filter.h"
#include "store/export_query.h"
#include "store/observation_export.h"

#include <string>

namespace knotmap {
namespace {

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
        WHERE c.id = s.client_id AND )SQL" +
                        sessionFilterSql(options, "s") +
                        R"SQL(
        ORDER BY s.client_id, s.started_utc, s.id
    )SQL",
                    options, csv, kSessionsCsv);
    constexpr const CsvColumns& c = kSessionsCsv;
    while (row.next()) {
        row.id(c["client_id"], 0);
        row.text(c["client_name"], 1);
        row.id(c["session_id"], 2);
        row.localTime(c["session_time"], 3, 4);
        row.code(c["session_kind"], 5);
        row.number(c["overall_pain"], 6);
        row.number(c["stress"], 7);
        row.number(c["sleep"], 8);
        // Trigger codes, therapist and the SOAP notes are all people's words.
        row.text(c["triggers"], 9);
        row.text(c["therapist"], 10);
        row.text(c["subjective"], 11);
        row.text(c["objective"], 12);
        row.text(c["assessment"], 13);
        row.text(c["plan"], 14);
        row.text(c["notes"], 15);
        // Signed at the session's own offset, like every other time in the export.
        row.localTime(c["signed"], 16, 17);
        row.endRow();
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
        WHERE t.session_id = s.id AND )SQL" +
                        sessionFilterSql(options, "s") +
                        R"SQL(
        ORDER BY s.client_id, s.started_utc, s.id, t.id
    )SQL",
                    options, csv, kTreatmentsCsv);
    constexpr const CsvColumns& c = kTreatmentsCsv;
    while (row.next()) {
        row.id(c["client_id"], 0);
        row.text(c["client_name"], 1);
        row.id(c["session_id"], 2);
        row.localTime(c["session_time"], 3, 4);
        row.id(c["treatment_id"], 5);
        row.number(c["knot_id"], 6);
        row.text(c["kind"], 7); // a treatment-kind code from a vocabulary users extend
        row.number(c["minutes"], 8);
        row.code(c["intensity"], 9);
        row.number(c["pain_before"], 10);
        row.number(c["pain_after"], 11);
        row.text(c["medication"], 12);
        row.text(c["notes"], 13);
        row.endRow();
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
                    options, csv, kKnotsCsv);
    constexpr const CsvColumns& c = kKnotsCsv;
    while (row.next()) {
        row.id(c["client_id"], 0);
        row.text(c["client_name"], 1);
        row.id(c["knot_id"], 2);
        row.text(c["label"], 3);
        row.code(c["view"], 4);
        row.code(c["region_code"], 5);
        row.number(c["x"], 6);
        row.number(c["y"], 7);
        row.code(c["status"], 8);
        row.localTime(c["first_seen"], 9, 10);
        row.localTime(c["last_seen"], 11, 12);
        row.endRow();
    }
}

void writeClients(Database& database, CsvWriter& csv, const ExportOptions& options) {
    ExportQuery row(database,
                    "SELECT id, name, birth_year, notes, archived "
                    "FROM client WHERE " +
                        clientFilterSql(options, "id") + " ORDER BY id",
                    options, csv, kClientsCsv);
    constexpr const CsvColumns& c = kClientsCsv;
    while (row.next()) {
        row.id(c["client_id"], 0);
        row.text(c["client_name"], 1);
        row.number(c["birth_year"], 2);
        row.text(c["notes"], 3);
        row.id(c["archived"], 4);
        row.endRow();
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

CsvColumns exportTableColumns(ExportTable table) {
    switch (table) {
    case ExportTable::Sessions:
        return kSessionsCsv;
    case ExportTable::Treatments:
        return kTreatmentsCsv;
    case ExportTable::Knots:
        return kKnotsCsv;
    case ExportTable::Clients:
        return kClientsCsv;
    case ExportTable::Observations:
        break;
    }
    return kObservationsCsv;
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
