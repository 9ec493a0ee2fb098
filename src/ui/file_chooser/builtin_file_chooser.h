#pragma once

#include "ui/file_chooser/file_chooser.h"
#include "ui/file_chooser/folder_browser.h"

namespace knotmap::ui {

// The chooser Knotmap draws itself, for desktops without an XDG portal: a
// modal over the asking dialog that browses folders, filters by type,
// confirms before replacing a file and shows an unreadable folder's error
// in place of its list.
class BuiltInFileChooser final : public FileChooser {
public:
    void request(const FileChooserRequest& request) override;
    [[nodiscard]] bool waiting() const override { return m_waiting; }
    void draw(const Appearance& look) override;
    [[nodiscard]] std::optional<FileChooserAnswer> takeAnswer() override;

private:
    void handleKeys();
    void follow(const BrowserStep& step);
    void bottomRows(const Appearance& look);
    void replaceQuestion(const Appearance& look);
    void finish(std::optional<std::filesystem::path> chosen);

    FolderBrowser m_browser;
    bool m_waiting = false;
    bool m_openPending = false; // the popup opens at the next draw, inside the dialog
    bool m_scrollToSelected = false;
    bool m_focusName = false;
    std::optional<std::filesystem::path> m_replaceCandidate;
    std::optional<FileChooserAnswer> m_answer;
};

} // namespace knotmap::ui
