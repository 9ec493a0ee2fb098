#include "core/csv_columns.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace knotmap;

TEST_CASE("a CSV column is found by name at its place in the table") {
    constexpr CsvColumn sessionTime = kSessionsCsv["session_time"];
    static_assert(sessionTime.index() == 3);
    CHECK(sessionTime.name() == "session_time");
    CHECK(std::size_t{kObservationsCsv["notes"]} == kObservationsCsv.size() - 1);
    CHECK(kClientsCsv["client_id"].index() == 0);
}

TEST_CASE("a column knows its table, though tables share names") {
    CHECK(kKnotsCsv["knot_id"].isOf(kKnotsCsv.names()));
    CHECK_FALSE(kKnotsCsv["knot_id"].isOf(kObservationsCsv.names()));
    CHECK(kKnotsCsv["knot_id"].index() != kObservationsCsv["knot_id"].index());
}

TEST_CASE("every table starts with the client and names each column once") {
    for (const CsvColumns& table :
         {kObservationsCsv, kSessionsCsv, kTreatmentsCsv, kKnotsCsv, kClientsCsv}) {
        const std::vector<std::string> names(table.begin(), table.end());
        REQUIRE(names.size() >= 2);
        CHECK(names[0] == "client_id");
        CHECK(names[1] == "client_name");
        CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
    }
}
