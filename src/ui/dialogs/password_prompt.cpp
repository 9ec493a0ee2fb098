#include "ui/dialogs/password_prompt.h"

#include "ui/dialogs/centred_modal.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

namespace knotmap::ui {

void PasswordPromptState::wipe() {
    // volatile: the compiler must not drop the overwrite of a buffer that
    // is not read again.
    volatile char* bytes = password.data();
    for (std::size_t i = 0; i < password.size(); ++i) {
        bytes[i] = 0;
    }
}

PasswordChoice drawPasswordPrompt(const std::string& server, PasswordPromptState& state,
                                  const Appearance& look) {
    const char* popupId = "Password##knotmap-server";
    if (!beginCentredModal(popupId, look)) {
        return PasswordChoice::Undecided;
    }
    ImGui::PushTextWrapPos(0.0f);
    textWithFont("Password for the clinic server", look.fonts.heading);
    ImGui::TextUnformatted("The server asks for a password to open:");
    textWithFont(server, look.fonts.strong);
    if (!state.refusal.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().error.text);
        textWithFont(state.refusal, look.fonts.strong);
        ImGui::PopStyleColor();
    }
    textMuted("It is kept in memory while Knotmap runs and never saved. To be asked no more, "
              "put it in ~/.pgpass (readable by you only).",
              look);
    ImGui::PopTextWrapPos();

    ImGui::SetNextItemWidth(-1.0f);
    if (!state.focusSet) {
        ImGui::SetKeyboardFocusHere();
        state.focusSet = true;
    }
    const bool entered =
        ImGui::InputText("##password", state.password.data(), state.password.size(),
                         ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem("server-password");
    ImGui::Dummy(ImVec2(0, look.px(2)));

    const ImGuiStyle& style = ImGui::GetStyle();
    const char* quitLabel = "Quit";
    const char* connectLabel = "Connect";
    const float quitWidth = ImGui::CalcTextSize(quitLabel).x + style.FramePadding.x * 2;
    const float connectWidth = ImGui::CalcTextSize(connectLabel).x + look.px(14) * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - quitWidth -
                         connectWidth - style.ItemSpacing.x);
    PasswordChoice choice = PasswordChoice::Undecided;
    if (ImGui::Button(quitLabel)) {
        choice = PasswordChoice::Quit;
    }
    probeItem("server-password-quit");
    ImGui::SameLine();
    if (primaryButton(connectLabel, look) || entered) {
        choice = PasswordChoice::Connect;
    }
    probeItem("server-password-connect");
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        choice = PasswordChoice::Quit;
    }
    if (choice != PasswordChoice::Undecided) {
        ImGui::CloseCurrentPopup();
        state.focusSet = false;
    }
    ImGui::EndPopup();
    return choice;
}

} // namespace knotmap::ui
