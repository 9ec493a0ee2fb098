#include "app/gui.h"

#include "app/backup_job.h"
#include "app/daily_backup.h"
#include "app/database_unlock.h"
#include "app/export_job.h"
#include "app/file_drops.h"
#include "app/frame_timer.h"
#include "app/front_desk_gui.h"
#include "app/import_job.h"
#include "app/main_window.h"
#include "app/report_job.h"
#include "app/sample_switch.h"
#include "app/settings_file.h"
#include "app/settings_keeper.h"
#include "app/test_report.h"
#include "app/window_restore.h"
#include "app/window_unlock.h"
#include "store/backup/backup_names.h"
#include "store/change_watch/change_watcher.h"
#include "store/database.h"
#include "store/encrypted_file/file_key.h"
#include "store/store_error.h"
#include "ui/dialogs/create_database_prompt.h"
#include "ui/history/history_data.h"
#include "ui/knots/knot_log_controller.h"
#include "ui/sessions/session_controller.h"
#include "ui/shell/app_view_model.h"
#include "ui/shell/dropped_files.h"
#include "ui/shell/frame_requests.h"
#include "ui/shell/main_screen.h"
#include "ui/shell/test_probe.h"
#include "ui/treatments/treatment_controller.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <utility>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// How often a progress bar moves (and a waiting save is tried) while nothing else happens.
constexpr auto kProgressStep = std::chrono::milliseconds(100);

const char* const kOpenAdvice = "Knotmap will close. To use another database, start it with "
                                "--db FILE or set KNOTMAP_DB.";

std::string displayPath(const fs::path& path) {
    std::error_code ignored;
    const fs::path absolute = fs::absolute(path, ignored);
    return (absolute.empty() ? path : absolute).string();
}

// A file's absolute path, or "server HOST:PORT, database NAME".
std::string displayPath(const DatabaseLocation& where) {
    return where.isServer() ? where.describe() : displayPath(where.file());
}

// The data the window shows, or the error that stops it from showing any.
struct LoadedData {
    // The open database with its undo stack and waiting saves; non-movable,
    // so held by pointer.
    std::unique_ptr<ui::Workspace> workspace;
    std::optional<ui::AppViewModel> model;
};

// What the window shows of the records, for tests of working side by side:
// the visit in the details panel and the rating in the knot editor, each
// with the row version it was read at, and whether a conflict is asked about.
std::string shownRecordsReportLines(const ui::MainScreenState& state) {
    std::string lines;
    if (state.sessions != nullptr) {
        if (const ui::SessionDetailsModel* shown = state.sessions->shownModel()) {
            lines += "shown-visit " + std::to_string(shown->session.id) + " " +
                     std::to_string(shown->session.version) + "\n";
        }
    }
    if (state.knotLog != nullptr) {
        if (const ui::KnotEditorModel* shown = state.knotLog->editorModel()) {
            lines += "shown-rating " + std::to_string(shown->observation.id) + " " +
                     std::to_string(shown->observation.version) + "\n";
        }
    }
    const bool asking = state.workspace != nullptr && state.workspace->conflict().has_value();
    lines += std::string("conflict ") + (asking ? "1" : "0") + "\n";
    if (asking) { // what the dialog says: who changed it, and when
        lines += "conflict-message " + state.workspace->conflict()->message + "\n";
    }
    return lines;
}

// What the banner says after opening upgraded a database's schema.
ui::NoticeState upgradeNotice(const OpenReport& report) {
    ui::NoticeState notice;
    notice.title = "This database was upgraded";
    notice.message =
        "Knotmap updated it from schema version " + std::to_string(report.versionBefore) + " to " +
        std::to_string(report.versionAfter) + ". The copy from before the upgrade is saved as:";
    notice.detail = report.backupPath ? displayPath(*report.backupPath) : std::string();
    notice.visible = true;
    return notice;
}

