#include "support/temp_folder.h"
#include "ui/file_chooser/file_type_filter.h"
#include "ui/file_chooser/folder_listing.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace knotmap::ui;
using knotmap::testing::TempFolder;
using knotmap::testing::writeBytes;

namespace {

std::vector<std::string> names(const std::vector<FolderEntry>& entries) {
    std::vector<std::string> result;
    for (const FolderEntry& entry : entries) {
        result.push_back(entry.name);
    }
    return result;
}

// A folder as a person's Documents might be: files of several types and
// cases, folders, a hidden file and a hidden folder.
void fillFolder(const TempFolder& folder) {
    writeBytes(folder.file("visits.csv"), "a,b\n1,2\n");
    writeBytes(folder.file("Notes.CSV"), "x\n");
    writeBytes(folder.file("report.pdf"), std::string(2500, 'p'));
    writeBytes(folder.file("knotmap.db"), "");
    writeBytes(folder.file("backup.db.sealed"), "s");
    writeBytes(folder.file(".hidden.csv"), "h\n");
    std::filesystem::create_directory(folder.file("exports"));
    std::filesystem::create_directory(folder.file("Archive"));
    std::filesystem::create_directory(folder.file(".cache"));
}

} // namespace

TEST_CASE("folder listing: folders first, names in reading order, hidden names left out") {
    TempFolder folder;
    fillFolder(folder);
    const FolderListing listing = listFolder(folder.path());
    REQUIRE(listing.error.empty());
    CHECK(listing.entries.size() == 9);
    CHECK(names(visibleEntries(listing, allFilesFilter(), false)) ==
          std::vector<std::string>{"Archive", "exports", "backup.db.sealed", "knotmap.db",
                                   "Notes.CSV", "report.pdf", "visits.csv"});
    const std::vector<FolderEntry> withHidden = visibleEntries(listing, allFilesFilter(), true);
    CHECK(names(withHidden) == std::vector<std::string>{".cache", "Archive", "exports",
                                                        ".hidden.csv", "backup.db.sealed",
                                                        "knotmap.db", "Notes.CSV", "report.pdf",
                                                        "visits.csv"});
}

TEST_CASE("folder listing: a filter keeps every folder and only the files of its type") {
    TempFolder folder;
    fillFolder(folder);
    const FolderListing listing = listFolder(folder.path());
    CHECK(names(visibleEntries(listing, csvFilesFilter(), false)) ==
          std::vector<std::string>{"Archive", "exports", "Notes.CSV", "visits.csv"});
    CHECK(names(visibleEntries(listing, pdfFilter(), false)) ==
          std::vector<std::string>{"Archive", "exports", "report.pdf"});
    // "*.db" is not "*.db.sealed": an encrypted backup is another type.
    CHECK(names(visibleEntries(listing, knotmapDatabasesFilter(), false)) ==
          std::vector<std::string>{"Archive", "exports", "knotmap.db"});
    const FileTypeFilter backups{"Backups", {"*.db", "*.db.sealed"}};
    CHECK(names(visibleEntries(listing, backups, false)) ==
          std::vector<std::string>{"Archive", "exports", "backup.db.sealed", "knotmap.db"});
}

TEST_CASE("folder listing: sizes and times are read, folders have no size") {
    TempFolder folder;
    fillFolder(folder);
    const std::vector<FolderEntry> entries =
        visibleEntries(listFolder(folder.path()), allFilesFilter(), false);
    const auto report = std::find_if(entries.begin(), entries.end(),
                                     [](const FolderEntry& e) { return e.name == "report.pdf"; });
    REQUIRE(report != entries.end());
    CHECK_FALSE(report->folder);
    CHECK(report->size == std::uintmax_t{2500});
    REQUIRE(report->modifiedSeconds);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    // Written a moment ago: within a minute of now, whatever the file clock.
    CHECK(std::abs(*report->modifiedSeconds - now) < 60);
    CHECK(entries.front().folder);
    CHECK_FALSE(entries.front().size);
}

