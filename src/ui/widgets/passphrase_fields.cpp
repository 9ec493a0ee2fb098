#include "ui/widgets/passphrase_fields.h"

#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <cstring>
#include <string_view>

namespace knotmap::ui {
namespace {

void wipeBuffer(std::array<char, 256>& buffer) {
    // volatile: the compiler must not drop the overwrite of a buffer that
    // is not read again.
    volatile char* bytes = buffer.data();
    for (std::size_t i = 0; i < buffer.size(); ++i) {
        bytes[i] = 0;
    }
}

bool passwordRow(const char* label, std::array<char, 256>& buffer, const std::string& id,
                 float labelWidth, const Appearance& look) {
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

void PassphraseFields::wipe() {
    wipeBuffer(first);
    wipeBuffer(second);
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
    (void)passwordRow("Passphrase", fields.first, id + "-passphrase", labelWidth, look);
    (void)passwordRow("Again", fields.second, id + "-passphrase-again", labelWidth, look);
    ImGui::SetCursorPosX(labelWidth);
    ImGui::BeginGroup();
    ImGui::PushFont(look.fonts.small);
    ImGui::PushTextWrapPos(0.0f);
    if (fields.second[0] != '\0' && !fields.confirmed()) {
        textColoured("The two passphrases differ: type the same one twice.",
                     look.colours().error.text);
        probeItem(id + "-passphrase-mismatch");
    } else {
        textMuted("Without it nobody can read the file, Knotmap included: there is no way to "
                  "recover a forgotten passphrase.",
                  look);
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
