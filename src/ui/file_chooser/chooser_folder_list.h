#pragma once

#include "ui/file_chooser/folder_browser.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// The list of the folder shown: folders then files with their size and
// modification time, under a header that stays put while the rows scroll.
// A click selects a row, a double click activates it; an unreadable
// folder shows why in place of the rows. Returns what a double click led
// to (Stay when nothing happened). scrollToSelected brings the selected
// row into view (after a key moved it).
[[nodiscard]] BrowserStep drawChooserFolderList(FolderBrowser& browser, float height,
                                                bool scrollToSelected, const Appearance& look);

} // namespace knotmap::ui
