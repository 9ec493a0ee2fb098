#include "ui/export_dialog.h"

#include <doctest/doctest.h>

using knotmap::ui::groupedDigits;

TEST_CASE("export dialog: row counts are grouped by thousands") {
    CHECK(groupedDigits(0) == "0");
    CHECK(groupedDigits(999) == "999");
    CHECK(groupedDigits(1000) == "1,000");
    CHECK(groupedDigits(1715142) == "1,715,142");
    CHECK(groupedDigits(-12345) == "-12,345");
}
