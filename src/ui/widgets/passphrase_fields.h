#pragma once

#include "crypto/secret.h"
#include "ui/style/appearance.h"

#include <array>
#include <string>

namespace knotmap::ui {

// The passphrase that seals a file (an encrypted export or backup), typed
// twice: a typo would lock the data away for good. Or, to open a sealed
// file, typed once. What is typed lives in these buffers only until it is
// taken (into libsodium's guarded memory) or the dialog closes: never in
// settings, logs or the command line.
struct PassphraseFields {
    std::array<char, 256> first{};
    std::array<char, 256> second{};

    PassphraseFields() = default;
    PassphraseFields(const PassphraseFields&) = default;
    PassphraseFields& operator=(const PassphraseFields&) = default;
    // Quitting with a dialog open wipes what was typed too.
    ~PassphraseFields();

    // Overwrites both buffers, and Dear ImGui's copy of the field being edited.
    void wipe();
    [[nodiscard]] bool empty() const { return first[0] == '\0'; }
    // Both typed and the same (for sealing).
    [[nodiscard]] bool confirmed() const;
    // The first field in guarded memory; wipes both buffers.
    [[nodiscard]] crypto::Secret take();
};

// The two fields for sealing, each with its label at labelWidth, and once
// the second is typed whether they match. Probe names: ID-passphrase,
// ID-passphrase-again, ID-passphrase-mismatch (shown when they differ).
void drawNewPassphraseFields(PassphraseFields& fields, const std::string& id, float labelWidth,
                             const Appearance& look);

// One field, to open a sealed file (probe ID-passphrase). True when Return
// was pressed in it.
bool drawPassphraseField(PassphraseFields& fields, const std::string& id, float labelWidth,
                         const Appearance& look);

} // namespace knotmap::ui