LoadedData load(const DatabaseLocation& path, ui::MainScreenState& state) {
    LoadedData loaded;
    try {
        // Creating is allowed here: runGui asked first when the path is not
        // the default one. A file the person may only read opens read-only.
        // The command's lock wait while opening: a migration must not fail
        // because a terminal import holds the lock for a moment. Saves then
        // wait briefly and retry in the background (KnotLogController).
        OpenOptions options;
        options.readOnlyAllowed = true;
        // A schema that is not Knotmap's own, or rows breaking its rules:
        // read-only, and the bad rows are not shown as data (say why below).
        options.onFindings = FindingsPolicy::ReadOnlyHide;
        loaded.workspace = std::make_unique<ui::Workspace>(Database::open(path, options));
    } catch (const std::exception& error) {
        // StoreError messages already name the file.
        state.error = ui::ErrorDialogState{"Knotmap can't open this database", error.what(),
                                           kOpenAdvice, false};
        std::cerr << "knotmap: " << error.what() << "\n";
        return loaded;
    }
    const OpenReport& report = loaded.workspace->database().openReport();
    if (report.readOnly) {
        state.readOnlyReason = displayPath(path) +
                               " can be read but not written (check the permissions of the file "
                               "and its folder), so nothing here can be changed.";
        state.notice.title = "Opened read-only";
        state.notice.message = "You can look at everything and export it, but not change it:";
        state.notice.detail = state.readOnlyReason;
        state.notice.visible = true;
    }
    if (!report.findings.empty()) {
        state.readOnlyReason = displayPath(path) +
                               " does not hold to Knotmap's own schema and rules, so nothing "
                               "here can be changed.";
        state.notice.title = "Opened read-only: this database breaks Knotmap's rules";
        state.notice.message = "Rows that break a rule are left out of what you see, and "
                               "export and reports are refused. Found: " +
                               report.findings.summary() + ".";
        state.notice.detail = "To list every problem: knotmap info --db " + displayPath(path);
        state.notice.visible = true;
        std::cerr << "knotmap: " << path.describe()
                  << ": opened read-only: " << report.findings.summary() << "\n";
    }
    if (report.backupPath) {
        state.notice = upgradeNotice(report);
        std::cerr << "knotmap: upgraded " << path.describe() << " from schema version "
                  << report.versionBefore << " to " << report.versionAfter
                  << "; the previous copy is saved as " << report.backupPath->string() << "\n";
    }
    try {
        loaded.model =
            ui::buildAppViewModel(loaded.workspace->database(), state.clientList.selectedClient);
    } catch (const std::exception& error) {
        // SQLite's own messages do not say which file they are about.
        const std::string message = path.describe() + ": " + error.what();
        state.error =
            ui::ErrorDialogState{"Knotmap can't read this database", message, kOpenAdvice, false};
        std::cerr << "knotmap: " << message << "\n";
    }
    return loaded;
}

constexpr const char* kRereadFailedTitle = "Knotmap couldn't read the database again";
constexpr const char* kClientReadFailedTitle = "Knotmap couldn't read this client's sessions";
constexpr const char* kReadRetried =
    "Knotmap keeps trying, and shows them as soon as the database answers.";

// After a change was saved: the view model is read again, once, between frames.
// False when it could not be read (the previous model stays on screen).
bool reloadModel(LoadedData& data, ui::MainScreenState& state) {
    try {
        data.model =
            ui::buildAppViewModel(data.workspace->database(), state.clientList.selectedClient);
    } catch (const std::exception& error) {
        state.notice.title = kRereadFailedTitle;
        state.notice.message = error.what();
        state.notice.detail = kReadRetried;
        state.notice.visible = true;
        return false;
    }
    if (state.notice.title == kRereadFailedTitle) {
        state.notice.visible = false; // read again once the database answered
    }
    return true;
}

// A client picked in the list gets its sessions and knots read before the
// next frame draws them (the model holds one client's details at a time).
void loadSelectedClient(LoadedData& data, ui::MainScreenState& state) {
    if (!data.workspace || !data.model || !state.clientList.selectedClient) {
        return;
    }
    if (ui::detailedClient(*data.model) == state.clientList.selectedClient) {
        // Read with the whole model (another window's change, the server
        // back) rather than here: the failure it reported is over too.
        if (state.notice.title == kClientReadFailedTitle) {
            state.notice.visible = false;
        }
        return;
    }
    try {
        ui::loadClientDetails(data.workspace->database(), *data.model,
                              *state.clientList.selectedClient);
    } catch (const std::exception& error) {
        // Tried again every frame: a server that went away and came back
        // shows the client without the person doing anything.
        state.notice.title = kClientReadFailedTitle;
        state.notice.message = error.what();
        state.notice.detail = kReadRetried;
        state.notice.visible = true;
        return;
    }
    if (state.notice.title == kClientReadFailedTitle) {
        state.notice.visible = false;
    }
}

