#pragma once

#include <cstddef>
#include <span>
#include <string_view>

// The columns of each table of Knotmap's CSV export, in file order
// (docs/csv-format.md). The export's header, the export's writer and the
// import's reader all address a column through these lists by its name, so
// no one of them can count a column differently from the others.
namespace knotmap {

// A column of one table's CSV, found by name through CsvColumns, so a bare
// number cannot be passed where a column is wanted. It converts to its place
// (0 = first) for the code that reads cells by place.
class CsvColumn {
public:
    [[nodiscard]] constexpr std::size_t index() const { return m_index; }
    [[nodiscard]] constexpr std::string_view name() const { return m_table[m_index]; }
    // Whether it is a column of the table whose names are `tableNames`.
    [[nodiscard]] constexpr bool isOf(std::span<const std::string_view> tableNames) const {
        return m_table == tableNames.data();
    }
    constexpr operator std::size_t() const {
        return m_index;
    } // NOLINT(google-explicit-constructor)

private:
    friend class CsvColumns;
    constexpr CsvColumn(std::size_t index, const std::string_view* table)
        : m_index(index), m_table(table) {}
    std::size_t m_index;
    const std::string_view* m_table;
};

class CsvColumns {
public:
    template <std::size_t N>
    constexpr explicit CsvColumns(const std::string_view (&names)[N]) : m_names(names) {}

    [[nodiscard]] constexpr std::span<const std::string_view> names() const { return m_names; }
    [[nodiscard]] constexpr std::size_t size() const { return m_names.size(); }
    // The names in order, e.g. for a header.
    [[nodiscard]] constexpr auto begin() const { return m_names.begin(); }
    [[nodiscard]] constexpr auto end() const { return m_names.end(); }

    // The column with that name. Looked up while compiling: a name the
    // table does not have is a compile error, not a wrong cell.
    consteval CsvColumn operator[](std::string_view name) const {
        for (std::size_t i = 0; i < m_names.size(); ++i) {
            if (m_names[i] == name) {
                return CsvColumn(i, m_names.data());
            }
        }
        throw "not a column of this table";
    }

private:
    std::span<const std::string_view> m_names;
};

namespace csv_column_names {
inline constexpr std::string_view kObservations[] = {
    "client_id",  "client_name", "session_id",  "session_time", "session_kind", "knot_id",
    "knot_label", "view",        "region_code", "region_name",  "side",         "choir_code",
    "x",          "y",           "pain",        "kind",         "symptoms",     "referred_regions",
    "treatments", "notes"};
inline constexpr std::string_view kSessions[] = {
    "client_id",  "client_name", "session_id", "session_time", "session_kind", "overall_pain",
    "stress",     "sleep",       "triggers",   "therapist",    "subjective",   "objective",
    "assessment", "plan",        "notes",      "signed"};
inline constexpr std::string_view kTreatments[] = {
    "client_id", "client_name", "session_id",  "session_time", "treatment_id", "knot_id", "kind",
    "minutes",   "intensity",   "pain_before", "pain_after",   "medication",   "notes"};
inline constexpr std::string_view kKnots[] = {"client_id", "client_name", "knot_id",  "label",
                                              "view",      "region_code", "x",        "y",
                                              "status",    "first_seen",  "last_seen"};
inline constexpr std::string_view kClients[] = {"client_id", "client_name", "birth_year", "notes",
                                                "archived"};
} // namespace csv_column_names

inline constexpr CsvColumns kObservationsCsv{csv_column_names::kObservations};
inline constexpr CsvColumns kSessionsCsv{csv_column_names::kSessions};
inline constexpr CsvColumns kTreatmentsCsv{csv_column_names::kTreatments};
inline constexpr CsvColumns kKnotsCsv{csv_column_names::kKnots};
inline constexpr CsvColumns kClientsCsv{csv_column_names::kClients};

} // namespace knotmap
