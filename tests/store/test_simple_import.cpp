#include "../core/zone_scope.h"
#include "core/validation.h"
#include "store/csv_import.h"
#include "store/simple_import.h"
#include "store/sql/statement.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotmap;
using namespace knotmap::testing;

namespace {

std::int64_t count(Database& database, const std::string& sql) {
    sql::Statement query(database.sql(), sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

// The problems of an import that must be refused; the database must not change.
std::string rejection(Database& database, const std::filesystem::path& file,
                      const SimpleImportOptions& options = {}) {
    const std::string before = dumpAllTables(database.sql());
    std::string problems;
    try {
        importSimpleCsv(database, file, options, false);
        FAIL("the import should have been refused");
    } catch (const ImportRejected& rejected) {
        problems = rejected.problems().describe();
    }
    CHECK(dumpAllTables(database.sql()) == before);
    return problems;
}

} // namespace

TEST_CASE("the simple format: one check-in per day, one knot per region") {
    TempFolder folder;
    writeBytes(folder.file("log.csv"),
               "Date,Region,Pain,Notes\n"
               "2026-03-01,back.upper_trapezius.left,6,after a long drive\n"
               "2026-03-01,Right pectoralis major,3,\n"
               "2026-03-02 21:15,BACK.UPPER_TRAPEZIUS.LEFT,4,\"better, still tight\"\n"
               "2026-03-03,b07,2,\n"
               ",,,\n");
    Database database = testing::openTestDatabase(folder.file("me.db"));
    const SimpleImportResult result = importSimpleCsv(database, folder.file("log.csv"), {}, false);
    CHECK(result.clientName == "Me");
    CHECK(result.newClient);
    CHECK(result.observations == 4);
    CHECK(result.newSessions == 3);
    CHECK(result.newKnots == 3); // b07 (left shoulder) stands for its largest region, the deltoid
    CHECK(count(database, "SELECT count(*) FROM session WHERE kind = 'self_checkin'") == 3);
    CHECK(count(database, "SELECT count(*) FROM knot") == 3);
    CHECK(count(database, "SELECT count(*) FROM observation o JOIN knot k ON k.id = o.knot_id "
                          "WHERE k.region_code = 'back.upper_trapezius.left'") == 2);
    CHECK(count(database, "SELECT count(*) FROM observation o JOIN knot k ON k.id = o.knot_id "
                          "WHERE k.region_code = 'back.deltoid.left' AND o.pain = 2") == 1);
    CHECK(count(database, "SELECT count(*) FROM observation WHERE notes = 'better, still tight' "
                          "AND pain = 4") == 1);

    SUBCASE("the same file again adds nothing: every rating is already there") {
        const SimpleImportResult again =
            importSimpleCsv(database, folder.file("log.csv"), {}, false);
        CHECK(again.alreadyKept == 4);
        CHECK(again.observations == 0);
        CHECK(again.newSessions == 0);
        CHECK(again.newKnots == 0);
        CHECK(count(database, "SELECT count(*) FROM observation") == 4);
        CHECK(count(database, "SELECT count(*) FROM session") == 3);
    }
    SUBCASE("a newer sheet repeating the older one adds only its new rows") {
        writeBytes(folder.file("newer.csv"),
                   "Date,Region,Pain,Notes\n"
                   "2026-03-01,back.upper_trapezius.left,6,after a long drive\n"
                   "2026-03-01,Right pectoralis major,3,\n"
                   "2026-03-02 21:15,BACK.UPPER_TRAPEZIUS.LEFT,4,\"better, still tight\"\n"
                   "2026-03-03,b07,2,\n"
                   "2026-03-05,back.upper_trapezius.left,1,\n");
        const SimpleImportResult newer =
            importSimpleCsv(database, folder.file("newer.csv"), {}, false);
        CHECK(newer.alreadyKept == 4);
        CHECK(newer.observations == 1);
        CHECK(newer.newSessions == 1);
        CHECK(count(database, "SELECT count(*) FROM observation") == 5);
    }
    SUBCASE("a rating the database holds with another pain is refused, naming both") {
        writeBytes(folder.file("changed.csv"),
                   "Date,Region,Pain\n2026-03-01,back.upper_trapezius.left,7\n"
                   "2026-03-06,back.upper_trapezius.left,2\n");
        const std::string problems = rejection(database, folder.file("changed.csv"));
        CHECK(problems.find("changed.csv, line 2, column 2 (Region): the database already has "
                            "pain 6 for back.upper_trapezius.left on 2026-03-01, and this row says "
                            "7 (imported before, then changed here or in the other app?)") !=
              std::string::npos);
        CHECK(count(database, "SELECT count(*) FROM observation") == 4);
    }
    SUBCASE("a later day adds to the same client's knots") {
        writeBytes(folder.file("more.csv"), "date,region,pain\n2026-03-04,f07,5\n"
                                            "2026-03-04,Left upper trapezius (back),1\n");
        const std::string problems = rejection(database, folder.file("more.csv"));
        CHECK(problems.find("line 3, column 2 (region): unknown region 'Left upper trapezius "
                            "(back)'") != std::string::npos);
        writeBytes(folder.file("more.csv"),
                   "date,region,pain\n2026-03-04,back.upper_trapezius.left,1\n");
        const SimpleImportResult more =
            importSimpleCsv(database, folder.file("more.csv"), {}, false);
        CHECK(more.newKnots == 0);
        CHECK(more.newSessions == 1);
        CHECK(count(database, "SELECT count(*) FROM knot") == 3);
    }
}

TEST_CASE("the simple format lists every unknown region once, with its lines, and guesses none") {
    TempFolder folder;
    writeBytes(folder.file("log.csv"), "date,region,pain,notes\n"
                                       "2026-03-01,kidney,6,\n"
                                       "2026-03-01,Left upper trapezius,3,\n"
                                       "2026-03-02,kidney,4,\n"
                                       "2026-03-03,back.upper_trapezius.left,2,\n"
                                       "2026-03-04,kidney,1,\n");
    Database database = testing::openTestDatabase(folder.file("me.db"));
    const std::string problems = rejection(database, folder.file("log.csv"));
    CHECK(problems ==
          "log.csv, line 2, column 2 (region): unknown region 'kidney': use an atlas code "
          "such as back.upper_trapezius.left (`knotmap atlas` lists them), a region name such as "
          "'Left upper trapezius', or a CHOIR code such as b07 (also on lines 4, 6)\n"
          "log.csv, line 3, column 2 (region): region 'Left upper trapezius' is ambiguous: write "
          "front.upper_trapezius.left or back.upper_trapezius.left\n");
}

TEST_CASE("the simple format's malformed rows") {
    TempFolder folder;
    Database database = testing::openTestDatabase(folder.file("me.db"));
    SUBCASE("pain 11, a bad date, a repeated row and a short row") {
        writeBytes(folder.file("log.csv"), "date,region,pain\n"
                                           "2026-03-01,b07,11\n"
                                           "01/03/2026,b07,5\n"
                                           "2026-03-02,b07,5\n"
                                           "2026-03-02,back.deltoid.left,6\n"
                                           "2026-03-03,b07\n");
        CHECK(rejection(database, folder.file("log.csv")) ==
              "log.csv, line 2, column 3 (pain): expected a whole number from 0 to 10, got '11'\n"
              "log.csv, line 3, column 1 (date): expected a date like 2026-03-14 (or 2026-03-14 "
              "09:30), got '01/03/2026'\n"
              "log.csv, line 5, column 2 (region): back.deltoid.left on 2026-03-02 is "
              "already on line 4\n"
              "log.csv, line 6: has 2 fields; the header has 3 (is the row cut short, or a comma "
              "not quoted?)\n");
    }
    SUBCASE("a header without pain, with a column the format does not have") {
        writeBytes(folder.file("log.csv"), "date,region,severity\n2026-03-01,b07,5\n");
        CHECK(rejection(database, folder.file("log.csv")) ==
              "log.csv, line 1, column 3 (severity): unknown column 'severity'; the simple format "
              "has date, region, pain and optionally notes\n"
              "log.csv, line 1: missing column 'pain'\n");
    }
    SUBCASE("several clients and no --client") {
        database.sql().exec("INSERT INTO client (name, created_utc) VALUES ('Ana', 0), ('Ben', 0)");
        writeBytes(folder.file("log.csv"), "date,region,pain\n2026-03-01,b07,5\n");
        CHECK(rejection(database, folder.file("log.csv")) ==
              "log.csv: the database has several clients; name the one these rows are for with "
              "--client (Ana, Ben)\n");
        SimpleImportOptions options;
        options.clientName = "ben";
        const SimpleImportResult result =
            importSimpleCsv(database, folder.file("log.csv"), options, false);
        CHECK(result.clientName == "Ben");
        CHECK_FALSE(result.newClient);
    }
    SUBCASE("an empty file") {
        writeBytes(folder.file("log.csv"), "");
        CHECK(rejection(database, folder.file("log.csv")) ==
              "log.csv: the file is empty; expected a header row: date,region,pain,notes\n");
    }
}

TEST_CASE("the simple format's text: control characters and over-long notes are refused") {
    using namespace std::string_literals;
    TempFolder folder;
    Database database = testing::openTestDatabase(folder.file("me.db"));
    const std::string rows = "date,region,pain,notes\n"
                             "2026-03-01,b07,5,fine\ttabbed\n"
                             "2026-03-02,b07,5,\"bell\a rung\"\n"
                             "2026-03-03,b07,5,nul\0here\n"s;
    writeBytes(folder.file("log.csv"),
               rows + "2026-03-04,b07,5," + std::string(kMaxNoteBytes + 1, 'n') + "\n");
    CHECK(rejection(database, folder.file("log.csv")) ==
          "log.csv, line 3, column 4 (notes): control character U+0007 at character 5 is not "
          "allowed\n"
          "log.csv, line 4, column 4 (notes): control character U+0000 at character 4 is not "
          "allowed\n"
          "log.csv, line 5, column 4 (notes): is 1048577 bytes long; the limit is 1 MiB (1048576 "
          "bytes)\n");
    SimpleImportOptions options;
    options.clientName = std::string(kMaxNameBytes + 1, 'c');
    writeBytes(folder.file("ok.csv"), "date,region,pain\n2026-03-01,b07,5\n");
    CHECK(rejection(database, folder.file("ok.csv"), options) ==
          "ok.csv: the client name given with --client is 257 bytes long; the limit is 256 "
          "bytes\n");
}

TEST_CASE("the simple format lists as many unknown regions as problems, and counts the rest") {
    TempFolder folder;
    std::string csv = "date,region,pain\n";
    for (int i = 0; i < 50; ++i) { // lines 2 to 51
        csv += "2026-03-01,kidney,5\n";
    }
    for (int i = 1; i <= 30; ++i) { // lines 52 to 81
        csv += "2026-03-01,nowhere " + std::to_string(i) + ",5\n";
    }
    writeBytes(folder.file("log.csv"), csv);
    Database database = testing::openTestDatabase(folder.file("me.db"));
    const std::string problems = rejection(database, folder.file("log.csv"));
    CHECK(problems.find("'kidney'") != std::string::npos);
    CHECK(problems.find("(also on lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 39 more)\n") !=
          std::string::npos);
    CHECK(problems.find("line 70, column 2 (region): unknown region 'nowhere 19'") !=
          std::string::npos);
    CHECK(problems.find("nowhere 20") == std::string::npos);
    // The text and 19 others are listed; the 11 rows of texts past those are counted.
    CHECK(problems.find("... and 11 more problems\n") != std::string::npos);
}

TEST_CASE("the simple format in New York: a skipped time moves forward, a doubled one is EDT") {
    testing::ZoneScope zone("America/New_York");
    TempFolder folder;
    writeBytes(folder.file("log.csv"), "date,region,pain\n"
                                       "2026-03-08 02:30,b07,5\n"
                                       "2026-03-07 23:59,b07,4\n"
                                       "2026-11-01 01:30,b07,3\n"
                                       "2026-07-01 09:00,b07,2\n");
    Database database = testing::openTestDatabase(folder.file("me.db"));
    const SimpleImportResult result = importSimpleCsv(database, folder.file("log.csv"), {}, false);
    CHECK(result.movedForward == 1);
    CHECK(result.readAsFirst == 1);
    sql::Statement sessions(database.sql(), "SELECT started_utc, utc_offset_min FROM session "
                                            "ORDER BY started_utc");
    std::vector<std::string> stored;
    while (sessions.executeStep()) {
        stored.push_back(
            LocalTimestamp(sessions.getColumn(0).getInt64(), sessions.getColumn(1).getInt())
                .toIso8601());
    }
    // 02:30 does not exist that night: it is 03:30 EDT, after 23:59 the day before.
    CHECK(stored ==
          std::vector<std::string>{"2026-03-07T23:59:00-05:00", "2026-03-08T03:30:00-04:00",
                                   "2026-07-01T09:00:00-04:00", "2026-11-01T01:30:00-04:00"});
}