// The history view on screen, for window tests: "history-tab 3" (the tab's
// position) and "heat-session 12" (the animation's frame) or "heat-session none".
std::string historyReportLines(const ui::MainScreenState& state) {
    const ui::HistoryState& history = state.history;
    return "history-tab " + std::to_string(static_cast<int>(history.tab)) + "\nheat-session " +
           (history.heatSession ? std::to_string(*history.heatSession) : std::string("none")) +
           "\nhistory-busy " +
           (state.historyData != nullptr && state.historyData->busy() ? "1" : "0") + "\n";
}

// For window tests: what opening found ("findings 1 2": schema differences,
// bad rows), the notice on screen, and the highest pain the client on screen
// shows (a knot's latest rating or a session's overall pain).
std::string findingsReportLines(const LoadedData& data, const ui::MainScreenState& state) {
    std::string lines;
    if (data.workspace) {
        const OpenFindings& findings = data.workspace->database().openReport().findings;
        lines += "findings " + std::to_string(findings.schemaDifferences.size()) + " " +
                 std::to_string(findings.badRows.count) + "\n";
    }
    lines += "notice " + (state.notice.visible ? state.notice.title : std::string("none")) + "\n";
    if (state.notice.visible) {
        // What the banner says below its title, on one line, for tests.
        std::string text = state.notice.message + " | " + state.notice.detail;
        std::replace(text.begin(), text.end(), '\n', ' ');
        lines += "notice-text " + text + "\n";
    }
    std::optional<int> highest;
    if (data.model) {
        for (const ui::ClientEntry& client : data.model->clients) {
            if (!client.detailed) {
                continue;
            }
            for (const ui::BodyMapMarker& marker : client.markers) {
                if (marker.pain && (!highest || *marker.pain > *highest)) {
                    highest = marker.pain;
                }
            }
            for (const ui::SessionRow& session : client.sessions) {
                if (session.overallPain && (!highest || *session.overallPain > *highest)) {
                    highest = session.overallPain;
                }
            }
        }
    }
    return lines + "shown-pain-max " + (highest ? std::to_string(*highest) : std::string("none")) +
           "\n";
}

// The outcome of a "Save PNG" from the frame before, beside its button.
void reportPngSave(MainWindow& window, ui::MainScreenState& state) {
    if (const auto result = window.takeRegionSaveResult()) {
        state.history.pngStatusIsError = !result->error.empty();
        state.history.pngStatus =
            result->error.empty() ? "Saved " + result->file.string() : result->error;
        state.notice.title = result->error.empty() ? "Saved as a PNG" : "Couldn't save the PNG";
        state.notice.message = result->error.empty() ? "The view was saved to:" : result->error;
        state.notice.detail = result->error.empty() ? result->file.string() : "";
        state.notice.visible = true;
        if (!result->error.empty()) {
            std::cerr << "knotmap: " << result->error << "\n";
        }
    }
}

// Starts a report the dialog asked for and tells the user how it went.
void runReportJob(ReportJob& job, ui::MainScreenState& state) {
    if (const auto request = std::exchange(state.report.request, std::nullopt)) {
        if (job.start(*request)) {
            state.notice.title = "Writing the client report";
            state.notice.message = "The PDF is being written to:";
            state.notice.detail = request->path;
            state.notice.visible = true;
        }
    }
    if (const auto done = job.takeFinished()) {
        state.notice.title =
            done->error.empty() ? "Client report saved" : "Couldn't write the report";
        state.notice.message =
            done->error.empty() ? std::to_string(done->pages) + " pages, saved as:" : done->error;
        state.notice.detail = done->error.empty() ? done->path : "";
        state.notice.visible = true;
        if (!done->error.empty()) {
            std::cerr << "knotmap: " << done->error << "\n";
        }
    }
    state.report.running = job.running();
}

