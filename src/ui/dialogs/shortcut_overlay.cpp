#include "ui/dialogs/shortcut_overlay.h"

#include "core/shortcuts.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <string>
#include <vector>

namespace knotmap::ui {
namespace {

// A key cap: the keys on a quiet rounded background.
void keyCap(const std::string& keys, const Appearance& look) {
    const ImVec2 padding(look.px(7), look.px(2));
    const ImVec2 size = ImGui::CalcTextSize(keys.c_str());
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const ImVec2 bottomRight(topLeft.x + size.x + padding.x * 2,
                             topLeft.y + size.y + padding.y * 2);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(topLeft, bottomRight, ImGui::GetColorU32(look.colours().paneBackground),
                            look.px(5));
    drawList->AddRect(topLeft, bottomRight, ImGui::GetColorU32(look.colours().border), look.px(5));
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x + padding.x, topLeft.y + padding.y));
    ImGui::TextUnformatted(keys.c_str());
    ImGui::SetCursorScreenPos(topLeft);
    ImGui::Dummy(ImVec2(bottomRight.x - topLeft.x, bottomRight.y - topLeft.y));
}

// The groups in table order, each with its rows.
std::vector<std::vector<const Shortcut*>> groups() {
    std::vector<std::vector<const Shortcut*>> result;
    for (const Shortcut& shortcut : shortcuts()) {
        if (result.empty() || result.back().front()->group != shortcut.group) {
            result.emplace_back();
        }
        result.back().push_back(&shortcut);
    }
    return result;
}

void drawGroup(const std::vector<const Shortcut*>& rows, float keysWidth, const Appearance& look) {
    textWithFont(rows.front()->group, look.fonts.strong);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    for (const Shortcut* shortcut : rows) {
        const float lineStart = ImGui::GetCursorPosX();
        keyCap(formatKeys(*shortcut), look);
        // SameLine's offset ignores table columns in ImGui 1.86: place by hand.
        ImGui::SameLine();
        ImGui::SetCursorPosX(lineStart + keysWidth);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + look.px(2));
        ImGui::TextUnformatted(shortcut->description.data(),
                               shortcut->description.data() + shortcut->description.size());
    }
    ImGui::Dummy(ImVec2(0, look.px(10)));
}

bool closeKeyTyped() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        return true;
    }
    return std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(),
                     static_cast<ImWchar>('?')) != io.InputQueueCharacters.end();
}

} // namespace

void drawShortcutOverlay(FeelState& feel, const Appearance& look) {
    const char* popupId = "Keyboard shortcuts##knotmap";
    if (!feel.shortcutsOpen) {
        return;
    }
    const bool justOpened = !ImGui::IsPopupOpen(popupId);
    if (justOpened) {
        ImGui::OpenPopup(popupId);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(look.px(840), viewport->WorkSize.x - look.px(48));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(look.px(28), look.px(24)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(look.px(10), look.px(7)));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    const bool open = ImGui::BeginPopupModal(popupId, nullptr, flags);
    ImGui::PopStyleVar(2);
    if (!open) {
        feel.shortcutsOpen = false;
        return;
    }
    textWithFont("Keyboard shortcuts", look.fonts.heading);
    textMuted("Keys act while no text field has the focus. Press ? or Esc to close.", look);
    ImGui::Dummy(ImVec2(0, look.px(8)));

    // Two columns: the groups split where the rows are about half done.
    const auto all = groups();
    const float keysWidth = look.px(120);
    if (ImGui::BeginTable("shortcut-columns", 2, ImGuiTableFlags_None)) {
        ImGui::TableNextColumn();
        std::size_t rowsDrawn = 0;
        bool secondColumn = false;
        for (const auto& group : all) {
            if (!secondColumn && rowsDrawn * 2 >= shortcuts().size()) {
                ImGui::TableNextColumn();
                secondColumn = true;
            }
            drawGroup(group, keysWidth, look);
            rowsDrawn += group.size();
        }
        ImGui::EndTable();
    }
    // The ? that opened the overlay is in this frame's input too.
    if (primaryButton("Close", look) || (!justOpened && closeKeyTyped())) {
        feel.shortcutsOpen = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
