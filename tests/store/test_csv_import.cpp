#include "import_fixtures.h"
#include "store/csv_import.h"
#include "store/sql/statement.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"

#include <doctest/doctest.h>

#include <string>

using namespace knotmap;
using namespace knotmap::testing;

namespace {

ImportSource allTables(const std::filesystem::path& folder, bool restoreText = true) {
    ImportSource source;
    source.shape = ImportShape::AllTables;
    source.folder = folder;
    source.restoreText = restoreText;
    return source;
}

std::string textAt(sql::Connection& sql, const std::string& query) {
    sql::Statement statement(sql, query);
    REQUIRE(statement.executeStep());
    return statement.getColumn(0).getString();
}

void requireSameExports(const std::filesystem::path& a, const std::filesystem::path& b) {
    for (std::string_view table : exportTableNames()) {
        const std::string name = std::string(table) + ".csv";
        INFO(name);
        CHECK(readBytes(a / name) == readBytes(b / name));
    }
}

} // namespace

TEST_CASE("export --all, import into an empty database, export again: byte-identical") {
    TempFolder folder;
    exportTrickyHistory(folder.file("source.db"), folder.file("first"));

    Database copy = testing::openTestDatabase(folder.file("copy.db"));
    const ImportPlan plan = importKnotmapCsv(copy, allTables(folder.file("first")), false);
    CHECK(plan.clients == 2);
    CHECK(plan.sessions == 3);
    CHECK(plan.knots == 3);
    CHECK(plan.observations == 3);
    CHECK(plan.treatments == 3);
    CHECK(plan.clientIds.offset == 0);
    CHECK(plan.newSymptoms == std::vector<std::string>{"custom_jaw_click"});
    CHECK(plan.newTreatmentKinds == std::vector<std::string>{"custom_cupping"});
    CHECK(plan.newTriggers == std::vector<std::string>{"custom_long_drive"});

    exportAll(copy, folder.file("second"));
    requireSameExports(folder.file("first"), folder.file("second"));

    // The text in the database is the person's own again, not the export's
    // neutralised form, and quoting, line breaks and emoji came through.
    auto& sql = copy.sql();
    CHECK(textAt(sql, "SELECT name FROM client WHERE id = 7") == "=Łukasz, Jr.");
    CHECK(textAt(sql, "SELECT notes FROM treatment WHERE id = 40") == "=SUM(A1:A9)");
    CHECK(textAt(sql, "SELECT notes FROM session WHERE id = 11") == "'=already quoted");
    CHECK(textAt(sql, "SELECT plan FROM session WHERE id = 11") == "\tstretch daily");
    CHECK(textAt(sql, "SELECT notes FROM session WHERE id = 10") ==
          "line one\nline two\r\nthree\rend");
    CHECK(textAt(sql, "SELECT notes FROM observation WHERE session_id = 10") ==
          "sore, \"burning\"; worse \r\nafter 🖥️");
    CHECK(textAt(sql, "SELECT name FROM client WHERE id = 3") == "Zoë O'Brien 🌿");
    CHECK(textAt(sql, "SELECT signed_by || '@' || signed_utc FROM session WHERE id = 11") ==
          "Dr. Ana-María@1773570000");
    CHECK(
        textAt(sql, "SELECT coalesce(CAST(birth_year AS TEXT), 'none') FROM client WHERE id = 7") ==
        "none");
    CHECK(textAt(sql, "SELECT name FROM symptom WHERE code = 'custom_jaw_click'") == "Jaw click");
}

TEST_CASE("a file exported without neutralisation imports with --no-neutralise, unchanged") {
    TempFolder folder;
    ExportOptions plain;
    plain.neutralise = false;
    exportTrickyHistory(folder.file("source.db"), folder.file("first"), plain);
    CHECK(readBytes(folder.file("first") / "clients.csv").find("'=") == std::string::npos);

    Database copy = testing::openTestDatabase(folder.file("copy.db"));
    importKnotmapCsv(copy, allTables(folder.file("first"), false), false);
    CHECK(textAt(copy.sql(), "SELECT notes FROM session WHERE id = 11") == "'=already quoted");
    exportAll(copy, folder.file("second"), plain);
    requireSameExports(folder.file("first"), folder.file("second"));
}

TEST_CASE("the observations file alone brings its clients, sessions, knots and treatments") {
    TempFolder folder;
    exportTrickyHistory(folder.file("source.db"), folder.file("first"));

    ImportSource only;
    only.shape = ImportShape::ObservationsOnly;
    only.observations = folder.file("first") / "observations.csv";
    Database copy = testing::openTestDatabase(folder.file("copy.db"));
    const ImportPlan plan = importKnotmapCsv(copy, only, false);
    CHECK(plan.clients == 1); // client 7 has no observations
    CHECK(plan.sessions == 2);
    CHECK(plan.knots == 2);
    CHECK(plan.observations == 3);
    CHECK(plan.treatments == 2); // the two given to knot 20

    exportAll(copy, folder.file("second"));
    CHECK(readBytes(folder.file("first") / "observations.csv") ==
          readBytes(folder.file("second") / "observations.csv"));
}

TEST_CASE("a dry run checks everything and writes nothing") {
    TempFolder folder;
    exportTrickyHistory(folder.file("source.db"), folder.file("first"));
    Database copy = testing::openTestDatabase(folder.file("copy.db"));
    const std::string before = dumpAllTables(copy.sql());
    const ImportPlan plan = importKnotmapCsv(copy, allTables(folder.file("first")), true);
    CHECK(plan.observations == 3);
    CHECK(dumpAllTables(copy.sql()) == before);
}

TEST_CASE("ids already used in the database move past it; names already there are refused") {
    TempFolder folder;
    exportTrickyHistory(folder.file("source.db"), folder.file("first"));

    Database target = testing::openTestDatabase(folder.file("target.db"));
    target.sql().exec("INSERT INTO client (id, name, created_utc) VALUES (5, 'Someone else', 0)");
    const ImportPlan plan = importKnotmapCsv(target, allTables(folder.file("first")), false);
    CHECK(plan.clientIds.offset == 5);
    CHECK(plan.sessionIds.offset == 0); // the database had no sessions
    CHECK(textAt(target.sql(), "SELECT name FROM client WHERE id = 8") == "Zoë O'Brien 🌿");
    CHECK(textAt(target.sql(), "SELECT client_id FROM session WHERE id = 10") == "8");

    // The same files again: every client name is taken now.
    const std::string before = dumpAllTables(target.sql());
    try {
        importKnotmapCsv(target, allTables(folder.file("first")), false);
        FAIL("a second import of the same clients must be refused");
    } catch (const ImportRejected& rejected) {
        CHECK(rejected.problems().count() == 2);
        CHECK(rejected.problems().describe().find(
                  "clients.csv, line 2, column 2 (client_name): the database already has a "
                  "client named 'Zoë O'Brien 🌿'") != std::string::npos);
    }
    CHECK(dumpAllTables(target.sql()) == before);
}
