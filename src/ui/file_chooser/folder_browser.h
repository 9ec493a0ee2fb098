#pragma once

#include "ui/file_chooser/file_chooser.h"
#include "ui/file_chooser/folder_listing.h"

#include <filesystem>
#include <string>
#include <vector>

namespace knotmap::ui {

// What a step in the built-in chooser led to.
enum class BrowserOutcome {
    Stay,       // still choosing (a folder opened, a message shown)
    Picked,     // path is the answer
    AskReplace, // SaveFile: path exists; the person must agree to replace it
};

struct BrowserStep {
    BrowserOutcome outcome = BrowserOutcome::Stay;
    std::filesystem::path path;
};

// The built-in chooser without its drawing: the folder shown, its listing
// filtered and sorted, the selected row and the name field, and what each
// action does. Reads the file system only when it moves to a folder.
class FolderBrowser {
public:
    // Starts a request in startFolder (which must be a folder; a missing
    // one lists with an error). home is where "~" and the Home segment lead.
    void start(const FileChooserRequest& request, const std::filesystem::path& startFolder,
               const std::filesystem::path& home);

    // Lists folder (an unreadable one shows its error instead of entries).
    void openFolder(const std::filesystem::path& folder);
    void goUp();
    // Reads the shown folder again (after something else changed it).
    void refresh();

    void setFilter(int index);
    void setShowHidden(bool show);

    // Selects a row of shownEntries(): a file's name goes into the name field.
    void select(int index);
    // Moves the selection by delta rows (arrow keys), staying in the list.
    void moveSelection(int delta);
    // A double click or Return on the selected row: opens a folder, picks a file.
    [[nodiscard]] BrowserStep activateSelected();
    // Return in the name field, or the main button.
    [[nodiscard]] BrowserStep submit();

    [[nodiscard]] const FileChooserRequest& request() const { return m_request; }
    [[nodiscard]] const std::filesystem::path& folder() const { return m_listing.folder; }
    [[nodiscard]] const std::filesystem::path& home() const { return m_home; }
    [[nodiscard]] const std::string& folderError() const { return m_listing.error; }
    [[nodiscard]] const std::vector<FolderEntry>& shownEntries() const { return m_shown; }
    [[nodiscard]] int selected() const { return m_selected; }
    [[nodiscard]] int filterIndex() const { return m_filter; }
    [[nodiscard]] bool showHidden() const { return m_showHidden; }
    // A short message about the last step ("No file named …"), or empty.
    [[nodiscard]] const std::string& message() const { return m_message; }
    // The field under the list: a file name or a path, typed or from a row.
    std::string nameText;

private:
    [[nodiscard]] const FileTypeFilter& currentFilter() const;
    void applyFilter();
    [[nodiscard]] BrowserStep submitOpen(const std::filesystem::path& typed);
    [[nodiscard]] BrowserStep submitSave(const std::filesystem::path& typed);
    [[nodiscard]] BrowserStep submitFolder(const std::filesystem::path& typed);

    FileChooserRequest m_request;
    std::filesystem::path m_home;
    FolderListing m_listing;
    std::vector<FolderEntry> m_shown;
    int m_selected = -1;
    int m_filter = 0;
    bool m_showHidden = false;
    std::string m_message;
};

} // namespace knotmap::ui
