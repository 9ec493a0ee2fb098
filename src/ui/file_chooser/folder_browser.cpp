#include "ui/file_chooser/folder_browser.h"

#include "ui/file_chooser/chooser_paths.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

namespace fs = std::filesystem;

bool isFolder(const fs::path& path) {
    std::error_code error;
    return fs::is_directory(path, error);
}

bool pathExists(const fs::path& path) {
    std::error_code error;
    return fs::exists(path, error);
}

std::string quoted(const std::string& text) {
    return "\u201c" + text + "\u201d";
}

} // namespace

void FolderBrowser::start(const FileChooserRequest& request, const fs::path& startFolder,
                          const fs::path& home) {
    m_request = request;
    if (m_request.filters.empty()) {
        m_request.filters.push_back(allFilesFilter());
    }
    m_home = home;
    m_filter = 0;
    m_showHidden = false;
    m_message.clear();
    nameText = request.kind == FileChooserKind::SaveFile ? request.suggestedName : std::string();
    openFolder(startFolder);
}

void FolderBrowser::openFolder(const fs::path& folder) {
    m_listing = listFolder(folder.lexically_normal());
    m_message.clear();
    applyFilter();
}

void FolderBrowser::goUp() {
    const fs::path from = folder();
    openFolder(parentFolder(from));
    // Coming back up, the folder left is the natural next choice.
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        if (m_shown[i].folder && m_shown[i].name == from.filename().string()) {
            m_selected = static_cast<int>(i);
        }
    }
}

void FolderBrowser::refresh() {
    openFolder(folder());
}

void FolderBrowser::setFilter(int index) {
    m_filter = std::clamp(index, 0, static_cast<int>(m_request.filters.size()) - 1);
    applyFilter();
}

void FolderBrowser::setShowHidden(bool show) {
    m_showHidden = show;
    applyFilter();
}

const FileTypeFilter& FolderBrowser::currentFilter() const {
    return m_request.filters[static_cast<std::size_t>(m_filter)];
}

void FolderBrowser::applyFilter() {
    m_shown = visibleEntries(m_listing, currentFilter(), m_showHidden);
    if (m_request.kind == FileChooserKind::ChooseFolder) {
        // Files cannot be the answer: listing them would only invite a click.
        std::erase_if(m_shown, [](const FolderEntry& entry) { return !entry.folder; });
    }
    m_selected = -1;
}

void FolderBrowser::select(int index) {
    if (index < 0 || index >= static_cast<int>(m_shown.size())) {
        m_selected = -1;
        return;
    }
    m_selected = index;
    const FolderEntry& entry = m_shown[static_cast<std::size_t>(index)];
    if (!entry.folder && m_request.kind != FileChooserKind::ChooseFolder) {
        nameText = entry.name;
    }
    m_message.clear();
}

void FolderBrowser::moveSelection(int delta) {
    if (m_shown.empty()) {
        return;
    }
    const int last = static_cast<int>(m_shown.size()) - 1;
    select(m_selected < 0 ? (delta > 0 ? 0 : last) : std::clamp(m_selected + delta, 0, last));
}

BrowserStep FolderBrowser::activateSelected() {
    if (m_selected < 0) {
        return submit();
    }
    const FolderEntry entry = m_shown[static_cast<std::size_t>(m_selected)];
    if (entry.folder) {
        openFolder(folder() / entry.name);
        return {};
    }
    nameText = entry.name;
    return submit();
}

BrowserStep FolderBrowser::submit() {
    m_message.clear();
    if (m_request.kind == FileChooserKind::ChooseFolder) {
        return submitFolder(nameText.empty() ? fs::path()
                                             : resolveTypedPath(folder(), nameText, m_home));
    }
    if (nameText.empty()) {
        // Return on a selected folder row with nothing typed opens it.
        if (m_selected >= 0 && m_shown[static_cast<std::size_t>(m_selected)].folder) {
            return activateSelected();
        }
        m_message = m_request.kind == FileChooserKind::SaveFile ? "Type a name for the file."
                                                                : "Choose a file in the list.";
        return {};
    }
    const fs::path typed = resolveTypedPath(folder(), nameText, m_home);
    if (isFolder(typed)) {
        // A typed folder is somewhere to go, not an answer.
        openFolder(typed);
        nameText = m_request.kind == FileChooserKind::SaveFile ? m_request.suggestedName : "";
        return {};
    }
    return m_request.kind == FileChooserKind::SaveFile ? submitSave(typed) : submitOpen(typed);
}

BrowserStep FolderBrowser::submitOpen(const fs::path& typed) {
    if (!pathExists(typed)) {
        m_message = "No file named " + quoted(typed.filename().string()) + " in " +
                    quoted(typed.parent_path().string()) + ".";
        return {};
    }
    return {BrowserOutcome::Picked, typed};
}

BrowserStep FolderBrowser::submitSave(const fs::path& typed) {
    const fs::path target =
        typed.parent_path() / withFilterExtension(typed.filename().string(), currentFilter());
    if (!isFolder(target.parent_path())) {
        m_message = "There is no folder " + quoted(target.parent_path().string()) + ".";
        return {};
    }
    if (pathExists(target)) {
        if (m_request.refuseExisting) {
            m_message = quoted(target.filename().string()) +
                        " already exists and is never replaced here: choose another name.";
            return {};
        }
        return {BrowserOutcome::AskReplace, target};
    }
    return {BrowserOutcome::Picked, target};
}

BrowserStep FolderBrowser::submitFolder(const fs::path& typed) {
    if (typed.empty()) {
        const bool rowChosen =
            m_selected >= 0 && m_shown[static_cast<std::size_t>(m_selected)].folder;
        const fs::path chosen =
            rowChosen ? folder() / m_shown[static_cast<std::size_t>(m_selected)].name : folder();
        return {BrowserOutcome::Picked, chosen};
    }
    if (isFolder(typed)) {
        openFolder(typed);
        nameText.clear();
        return {};
    }
    if (pathExists(typed)) {
        m_message = quoted(typed.filename().string()) + " is a file, not a folder.";
        return {};
    }
    if (!isFolder(typed.parent_path())) {
        m_message = "There is no folder " + quoted(typed.parent_path().string()) + ".";
        return {};
    }
    // A new folder's name in an existing one: made by whoever writes into it.
    return {BrowserOutcome::Picked, typed};
}

} // namespace knotmap::ui
