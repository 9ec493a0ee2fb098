#include "core/validation.h"
#include "import_fixtures.h"
#include "store/csv_import.h"
#include "support/temp_folder.h"
#include "support/test_database.h"
#include "table_dump.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>

// Malformed imports: each is refused with a message naming the file, line,
// column and problem, and the database is exactly as it was.
using namespace knotmap;
using namespace knotmap::testing;

namespace {

namespace fs = std::filesystem;

void replaceIn(const fs::path& file, const std::string& from, const std::string& to) {
    std::string bytes = readBytes(file);
    const auto at = bytes.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    bytes.replace(at, from.size(), to);
    writeBytes(file, bytes);
}

// Exports the tricky history, lets `spoil` break the files, imports them into
// a database that already holds someone else's history, and returns the
// problems after checking that database did not change.
std::string rejection(const std::function<void(const fs::path&)>& spoil) {
    TempFolder folder;
    exportTrickyHistory(folder.file("source.db"), folder.file("files"));
    spoil(folder.file("files"));
    Database target = testing::openTestDatabase(folder.file("target.db"));
    target.sql().exec("INSERT INTO client (id, name, created_utc) VALUES (1, 'Kept', 0)");
    target.sql().exec("INSERT INTO session (id, client_id, started_utc, utc_offset_min, kind) "
                      "VALUES (1, 1, 1700000000, 0, 'self_checkin')");
    const std::string before = dumpAllTables(target.sql());
    ImportSource source;
    source.folder = folder.file("files");
    std::string problems;
    try {
        importKnotmapCsv(target, source, false);
        FAIL("the import should have been refused");
    } catch (const ImportRejected& rejected) {
        problems = rejected.problems().describe();
    }
    CHECK(dumpAllTables(target.sql()) == before);
    return problems;
}

bool has(const std::string& problems, const std::string& expected) {
    if (problems.find(expected) == std::string::npos) {
        MESSAGE("problems were:\n" << problems);
        return false;
    }
    return true;
}

} // namespace

TEST_CASE("wrong header") {
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "observations.csv", ",pain,", ",pain_level,");
    });
    CHECK(has(problems, "observations.csv, line 1: wrong header: column 15 is 'pain_level'; "
                        "expected 'pain'. The header must be client_id,client_name,"));
}

TEST_CASE("bad date") {
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "sessions.csv", "2026-03-14T09:30:00+01:00", "2026-02-30T09:30:00+01:00");
    });
    CHECK(has(problems, "sessions.csv, line 2, column 4 (session_time): expected a date and time "
                        "with its UTC offset, like 2026-03-14T09:30:00+01:00, got "
                        "'2026-02-30T09:30:00+01:00'\n"));
}

TEST_CASE("pain 11") {
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "observations.csv", ",10,spasm,", ",11,spasm,");
    });
    // The row before it has a line break inside a quoted note, so it starts on line 4.
    CHECK(problems == "observations.csv, line 4, column 15 (pain): expected a whole number from "
                      "0 to 10, got '11'\n");
}

TEST_CASE("unknown region") {
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "knots.csv", "back.upper_trapezius.right", "back.upper_trapezoid.right");
        replaceIn(files / "observations.csv", ";front.frontalis.left", ";front.forehead.left");
    });
    CHECK(has(problems, "knots.csv, line 4, column 6 (region_code): unknown atlas region "
                        "'back.upper_trapezoid.right' (`knotmap atlas` lists the codes)\n"));
    CHECK(has(problems, "observations.csv, line 2, column 18 (referred_regions): unknown atlas "
                        "region 'front.forehead.left' in the list\n"));
}

TEST_CASE("truncated row, and a file cut off inside a quoted field") {
    const std::string problems = rejection([](const fs::path& files) {
        // Treatment 40's row loses everything from its intensity on.
        std::string treatments = readBytes(files / "treatments.csv");
        const auto cut = treatments.find(",firm,");
        treatments.erase(cut, treatments.find("\r\n", cut) - cut);
        writeBytes(files / "treatments.csv", treatments);
        std::string observations = readBytes(files / "observations.csv");
        writeBytes(files / "observations.csv",
                   observations.substr(0, observations.find("worse ") + 6));
    });
    CHECK(has(problems, "treatments.csv, line 3: has 8 fields; the header has 13 (is the row cut "
                        "short, or a comma not quoted?)\n"));
    CHECK(has(problems, "observations.csv, line 2, character 291: a quoted field that is never "
                        "closed (add the closing quote)\n"));
}

TEST_CASE("invalid UTF-8") {
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "clients.csv", "Zo\xC3\xAB", "Zo\xEB"); // Latin-1, not UTF-8
    });
    CHECK(has(problems, "clients.csv, line 2, character 5: invalid UTF-8: a character cut short "
                        "by byte 0x20"));
}

TEST_CASE("an empty file") {
    const std::string problems =
        rejection([](const fs::path& files) { writeBytes(files / "clients.csv", ""); });
    CHECK(has(problems, "clients.csv: the file is empty; expected a header row: "
                        "client_id,client_name,birth_year,notes,archived\n"));
    // The rows naming those clients say so too.
    CHECK(has(problems, "sessions.csv, line 2, column 1 (client_id): client 3 is not in "
                        "clients.csv\n"));
}

TEST_CASE("a huge field") {
    // Past the reader's limit (twice the longest text stored) the file is broken.
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "sessions.csv", "Dr. Ana-María,", std::string((2 << 20) + 1, 'a') + ",");
    });
    CHECK(has(problems, "sessions.csv, line 5, character 90: a field longer than the limit of "
                        "2 MiB (is a closing quote missing?)\n"));
}

