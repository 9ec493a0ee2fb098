#include "store/observation_export.h"

#include "core/csv_writer.h"
#include "core/timestamp.h"

#include <SQLiteCpp/Statement.h>

namespace knotmap {

const std::vector<std::string_view>& observationCsvColumns() {
    static const std::vector<std::string_view> columns{
        "client_id",  "client_name", "session_id", "session_time", "session_kind",
        "knot_id",    "knot_label",  "view",       "region_code",  "x",
        "y",          "pain",        "kind",       "symptoms",     "referred_regions",
        "treatments", "notes"};
    return columns;
}

std::int64_t exportObservationsCsv(Database& database, std::ostream& out) {
    // One query; the lists inside a field are joined by SQLite in a stable order.
    SQLite::Statement query(database.sql(), R"SQL(
        SELECT c.id, c.name, s.id, s.started_utc, s.utc_offset_min, s.kind,
               k.id, k.label, k.view, k.region_code, k.x, k.y, o.pain, o.kind,
               (SELECT group_concat(code, ';') FROM (
                    SELECT sy.code FROM observation_symptom os
                    JOIN symptom sy ON sy.id = os.symptom_id
                    WHERE os.observation_id = o.id ORDER BY sy.sort_order, sy.id)),
               (SELECT group_concat(region_code, ';') FROM (
                    SELECT region_code FROM observation_referral
                    WHERE observation_id = o.id ORDER BY region_code)),
               (SELECT group_concat(code, ';') FROM (
                    SELECT tk.code FROM treatment t
                    JOIN treatment_kind tk ON tk.id = t.kind_id
                    WHERE t.session_id = o.session_id AND t.knot_id = o.knot_id ORDER BY t.id)),
               o.notes
        FROM observation o
        JOIN session s ON s.id = o.session_id
        JOIN knot k ON k.id = o.knot_id
        JOIN client c ON c.id = s.client_id
        ORDER BY c.id, s.started_utc, s.id, k.id
    )SQL");

    CsvWriter csv(out);
    for (std::string_view column : observationCsvColumns()) {
        csv.field(column);
    }
    csv.endRow();
    while (query.executeStep()) {
        csv.field(query.getColumn(0).getInt64());
        csv.field(query.getColumn(1).getString());
        csv.field(query.getColumn(2).getInt64());
        csv.field(
            LocalTimestamp(query.getColumn(3).getInt64(), query.getColumn(4).getInt()).toIso8601());
        csv.field(query.getColumn(5).getString());
        csv.field(query.getColumn(6).getInt64());
        csv.field(query.getColumn(7).getString());
        csv.field(query.getColumn(8).getString());
        csv.field(query.getColumn(9).getString());
        csv.field(query.getColumn(10).getDouble());
        csv.field(query.getColumn(11).getDouble());
        csv.field(query.getColumn(12).getInt64());
        csv.field(query.getColumn(13).getString());
        csv.field(query.getColumn(14).getString());
        csv.field(query.getColumn(15).getString());
        csv.field(query.getColumn(16).getString());
        csv.field(query.getColumn(17).getString());
        csv.endRow();
    }
    csv.flush();
    return csv.rowsWritten() - 1;
}

} // namespace knotmap
