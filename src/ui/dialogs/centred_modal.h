#pragma once

#include "ui/style/appearance.h"

namespace knotmap::ui {

// Opens (once) and begins the modal that stops everything else until the
// person answers: centred, without a title bar, as wide as a paragraph reads
// well (narrower on a small window), with the dialogs' own padding. True
// when it is drawn this frame; then end it with ImGui::EndPopup().
bool beginCentredModal(const char* popupId, const Appearance& look);

} // namespace knotmap::ui
