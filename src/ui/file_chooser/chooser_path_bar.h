#pragma once

#include "ui/file_chooser/folder_browser.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// The row above the list: Up, Home and Documents, then the folder shown as
// clickable segments ("Home › Documents › exports"); the segments nearest
// the top give way to "…" when the row is too narrow.
void drawChooserPathBar(FolderBrowser& browser, const Appearance& look);

} // namespace knotmap::ui
