#include "ui/dialogs/import_dialog.h"
#include "ui/dialogs/import_sheet_rows.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotmap;
using namespace knotmap::ui;

TEST_CASE("import mapping form: columns are guessed from their names, each used once") {
    const std::vector<std::string> header = {"Day", "Where", "Level", "At", "Comment", "Weather"};
    const ColumnPicks picks = guessColumnPicks(header);
    CHECK(picks.date == 0);
    CHECK(picks.region == 1);
    CHECK(picks.pain == 2);
    CHECK(picks.time == 3);
    CHECK(picks.notes == 4);
    const ColumnMap map = columnMapOf(picks, header);
    CHECK(describeColumnMap(map) == "date=Day,region=Where,pain=Level,time=At,notes=Comment");

    // Nothing that looks like a role: nothing is picked, so Check waits.
    const ColumnPicks none = guessColumnPicks({"a", "b", "c"});
    CHECK(none.date == ColumnPicks::kNone);
    CHECK(none.region == ColumnPicks::kNone);
    CHECK(none.pain == ColumnPicks::kNone);
}

TEST_CASE("import mapping form: a name two columns share, or none, is given by number") {
    const std::vector<std::string> header = {"Date", "", "Pain", "pain"};
    ColumnPicks picks;
    picks.date = 0;
    picks.region = 1;
    picks.pain = 3;
    const ColumnMap map = columnMapOf(picks, header);
    CHECK(map.date == "Date");
    CHECK(map.region == "2");
    CHECK(map.pain == "4");
    CHECK(map.time.empty());
    CHECK(map.notes.empty());
}
