#pragma once

#include <imgui.h>

namespace knotmap::ui {

// Small outline pictures for the chooser's rows, drawn rather than taken
// from an icon font so they follow the theme's colours and the UI scale.
// Each fits a square of side size with its top-left at topLeft.
void drawFolderIcon(ImDrawList* drawList, ImVec2 topLeft, float size, ImU32 colour);
void drawFileIcon(ImDrawList* drawList, ImVec2 topLeft, float size, ImU32 colour);

} // namespace knotmap::ui
