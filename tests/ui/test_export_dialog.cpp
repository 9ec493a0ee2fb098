#include "ui/dialogs/export_dialog.h"

#include <doctest/doctest.h>

using knotmap::ui::groupedDigits;

TEST_CASE("export dialog: row counts are grouped by thousands") {
    CHECK(groupedDigits(0) == "0");
    CHECK(groupedDigits(999) == "999");
    CHECK(groupedDigits(1000) == "1,000");
    CHECK(groupedDigits(1715142) == "1,715,142");
    CHECK(groupedDigits(-12345) == "-12,345");
}

TEST_CASE("export dialog: the default file names a client by id and initials, never by name") {
    using namespace knotmap::ui;
    ExportDialogState state;
    state.defaultFolder = "/home/a/Documents";
    state.today = "2026-12-04";
    ExportClients clients;
    clients.currentId = 12;
    clients.currentName = "Jane Smith";
    clients.count = 3;
    CHECK(defaultExportPath(state, clients) ==
          "/home/a/Documents/knotmap-observations-client-12-JS-2026-12-04.csv");
    state.allTables = true;
    CHECK(defaultExportPath(state, clients) ==
          "/home/a/Documents/knotmap-export-client-12-JS-2026-12-04");
    // Everyone, or the only client: no client in the name at all.
    state.everyone = true;
    CHECK(defaultExportPath(state, clients) == "/home/a/Documents/knotmap-export-2026-12-04");
    state.allTables = false;
    state.everyone = false;
    state.table = 1;
    clients.count = 1;
    CHECK(defaultExportPath(state, clients) == "/home/a/Documents/knotmap-sessions-2026-12-04.csv");
}
