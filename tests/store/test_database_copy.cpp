#include "import_fixtures.h"
#include "store/copy/database_copy.h"
#include "store/demo_writer.h"
#include "store/record_amendment_repository.h"
#include "store/sql/statement.h"
#include "store/write_transaction.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

// `knotmap copy` in the store (store/copy/database_copy.h). The SQLite run
// copies file to file; the run on the test server copies file to server,
// server to server and server to file, so every value makes the trip out of
// and back into both backends.
using namespace knotmap;
using testing::TempFolder;

namespace {

// Every row of every table with records, as text that is equal exactly when
// the rows are: ids included, NULL told from '', doubles as the shortest text
// that reads back as the same double (either backend's own text may round).
std::string dumpRecords(Database& database) {
    std::vector<std::string> tables = database.sql().tableNames();
    std::sort(tables.begin(), tables.end());
    std::string dump;
    for (const std::string& table : tables) {
        // Each backend's own bookkeeping (who the trail names, the
        // server's practice, which a file cannot hold), not records.
        if (table == "knotmap_schema_version" || table == "audit_actor" || table == "practice" ||
            table == "practitioner" || table == "client_access") {
            continue;
        }
        sql::Statement rows(database.sql(), "SELECT * FROM " + table);
        std::vector<std::string> lines;
        while (rows.executeStep()) {
            std::string line;
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                const sql::Column cell = rows.getColumn(i);
                line += rows.getColumnName(i) + "=";
                if (cell.isNull()) {
                    line += "NULL";
                } else if (cell.type() == sql::ValueType::Float) {
                    char buffer[32];
                    const auto end = std::to_chars(buffer, buffer + 32, cell.getDouble()).ptr;
                    line += std::string(buffer, end);
                } else {
                    line += "'" + cell.getString() + "'";
                }
                line += '|';
            }
            lines.push_back(std::move(line));
        }
        std::sort(lines.begin(), lines.end());
        dump += "[" + table + "]\n";
        for (const std::string& line : lines) {
            dump += line + '\n';
        }
    }
    return dump;
}

// The five CSV files of `knotmap export --all`, concatenated.
std::string exportedBytes(Database& database, const std::filesystem::path& folder) {
    testing::exportAll(database, folder);
    std::string bytes;
    for (std::string_view name : exportTableNames()) {
        bytes += testing::readBytes(folder / (std::string(name) + ".csv"));
    }
    return bytes;
}

// Corrections of the tricky history's signed visit (session 11): two of one
// rating's pain in a row, its symptoms twice and referred regions from none,
// a treatment's kind and minutes (to not recorded), and session fields.
void addAmendments(Database& database) {
    RecordAmendmentRepository amendments(database.sql());
    std::int64_t when = 1773600000;
    const auto amend = [&](AmendedRecord record, Id id, const char* field,
                           std::optional<std::string> value) {
        RecordAmendment amendment;
        amendment.record = record;
        amendment.recordId = id;
        amendment.field = field;
        amendment.newValue = std::move(value);
        amendment.author = "Dr. Ana-María";
        amendment.amendedUtc = when += 60;
        amendment.reason = "typo, \"corrected\"\nsecond line";
        amendments.add(amendment);
    };
    amend(AmendedRecord::Rating, 31, "pain", "8");
    amend(AmendedRecord::Rating, 32, "kind", "tension");
    amend(AmendedRecord::Rating, 31, "pain", "6");
    amend(AmendedRecord::Rating, 31, "symptoms", R"(["aching","custom_jaw_click"])");
    amend(AmendedRecord::Rating, 31, "referrals", R"(["front.frontalis.left"])");
    amend(AmendedRecord::Rating, 31, "symptoms", R"(["tenderness"])");
    amend(AmendedRecord::Rating, 32, "notes", "tab\there, 🌿");
    amend(AmendedRecord::Treatment, 40, "kind", "massage_ball");
    amend(AmendedRecord::Treatment, 40, "minutes", std::nullopt);
    amend(AmendedRecord::Treatment, 41, "medication", "Ibuprofen 200 mg");
    amend(AmendedRecord::Treatment, 40, "minutes", "20");
    database.sql().exec(
        "INSERT INTO session_amendment (session_id, field, original_value, new_value, author, "
        "amended_utc, reason) VALUES "
        "(11, 'overall_pain', NULL, '3', 'Dr. Ana-María', 1773600500, ''), "
        "(11, 'notes', '''=already quoted', 'line\r\nbreak', 'Dr. Ana-María', 1773600600, 'why')");
}

// A file with the tricky history, its amendments and a custom vocabulary
// entry renamed and one hidden.
std::filesystem::path trickySource(const TempFolder& folder) {
    const std::filesystem::path path = folder.file("source.db");
    Database source = Database::open(path);
    testing::addTrickyHistory(source.sql());
    addAmendments(source);
    source.sql().exec("UPDATE symptom SET name = 'Aching, dull' WHERE code = 'aching'");
    source.sql().exec("UPDATE treatment_kind SET hidden = 1 WHERE code = 'ice'");
    return path;
}

