#include "app/gui.h"

#include "app/main_window.h"
#include "store/database.h"
#include "ui/app_view_model.h"
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

} // namespace

int runGui(const GuiOptions& options) {
    ui::MainScreenState state;
    const LoadedData data = load(options.databasePath, state);
    const std::string shownPath = displayPath(options.databasePath);

    MainWindow window("Knotmap", kDefaultWidth, kDefaultHeight);
    window.setTheme(state.theme);
    window.run(
        [&](const ui::Appearance& look) {
            ui::drawMainScreen(data.model ? &*data.model : nullptr, shownPath, state, look);
            window.setTheme(state.theme);
            const bool errorDismissed = state.error && state.error->dismissed;
            return !state.quitRequested && !errorDismissed;
        },
        options.frameLimit);
    // The process fails whenever the database could not be used, however the
    // window was closed.
    return state.error ? 1 : 0;
}

} // namespace knotmap
