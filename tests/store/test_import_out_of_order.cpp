#include "import_fixtures.h"
#include "store/csv_import.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

// An import whose files are not in an export's order (rows moved, repeated
// far apart) is checked exactly as one that is: the check's memory of pairs
// and treatment kinds (store/import_key_index.h) keeps rows in order while
// they come that way and falls back to a scratch table when they stop, and
// every repeat and disagreement is still reported, at its own line.
using namespace knotmap;
using namespace knotmap::testing;

namespace {

namespace fs = std::filesystem;

// One client, four sessions, two knots, each knot rated in each session;
// treatments on some pairs, two on one of them. Nothing spans two lines, so
// the files can be rearranged line by line. Lines of observations.csv after
// the header: 2 s1k1, 3 s1k2, 4 s2k1, 5 s2k2, 6 s3k1, 7 s3k2, 8 s4k1, 9 s4k2.
void addPlainHistory(sql::Connection& sql) {
    sql.exec("INSERT INTO client (id, name, created_utc) VALUES (1, 'Ana', 0)");
    sql.exec("INSERT INTO session (id, client_id, started_utc, utc_offset_min, kind) VALUES "
             "(1, 1, 1700000000, 60, 'self_checkin'), (2, 1, 1700100000, 60, 'self_checkin'), "
             "(3, 1, 1700200000, 60, 'therapy_visit'), (4, 1, 1700300000, 60, 'self_checkin')");
    sql.exec("INSERT INTO knot (id, client_id, view, x, y, region_code, label, status) VALUES "
             "(1, 1, 'back', 0.5, 0.25, 'back.upper_trapezius.left', 'left', 'active'), "
             "(2, 1, 'back', 0.75, 0.25, 'back.upper_trapezius.right', 'right', 'active')");
    sql.exec("INSERT INTO observation (session_id, knot_id, pain, kind, notes) "
             "SELECT s.id, k.id, 5, 'active_trigger_point', '' FROM session s, knot k "
             "ORDER BY s.id, k.id");
    sql.exec("INSERT INTO treatment (id, session_id, knot_id, kind_id) VALUES "
             "(1, 1, 1, (SELECT id FROM treatment_kind WHERE code = 'massage_deep_tissue')), "
             "(2, 2, 2, (SELECT id FROM treatment_kind WHERE code = 'massage_trigger_point')), "
             "(3, 3, 1, (SELECT id FROM treatment_kind WHERE code = 'massage_deep_tissue')), "
             "(4, 3, 1, (SELECT id FROM treatment_kind WHERE code = 'massage_trigger_point'))");
}

std::vector<std::string> lines(const fs::path& file) {
    const std::string bytes = readBytes(file);
    std::vector<std::string> result;
    std::size_t start = 0;
    while (start < bytes.size()) {
        const std::size_t end = bytes.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        result.push_back(bytes.substr(start, end - start));
        start = end + 2;
    }
    return result;
}

// A change to one line of the rearranged file.
struct Edit {
    int line;
    std::string from;
    std::string to;
};

// Writes file's lines in a new order (each entry a line number of the
// exported file, 1 the header), then applies the edits, which name lines of
// the new file.
void rearrange(const fs::path& file, const std::vector<int>& order,
               const std::vector<Edit>& edits = {}) {
    const std::vector<std::string> exported = lines(file);
    std::string bytes;
    for (std::size_t i = 0; i < order.size(); ++i) {
        std::string line = exported.at(static_cast<std::size_t>(order[i] - 1));
        for (const Edit& edit : edits) {
            if (static_cast<std::size_t>(edit.line) == i + 1) {
                const auto at = line.find(edit.from);
                REQUIRE_MESSAGE(at != std::string::npos, edit.from);
                line.replace(at, edit.from.size(), edit.to);
            }
        }
        bytes += line + "\r\n";
    }
    writeBytes(file, bytes);
}

std::string problemsOf(const ImportSource& source, const fs::path& databasePath) {
    Database target = testing::openTestDatabase(databasePath);
    try {
        importKnotmapCsv(target, source, false);
    } catch (const ImportRejected& rejected) {
        return rejected.problems().describe();
    }
    return "accepted";
}

// Exports the plain history, lets `spoil` rearrange the files and returns
// the problems of importing them (or "accepted").
template <typename Spoil>
std::string allTablesProblems(Spoil spoil) {
    TempFolder folder;
    {
        Database source = testing::openTestDatabase(folder.file("source.db"));
        addPlainHistory(source.sql());
        exportAll(source, folder.file("files"));
    }
    spoil(folder.file("files"));
    ImportSource source;
    source.folder = folder.file("files");
    return problemsOf(source, folder.file("target.db"));
}

const std::string kObservationsHeader =
    "client_id,client_name,session_id,session_time,session_kind,knot_id,knot_label,view,"
    "region_code,region_name,side,choir_code,x,y,pain,kind,symptoms,referred_regions,"
    "treatments,notes\r\n";

// A row of an observations file alone: client 1, knot k in session s.
std::string observationRow(int session, int knot) {
    const std::string s = std::to_string(session);
    const std::string k = std::to_string(knot);
    return "1,Ana," + s + ",2026-03-" + (session < 10 ? "0" : "") + s +
           "T09:30:00+01:00,self_checkin," + k + ",knot " + k +
           ",back,back.upper_trapezius.left,Left upper trapezius,left,b07,0.5,0.25,4,"
           "active_trigger_point,,,,\r\n";
}

std::string observationsOnlyProblems(const std::string& csv) {
    TempFolder folder;
    writeBytes(folder.file("observations.csv"), kObservationsHeader + csv);
    ImportSource source;
    source.shape = ImportShape::ObservationsOnly;
    source.observations = folder.file("observations.csv");
    return problemsOf(source, folder.file("target.db"));
}

std::string twice(int line, int session, int knot) {
    return "observations.csv, line " + std::to_string(line) + ", column 6 (knot_id): knot " +
           std::to_string(knot) + " is observed twice in session " + std::to_string(session) + "\n";
}

} // namespace