DemoOptions demoOptions(int days) {
    DemoOptions options;
    options.clients = 3;
    options.days = days;
    options.seed = 5;
    options.endYear = 2026;
    options.endMonth = 3;
    options.endDay = 31;
    options.nowUtcSeconds = 1775000000;
    return options;
}

// Where the copies of this run go, in order: a new file on SQLite; on the
// server run a new schema, another new schema, then a new file.
std::vector<DatabaseLocation> destinations(const TempFolder& folder) {
    if (!testing::testingOnServer()) {
        return {folder.file("copy.db")};
    }
    return {testing::freshServerSchema(), testing::freshServerSchema(), folder.file("copy.db")};
}

// Copies the file at source along destinations(), each copy the source of the
// next, and checks after each that it holds exactly what the source does and
// exports the same bytes.
void copyAlongAndCompare(const TempFolder& folder, const std::filesystem::path& sourcePath) {
    Database source = Database::open(sourcePath, readingOptions());
    const std::string records = dumpRecords(source);
    const std::string exported = exportedBytes(source, folder.file("export-source"));
    REQUIRE(exported.size() > 500);

    std::unique_ptr<Database> from = std::make_unique<Database>(std::move(source));
    int step = 0;
    for (const DatabaseLocation& where : destinations(folder)) {
        CAPTURE(where.describe());
        auto to = std::make_unique<Database>(Database::open(where));
        const CopySummary summary = copyDatabase(*from, *to);
        CHECK(summary.rows > 0);
        CHECK(dumpRecords(*to) == records);
        CHECK(exportedBytes(*to, folder.file("export-" + std::to_string(++step))) == exported);
        from = std::move(to);
    }
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

TEST_CASE("copy: the tricky history arrives exactly, signed visit and amendments included") {
    TempFolder folder;
    const std::filesystem::path source = trickySource(folder);
    {
        // The test data has what the copy must get right.
        Database check = Database::open(source, readingOptions());
        CHECK(check.sql()
                  .execAndGet("SELECT count(*) FROM session WHERE signed_utc IS NOT NULL")
                  .getInt() == 1);
        CHECK(check.sql().execAndGet("SELECT count(*) FROM observation_amendment").getInt() == 7);
        CHECK(check.sql().execAndGet("SELECT count(*) FROM treatment_amendment").getInt() == 4);
        CHECK(check.sql().execAndGet("SELECT pain FROM observation WHERE id = 31").getInt() == 6);
    }
    copyAlongAndCompare(folder, source);
}

TEST_CASE("copy: the demo history arrives exactly") {
    TempFolder folder;
    const std::filesystem::path source = folder.file("demo.db");
    {
        Database demo = Database::open(source);
        (void)writeDemo(demo, demoOptions(60));
    }
    copyAlongAndCompare(folder, source);
}

TEST_CASE("copy: every double arrives with the same bits") {
    TempFolder folder;
    const std::filesystem::path path = folder.file("doubles.db");
    std::vector<double> values{0.46531929687499995,
                               0.4649209885665955, // SQLite 3.40 reads this text 1 ulp off
                               0.1,
                               0.0,
                               1.0,
                               std::nextafter(1.0, 0.0),
                               std::numeric_limits<double>::denorm_min(),
                               std::numeric_limits<double>::min()};
    std::mt19937_64 random(20260314);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    while (values.size() < 2000) {
        values.push_back(unit(random));
    }
    {
        Database source = Database::open(path);
        WriteTransaction write(source.sql());
        source.sql().exec("INSERT INTO client (id, name, created_utc) VALUES (1, 'Doubles', 0)");
        sql::Statement insert(source.sql(),
                              "INSERT INTO knot (id, client_id, view, x, y, region_code) "
                              "VALUES (?, 1, 'front', ?, ?, 'front.frontalis.left')");
        for (std::size_t i = 0; i < values.size(); ++i) {
            insert.reset();
            insert.bind(1, static_cast<long long>(i + 1));
            insert.bind(2, values[i]);
            insert.bind(3, values[values.size() - 1 - i]);
            insert.exec();
        }
        write.commit();
    }
    Database source = Database::open(path, readingOptions());
    std::unique_ptr<Database> from = std::make_unique<Database>(std::move(source));
    for (const DatabaseLocation& where : destinations(folder)) {
        CAPTURE(where.describe());
        auto to = std::make_unique<Database>(Database::open(where));
        (void)copyDatabase(*from, *to);
        sql::Statement knots(to->sql(), "SELECT id, x, y FROM knot ORDER BY id");
        std::size_t differing = 0;
        std::size_t read = 0;
        while (knots.executeStep()) {
            const auto i = static_cast<std::size_t>(knots.getColumn(0).getInt64() - 1);
            differing += sameBits(knots.getColumn(1).getDouble(), values[i]) ? 0 : 1;
            differing +=
                sameBits(knots.getColumn(2).getDouble(), values[values.size() - 1 - i]) ? 0 : 1;
            ++read;
        }
        CHECK(read == values.size());
        CHECK(differing == 0);
        from = std::move(to);
    }
}

TEST_CASE("copy: a destination that holds records is refused and left as it was") {
    TempFolder folder;
    const std::filesystem::path sourcePath = trickySource(folder);
    Database source = Database::open(sourcePath, readingOptions());

    struct Case {
        const char* what;
        const char* sql;
    };
    const Case cases[] = {
        {"a client", "INSERT INTO client (name, created_utc) VALUES ('Already here', 0)"},
        {"an added vocabulary entry",
         "INSERT INTO trigger_cause (code, name, sort_order) VALUES ('cold', 'Cold', 900)"},
        {"a renamed built-in entry", "UPDATE symptom SET name = 'Sore' WHERE code = 'aching'"},
        {"a hidden built-in entry", "UPDATE treatment_kind SET hidden = 1 WHERE code = 'heat'"},
    };
    int n = 0;
    for (const Case& c : cases) {
        CAPTURE(c.what);
        const DatabaseLocation where =
            testing::testingOnServer()
                ? testing::freshServerSchema()
                : DatabaseLocation(folder.file("holding-" + std::to_string(++n) + ".db"));
        Database destination = Database::open(where);
        destination.sql().exec(c.sql);
        const std::string before = dumpRecords(destination);
        try {
            (void)copyDatabase(source, destination);
            FAIL("the copy went ahead");
        } catch (const copy::CopyRefused& refused) {
            const std::string message = refused.what();
            CHECK(message.find(destination.describe() + " already holds records; copy only into "
                                                        "a new file or an empty database") == 0);
        }
        CHECK(dumpRecords(destination) == before);
        CHECK_FALSE(destination.sql().inTransaction());
    }
}

TEST_CASE("copy: a database is not copied onto itself") {
    TempFolder folder;
    if (testing::testingOnServer()) {
        const DatabaseLocation where = testing::freshServerSchema();
        Database first = Database::open(where);
        // The same schema, the connection string spelt differently.
        Database second = Database::open(DatabaseLocation::server(where.conninfo() + "  "));
        CHECK_THROWS_WITH_AS(copyDatabase(first, second),
                             doctest::Contains("is the source database itself"), copy::CopyRefused);
        // Another schema on the same server is another database.
        Database other = Database::open(testing::freshServerSchema());
        CHECK_NOTHROW((void)copyDatabase(first, other));
        return;
    }
    Database empty = Database::open(folder.file("empty.db"));
    std::filesystem::create_directories(folder.file("sub"));
    Database again = Database::open(folder.path() / "sub" / ".." / "empty.db");
    CHECK_THROWS_WITH_AS(copyDatabase(empty, again),
                         doctest::Contains("is the source database itself"), copy::CopyRefused);
    // An empty database copied into another empty one is a copy like any.
    Database other = Database::open(folder.file("other.db"));
    CHECK(copyDatabase(empty, other).rowsOf("client") == 0);
}

TEST_CASE("copy: a failure midway leaves the destination as it was, ready for another try") {
    TempFolder folder;
    const std::filesystem::path sourcePath = folder.file("demo.db");
    {
        Database demo = Database::open(sourcePath);
        // Enough rows (about 7000) for progress reports within a table.
        (void)writeDemo(demo, demoOptions(240));
    }
    Database file = Database::open(sourcePath, readingOptions());
    std::unique_ptr<Database> from = std::make_unique<Database>(std::move(file));
    const std::string records = dumpRecords(*from);
    for (const DatabaseLocation& where : destinations(folder)) {
        CAPTURE(where.describe());
        auto to = std::make_unique<Database>(Database::open(where));
        const std::string empty = dumpRecords(*to);
        struct Stop {};
        std::int64_t stoppedAt = 0;
        const auto stopPastAThird = [&](std::int64_t copied, std::int64_t total) {
            if (copied > total / 3) {
                stoppedAt = copied;
                throw Stop{};
            }
        };
        CHECK_THROWS_AS(copyDatabase(*from, *to, stopPastAThird), Stop);
        CHECK(stoppedAt > 0);
        CHECK_FALSE(to->sql().inTransaction());
        CHECK(dumpRecords(*to) == empty);
        CHECK(to->holdsNoUserData());

        std::vector<std::int64_t> reported;
        std::int64_t reportedTotal = 0;
        const CopySummary summary =
            copyDatabase(*from, *to, [&](std::int64_t copied, std::int64_t total) {
                reported.push_back(copied);
                reportedTotal = total;
            });
        CHECK(dumpRecords(*to) == records);
        CHECK(std::is_sorted(reported.begin(), reported.end()));
        REQUIRE(reported.size() > 3);
        CHECK(reported.front() == 0);
        CHECK(reported.back() == summary.rows);
        CHECK(reportedTotal == summary.rows);
        // The first copy stopped in the middle of a table, with the
        // destination's bulk load open, not between two tables.
        std::int64_t tableEnd = 0;
        for (const auto& [table, rows] : summary.tables) {
            tableEnd += rows;
            CHECK_MESSAGE(stoppedAt != tableEnd, "stopped at the end of " << table);
        }
        from = std::move(to);
    }
}