// Starts an export the dialog asked for, keeps its progress bar current and
// tells the user where the file went.
void runExportJob(ExportJob& job, ui::MainScreenState& state) {
    ui::ExportDialogState& dialog = state.exportCsv;
    if (const auto request = std::exchange(dialog.request, std::nullopt)) {
        (void)job.start(*request);
    }
    if (std::exchange(dialog.cancelRequested, false)) {
        job.cancel();
    }
    if (const auto done = job.takeFinished()) {
        ui::ExportOutcome outcome;
        outcome.succeeded = done->error.empty() && !done->cancelled;
        outcome.cancelled = done->cancelled;
        if (done->cancelled) {
            outcome.message = done->cancelledMessage();
        } else if (!done->error.empty()) {
            outcome.message = done->error;
            std::cerr << "knotmap: " << done->error << "\n";
        }
        if (!done->cancelled) {
            state.notice.title = outcome.succeeded ? "Export complete" : "Couldn't export";
            state.notice.message = outcome.succeeded ? done->successMessage() : done->error;
            state.notice.detail = outcome.succeeded ? done->target : "";
            state.notice.visible = true;
        }
        dialog.outcome = std::move(outcome);
    }
    dialog.running = job.running();
    dialog.rowsDone = job.rowsDone();
    dialog.rowsTotal = job.rowsTotal();
}

// Starts the backup the dialog asked for and tells the user where it went.
void runBackupJob(BackupJob& job, ui::MainScreenState& state) {
    ui::BackupDialogState& dialog = state.backup;
    if (const auto request = std::exchange(dialog.request, std::nullopt)) {
        (void)job.start(*request);
    }
    if (const auto done = job.takeFinished()) {
        dialog.succeeded = done->summary.has_value();
        dialog.error = done->error;
        if (done->summary) {
            const BackupSummary& summary = *done->summary;
            state.notice.title = summary.encrypted ? "Encrypted backup saved" : "Backup saved";
            state.notice.message = "Checked and saved (" + std::to_string(summary.clients) +
                                   " clients, " + std::to_string(summary.sessions) +
                                   " sessions) as:";
            state.notice.detail = summary.path.string();
            state.notice.visible = true;
        } else {
            std::cerr << "knotmap: " << done->error << "\n";
        }
    }
    dialog.running = job.running();
}

// A notice from before the database was opened (a restore's outcome) over
// the one opening it gave, if any (an upgrade): the opening's is kept, and
// the earlier one follows it, so neither is lost.
void showCarriedNotice(const ui::NoticeState& carried, ui::NoticeState& notice) {
    if (!notice.visible) {
        notice = carried;
        return;
    }
    notice.detail += (notice.detail.empty() ? "" : "\n") + carried.title + ". " + carried.message +
                     (carried.detail.empty() ? "" : " " + carried.detail);
}

// Files dropped onto the window go to the import dialog or the question to
// open a database; while another dialog is open they are declined (opening
// one would close it, an import being written included).
void routeDrops(ui::MainScreenState& state) {
    const std::vector<fs::path> drops = takeFileDrops();
    if (drops.empty()) {
        return;
    }
    if (ui::dialogOpen()) {
        state.notice.title = "Nothing was taken from the drop";
        state.notice.message = "A dialog was open. Close it, then drop the file again.";
        state.notice.detail.clear();
        state.notice.visible = true;
        return;
    }
    ui::routeDroppedPaths(drops, state);
}

// An encrypted file the window was asked to switch to, its passphrase asked
// for over the database open now (which stays open if the person cancels).
struct FileUnlock {
    fs::path file;
    UnlockPrompt prompt;
};