TEST_CASE("a text over its field's limit is refused at its column") {
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "clients.csv", "\"likes \"\"firm\"\" pressure, not deep\"",
                  std::string(kMaxNoteBytes + 1, 'x'));
        replaceIn(files / "sessions.csv", "Dr. Ana-María,",
                  std::string(kMaxNameBytes + 1, 'a') + ",");
    });
    CHECK(problems == "clients.csv, line 2, column 4 (notes): is 1048577 bytes long; the limit is "
                      "1 MiB (1048576 bytes)\n"
                      "sessions.csv, line 5, column 10 (therapist): is 257 bytes long; the limit "
                      "is 256 bytes\n");
}

TEST_CASE("a control character in a cell is refused with its position") {
    using namespace std::string_literals;
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "observations.csv", "-2 after massage", "-2 after\0 massage"s);
        replaceIn(files / "knots.csv", "never observed", "never\x1B[31m observed");
    });
    CHECK(problems == "knots.csv, line 4, column 4 (label): control character U+001B at "
                      "character 6 is not allowed\n"
                      "observations.csv, line 4, column 20 (notes): control character U+0000 at "
                      "character 10 is not allowed\n");
}

TEST_CASE("rows that refer to what is not there, or disagree with it") {
    const std::string problems = rejection([](const fs::path& files) {
        replaceIn(files / "treatments.csv", "\r\n3,Zoë O'Brien 🌿,11,", "\r\n3,Zoë O'Brien 🌿,99,");
        replaceIn(files / "observations.csv", ",spasm,", ",tension,");
        replaceIn(files / "observations.csv", "\r\n3,Zoë O'Brien 🌿,11,2026-03-15T03:30:00-05:00",
                  "\r\n3,Zoe O'Brien,11,2026-03-15T03:30:00-05:00");
    });
    CHECK(has(problems, "treatments.csv, line 3, column 3 (session_id): session 99 is not in "
                        "sessions.csv\n"));
    CHECK(has(problems, "observations.csv, line 4, column 2 (client_name): is 'Zoe O'Brien' but "
                        "clients.csv line 2 names client 3 'Zoë O'Brien 🌿'\n"));
}

TEST_CASE("the first 20 problems are listed, then a count") {
    TempFolder folder;
    std::string csv = "client_id,client_name,session_id,session_time,session_kind,knot_id,"
                      "knot_label,view,region_code,region_name,side,choir_code,x,y,pain,kind,"
                      "symptoms,referred_regions,treatments,notes\r\n";
    for (int i = 1; i <= 25; ++i) {
        csv += "1,Me," + std::to_string(i) +
               ",2026-03-14T09:30:00+01:00,self_checkin,1,,back,back.upper_trapezius.left,"
               "Left upper trapezius,left,b07,0.5,0.2,11,tension,,,,\r\n";
    }
    writeBytes(folder.file("observations.csv"), csv);
    Database target = testing::openTestDatabase(folder.file("target.db"));
    ImportSource source;
    source.shape = ImportShape::ObservationsOnly;
    source.observations = folder.file("observations.csv");
    try {
        importKnotmapCsv(target, source, false);
        FAIL("pain 11 must be refused");
    } catch (const ImportRejected& rejected) {
        CHECK(rejected.problems().count() == 25);
        CHECK(rejected.problems().kept().size() == 20);
        const std::string text = rejected.problems().describe();
        CHECK(has(text, "observations.csv, line 21, column 15 (pain): expected a whole number "
                        "from 0 to 10, got '11'\n... and 5 more problems\n"));
    }
}

TEST_CASE("300 000 bad rows: the first 20 are listed, all are counted, memory stays bounded") {
    // Bad rows keep nothing but their count once the list is full (see
    // docs/performance.md for the peak memory of 3 million).
    TempFolder folder;
    std::string csv = "client_id,client_name,session_id,session_time,session_kind,knot_id,"
                      "knot_label,view,region_code,region_name,side,choir_code,x,y,pain,kind,"
                      "symptoms,referred_regions,treatments,notes\r\n";
    constexpr int kRows = 300000;
    csv.reserve(static_cast<std::size_t>(kRows) * 160);
    for (int i = 1; i <= kRows; ++i) {
        // Every row a new client, session and knot, with a new symptom code:
        // nothing of a bad row may be kept.
        const std::string n = std::to_string(i);
        csv += n + ",Client " + n + "," + n + ",2026-03-14T09:30:00+01:00,self_checkin," + n;
        csv += ",,back,back.upper_trapezius.left,Left upper trapezius,left,b07,0.5,0.2,11,tension,";
        csv += "custom_" + n + ",,,\r\n";
    }
    writeBytes(folder.file("observations.csv"), csv);
    csv.clear();
    csv.shrink_to_fit();
    Database target = testing::openTestDatabase(folder.file("target.db"));
    ImportSource source;
    source.shape = ImportShape::ObservationsOnly;
    source.observations = folder.file("observations.csv");
    try {
        importKnotmapCsv(target, source, false);
        FAIL("pain 11 must be refused");
    } catch (const ImportRejected& rejected) {
        CHECK(rejected.problems().count() == kRows);
        CHECK(rejected.problems().kept().size() == 20);
        CHECK(has(rejected.problems().describe(),
                  "observations.csv, line 21, column 15 (pain): expected a whole number from 0 to "
                  "10, got '11'\n... and 299980 more problems\n"));
    }
}
