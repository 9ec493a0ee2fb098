#include "core/timestamp.h"
#include "store/database.h"
#include "store/export_count.h"
#include "store/export_files.h"
#include "store/table_export.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

using namespace knotmap;
using knotmap::testing::TempFolder;

namespace {

constexpr int kKnots = 50;
constexpr int kSessionsPerClient = 100;

// A database file on disk with two clients, each with kKnots knots observed
// in each of kSessionsPerClient daily sessions from 2026-01-01: 10,000
// observations, enough for the progress callback to be heard a few times.
// Every session has one treatment.
std::filesystem::path writeSampleDatabase(const TempFolder& folder) {
    const std::filesystem::path path = folder.file("progress.db");
    Database database = testing::openTestDatabase(path);
    auto& sql = database.sql();
    const std::int64_t first = secondsFromCivil({2026, 1, 1, 9, 0, 0});
    sql.exec("BEGIN");
    sql.exec("INSERT INTO client (id, name, notes, created_utc) VALUES (1, 'Ana', '', 0), "
             "(2, 'Ben', '', 0)");
    sql.exec("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
             std::to_string(2 * kKnots - 1) +
             ") INSERT INTO knot (id, client_id, view, x, y, region_code) "
             "SELECT i + 1, i / " +
             std::to_string(kKnots) + " + 1, 'back', 0.5, 0.5, 'back.upper_trapezius.left' FROM n");
    sql.exec("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
             std::to_string(2 * kSessionsPerClient - 1) +
             ") INSERT INTO session (id, client_id, started_utc, utc_offset_min, kind) "
             "SELECT i + 1, i / " +
             std::to_string(kSessionsPerClient) + " + 1, " + std::to_string(first) + " + (i % " +
             std::to_string(kSessionsPerClient) + ") * 86400, 0, 'self_checkin' FROM n");
    sql.exec("INSERT INTO observation (session_id, knot_id, pain, kind) "
             "SELECT s.id, k.id, 4, 'tension' FROM session s JOIN knot k "
             "ON k.client_id = s.client_id");
    sql.exec("INSERT INTO treatment (session_id, kind_id, minutes) "
             "SELECT id, (SELECT min(id) FROM treatment_kind), 10 FROM session");
    sql.exec("COMMIT");
    return path;
}

std::int64_t exportedRows(Database& database, ExportTable table, const ExportOptions& options) {
    std::ostringstream out;
    return exportTableCsv(database, table, out, options);
}

struct Cancelled : std::runtime_error {
    Cancelled() : std::runtime_error("cancelled") {}
};

} // namespace

TEST_CASE("export progress: the count matches the rows written, with and without filters") {
    const TempFolder folder;
    Database database = testing::openTestDatabase(writeSampleDatabase(folder));
    ExportOptions ben;
    ben.clientId = 2;
    ExportOptions january;
    january.fromDay = daysFromCivil(2026, 1, 10);
    january.toDay = daysFromCivil(2026, 1, 31);
    ExportOptions benInJanuary = january;
    benInJanuary.clientId = 2;
    for (const ExportOptions* options : {&ben, &january, &benInJanuary}) {
        for (std::string_view name : exportTableNames()) {
            const ExportTable table = *exportTableFromName(name);
            CAPTURE(name);
            CHECK(countExportRows(database, table, *options) ==
                  exportedRows(database, table, *options));
        }
    }
    const ExportOptions everything;
    CHECK(countExportRows(database, ExportTable::Observations, everything) ==
          2 * kKnots * kSessionsPerClient);
    CHECK(countExportRows(database, ExportTable::Observations, benInJanuary) == 22 * kKnots);
    CHECK(countExportRows(database, ExportTable::Clients, ben) == 1);
}

TEST_CASE("export progress: heard every few thousand rows, never per row") {
    const TempFolder folder;
    Database database = testing::openTestDatabase(writeSampleDatabase(folder));
    std::vector<std::int64_t> heard;
    ExportOptions options;
    options.progress = [&](std::int64_t rows) {
        heard.push_back(rows);
    };
    const std::int64_t rows = exportedRows(database, ExportTable::Observations, options);
    REQUIRE(rows == 2 * kKnots * kSessionsPerClient);
    std::vector<std::int64_t> expected;
    for (std::int64_t at = kExportProgressRows; at <= rows; at += kExportProgressRows) {
        expected.push_back(at);
    }
    CHECK(heard == expected);
    // A table smaller than one step is never interrupted.
    heard.clear();
    CHECK(exportedRows(database, ExportTable::Sessions, options) == 2 * kSessionsPerClient);
    CHECK(heard.empty());
}

TEST_CASE("export progress: a callback that throws cancels and leaves no file") {
    const TempFolder folder;
    Database database = testing::openTestDatabase(writeSampleDatabase(folder));
    const auto target = folder.file("observations export.csv");
    ExportOptions options;
    std::int64_t lastHeard = 0;
    options.progress = [&](std::int64_t rows) {
        lastHeard = rows;
        if (rows >= 2 * kExportProgressRows) {
            throw Cancelled();
        }
    };
    CHECK_THROWS_AS(exportTableToFile(database, ExportTable::Observations, options, target),
                    Cancelled);
    CHECK(lastHeard == 2 * kExportProgressRows);
    // Neither the file nor its temporary: the folder holds only the database.
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        CHECK(entry.path().filename().string().rfind("progress.db", 0) == 0);
    }
    CHECK_FALSE(std::filesystem::exists(target));

    // Without the cancel, the same call writes the whole file.
    options.progress = {};
    const ExportedFile written =
        exportTableToFile(database, ExportTable::Observations, options, target);
    CHECK(written.rows == 2 * kKnots * kSessionsPerClient);
    std::ostringstream expected;
    (void)exportTableCsv(database, ExportTable::Observations, expected, options);
    CHECK(testing::readBytes(target) == expected.str());
}

TEST_CASE("export progress: all tables into a new folder, each reported once written") {
    const TempFolder folder;
    Database database = testing::openTestDatabase(writeSampleDatabase(folder));
    const auto target = folder.file("new folder") / "export";
    std::vector<std::string> reported;
    const auto files = exportAllTables(database, {}, target, [&](const ExportedFile& file) {
        reported.push_back(file.path.filename().string());
        CHECK(std::filesystem::exists(file.path));
    });
    CHECK(reported == std::vector<std::string>{"observations.csv", "sessions.csv", "treatments.csv",
                                               "knots.csv", "clients.csv"});
    REQUIRE(files.size() == 5);
    CHECK(files[2].rows == 2 * kSessionsPerClient);
    CHECK(exportFileInFolder(target, ExportTable::Knots) == target / "knots.csv");
}
