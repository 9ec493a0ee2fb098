#include "ui/dialogs/error_dialog.h"

#include "ui/dialogs/centred_modal.h"
#include "ui/widgets/widgets.h"

namespace knotmap::ui {
namespace {

// The message on a tinted, rounded panel the width of the dialog.
void messagePanel(const std::string& message, const Appearance& look) {
    const ColourPair& tint = look.colours().error;
    const ImVec2 padding(look.px(12), look.px(10));
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrapWidth = width - padding.x * 2;
    const ImVec2 textSize = ImGui::CalcTextSize(message.c_str(), nullptr, false, wrapWidth);
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const ImVec2 bottomRight(topLeft.x + width, topLeft.y + textSize.y + padding.y * 2);
    ImGui::GetWindowDrawList()->AddRectFilled(topLeft, bottomRight,
                                              ImGui::GetColorU32(tint.background), look.px(6));
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x + padding.x, topLeft.y + padding.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrapWidth);
    textColoured(message, tint.text);
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x, bottomRight.y));
    ImGui::Dummy(ImVec2(width, 0));
}

} // namespace

void drawErrorDialog(ErrorDialogState& state, const Appearance& look) {
    if (state.dismissed) {
        return;
    }
    const char* popupId = "Error##knotmap";
    if (!beginCentredModal(popupId, look)) {
        return;
    }

    ImGui::PushTextWrapPos(0.0f);
    textWithFont(state.title, look.fonts.heading);
    ImGui::PopTextWrapPos();
    messagePanel(state.message, look);
    if (!state.advice.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textMuted(state.advice, look);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, look.px(2)));

    // Buttons at the trailing edge, the safe choice last.
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* copyLabel = "Copy message";
    const char* quitLabel = "Quit";
    const float copyWidth = ImGui::CalcTextSize(copyLabel).x + style.FramePadding.x * 2;
    const float quitWidth = ImGui::CalcTextSize(quitLabel).x + look.px(14) * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - copyWidth -
                         quitWidth - style.ItemSpacing.x);
    if (ImGui::Button(copyLabel)) {
        ImGui::SetClipboardText(state.message.c_str());
    }
    ImGui::SameLine();
    const bool quitClicked = primaryButton(quitLabel, look);
    ImGui::SetItemDefaultFocus();
    // Quit is the dialog's default: Enter and Escape both choose it.
    const bool keyQuit = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)) ||
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (quitClicked || keyQuit) {
        state.dismissed = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