TEST_CASE("an export imports whole after its rows are moved about") {
    CHECK(allTablesProblems([](const fs::path& files) {
              rearrange(files / "observations.csv", {1, 9, 4, 2, 7, 5, 3, 8, 6});
              // Session 3's two kinds stay in their order: it is the order
              // of the observation's list.
              rearrange(files / "treatments.csv", {1, 4, 5, 3, 2});
          }) == "accepted");
}

TEST_CASE("a repeated pair is found within a session, across a break in the order, and far "
          "apart after it") {
    const std::string problems = allTablesProblems([](const fs::path& files) {
        // In order up to line 4, which repeats line 3; line 6 goes back to
        // session 1 (the break) and repeats line 2; line 10 repeats line 8,
        // which came after the break; line 12 repeats line 3, far apart.
        rearrange(files / "observations.csv", {1, 2, 3, 3, 4, 2, 5, 6, 7, 6, 9, 3});
    });
    CHECK(problems == twice(4, 1, 2) + twice(6, 1, 1) + twice(10, 3, 1) + twice(12, 1, 2));
}

TEST_CASE("treatments that disagree with treatments.csv are found before and after a break") {
    const std::string problems = allTablesProblems([](const fs::path& files) {
        // Line 3 (session 1, knot 2) claims a treatment in order; line 6 is
        // session 1 again (the break); line 7 (session 3, knot 1) lists one
        // of its two kinds; line 8 (session 2, knot 2) leaves its kind out.
        rearrange(files / "observations.csv", {1, 2, 3, 4, 8, 2, 6, 5, 7, 9},
                  {{3, ",,,,", ",,,massage_deep_tissue,"},
                   {7, "massage_deep_tissue;massage_trigger_point", "massage_trigger_point"},
                   {8, ",massage_trigger_point,", ",,"}});
    });
    CHECK(problems == "observations.csv, line 3, column 19 (treatments): is "
                      "'massage_deep_tissue' but treatments.csv has '' for this knot in this "
                      "session\n"
                      "observations.csv, line 6, column 6 (knot_id): knot 1 is observed twice "
                      "in session 1\n"
                      "observations.csv, line 7, column 19 (treatments): is "
                      "'massage_trigger_point' but treatments.csv has "
                      // A quoted value is cut at 40 bytes.
                      "'massage_deep_tissue;massage_trigger_poin...' (41 bytes) for this knot "
                      "in this session\n"
                      "observations.csv, line 8, column 19 (treatments): is '' but "
                      "treatments.csv has 'massage_trigger_point' for this knot in this "
                      "session\n");
}

