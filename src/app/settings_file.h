#pragma once

#include "core/settings.h"

#include <filesystem>
#include <optional>
#include <string>

namespace knotmap {

// Where settings.json lives: $KNOTMAP_CONFIG_DIR (tests), else
// $XDG_CONFIG_HOME/knotmap, else ~/.config/knotmap.
[[nodiscard]] std::filesystem::path settingsFilePath();

// The settings from the file, and what to tell the user when the file could
// not be used. A missing file is the first run: defaults, no message.
struct LoadedSettings {
    Settings settings;
    // e.g. "/home/a/.config/knotmap/settings.json: theme: must be ..."; the
    // file is then left as it is until the user changes a setting.
    std::optional<std::string> problem;
};

[[nodiscard]] LoadedSettings loadSettingsFile(const std::filesystem::path& path);

// Writes the whole file as an OutputFile (core/output_file.h): beside itself
// then renamed into place, so a crash never leaves half a file; 0600, its
// folders 0700 when created, a link written through. Returns what went
// wrong, naming the file.
[[nodiscard]] std::optional<std::string> saveSettingsFile(const std::filesystem::path& path,
                                                          const Settings& settings);

} // namespace knotmap
