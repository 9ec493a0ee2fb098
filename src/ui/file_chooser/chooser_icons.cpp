#include "ui/file_chooser/chooser_icons.h"

#include <algorithm>

namespace knotmap::ui {

void drawFolderIcon(ImDrawList* drawList, ImVec2 topLeft, float size, ImU32 colour) {
    const float x = topLeft.x;
    const float y = topLeft.y;
    // The tab on the top left, then the body: a filled shape reads as
    // "folder" at 14 px where an outline blurs.
    drawList->AddRectFilled(ImVec2(x + size * 0.06f, y + size * 0.16f),
                            ImVec2(x + size * 0.46f, y + size * 0.34f), colour, size * 0.08f);
    drawList->AddRectFilled(ImVec2(x + size * 0.06f, y + size * 0.28f),
                            ImVec2(x + size * 0.94f, y + size * 0.84f), colour, size * 0.1f);
}

void drawFileIcon(ImDrawList* drawList, ImVec2 topLeft, float size, ImU32 colour) {
    const float x = topLeft.x;
    const float y = topLeft.y;
    const float thickness = std::max(1.0f, size * 0.08f);
    const float fold = size * 0.26f;
    const ImVec2 outline[] = {
        ImVec2(x + size * 0.2f, y + size * 0.08f),
        ImVec2(x + size * 0.8f - fold, y + size * 0.08f),
        ImVec2(x + size * 0.8f, y + size * 0.08f + fold),
        ImVec2(x + size * 0.8f, y + size * 0.92f),
        ImVec2(x + size * 0.2f, y + size * 0.92f),
    };
    drawList->AddPolyline(outline, 5, colour, ImDrawFlags_Closed, thickness);
    drawList->AddLine(ImVec2(x + size * 0.8f - fold, y + size * 0.08f),
                      ImVec2(x + size * 0.8f - fold, y + size * 0.08f + fold), colour, thickness);
    drawList->AddLine(ImVec2(x + size * 0.8f - fold, y + size * 0.08f + fold),
                      ImVec2(x + size * 0.8f, y + size * 0.08f + fold), colour, thickness);
}

} // namespace knotmap::ui