// True when the database at path opens; otherwise the banner says why, and
// the window stays on the database it has, or (an encrypted file whose key
// is not known) unlocking asks for its passphrase. An older database this
// opening upgraded leaves its notice in upgraded, for the window to show
// once it has switched (opening it again finds nothing left to upgrade).
bool databaseOpens(const fs::path& path, ui::MainScreenState& state,
                   std::optional<ui::NoticeState>& upgraded, std::optional<FileUnlock>& unlocking) {
    try {
        try {
            // KNOTMAP_PASSPHRASE, when set, opens an encrypted file (and makes
            // a new one encrypted) here as it does the first database.
            unlockDatabase(DatabaseLocation(path));
        } catch (const encrypted::WrongPassphrase&) {
            // Not this file's: asked for below, as if none was given.
        }
        OpenOptions options;
        options.readOnlyAllowed = true;
        options.onFindings = FindingsPolicy::ReadOnlyHide;
        const Database database = Database::open(DatabaseLocation(path), options);
        if (database.openReport().backupPath) {
            upgraded = upgradeNotice(database.openReport());
        }
        return true;
    } catch (const PassphraseNeeded&) {
        unlocking.emplace(FileUnlock{path, filePassphrasePrompt(path, "Cancel")});
        return false;
    } catch (const std::exception& error) {
        std::cerr << "knotmap: " << error.what() << "\n";
        state.notice.title = "Knotmap can't open that database";
        state.notice.message = error.what();
        state.notice.detail = "The database open before stays open.";
        state.notice.visible = true;
        return false;
    }
}

// True when File > Open or New database, Open recent or a drop named a
// database that opens: the window then switches to it. (A dropped file is
// asked about before this check: opening may upgrade an older database, so
// it waits for the person's "Open".)
bool opensElsewhere(ui::MainScreenState& state, std::optional<ui::NoticeState>& upgraded,
                    std::optional<FileUnlock>& unlocking) {
    ui::DatabaseFilesState& files = state.databaseFiles;
    std::error_code ignored;
    if (files.switchTo && std::exchange(files.creating, false) &&
        fs::file_size(*files.switchTo, ignored) > 0 && !ignored) {
        // A chooser that let the person agree to replace a file (the
        // desktop's own) must not turn New into opening, or replacing, it.
        state.notice.title = "That file already exists";
        state.notice.message = files.switchTo->string() +
                               " is there already: New database never replaces a file. To "
                               "open it, use Open database\u2026";
        state.notice.detail.clear();
        state.notice.visible = true;
        files.switchTo.reset();
        return false;
    }
    if (files.switchTo && !databaseOpens(*files.switchTo, state, upgraded, unlocking)) {
        files.switchTo.reset();
    }
    return files.switchTo.has_value();
}

// What the window does once the database it had open is closed.
enum class NextStep {
    Quit,
    OpenSample, // the sample database, or back to the person's own
    OpenOther,  // state.databaseFiles.switchTo: File > Open or New database, or a drop
    Restore,    // state.restore.request over the same database, then open it again
};

