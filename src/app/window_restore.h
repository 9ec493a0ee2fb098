#pragma once

#include "app/main_window.h"
#include "ui/dialogs/restore_dialog.h"
#include "ui/widgets/notice_banner.h"

#include <filesystem>
#include <optional>

// File > Restore… in the window: the list the dialog shows, and the
// restore itself, done between closing the database and opening it again
// (store/backup/restore_file.h refuses a database that is open).
namespace knotmap {

// Fills the dialog's list from the database's backups folder: newest
// first, with date, size and (for a plain backup) client and session counts.
void listBackupsForDialog(ui::RestoreDialogState& dialog, const std::filesystem::path& database);

// Restores request's backup over database, the replaced one kept in the
// backups folder first, while the window shows that it is restoring.
// Returns the notice to show once the database is open again: what was
// restored and where the replaced one went, or why nothing changed.
[[nodiscard]] ui::NoticeState restoreInWindow(MainWindow& window,
                                              const std::filesystem::path& database,
                                              const ui::RestoreRequest& request,
                                              std::optional<int> frameLimit);

} // namespace knotmap
