#include "app/settings_keeper.h"

#include "app/settings_file.h"
#include "ui/dialogs/settings_window.h"
#include "ui/file_chooser/remembered_folder.h"
#include "ui/style/glyph_coverage.h"

#include <iostream>
#include <utility>

namespace knotmap {

void SettingsKeeper::load(ui::MainScreenState& state) {
    LoadedSettings loaded = loadSettingsFile(m_file);
    state.settings = loaded.settings;
    m_saved = loaded.settings;
    state.theme = ui::themeKind(state.settings.theme);
    state.therapistMode = state.settings.therapistMode;
    state.bodyMap.mode = state.settings.defaultView;
    ui::setLastChosenFolder(state.settings.lastFolder); // where the next file chooser starts
    state.databaseFiles.recent = state.settings.recentDatabases;
    m_leaveFileAlone = loaded.problem.has_value();
    if (loaded.problem) {
        std::cerr << "knotmap: " << *loaded.problem << "\n";
        // A database notice (e.g. an upgrade backup) is more important: keep it.
        if (!state.notice.visible) {
            state.notice.title = "Your settings could not all be read";
            state.notice.message = "Knotmap uses its defaults where they were unusable and "
                                   "leaves the file as it is until you change a setting:";
            state.notice.detail = *loaded.problem;
            state.notice.visible = true;
        }
    }
}

void SettingsKeeper::afterFrame(ui::MainScreenState& state) {
    // The View menu changes the screen state directly; the settings follow.
    const ThemeSetting menuTheme =
        state.theme == ui::ThemeKind::Dark ? ThemeSetting::Dark : ThemeSetting::Light;
    if (menuTheme != state.settings.theme) {
        state.settings.theme = menuTheme;
        state.feel.settingsChanged = true;
    }
    if (state.therapistMode != state.settings.therapistMode) {
        if (state.feel.settingsChanged) {
            state.therapistMode = state.settings.therapistMode; // the Settings window's
        } else {
            state.settings.therapistMode = state.therapistMode; // the menu's
            state.feel.settingsChanged = true;
        }
    }
    // A file chooser's last folder is remembered for the next run.
    const std::string chosenFolder = ui::lastChosenFolder().string();
    if (!chosenFolder.empty() && chosenFolder != state.settings.lastFolder) {
        state.settings.lastFolder = chosenFolder;
        state.feel.settingsChanged = true;
    }
    if (state.feel.settingsChanged) {
        state.feel.settingsChanged = false;
        if (state.settings != m_saved) {
            save(state);
        }
    }
}

void SettingsKeeper::noteOpened(ui::MainScreenState& state, const std::string& databaseFile) {
    noteRecentDatabase(state.settings, databaseFile);
    state.databaseFiles.recent = state.settings.recentDatabases;
    state.databaseFiles.openNow = databaseFile;
    // The menu bar shows the open database's path and File > Open recent
    // the others': the fonts gain their glyphs ("診療所.db"), as for names.
    for (const std::string& path : state.databaseFiles.recent) {
        ui::noteShownText(path);
    }
    // The database the window starts on is written with the rest as the
    // window closes (just starting writes nothing); one the person opened
    // from the File menu or a drop is kept at once.
    const bool chosen = std::exchange(m_openedOne, true);
    if (chosen && state.settings != m_saved && !m_leaveFileAlone) {
        save(state);
    }
}

void SettingsKeeper::saveWindow(ui::MainScreenState& state, const WindowGeometry& geometry) {
    if (geometry.normal.width <= 0 || geometry.normal.height <= 0 || m_leaveFileAlone) {
        return; // never shown, or a damaged file the person has not replaced yet
    }
    state.settings.window = geometry;
    if (state.settings != m_saved) {
        save(state);
    }
}

void SettingsKeeper::save(ui::MainScreenState& state) {
    if (const auto error = saveSettingsFile(m_file, state.settings)) {
        std::cerr << "knotmap: " << *error << "\n";
        state.notice.title = "Knotmap couldn't save your settings";
        state.notice.message = "They apply until Knotmap closes. The problem:";
        state.notice.detail = *error;
        state.notice.visible = true;
        return;
    }
    m_saved = state.settings;
    m_leaveFileAlone = false;
}

} // namespace knotmap
