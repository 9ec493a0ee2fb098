#include "store/observation_export.h"

#include "core/atlas.h"
#include "store/export_filter.h"
#include "store/export_query.h"

namespace knotmap {
namespace {

// region_name, side and choir_code come from the atlas, not the database: a
// knot stores only its region's code. Rows of one knot repeat its code, so the
// last lookup is kept.
class RegionColumns {
public:
    void write(ExportQuery& row, std::string_view code) {
        if (code != m_code) {
            m_code.assign(code);
            m_region = Atlas::builtIn().findByCode(code);
        }
        constexpr const CsvColumns& c = kObservationsCsv;
        if (m_region == nullptr) { // not an atlas region: nothing to say about it
            row.derived(c["region_name"], std::nullopt);
            row.derived(c["side"], std::nullopt);
            row.derived(c["choir_code"], std::nullopt);
            return;
        }
        row.derived(c["region_name"], m_region->displayName);
        row.derived(c["side"], toCode(m_region->side));
        row.derived(c["choir_code"], m_region->choirCode);
    }

private:
    std::string m_code;
    const AtlasRegion* m_region = nullptr;
};

} // namespace

void writeObservationRows(Database& database, CsvWriter& csv, const ExportOptions& options) {
    // Sessions are walked in (client_id, started_utc, id) index order and each
    // session's observations in (session_id, knot_id) order, which is the
    // export's order: SQLite never sorts 1.7 million wide rows. CROSS JOIN
    // (its condition in WHERE, as PostgreSQL wants) fixes that join order; `+t.knot_id` makes the
    // treatment lookup use the session index (about one treatment per session) rather than the knot
    // index (every treatment of the knot, over years). docs/performance.md has the figures.
    ExportQuery row(database,
                    R"SQL(
        SELECT c.id, c.name, s.id, s.started_utc, s.utc_offset_min, s.kind,
               k.id, k.label, k.view, k.region_code, k.x, k.y, o.pain, o.kind,
               (SELECT group_concat(code, ';') FROM (
                    SELECT sy.code FROM observation_symptom os
                    JOIN symptom sy ON sy.id = os.symptom_id
                    WHERE os.observation_id = o.id ORDER BY sy.sort_order, sy.id) AS listed),
               (SELECT group_concat(region_code, ';') FROM (
                    SELECT region_code FROM observation_referral
                    WHERE observation_id = o.id ORDER BY region_code) AS listed),
               (SELECT group_concat(code, ';') FROM (
                    SELECT tk.code FROM treatment t
                    JOIN treatment_kind tk ON tk.id = t.kind_id
                    WHERE t.session_id = o.session_id AND +t.knot_id = o.knot_id
                    ORDER BY t.id) AS listed),
               o.notes
        FROM session s
        CROSS JOIN observation o
        JOIN knot k ON k.id = o.knot_id
        JOIN client c ON c.id = s.client_id
        WHERE o.session_id = s.id AND )SQL" +
                        sessionFilterSql(options, "s") +
                        R"SQL(
        ORDER BY s.client_id, s.started_utc, s.id, o.knot_id
    )SQL",
                    options, csv, kObservationsCsv);
    RegionColumns regionColumns;
    constexpr const CsvColumns& c = kObservationsCsv;
    while (row.next()) {
        row.id(c["client_id"], 0);
        row.text(c["client_name"], 1);
        row.id(c["session_id"], 2);
        row.localTime(c["session_time"], 3, 4);
        row.code(c["session_kind"], 5);
        row.id(c["knot_id"], 6);
        row.text(c["knot_label"], 7);
        row.code(c["view"], 8);
        row.code(c["region_code"], 9);
        regionColumns.write(row, row.textOf(9));
        row.number(c["x"], 10);
        row.number(c["y"], 11);
        row.id(c["pain"], 12);
        row.code(c["kind"], 13);
        // Symptom and treatment codes come from vocabularies users extend.
        row.text(c["symptoms"], 14);
        row.code(c["referred_regions"], 15);
        row.text(c["treatments"], 16);
        row.text(c["notes"], 17);
        row.endRow();
    }
}

std::int64_t exportObservationsCsv(Database& database, std::ostream& out) {
    return exportTableCsv(database, ExportTable::Observations, out);
}

} // namespace knotmap
