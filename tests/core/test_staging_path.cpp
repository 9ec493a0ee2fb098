#include "core/staging_path.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <unistd.h>

using namespace knotmap;
using knotmap::testing::readBytes;
using knotmap::testing::TempFolder;
using knotmap::testing::writeBytes;
namespace fs = std::filesystem;

namespace {

// A complete file staged for target in folder, as a writer leaves it.
fs::path stagedFile(const TempFolder& folder, const std::string& target, const std::string& bytes) {
    const fs::path staged = hiddenStagingPath(folder.file(target), "test");
    writeBytes(staged, bytes);
    return staged;
}

} // namespace

TEST_CASE("moveIntoPlace gives the staged file the target's name") {
    TempFolder folder;
    const fs::path staged = stagedFile(folder, "export.csv", "a,b\r\n");
    moveIntoPlace(staged, folder.file("export.csv"), ExistingTarget::Keep);
    CHECK(readBytes(folder.file("export.csv")) == "a,b\r\n");
    CHECK_FALSE(fs::exists(staged));
}

TEST_CASE("moveIntoPlace makes the file 0600 and a folder 0700, whatever its writer's umask") {
    TempFolder folder;
    const fs::path staged = stagedFile(folder, "export.csv", "a\r\n");
    fs::permissions(staged, fs::perms(0644));
    moveIntoPlace(staged, folder.file("export.csv"), ExistingTarget::Keep);
    CHECK(fs::status(folder.file("export.csv")).permissions() == fs::perms(0600));
    const fs::path stagedFolder = hiddenStagingPath(folder.file("decrypted"), "test");
    fs::create_directory(stagedFolder);
    fs::permissions(stagedFolder, fs::perms(0755));
    moveIntoPlace(stagedFolder, folder.file("decrypted"), ExistingTarget::Keep);
    CHECK(fs::status(folder.file("decrypted")).permissions() == fs::perms(0700));
}

TEST_CASE("moveIntoPlace with Keep leaves a file already at the target alone") {
    TempFolder folder;
    writeBytes(folder.file("knotmap.db"), "theirs");
    const fs::path staged = stagedFile(folder, "knotmap.db", "ours");
    try {
        moveIntoPlace(staged, folder.file("knotmap.db"), ExistingTarget::Keep);
        FAIL("an existing target was replaced");
    } catch (const std::system_error& error) {
        CHECK(error.code() == std::errc::file_exists);
    }
    CHECK(readBytes(folder.file("knotmap.db")) == "theirs");
    CHECK(readBytes(staged) == "ours"); // still there for the caller to remove
}

TEST_CASE("moveIntoPlace with Replace replaces the target in one step") {
    TempFolder folder;
    writeBytes(folder.file("knotmap.db"), "old");
    const fs::path staged = stagedFile(folder, "knotmap.db", "restored");
    moveIntoPlace(staged, folder.file("knotmap.db"), ExistingTarget::Replace);
    CHECK(readBytes(folder.file("knotmap.db")) == "restored");
    CHECK_FALSE(fs::exists(staged));
}

TEST_CASE("moveIntoPlace moves a folder, and with Keep refuses even an empty one at the target") {
    TempFolder folder;
    const fs::path staged = hiddenStagingPath(folder.file("decrypted"), "test");
    fs::create_directory(staged);
    writeBytes(staged / "clients.csv", "client_id\r\n");
    fs::create_directory(folder.file("decrypted")); // rename() alone would replace it
    CHECK_THROWS_AS(moveIntoPlace(staged, folder.file("decrypted"), ExistingTarget::Keep),
                    std::system_error);
    CHECK(fs::is_empty(folder.file("decrypted")));
    fs::remove(folder.file("decrypted"));
    moveIntoPlace(staged, folder.file("decrypted"), ExistingTarget::Keep);
    CHECK(readBytes(folder.file("decrypted") / "clients.csv") == "client_id\r\n");
}

TEST_CASE("moveIntoPlace of a missing file names it and creates nothing") {
    TempFolder folder;
    try {
        moveIntoPlace(folder.file("gone"), folder.file("target"), ExistingTarget::Replace);
        FAIL("a missing file was moved");
    } catch (const std::system_error& error) {
        CHECK(error.code() == std::errc::no_such_file_or_directory);
        CHECK(std::string(error.what()).find("gone") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(folder.file("target")));
}

TEST_CASE("syncFolderOf reports a folder that is not there") {
    TempFolder folder;
    CHECK(syncFolderOf(folder.file("file")) == 0);
    CHECK(syncFolderOf(folder.file("missing") / "file") == ENOENT);
}

TEST_CASE("hiddenStagingPath is hidden, beside the target, and names the process") {
    TempFolder folder;
    const fs::path path = hiddenStagingPath(folder.file("report.pdf"), "tag");
    CHECK(path.parent_path() == folder.path());
    const std::string name = path.filename().string();
    CHECK(name.rfind(".report.pdf.partial-" + std::to_string(::getpid()) + "-tag-", 0) == 0);
    CHECK_FALSE(fs::exists(path));
}
