#include "support/temp_folder.h"
#include "ui/file_chooser/chooser_paths.h"
#include "ui/file_chooser/folder_browser.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace knotmap::ui;
using knotmap::testing::TempFolder;
using knotmap::testing::writeBytes;

namespace fs = std::filesystem;

namespace {

FileChooserRequest request(FileChooserKind kind, std::string suggested = "") {
    FileChooserRequest made;
    made.kind = kind;
    made.title = "Test";
    made.filters = {csvFilesFilter(), allFilesFilter()};
    made.suggestedName = std::move(suggested);
    return made;
}

// home/exports/{old.csv, notes.txt, 2026/}, home/b.csv
struct Files {
    TempFolder home;
    Files() {
        fs::create_directories(home.file("exports/2026"));
        writeBytes(home.file("exports/old.csv"), "a\n");
        writeBytes(home.file("exports/notes.txt"), "n\n");
        writeBytes(home.file("b.csv"), "b\n");
    }
};

int rowOf(const FolderBrowser& browser, const std::string& name) {
    const auto& shown = browser.shownEntries();
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace

TEST_CASE("file browser: opening a file goes through folders by row and by typed path") {
    Files files;
    FolderBrowser browser;
    browser.start(request(FileChooserKind::OpenFile), files.home.path(), files.home.path());
    CHECK(browser.folder() == files.home.path());
    browser.select(rowOf(browser, "exports"));
    CHECK(browser.activateSelected().outcome == BrowserOutcome::Stay);
    CHECK(browser.folder() == files.home.file("exports"));
    // The CSV filter hides notes.txt; All files shows it.
    CHECK(rowOf(browser, "notes.txt") < 0);
    browser.setFilter(1);
    CHECK(rowOf(browser, "notes.txt") >= 0);
    browser.select(rowOf(browser, "old.csv"));
    CHECK(browser.nameText == "old.csv");
    const BrowserStep picked = browser.activateSelected();
    CHECK(picked.outcome == BrowserOutcome::Picked);
    CHECK(picked.path == files.home.file("exports/old.csv"));

    browser.nameText = "~/b.csv";
    const BrowserStep typed = browser.submit();
    CHECK(typed.outcome == BrowserOutcome::Picked);
    CHECK(typed.path == files.home.file("b.csv"));

    browser.nameText = "missing.csv";
    CHECK(browser.submit().outcome == BrowserOutcome::Stay);
    CHECK(browser.message().find("missing.csv") != std::string::npos);
}

TEST_CASE("file browser: up, and the folder left is selected") {
    Files files;
    FolderBrowser browser;
    browser.start(request(FileChooserKind::OpenFile), files.home.file("exports/2026"),
                  files.home.path());
    browser.goUp();
    CHECK(browser.folder() == files.home.file("exports"));
    REQUIRE(browser.selected() >= 0);
    CHECK(browser.shownEntries()[static_cast<std::size_t>(browser.selected())].name == "2026");
}

TEST_CASE("file browser: the arrow keys move the selection within the list") {
    Files files;
    FolderBrowser browser;
    browser.start(request(FileChooserKind::OpenFile), files.home.file("exports"),
                  files.home.path());
    REQUIRE(browser.shownEntries().size() == 2); // 2026/, old.csv
    browser.moveSelection(1);
    CHECK(browser.selected() == 0);
    browser.moveSelection(1);
    CHECK(browser.selected() == 1);
    CHECK(browser.nameText == "old.csv");
    browser.moveSelection(10);
    CHECK(browser.selected() == 1);
    browser.moveSelection(-10);
    CHECK(browser.selected() == 0);
}

TEST_CASE("file browser: saving adds the type's extension and asks before replacing") {
    Files files;
    FolderBrowser browser;
    browser.start(request(FileChooserKind::SaveFile, "visits.csv"), files.home.file("exports"),
                  files.home.path());
    CHECK(browser.nameText == "visits.csv");
    BrowserStep step = browser.submit();
    CHECK(step.outcome == BrowserOutcome::Picked);
    CHECK(step.path == files.home.file("exports/visits.csv"));

    browser.nameText = "old";
    step = browser.submit();
    CHECK(step.outcome == BrowserOutcome::AskReplace);
    CHECK(step.path == files.home.file("exports/old.csv"));

    // A typed folder is a place to go, and the suggested name comes back.
    browser.nameText = "2026";
    CHECK(browser.submit().outcome == BrowserOutcome::Stay);
    CHECK(browser.folder() == files.home.file("exports/2026"));
    CHECK(browser.nameText == "visits.csv");

    browser.nameText = "no such folder/x.csv";
    CHECK(browser.submit().outcome == BrowserOutcome::Stay);
    CHECK_FALSE(browser.message().empty());

    browser.nameText.clear();
    CHECK(browser.submit().outcome == BrowserOutcome::Stay);
    CHECK(browser.message() == "Type a name for the file.");
}

TEST_CASE("file browser: a save that must not replace refuses an existing file") {
    Files files;
    FolderBrowser browser;
    FileChooserRequest made = request(FileChooserKind::SaveFile, "old.csv");
    made.refuseExisting = true;
    browser.start(made, files.home.file("exports"), files.home.path());
    CHECK(browser.submit().outcome == BrowserOutcome::Stay);
    CHECK(browser.message().find("never replaced") != std::string::npos);
}

TEST_CASE("file browser: choosing a folder lists folders only and picks the one selected") {
    Files files;
    FolderBrowser browser;
    browser.start(request(FileChooserKind::ChooseFolder), files.home.file("exports"),
                  files.home.path());
    REQUIRE(browser.shownEntries().size() == 1);
    CHECK(browser.shownEntries()[0].name == "2026");
    BrowserStep step = browser.submit();
    CHECK(step.outcome == BrowserOutcome::Picked);
    CHECK(step.path == files.home.file("exports"));
    browser.select(0);
    step = browser.submit();
    CHECK(step.path == files.home.file("exports/2026"));
    // A new folder's name in an existing one is an answer: the export makes it.
    browser.nameText = "fresh";
    step = browser.submit();
    CHECK(step.outcome == BrowserOutcome::Picked);
    CHECK(step.path == files.home.file("exports/fresh"));
    browser.nameText = "old.csv";
    CHECK(browser.submit().outcome == BrowserOutcome::Stay);
    CHECK(browser.message().find("is a file") != std::string::npos);
}

TEST_CASE("file browser: an unreadable folder shows its error and leaves a way out") {
    Files files;
    FolderBrowser browser;
    browser.start(request(FileChooserKind::OpenFile), files.home.file("gone"), files.home.path());
    CHECK_FALSE(browser.folderError().empty());
    CHECK(browser.shownEntries().empty());
    browser.moveSelection(1); // nothing to select: no crash, nothing selected
    CHECK(browser.selected() == -1);
    browser.goUp();
    CHECK(browser.folderError().empty());
    CHECK(browser.folder() == files.home.path());
}

TEST_CASE("file browser: hidden files show only when asked") {
    Files files;
    writeBytes(files.home.file(".secret.csv"), "s\n");
    FolderBrowser browser;
    browser.start(request(FileChooserKind::OpenFile), files.home.path(), files.home.path());
    CHECK(rowOf(browser, ".secret.csv") < 0);
    browser.setShowHidden(true);
    CHECK(rowOf(browser, ".secret.csv") >= 0);
}

TEST_CASE("chooser paths: breadcrumbs start at Home inside it, at / elsewhere") {
    const auto crumbs = breadcrumbSegments("/home/ana/Documents/exports", "/home/ana");
    REQUIRE(crumbs.size() == 3);
    CHECK(crumbs[0].label == "Home");
    CHECK(crumbs[0].path == "/home/ana");
    CHECK(crumbs[1].label == "Documents");
    CHECK(crumbs[2].label == "exports");
    CHECK(crumbs[2].path == "/home/ana/Documents/exports");
    const auto outside = breadcrumbSegments("/srv/data/", "/home/ana");
    REQUIRE(outside.size() == 3);
    CHECK(outside[0].label == "/");
    CHECK(outside[0].path == "/");
    CHECK(outside[2].label == "data");
    CHECK(outside[2].path == "/srv/data");
    // A folder beside home whose name starts the same is not inside it.
    CHECK(breadcrumbSegments("/home/anabel", "/home/ana")[0].label == "/");
    CHECK(breadcrumbSegments("/home/ana", "/home/ana").size() == 1);
    CHECK(breadcrumbSegments("/", "/home/ana").size() == 1);
}

TEST_CASE("chooser paths: typed paths resolve from the folder shown") {
    CHECK(resolveTypedPath("/a/b", "c.csv", "/home/x") == fs::path("/a/b/c.csv"));
    CHECK(resolveTypedPath("/a/b", "../c.csv", "/home/x") == fs::path("/a/c.csv"));
    CHECK(resolveTypedPath("/a/b", "/etc/", "/home/x") == fs::path("/etc"));
    CHECK(resolveTypedPath("/a/b", "~", "/home/x") == fs::path("/home/x"));
    CHECK(resolveTypedPath("/a/b", "~/r.pdf", "/home/x") == fs::path("/home/x/r.pdf"));
    CHECK(parentFolder("/a/b") == fs::path("/a"));
    CHECK(parentFolder("/") == fs::path("/"));
}

TEST_CASE("chooser paths: the start folder is the first that exists") {
    Files files;
    CHECK(firstExistingFolder({"", files.home.file("gone"), files.home.file("exports")}) ==
          files.home.file("exports"));
    // A file stands for its folder: the dialog's path names the file.
    CHECK(firstExistingFolder({files.home.file("b.csv")}) == files.home.path());
}
