#pragma once

#include "core/settings.h"
#include "ui/body_map/body_map_state.h"
#include "ui/clients/client_list_panel.h"
#include "ui/dialogs/backup_dialog.h"
#include "ui/dialogs/database_files.h"
#include "ui/dialogs/error_dialog.h"
#include "ui/dialogs/export_dialog.h"
#include "ui/dialogs/import_dialog.h"
#include "ui/dialogs/report_dialog.h"
#include "ui/dialogs/restore_dialog.h"
#include "ui/dialogs/vocabulary_window.h"
#include "ui/history/history_data.h"
#include "ui/history/history_state.h"
#include "ui/knots/knot_log_controller.h"
#include "ui/practice/practice_window.h"
#include "ui/sessions/session_controller.h"
#include "ui/shell/app_view_model.h"
#include "ui/shell/empty_state.h"
#include "ui/shell/feel_state.h"
#include "ui/style/appearance.h"
#include "ui/treatments/treatment_controller.h"
#include "ui/widgets/notice_banner.h"
#include "ui/workspace/workspace.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// Everything the main window remembers between frames.
struct MainScreenState {
    ThemeKind theme = ThemeKind::Light;
    ClientListState clientList;
    // Shows the client list even for one client (View > Therapist mode).
    bool therapistMode = false;
    VocabularyWindowState vocabularies; // Edit > Vocabularies...
    // Practice > People... / Clients...: offered to a practice's owner only.
    PracticeWindowState practice;
    BodyMapState bodyMap;
    std::optional<Id> selectedKnot;  // ringed on the body map
    std::optional<Id> bodyMapClient; // whose knots the map showed last frame
    EmptyStateState emptyState;
    NoticeState notice;
    std::optional<ErrorDialogState> error; // when set, nothing else can be done
    // Why the database is open read-only (empty: it is writable). The menu
    // bar says so, and nothing offers to change the data.
    std::string readOnlyReason;
    bool quitRequested = false;
    // Closing could not save every change (another program kept the lock):
    // the process exits non-zero after saying so.
    bool unsavedOnExit = false;
    // The user's persisted preferences (core/settings.h), loaded and saved by
    // app/settings_keeper.h. Read them anywhere; after changing one, set
    // feel.settingsChanged. theme and therapistMode above are kept in step
    // with settings.theme / settings.therapistMode by the keeper each frame.
    Settings settings;
    FeelState feel; // settings window, shortcut overlay
    // The open database, its undo stack and saves, when it may be changed;
    // set by the app (null: read-only, or nothing open).
    Workspace* workspace = nullptr;
    // Saves what the map and the knot editor do; set with workspace when the
    // atlas is loaded (null: the map only selects).
    KnotLogController* knotLog = nullptr;
    // The treatments section under the sessions; set with knotLog (null: not shown).
    TreatmentController* treatments = nullptr;
    // The session timeline, details and selection; set with knotLog (null: a plain list).
    SessionController* sessions = nullptr;
    // File > Client report (PDF): the dialog; the app writes the file.
    ReportDialogState report;
    // File > Export: the dialog; the app runs the export on a worker.
    ExportDialogState exportCsv;
    // File > Back up now… and File > Restore…: the dialogs; the app takes
    // the backup on a worker, and restores between two openings.
    BackupDialogState backup;
    RestoreDialogState restore;
    // File > Import…, or a CSV file or folder dropped onto the window:
    // the dialog; the app checks and writes on a worker.
    ImportDialogState importCsv;
    // File > New database…, Open database…, Open recent, or a database
    // file dropped onto the window: the app switches to what they name.
    DatabaseFilesState databaseFiles;
    // The history views' tab, ranges and maps.
    HistoryState history;
    // Their data, read and computed off the frame; set by the app while a
    // database is open (null: only the body map tab is offered).
    HistoryData* historyData = nullptr;
};

// Releases the screen's GPU resources (the body map's) when destroyed:
// create one right after the window, so it goes before the OpenGL context.
class MainScreenGraphicsScope {
public:
    explicit MainScreenGraphicsScope(MainScreenState& state) : m_state(state) {}
    ~MainScreenGraphicsScope() {
        releaseGraphics(m_state.bodyMap);
        releaseGraphics(m_state.history);
    }
    MainScreenGraphicsScope(const MainScreenGraphicsScope&) = delete;
    MainScreenGraphicsScope& operator=(const MainScreenGraphicsScope&) = delete;

private:
    MainScreenState& m_state;
};

// The menu bar, the client list, the selected client's sessions and their
// body map; the error dialog instead of the data when state.error is set.
// model is null when nothing could be loaded.
void drawMainScreen(const AppViewModel* model, const std::string& databasePath,
                    MainScreenState& state, const Appearance& look);

// True while a dialog, menu or list is open: what would open another dialog
// at the root (a shortcut, a drop) waits, as it would close this one.
[[nodiscard]] bool dialogOpen();

// Between frames, before drawMainScreen: builds the view models the panels
// draw (the open knot, the shown session's details and treatments) from the
// workspace, so no panel reads the database while it draws; sends the
// Practice window's changes and reads what it shows.
void prepareMainScreen(const AppViewModel* model, MainScreenState& state);

} // namespace knotmap::ui
