#pragma once

#include "ui/file_chooser/file_chooser_slot.h"
#include "ui/style/appearance.h"
#include "ui/widgets/passphrase_fields.h"

#include <memory>
#include <optional>
#include <string>

namespace knotmap::ui {

// What File > Back up now… asks the app to do (app/backup_job.h runs it on
// a worker): a checked backup into the backups folder beside the database,
// or into a file of the person's choosing, sealed when a passphrase is set.
struct BackupRequest {
    std::string path; // empty: the backups folder
    std::shared_ptr<const crypto::Secret> passphrase;
};

struct BackupDialogState {
    bool available = false;     // set by the app: a database is open
    bool openRequested = false; // File > Back up now…
    // Set by the app for the open database: its backups folder, or empty
    // for a server database (which has none: a file must be chosen).
    std::string folder;
    bool toFile = false; // a file of the person's choosing instead of the folder
    std::string pathText;
    std::string defaultPath; // what pathText was last defaulted to: a typed path is kept
    FileChooserSlot chooser; // Choose… beside the path: fills pathText
    std::string defaultFolder;
    std::string today; // YYYY-MM-DD
    bool encrypt = false;
    PassphraseFields passphrase;
    std::optional<BackupRequest> request; // taken by the app
    // Set by the app from its job each frame.
    bool running = false;
    bool succeeded = false; // the dialog closes; the notice banner says where it went
    std::string error;      // shown in the dialog when the backup failed
};

// The "Back up now" dialog: call every frame; it opens when
// state.openRequested is set and stays open while the backup runs.
void drawBackupDialog(BackupDialogState& state, const Appearance& look);

} // namespace knotmap::ui
