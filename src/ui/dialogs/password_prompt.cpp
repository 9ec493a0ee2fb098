#include "ui/dialogs/password_prompt.h"

#include "core/text_search.h"
#include "ui/dialogs/centred_modal.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

namespace knotmap::ui {
namespace {

// Tries what was typed, which leaves the field (wiped) for guarded memory.
PasswordChoice tryTyped(PasswordPromptState& state, const PasswordAttempt& attempt) {
    const crypto::Secret typed = state.typed.take();
    state.refusal = attempt(typed);
    if (!state.refusal.empty()) {
        state.focusSet = false; // back into the emptied field, for another try
        return PasswordChoice::Undecided;
    }
    return PasswordChoice::Accepted;
}

} // namespace

PasswordChoice drawPasswordPrompt(const PasswordPromptText& text, PasswordPromptState& state,
                                  const PasswordAttempt& attempt, const Appearance& look) {
    const std::string popupId = text.title + "##knotmap-" + text.id;
    if (!beginCentredModal(popupId.c_str(), look)) {
        return PasswordChoice::Undecided;
    }
    ImGui::PushTextWrapPos(0.0f);
    textWithFont(text.title, look.fonts.heading);
    ImGui::TextUnformatted(text.question.c_str());
    textWithFont(text.subject, look.fonts.strong);
    probeValue(text.id + "-subject", text.subject);
    textMuted(text.note, look);
    ImGui::PopTextWrapPos();

    ImGui::SetNextItemWidth(-1.0f);
    if (!state.focusSet) {
        ImGui::SetKeyboardFocusHere();
        state.focusSet = true;
    }
    const bool entered = ImGui::InputText(
        ("##" + text.id).c_str(), state.typed.first.data(), state.typed.first.size(),
        ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem(text.id);
    if (!state.refusal.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().error.text);
        textWithFont(state.refusal, look.fonts.strong);
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        probeValue(text.id + "-refusal", state.refusal);
    }
    ImGui::Dummy(ImVec2(0, look.px(2)));

    const ImGuiStyle& style = ImGui::GetStyle();
    const float cancelWidth = ImGui::CalcTextSize(text.cancel.c_str()).x + style.FramePadding.x * 2;
    const float submitWidth = ImGui::CalcTextSize(text.submit.c_str()).x + look.px(14) * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - cancelWidth -
                         submitWidth - style.ItemSpacing.x);
    PasswordChoice choice = PasswordChoice::Undecided;
    if (ImGui::Button(text.cancel.c_str())) {
        choice = PasswordChoice::Cancelled;
    }
    probeItem(text.id + "-" + lowercaseAscii(text.cancel));
    ImGui::SameLine();
    // Nothing typed is nothing to try: an empty secret never opens anything.
    const bool typed = !state.typed.empty();
    probeValue(text.id + "-typed", typed ? "1" : "0"); // whether, never what
    ImGui::BeginDisabled(!typed);
    const bool submitted = primaryButton(text.submit.c_str(), look);
    ImGui::EndDisabled();
    probeItem(text.id + "-" + lowercaseAscii(text.submit));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        choice = PasswordChoice::Cancelled;
    }
    if (choice == PasswordChoice::Undecided && typed && (submitted || entered)) {
        choice = tryTyped(state, attempt);
    }
    if (choice != PasswordChoice::Undecided) {
        state.typed.wipe();
        state.focusSet = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return choice;
}

} // namespace knotmap::ui