TEST_CASE("folder listing: a folder that cannot be read says why, without entries") {
    TempFolder folder;
    writeBytes(folder.file("plain.txt"), "not a folder");
    const FolderListing missing = listFolder(folder.file("gone"));
    CHECK(missing.entries.empty());
    CHECK_FALSE(missing.error.empty());
    const FolderListing file = listFolder(folder.file("plain.txt"));
    CHECK(file.entries.empty());
    CHECK_FALSE(file.error.empty());
    CHECK(file.folder == folder.file("plain.txt"));
}

TEST_CASE("folder listing: a link to a folder is listed as a folder") {
    TempFolder folder;
    std::filesystem::create_directory(folder.file("real"));
    std::filesystem::create_directory_symlink(folder.file("real"), folder.file("link"));
    std::filesystem::create_symlink(folder.file("nowhere"), folder.file("broken"));
    const std::vector<FolderEntry> entries =
        visibleEntries(listFolder(folder.path()), allFilesFilter(), false);
    CHECK(names(entries) == std::vector<std::string>{"link", "real", "broken"});
    CHECK(entries[0].folder);
    CHECK_FALSE(entries[2].folder);
    CHECK_FALSE(entries[2].size); // a broken link has no size to show
}

TEST_CASE("folder listing: numbers in names sort by value, case is ignored") {
    const auto file = [](std::string name) {
        return FolderEntry{std::move(name), false, {}, {}};
    };
    std::vector<FolderEntry> entries{file("day 10.csv"), file("Day 2.csv"),
                                     file("day 1.csv"),  file("day 02b.csv"),
                                     file("apple"),      FolderEntry{"zeta", true, {}, {}}};
    std::sort(entries.begin(), entries.end(), listsBefore);
    CHECK(names(entries) == std::vector<std::string>{"zeta", "apple", "day 1.csv", "Day 2.csv",
                                                     "day 02b.csv", "day 10.csv"});
}

TEST_CASE("file type filter: patterns match whole names, ignoring case") {
    CHECK(matchesPattern("visits.csv", "*.csv"));
    CHECK(matchesPattern("VISITS.CSV", "*.csv"));
    CHECK_FALSE(matchesPattern("visits.csv.bak", "*.csv"));
    CHECK_FALSE(matchesPattern("visitscsv", "*.csv"));
    CHECK(matchesPattern("a.db.sealed", "*.db.sealed"));
    CHECK(matchesPattern("file1.txt", "file?.txt"));
    CHECK_FALSE(matchesPattern("file10.txt", "file?.txt"));
    CHECK(matchesPattern("anything", "*"));
    CHECK(matchesPattern("", "*"));
    CHECK(matchesFilter("whatever.bin", allFilesFilter()));
    CHECK(csvFilesFilter().comboLabel() == "CSV files (*.csv)");
    CHECK(allFilesFilter().comboLabel() == "All files");
}

TEST_CASE("file type filter: a saved name gets the filter's extension when it has none") {
    CHECK(withFilterExtension("visits", csvFilesFilter()) == "visits.csv");
    CHECK(withFilterExtension("visits.CSV", csvFilesFilter()) == "visits.CSV");
    CHECK(withFilterExtension("visits.txt", csvFilesFilter()) == "visits.txt.csv");
    CHECK(withFilterExtension("backup", sealedBackupsFilter()) == "backup.db.sealed");
    CHECK(withFilterExtension("visits", allFilesFilter()) == "visits");
    CHECK(withFilterExtension("", csvFilesFilter()).empty());
    const FileTypeFilter two{"Backups", {"*.db", "*.db.sealed"}};
    CHECK(withFilterExtension("backup", two) == "backup");
}

TEST_CASE("folder listing: sizes read the way a file manager writes them") {
    CHECK(readableSize(0) == "0 bytes");
    CHECK(readableSize(1) == "1 byte");
    CHECK(readableSize(999) == "999 bytes");
    CHECK(readableSize(1000) == "1.0 KB");
    CHECK(readableSize(1536) == "1.5 KB");
    CHECK(readableSize(999'960) == "1.0 MB");
    CHECK(readableSize(2'500'000'000ULL) == "2.5 GB");
}
