#pragma once

#include "ui/shell/main_screen.h"

#include <filesystem>

namespace knotmap {

// Keeps the settings file and the window in step: loads it at start (a bad
// file: a notice naming it, defaults, and the file left alone), applies the
// settings to the screen state, and saves the file whenever a setting
// changes, whether in the Settings window or in a View menu item.
class SettingsKeeper {
public:
    explicit SettingsKeeper(std::filesystem::path file) : m_file(std::move(file)) {}

    // Reads the file into state.settings and applies it (theme, map view,
    // therapist mode). Call before the first frame.
    void load(ui::MainScreenState& state);

    // Call after each frame: folds in the View menu's theme and therapist
    // mode toggles and writes the file when anything changed.
    void afterFrame(ui::MainScreenState& state);

    // Call once a database file opened in the window: it goes first in
    // File > Open recent. Written at once for a database opened after the
    // first (the person chose it), else as the window closes.
    void noteOpened(ui::MainScreenState& state, const std::string& databaseFile);

    // Call as the window closes: keeps where it was for the next run
    // (written only when it moved, resized or was maximised or restored).
    void saveWindow(ui::MainScreenState& state, const WindowGeometry& geometry);

    // The font scale the window should use, 1 = 100%.
    [[nodiscard]] static float fontScale(const Settings& settings) {
        return static_cast<float>(settings.fontScalePercent) / 100.0f;
    }

private:
    void save(ui::MainScreenState& state);

    std::filesystem::path m_file;
    Settings m_saved; // as in the file (or the defaults, when it was unusable)
    // The file could not all be used: it is left as it is until the person
    // changes a setting, so closing the window does not overwrite it.
    bool m_leaveFileAlone = false;
    bool m_openedOne = false; // a database has been opened in this run
};

} // namespace knotmap