// The window's life with one database open: from opening it to quitting,
// switching to another (the sample database and back) or restoring a backup.
NextStep runOnDatabase(const GuiOptions& options, const DatabaseLocation& databasePath,
                       MainWindow& window, ui::MainScreenState& state, SettingsKeeper& settings,
                       SampleSwitch& sample, const std::optional<ui::NoticeState>& carried,
                       std::optional<ui::NoticeState>& nextNotice) {
    // A practice's front desk may read only who the clients are and when
    // they come; this screen's whole-record reads would be refused. It gets
    // a screen of its own.
    if (auto frontDesk = openFrontDesk(databasePath)) {
        runFrontDesk(options, std::move(*frontDesk), window, state, settings);
        return NextStep::Quit;
    }
    // Files dropped while no database was open (the window's first question,
    // a password prompt) are not acted on later, by surprise.
    (void)takeFileDrops();
    LoadedData data = load(databasePath, state);
    if (carried) {
        showCarriedNotice(*carried, state.notice);
    }
    const std::string shownPath = displayPath(databasePath);
    // Changes need a writable database; logging knots needs the atlas (the
    // map's regions) too. Read-only, the map only selects and no editor is
    // offered. Knots, treatments, sessions, clients and vocabularies all run
    // their commands through the one workspace: one Ctrl+Z order.
    ui::Workspace* workspace = data.workspace.get();
    if (workspace != nullptr && workspace->writable()) {
        state.workspace = workspace;
    }
    std::optional<ui::KnotLogController> knotLog;
    std::optional<ui::TreatmentController> treatments;
    std::optional<ui::SessionController> sessions;
    if (state.workspace != nullptr && data.model && data.model->atlas != nullptr) {
        knotLog.emplace(*workspace, *data.model->atlas);
        state.knotLog = &*knotLog;
        treatments.emplace(*workspace, *data.model->atlas);
        state.treatments = &*treatments;
        // Signing, which cannot be undone, stays off the undo stack.
        sessions.emplace(*workspace, *knotLog);
        state.sessions = &*sessions;
    }
    // The history views read through their own connections, which would not
    // hide rows breaking the rules: not offered then.
    std::optional<ui::HistoryData> historyData;
    if (workspace != nullptr && data.model && data.model->atlas != nullptr &&
        workspace->database().openReport().findings.empty()) {
        historyData.emplace(workspace->readerLocation(), *data.model->atlas);
        state.historyData = &*historyData;
    }
    // Once a day a checked backup beside the database file, while the
    // window already shows it: only of the person's own database (not the
    // sample), and not of one opened read-only or breaking the rules.
    std::optional<DailyBackup> dailyBackup;
    if (state.workspace != nullptr && !databasePath.isServer() && !state.feel.showingSample &&
        workspace->database().openReport().findings.empty()) {
        dailyBackup.emplace(databasePath.file());
    }
    // Changes saved by other windows, programs and people: shown within the
    // second, as if saved here (selection, scroll and typed text stay).
    std::unique_ptr<ChangeWatcher> changeWatcher;
    if (workspace != nullptr) {
        changeWatcher = watchChanges(workspace->readerLocation(), workspace->database().sql(),
                                     [] { glfwPostEmptyEvent(); });
    }
    // The workspace's version the view models were built at.
    std::uint64_t shownVersion = workspace != nullptr ? workspace->version() : 0;
    TestReporting testReport(options.testReport);
    bool switchDatabase = false;
    bool openOther = false;
    std::optional<FileUnlock> unlocking; // File > Open's encrypted file, asked about
    bool restoreRequested = false;
    FrameTimer frameTimer;
    ReportJob reportJob(databasePath);
    ExportJob exportJob(databasePath);
    BackupJob backupJob(databasePath);
    ImportJob importJob(databasePath);
    // Imports write; the sample is the person's to look at, not to fill.
    state.importCsv.available = state.workspace != nullptr && !state.feel.showingSample;
    if (workspace != nullptr && !databasePath.isServer() && !state.feel.showingSample) {
        settings.noteOpened(state, displayPath(databasePath.file()));
    }
    // A backup reads whatever opened; a restore replaces a database file.
    state.backup.available = workspace != nullptr;
    state.backup.folder =
        databasePath.isServer() ? std::string() : backupFolderFor(databasePath.file()).string();
    state.restore.available = workspace != nullptr && !databasePath.isServer();
    window.run(
        [&](const ui::Appearance& look) {
            frameTimer.start();
            if (state.workspace != nullptr) {
                state.workspace->retryWaitingSaves();
            }
            if (changeWatcher && changeWatcher->takeChange()) {
                workspace->dataChanged();
            }
            // Every view model is built here, between frames, keyed on the
            // workspace's one version: saved changes, undo and redo move it.
            if (workspace != nullptr && workspace->version() != shownVersion &&
                reloadModel(data, state)) {
                shownVersion = workspace->version();
            }
            if (historyData) {
                historyData->setVersion(shownVersion);
            }
            loadSelectedClient(data, state);
            routeDrops(state);
            ui::prepareMainScreen(data.model ? &*data.model : nullptr, state);
            reportPngSave(window, state);
            runReportJob(reportJob, state);
            runExportJob(exportJob, state);
            runBackupJob(backupJob, state);
            if (runImportJob(importJob, state) && workspace != nullptr) {
                workspace->dataChanged(); // read again now, not when the watcher sees it
            }
            if (state.restore.openRequested && !state.restore.listed) {
                listBackupsForDialog(state.restore, databasePath.file());
            }
            ui::drawMainScreen(data.model ? &*data.model : nullptr, shownPath, state, look);
            if (unlocking) {
                const ui::PasswordChoice answer = unlocking->prompt.draw(look);
                if (answer == ui::PasswordChoice::Accepted) {
                    state.databaseFiles.switchTo = unlocking->file; // its key is known now
                }
                if (answer != ui::PasswordChoice::Undecided) {
                    unlocking.reset();
                }
            }
            if (const auto request = std::exchange(state.history.pngRequest, std::nullopt)) {
                window.requestRegionSave({request->min.x, request->min.y, request->max.x,
                                          request->max.y, request->path});
            }
            settings.afterFrame(state);
            window.setFontScale(SettingsKeeper::fontScale(state.settings));
            // Work going on behind the window shows its progress (and a save
            // waiting for a lock is tried again) without any input.
            if (reportJob.running() || exportJob.running() || backupJob.running() ||
                importJob.running() || sample.loading() ||
                (state.workspace != nullptr && state.workspace->savesWaiting())) {
                ui::requestFrameIn(kProgressStep);
            }
            frameTimer.stop();
            if (testReport.active()) {
                testReport.write(
                    takeFeelTestReportLines(state, databasePath) + historyReportLines(state) +
                        "waiting-saves " +
                        std::to_string(state.workspace != nullptr ? state.workspace->waitingSaves()
                                                                  : 0) +
                        "\nread-only " + (state.readOnlyReason.empty() ? "0" : "1") + "\n" +
                        findingsReportLines(data, state) + shownRecordsReportLines(state) +
                        importReportLines(state.importCsv) + frameTimer.reportLine() + "frames " +
                        std::to_string(window.framesDrawn()) + "\nbody-map-renders " +
                        std::to_string(state.bodyMap.canvas ? state.bodyMap.canvas->renders() : 0) +
                        "\n",
                    state.bodyMap.shownCanvases, knotLog && knotLog->editorOpen());
            }
            window.setTheme(state.theme);
            switchDatabase = sample.afterFrame(state);
            openOther = opensElsewhere(state, nextNotice, unlocking);
            // Changes still waiting for the database are saved first: the
            // restore starts once none is left (the banner says why it waits).
            restoreRequested = state.restore.request.has_value() &&
                               (state.workspace == nullptr || !state.workspace->savesWaiting());
            const bool errorDismissed = state.error && state.error->dismissed;
            return !state.quitRequested && !errorDismissed && !switchDatabase && !openOther &&
                   !restoreRequested;
        },
        options.frameLimit);
    if (state.workspace != nullptr) {
        ui::Workspace& open = *state.workspace;
        // Notes still being typed when the window closed are kept too.
        if (sessions) {
            sessions->flushPendingEdits();
        }
        open.flushPendingEdits();
        // Saves still waiting for another program's lock (or the server) are
        // not dropped: closing waits for them, as a command would.
        if (open.savesWaiting()) {
            std::cerr << "knotmap: " << databasePath.describe() << ": "
                      << (open.waitingForServer() ? "the server cannot be reached"
                                                  : "another program is writing")
                      << "; waiting to save " << open.waitingSaves() << " change(s)...\n";
            if (!open.finishWaitingSaves()) {
                state.unsavedOnExit = true;
            }
        }
        if (const auto error = open.takeError()) {
            std::cerr << "knotmap: " << *error << "\n";
        }
    }
    state.workspace = nullptr;
    state.knotLog = nullptr;
    state.treatments = nullptr;
    state.sessions = nullptr;
    state.historyData = nullptr;
    if (state.error) {
        return NextStep::Quit;
    }
    if (restoreRequested) {
        return NextStep::Restore;
    }
    if (openOther) {
        return NextStep::OpenOther;
    }
    return switchDatabase ? NextStep::OpenSample : NextStep::Quit;
}

