#pragma once

#include "ui/file_chooser/file_chooser_slot.h"
#include "ui/style/appearance.h"
#include "ui/widgets/passphrase_fields.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// One backup in File > Restore…'s list, described by the app.
struct RestoreChoice {
    std::string path;
    std::string taken; // local date and time
    std::string size;
    std::optional<std::int64_t> clients; // unknown for an encrypted one
    std::optional<std::int64_t> sessions;
    bool encrypted = false;
};

// What the dialog asks the app to do once the person confirmed: close the
// database, put the backup in its place (the replaced one kept as a backup
// first) and open it again.
struct RestoreRequest {
    std::string path;
    std::shared_ptr<const crypto::Secret> passphrase; // for an encrypted backup
};

struct RestoreDialogState {
    bool available = false;     // set by the app: a database file is open
    bool openRequested = false; // File > Restore…
    // Filled by the app when the dialog opens (listed turns true): the
    // database's backups, newest first, and where they are.
    bool listed = false;
    std::string database;
    std::string folder;
    std::vector<RestoreChoice> choices;
    int selected = -1;
    std::string otherPath;   // a backup kept elsewhere, typed or chosen
    FileChooserSlot chooser; // Choose… beside otherPath
    bool confirming = false;
    bool otherEncrypted = false; // the typed file is a sealed backup
    PassphraseFields passphrase;
    std::optional<RestoreRequest> request; // taken by the app
};

// The "Restore" dialog: the list, then a confirmation naming what will be
// replaced. Call every frame; it opens when state.openRequested is set.
void drawRestoreDialog(RestoreDialogState& state, const Appearance& look);

} // namespace knotmap::ui
