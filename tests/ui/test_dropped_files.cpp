#include "support/temp_folder.h"
#include "ui/shell/dropped_files.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace knotmap::ui;
using knotmap::testing::TempFolder;
using knotmap::testing::writeBytes;

namespace fs = std::filesystem;

TEST_CASE("a drop: CSV and folders go to the import, a database asks to be opened") {
    const TempFolder folder;
    writeBytes(folder.file("visits.csv"), "date,region,pain\n");
    writeBytes(folder.file("clinic.sqlite"), std::string("SQLite format 3") + '\0' + "rest");
    // Named like a database but holding text: by its bytes, CSV to check.
    writeBytes(folder.file("notes.db"), "date,region,pain\n");
    fs::create_directories(folder.file("export"));

    MainScreenState state;
    state.importCsv.available = true;
    routeDroppedPaths({folder.file("visits.csv")}, state);
    CHECK(state.importCsv.dropped == folder.file("visits.csv"));
    CHECK_FALSE(state.databaseFiles.dropped);

    state.importCsv.dropped.reset();
    routeDroppedPaths({folder.file("export")}, state);
    CHECK(state.importCsv.dropped == folder.file("export"));

    state.importCsv.dropped.reset();
    routeDroppedPaths({folder.file("clinic.sqlite")}, state);
    CHECK(state.databaseFiles.dropped == folder.file("clinic.sqlite"));
    CHECK_FALSE(state.importCsv.dropped);

    // An encrypted database, by its header: opening it asks for the passphrase.
    state.databaseFiles.dropped.reset();
    writeBytes(folder.file("practice.knotmap"), std::string("KnotmapEncrypted") + '\1' + "rest");
    routeDroppedPaths({folder.file("practice.knotmap")}, state);
    CHECK(state.databaseFiles.dropped == folder.file("practice.knotmap"));
    CHECK_FALSE(state.importCsv.dropped);

    state.databaseFiles.dropped.reset();
    routeDroppedPaths({folder.file("notes.db")}, state);
    CHECK(state.importCsv.dropped == folder.file("notes.db"));

    // A new, empty file named .db: a database to create and open.
    state.importCsv.dropped.reset();
    writeBytes(folder.file("empty.db"), "");
    routeDroppedPaths({folder.file("empty.db")}, state);
    CHECK(state.databaseFiles.dropped == folder.file("empty.db"));
}

TEST_CASE(
    "a drop of several files: all five of an export's tables import their folder, else explained") {
    const TempFolder folder;
    MainScreenState state;
    state.importCsv.available = true;
    routeDroppedPaths({folder.file("clients.csv"), folder.file("sessions.csv"),
                       folder.file("knots.csv"), folder.file("observations.csv"),
                       folder.file("treatments.csv")},
                      state);
    CHECK(state.importCsv.dropped == folder.path());
    CHECK_FALSE(state.notice.visible);

    // Two of the five: the folder would bring the other three along.
    state.importCsv.dropped.reset();
    routeDroppedPaths({folder.file("clients.csv"), folder.file("observations.csv")}, state);
    CHECK_FALSE(state.importCsv.dropped);
    CHECK(state.notice.title == "Drop one thing at a time");
    state.notice.visible = false;

    state.importCsv.dropped.reset();
    routeDroppedPaths({folder.file("clients.csv"), folder.file("clinic.db")}, state);
    CHECK_FALSE(state.importCsv.dropped);
    CHECK(state.notice.visible);
    CHECK(state.notice.title == "Drop one thing at a time");
}

TEST_CASE("a CSV dropped on a database that cannot be written is explained, not imported") {
    const TempFolder folder;
    writeBytes(folder.file("visits.csv"), "date,region,pain\n");
    MainScreenState state; // importCsv.available stays false: read-only
    routeDroppedPaths({folder.file("visits.csv")}, state);
    CHECK_FALSE(state.importCsv.dropped);
    CHECK(state.notice.visible);
    CHECK(state.notice.title == "Nothing can be imported here");
}
