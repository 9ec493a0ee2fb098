#include "core/asset_registry.h"

#include <doctest/doctest.h>

#include <stdexcept>

TEST_CASE("migrations and fonts are embedded and found by name") {
    const auto sql = knotmap::asset("db/sqlite/001_initial.sql");
    CHECK(sql.find("CREATE TABLE client") != std::string_view::npos);
    const auto font = knotmap::asset("fonts/Inter-Regular.otf");
    REQUIRE(font.size() > 4);
    CHECK(font.substr(0, 4) == std::string_view("OTTO", 4)); // OpenType with CFF outlines
    CHECK_THROWS_WITH_AS((void)knotmap::asset("nope.txt"),
                         "asset not embedded in this build: nope.txt", std::out_of_range);
}

TEST_CASE("assets listed by prefix come sorted by name") {
    const auto migrations = knotmap::assetsWithPrefix("db/sqlite/");
    REQUIRE(migrations.size() >= 2);
    for (std::size_t i = 1; i < migrations.size(); ++i) {
        CHECK(migrations[i - 1].name < migrations[i].name);
    }
}