// A fresh screen for another database, keeping what belongs to the user and
// the window rather than to the data: settings, dialogs, the map's view and
// its GPU resources.
void resetForAnotherDatabase(ui::MainScreenState& state) {
    ui::MainScreenState fresh;
    fresh.settings = state.settings;
    fresh.feel = state.feel;
    fresh.theme = state.theme;
    fresh.therapistMode = state.therapistMode;
    fresh.bodyMap.mode = state.bodyMap.mode;
    fresh.bodyMap.heat = state.bodyMap.heat;
    fresh.bodyMap.canvas = std::move(state.bodyMap.canvas);
    fresh.unsavedOnExit = state.unsavedOnExit; // the exit code must still say so
    fresh.databaseFiles.recent = state.databaseFiles.recent;
    state = std::move(fresh);
}

// Asks whether to create a database at path, in the window, before anything
// else is shown. True when the person chose to create it.
bool askToCreate(MainWindow& window, const std::string& path, std::optional<int> frameLimit) {
    ui::CreateDatabaseChoice choice = ui::CreateDatabaseChoice::Undecided;
    window.run(
        [&](const ui::Appearance& look) {
            choice = ui::drawCreateDatabasePrompt(path, look);
            return choice == ui::CreateDatabaseChoice::Undecided;
        },
        frameLimit);
    return choice == ui::CreateDatabaseChoice::Create;
}

} // namespace

