#include "core/csv_columns.h"
#include "core/csv_writer.h"
#include "store/export_query.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using namespace knotmap;

namespace {

constexpr const CsvColumns& c = kClientsCsv;

// One row of the clients table, stepped to and ready for its cells.
struct OneClientRow {
    Database database = testing::openTestDatabase();
    std::ostringstream out;
    CsvWriter csv{out};
    ExportQuery row{database, "SELECT 7, 'Ana', NULL, 'notes', 0", {}, csv, c};

    OneClientRow() { REQUIRE(row.next()); }
};

} // namespace

TEST_CASE("export query: cells written in the table's column order make the row") {
    OneClientRow client;
    ExportQuery& row = client.row;
    row.id(c["client_id"], 0);
    row.text(c["client_name"], 1);
    row.number(c["birth_year"], 2);
    row.text(c["notes"], 3);
    row.id(c["archived"], 4);
    row.endRow();
    client.csv.flush();
    CHECK(client.out.str() == "7,Ana,,notes,0\r\n");
}

TEST_CASE("export query: a cell out of its column's place is refused, naming both columns") {
    OneClientRow client;
    client.row.id(c["client_id"], 0);
    // birth_year where client_name belongs: every later cell would be one off.
    CHECK_THROWS_WITH_AS(client.row.number(c["birth_year"], 2),
                         "export writes column birth_year where client_name belongs",
                         std::logic_error);
}

TEST_CASE("export query: a column of another table is refused at the same place") {
    OneClientRow client;
    CHECK_THROWS_AS(client.row.id(kKnotsCsv["client_id"], 0), std::logic_error);
}

TEST_CASE("export query: a row ended before its last column is refused") {
    OneClientRow client;
    client.row.id(c["client_id"], 0);
    client.row.text(c["client_name"], 1);
    CHECK_THROWS_WITH_AS(client.row.endRow(), "export ends a row before column birth_year",
                         std::logic_error);
}
