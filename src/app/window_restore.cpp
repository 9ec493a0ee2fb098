#include "app/window_restore.h"

#include "app/backup_text.h"
#include "store/backup/backup_catalog.h"
#include "store/backup/backup_names.h"
#include "store/backup/restore_file.h"
#include "ui/dialogs/centred_modal.h"
#include "ui/shell/frame_requests.h"
#include "ui/widgets/widgets.h"

#include <chrono>
#include <exception>
#include <future>
#include <iostream>

namespace knotmap {

namespace fs = std::filesystem;

void listBackupsForDialog(ui::RestoreDialogState& dialog, const fs::path& database) {
    dialog.database = database.string();
    dialog.folder = backupFolderFor(database).string();
    dialog.choices.clear();
    for (BackupEntry& entry : listBackups(database)) {
        readBackupCounts(entry);
        ui::RestoreChoice choice;
        choice.path = entry.path.string();
        choice.taken = backupTimeText(entry.utcSeconds);
        choice.size = backupSizeText(entry.bytes);
        choice.clients = entry.clients;
        choice.sessions = entry.sessions;
        choice.encrypted = entry.encrypted;
        dialog.choices.push_back(std::move(choice));
    }
    dialog.listed = true;
}

ui::NoticeState restoreInWindow(MainWindow& window, const fs::path& database,
                                const ui::RestoreRequest& request, std::optional<int> frameLimit) {
    std::future<RestoreResult> restoring = std::async(std::launch::async, [&database, &request] {
        return restoreDatabaseFile(request.path, database, /*force=*/true, [&request] {
            if (!request.passphrase) {
                throw std::runtime_error(request.path + ": encrypted, and no passphrase "
                                                        "was typed");
            }
            return crypto::Secret(request.passphrase->view());
        });
    });
    // The window keeps drawing (a modal saying what happens) until it is done.
    window.run(
        [&](const ui::Appearance& look) {
            if (ui::beginCentredModal("Restoring##knotmap-restore", look)) {
                ImGui::PushTextWrapPos(0.0f);
                ui::textWithFont("Restoring the backup\u2026", look.fonts.heading);
                ui::textMuted(request.path, look);
                ImGui::PopTextWrapPos();
                ImGui::EndPopup();
            }
            const bool running =
                restoring.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready;
            if (running) {
                ui::requestFrameIn(std::chrono::milliseconds(100)); // to see when it is done
            }
            return running;
        },
        frameLimit);
    ui::NoticeState notice;
    notice.visible = true;
    try {
        const RestoreResult result = restoring.get();
        notice.title = "Backup restored";
        notice.message = "The database now holds the backup " + request.path + " (" +
                         std::to_string(result.restored.clients) + " clients, " +
                         std::to_string(result.restored.sessions) + " sessions).";
        if (result.replacedKeptAs) {
            notice.message += " The database it replaced is kept as:";
            notice.detail = result.replacedKeptAs->path.string();
        }
    } catch (const std::exception& error) {
        notice.title = "Couldn't restore the backup";
        // The store's message says what happened to the database.
        notice.message = error.what();
        std::cerr << "knotmap: " << error.what() << "\n";
    }
    return notice;
}

} // namespace knotmap
