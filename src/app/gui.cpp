#include "app/gui.h"

#include "app/main_window.h"
#include "app/test_report.h"
#include "store/database.h"
#include "ui/app_view_model.h"
#include "ui/knot_log_controller.h"
#include "ui/main_screen.h"

#include <iostream>
#include <string>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

constexpr int kDefaultWidth = 1280;
constexpr int kDefaultHeight = 800;

const char* const kOpenAdvice = "Knotmap will close. To use another database, start it with "
                                "--db FILE or set KNOTMAP_DB.";

std::string displayPath(const fs::path& path) {
    std::error_code ignored;
    const fs::path absolute = fs::absolute(path, ignored);
    return (absolute.empty() ? path : absolute).string();
}

// The data the window shows, or the error that stops it from showing any.
struct LoadedData {
    std::optional<Database> database;
    std::optional<ui::AppViewModel> model;
};

LoadedData load(const fs::path& path, ui::MainScreenState& state) {
    LoadedData loaded;
    try {
        loaded.database.emplace(Database::open(path));
    } catch (const std::exception& error) {
        // StoreError messages already name the file.
        state.error = ui::ErrorDialogState{"Knotmap can't open this database", error.what(),
                                           kOpenAdvice, false};
        std::cerr << "knotmap: " << error.what() << "\n";
        return loaded;
    }
    const OpenReport& report = loaded.database->openReport();
    if (report.backupPath) {
        state.notice.title = "This database was upgraded";
        state.notice.message = "Knotmap updated it from schema version " +
                               std::to_string(report.versionBefore) + " to " +
                               std::to_string(report.versionAfter) +
                               ". The copy from before the upgrade is saved as:";
        state.notice.detail = displayPath(*report.backupPath);
        state.notice.visible = true;
        std::cerr << "knotmap: upgraded " << path.string() << " from schema version "
                  << report.versionBefore << " to " << report.versionAfter
                  << "; the previous copy is saved as " << report.backupPath->string() << "\n";
    }
    try {
        loaded.model = ui::buildAppViewModel(*loaded.database);
    } catch (const std::exception& error) {
        // SQLite's own messages do not say which file they are about.
        const std::string message = path.string() + ": " + error.what();
        state.error =
            ui::ErrorDialogState{"Knotmap can't read this database", message, kOpenAdvice, false};
        std::cerr << "knotmap: " << message << "\n";
    }
    return loaded;
}

// After a change was saved: the view model is read again, once, between frames.
void reloadModel(LoadedData& data, ui::MainScreenState& state) {
    try {
        data.model = ui::buildAppViewModel(*data.database);
    } catch (const std::exception& error) {
        state.notice.title = "Knotmap couldn't read the database again";
        state.notice.message = error.what();
        state.notice.detail = data.database->path().string();
        state.notice.visible = true;
    }
}

} // namespace

int runGui(const GuiOptions& options) {
    ui::MainScreenState state;
    LoadedData data = load(options.databasePath, state);
    const std::string shownPath = displayPath(options.databasePath);

    MainWindow window("Knotmap", kDefaultWidth, kDefaultHeight);
    // Declared after the window, so destroyed first: GPU resources go while
    // the window's OpenGL context still exists, even when a frame throws.
    const ui::MainScreenGraphicsScope graphics(state);
    // Logging knots needs the database and the atlas (the map's regions).
    std::optional<ui::KnotLogController> knotLog;
    if (data.database && data.model && data.model->atlas != nullptr) {
        knotLog.emplace(*data.database, *data.model->atlas);
        state.knotLog = &*knotLog;
    }
    std::optional<TestReport> testReport;
    if (options.testReport) {
        testReport.emplace(*options.testReport);
    }
    window.setTheme(state.theme);
    window.run(
        [&](const ui::Appearance& look) {
            ui::drawMainScreen(data.model ? &*data.model : nullptr, shownPath, state, look);
            if (knotLog && knotLog->takeDataChanged()) {
                reloadModel(data, state);
            }
            if (testReport) {
                testReport->update(state.bodyMap.shownCanvases, knotLog && knotLog->editorOpen());
            }
            window.setTheme(state.theme);
            const bool errorDismissed = state.error && state.error->dismissed;
            return !state.quitRequested && !errorDismissed;
        },
        options.frameLimit);
    if (knotLog) {
        // Notes still being typed when the window closed are kept too.
        knotLog->flushPendingEdits();
        if (const auto error = knotLog->takeError()) {
            std::cerr << "knotmap: " << *error << "\n";
        }
        state.knotLog = nullptr;
    }
    // The process fails whenever the database could not be used, however the
    // window was closed.
    return state.error ? 1 : 0;
}

} // namespace knotmap