TEST_CASE("treatments.csv out of order: kinds still matched, a repeated id still found") {
    const std::string problems = allTablesProblems([](const fs::path& files) {
        // Session 3's treatments first, then sessions 1 and 2, then
        // treatment 3 again at the end; session 2's observation of knot 2
        // leaves its kind out.
        rearrange(files / "treatments.csv", {1, 4, 5, 2, 3, 4});
        rearrange(files / "observations.csv", {1, 2, 3, 4, 5, 6, 7, 8, 9},
                  {{5, ",massage_trigger_point,", ",,"}});
    });
    CHECK(problems ==
          "treatments.csv, line 6, column 5 (treatment_id): treatment 3 is on an earlier "
          "line too\n"
          "observations.csv, line 5, column 19 (treatments): is '' but "
          "treatments.csv has 'massage_trigger_point' for this knot in this "
          "session\n"
          // The repeated treatment adds its kind to the pair a second time.
          "observations.csv, line 6, column 19 (treatments): is "
          "'massage_deep_tissue;massage_trigger_poin...' (41 bytes) but "
          "treatments.csv has 'massage_deep_tissue;massage_trigger_poin...' (61 "
          "bytes) for this knot in this session\n");
}

TEST_CASE("an observations file alone: repeats in a long session and after a break") {
    std::string csv;
    // Session 1 with more knots than the check holds in memory for a run,
    // one of them repeated at the end of the session (line 5002; the header
    // is line 1).
    for (int knot = 1; knot <= 5000; ++knot) {
        csv += observationRow(1, knot);
    }
    csv += observationRow(1, 17);
    // Sessions 2 and 3 in order, then session 2 again (a break), repeating a
    // pair, and session 1 again, far apart.
    csv += observationRow(2, 1) + observationRow(2, 2) + observationRow(3, 2) +
           observationRow(2, 2) + observationRow(2, 3) + observationRow(1, 4999) +
           observationRow(3, 2);
    CHECK(observationsOnlyProblems(csv) ==
          twice(5002, 1, 17) + twice(5006, 2, 2) + twice(5008, 1, 4999) + twice(5009, 3, 2));
}

TEST_CASE("an observations file alone in order: a repeat within a session") {
    const std::string csv = observationRow(1, 1) + observationRow(1, 2) + observationRow(2, 2) +
                            observationRow(2, 1) + observationRow(2, 2) + observationRow(3, 1);
    CHECK(observationsOnlyProblems(csv) == twice(6, 2, 2));
}

TEST_CASE("sessions.csv out of order, with a session repeated far apart: rows naming them are "
          "still checked") {
    const std::string problems = allTablesProblems([](const fs::path& files) {
        // Sessions 3, 1, 4, 2, then session 1 again; treatments.csv and
        // observations.csv keep the export's order (1, 2, 3, 4), so every
        // lookup of a session goes against the order of sessions.csv.
        rearrange(files / "sessions.csv", {1, 4, 2, 5, 3, 2});
        // Session 3's row of knot 2 gives another time, session 4's another
        // kind, and a row names a session that is not there.
        rearrange(files / "observations.csv", {1, 2, 3, 4, 5, 6, 7, 8, 9, 9},
                  {{7, "T06:46:40+01:00", "T06:47:40+01:00"},
                   {8, ",self_checkin,", ",therapy_visit,"},
                   {10, "1,Ana,4,", "1,Ana,99,"}});
    });
    CHECK(problems == "sessions.csv, line 6, column 3 (session_id): session 1 is also on "
                      "sessions.csv line 3\n"
                      "observations.csv, line 7, column 4 (session_time): is "
                      "'2023-11-17T06:47:40+01:00' but sessions.csv line 2 has session 3 at "
                      "2023-11-17T06:46:40+01:00\n"
                      "observations.csv, line 8, column 5 (session_kind): is 'therapy_visit' "
                      "but sessions.csv line 4 has self_checkin\n"
                      "observations.csv, line 10, column 3 (session_id): session 99 is not in "
                      "sessions.csv\n");
}
