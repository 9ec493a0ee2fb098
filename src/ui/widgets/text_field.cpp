#include "ui/widgets/text_field.h"

#include "core/validation.h"
#include "ui/widgets/wrapped_text_input.h"

#include <imgui_stdlib.h>

#include <algorithm>

namespace knotmap::ui {
namespace {

constexpr ImGuiInputTextFlags kLimitFlags =
    ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_CallbackEdit;

struct Limit {
    int maxBytes = 0;
    int lengthBefore = 0; // the text as the last frame left it
};

int limitText(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
        return isForbiddenCharacter(data->EventChar) ? 1 : 0;
    }
    const Limit& limit = *static_cast<const Limit*>(data->UserData);
    // Only what this frame added is taken back, so text stored before the
    // limits existed is never cut, only kept from growing.
    const int extra =
        std::min(data->BufTextLen - limit.maxBytes, data->BufTextLen - limit.lengthBefore);
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit || extra <= 0) {
        return 0;
    }
    // What was just typed or pasted ends at the cursor: drop its tail.
    int end = data->CursorPos;
    int start = end - extra;
    if (start < 0) {
        end = data->BufTextLen;
        start = end - extra;
    }
    while (start > 0 && (static_cast<unsigned char>(data->Buf[start]) & 0xC0) == 0x80) {
        --start; // whole characters only
    }
    data->DeleteChars(start, end - start);
    return 0;
}

Limit limitFor(const std::string& text, std::size_t maxBytes) {
    return {static_cast<int>(maxBytes), static_cast<int>(text.size())};
}

} // namespace

bool limitedInputText(const char* label, std::string& text, std::size_t maxBytes,
                      ImGuiInputTextFlags flags) {
    Limit limit = limitFor(text, maxBytes);
    return ImGui::InputText(label, &text, flags | kLimitFlags, limitText, &limit);
}

bool limitedInputTextWithHint(const char* label, const char* hint, std::string& text,
                              std::size_t maxBytes, ImGuiInputTextFlags flags) {
    Limit limit = limitFor(text, maxBytes);
    return ImGui::InputTextWithHint(label, hint, &text, flags | kLimitFlags, limitText, &limit);
}

bool limitedInputTextMultiline(const char* label, std::string& text, std::size_t maxBytes,
                               const ImVec2& size, ImGuiInputTextFlags flags) {
    // ImGui's own multi-line field scrolls sideways; notes wrap instead.
    return wrappedInputTextMultiline(label, text, maxBytes, size, flags);
}

bool signerNameField(const char* label, std::string& name, const std::string& practiceName,
                     ImGuiInputTextFlags flags) {
    if (practiceName.empty()) {
        return limitedInputText(label, name, kMaxNameBytes, flags);
    }
    name = practiceName;
    ImGui::BeginDisabled();
    limitedInputText(label, name, kMaxNameBytes);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("You sign in as %s: the practice records your own name", name.c_str());
    }
    return false;
}

} // namespace knotmap::ui
