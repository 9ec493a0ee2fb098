#include "ui/widgets/passphrase_fields.h"

#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>
#include <sodium.h>
#include <string_view>

namespace knotmap::ui {
namespace {

void wipeBytes(void* data, std::size_t size) {
    // libsodium's wipe, which the compiler may not drop as a dead store to
    // a buffer that is not read again.
    if (data != nullptr && size > 0) {
        sodium_memzero(data, size);
    }
}

void wipeBuffer(std::array<char, 256>& buffer) {
    wipeBytes(buffer.data(), buffer.size());
}

// Dear ImGui keeps its own copy of the text field last edited, with its undo
// history, until another field is edited: wiped too, and the field let go.
void wipeImGuiEditCopy() {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context == nullptr) {
        return;
    }
    ImGuiInputTextState& edited = context->InputTextState;
    if (edited.ID != 0 && edited.ID == ImGui::GetActiveID()) {
        ImGui::ClearActiveID();
    }
    wipeBytes(edited.TextW.Data, static_cast<std::size_t>(edited.TextW.size_in_bytes()));
    wipeBytes(edited.TextA.Data, static_cast<std::size_t>(edited.TextA.size_in_bytes()));
    wipeBytes(edited.InitialTextA.Data,
              static_cast<std::size_t>(edited.InitialTextA.size_in_bytes()));
    wipeBytes(&edited.Stb, sizeof edited.Stb);
    edited.ID = 0;
    edited.CurLenW = 0;
    edited.CurLenA = 0;
}

bool passwordRow(const char* label, std::array<char, 256>& buffer, const std::string& id,
                 float labelWidth, const Appearance& look) {
    labelWidth =
        std::max(labelWidth, ImGui::GetCursorPosX() + ImGui::CalcTextSize(label).x + look.px(10));
    ImGui::AlignTextToFramePadding();
    textMuted(label, look);
    ImGui::SameLine(labelWidth);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    const bool entered =
        ImGui::InputText(("##" + id).c_str(), buffer.data(), buffer.size(),
                         ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem(id);
    return entered;
}

} // namespace

PassphraseFields::~PassphraseFields() {
    wipeBuffer(first);
    wipeBuffer(second);
}

void PassphraseFields::wipe() {
    wipeBuffer(first);
    wipeBuffer(second);
    wipeImGuiEditCopy();
}

bool PassphraseFields::confirmed() const {
    return !empty() && std::strcmp(first.data(), second.data()) == 0;
}

crypto::Secret PassphraseFields::take() {
    crypto::Secret secret{std::string_view(first.data())};
    wipe();
    return secret;
}

void drawNewPassphraseFields(PassphraseFields& fields, const std::string& id, float labelWidth,
                             const Appearance& look) {
    // Side by side on one row: the dialogs stay short enough for a small
    // window.
    const float gap = look.px(12);
    const float againLabel = ImGui::CalcTextSize("Again").x + look.px(8);
    // The label column of the dialog, unless "Passphrase" needs more.
    // (SameLine's offsets count from the window's edge, not its padding.)
    labelWidth = std::max(labelWidth, ImGui::GetCursorPosX() + ImGui::CalcTextSize("Passphrase").x +
                                          look.px(10));
    ImGui::AlignTextToFramePadding();
    textMuted("Passphrase", look);
    ImGui::SameLine(labelWidth);
    const float fieldWidth = (ImGui::GetContentRegionAvail().x - gap - againLabel) / 2;
    ImGui::SetNextItemWidth(fieldWidth);
    ImGui::InputText(("##" + id + "-passphrase").c_str(), fields.first.data(), fields.first.size(),
                     ImGuiInputTextFlags_Password);
    probeItem(id + "-passphrase");
    ImGui::SameLine(0, gap);
    textMuted("Again", look);
    ImGui::SameLine(0, look.px(8));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    ImGui::InputText(("##" + id + "-passphrase-again").c_str(), fields.second.data(),
                     fields.second.size(), ImGuiInputTextFlags_Password);
    probeItem(id + "-passphrase-again");
    ImGui::SetCursorPosX(labelWidth);
    ImGui::BeginGroup();
    ImGui::PushFont(look.fonts.small);
    ImGui::PushTextWrapPos(0.0f);
    if (fields.second[0] != '\0' && !fields.confirmed()) {
        textColoured("The two differ: type the same passphrase twice.", look.colours().error.text);
        probeItem(id + "-passphrase-mismatch");
    } else {
        textMuted("Nobody can read the file without it, Knotmap included: keep it safe.", look);
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndGroup();
}

bool drawPassphraseField(PassphraseFields& fields, const std::string& id, float labelWidth,
                         const Appearance& look) {
    return passwordRow("Passphrase", fields.first, id + "-passphrase", labelWidth, look);
}

} // namespace knotmap::ui