int runGui(const GuiOptions& options) {
    ui::MainScreenState state;
    SettingsKeeper settings(settingsFilePath());
    settings.load(state);

    // Where the person left it, else sized for this screen.
    MainWindow window("Knotmap", state.settings.window);
    // Declared after the window, so destroyed first: GPU resources go while
    // the window's OpenGL context still exists, even when a frame throws.
    const ui::MainScreenGraphicsScope graphics(state);
    window.setTheme(state.theme);
    window.setFontScale(SettingsKeeper::fontScale(state.settings));
    SampleSwitch sample(options.database);
    DatabaseLocation databasePath = options.database;
    std::error_code ignored;
    // An empty 0-byte file would become a database too: asked the same way.
    const bool nothingThere =
        !databasePath.isServer() && (!fs::exists(databasePath.file(), ignored) ||
                                     fs::file_size(databasePath.file(), ignored) == 0);
    if (options.askBeforeCreating && nothingThere &&
        !askToCreate(window, displayPath(databasePath), options.frameLimit)) {
        settings.saveWindow(state, window.geometry());
        return 0;
    }
    if (databasePath.isServer() && !askForServerPassword(window, databasePath, options)) {
        settings.saveWindow(state, window.geometry());
        return 0;
    }
    // What the restore said, shown once the database is open again; or an
    // upgrade the check before switching to another database made.
    std::optional<ui::NoticeState> carried;
    std::optional<ui::NoticeState> nextNotice;
    while (true) {
        // An encrypted file whose passphrase nothing gave (KNOTMAP_PASSPHRASE):
        // asked for before opening, as a server's password is. (File > Open
        // asks over the database open before, which stays open if the
        // person cancels; this is the first database, or a restored one.)
        if (!databasePath.isServer() &&
            !askForFilePassphrase(window, databasePath.file(), options)) {
            break;
        }
        const NextStep next = runOnDatabase(options, databasePath, window, state, settings, sample,
                                            carried, nextNotice);
        carried = std::exchange(nextNotice, std::nullopt);
        if (next == NextStep::OpenSample) {
            databasePath = sample.target();
            resetForAnotherDatabase(state);
        } else if (next == NextStep::OpenOther) {
            databasePath = DatabaseLocation(*state.databaseFiles.switchTo);
            sample.setUserDatabase(databasePath); // "Back to my database" comes here now
            state.feel.showingSample = false;
            resetForAnotherDatabase(state);
        } else if (next == NextStep::Restore) {
            const ui::RestoreRequest request = std::move(*state.restore.request);
            state.restore.request.reset();
            carried = restoreInWindow(window, databasePath.file(), request, options.frameLimit);
            resetForAnotherDatabase(state);
        } else {
            break;
        }
    }
    settings.saveWindow(state, window.geometry());
    // The process fails whenever the database could not be used, however the
    // window was closed.
    return state.error || state.unsavedOnExit ? 1 : 0;
}

} // namespace knotmap
