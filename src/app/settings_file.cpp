#include "app/settings_file.h"

#include "core/output_file.h"
#include "core/output_folder.h"

#include <cstdlib>
#include <exception>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
}

fs::path homeFolder() {
    std::string home = environment("HOME");
    if (home.empty()) {
        if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_dir) {
            home = entry->pw_dir;
        }
    }
    return home.empty() ? fs::path(".") : fs::path(home);
}

} // namespace

fs::path settingsFilePath() {
    if (std::string folder = environment("KNOTMAP_CONFIG_DIR"); !folder.empty()) {
        return fs::path(folder) / "settings.json";
    }
    // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    fs::path configHome = environment("XDG_CONFIG_HOME");
    if (configHome.empty() || configHome.is_relative()) {
        configHome = homeFolder() / ".config";
    }
    return configHome / "knotmap" / "settings.json";
}

LoadedSettings loadSettingsFile(const fs::path& path) {
    LoadedSettings loaded;
    std::error_code error;
    if (!fs::exists(path, error) && !error) {
        return loaded; // first run
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    if (in.is_open() && !fs::is_directory(path, error)) {
        text << in.rdbuf();
    }
    if (error || !in.is_open() || fs::is_directory(path, error) || in.bad()) {
        loaded.problem = path.string() + ": cannot be read" +
                         (error ? " (" + error.message() + ")" : std::string());
        return loaded;
    }
    ParsedSettings parsed = parseSettings(text.str());
    loaded.settings = parsed.settings;
    if (!parsed.problems.empty()) {
        std::string message = path.string() + ": ";
        for (std::size_t i = 0; i < parsed.problems.size(); ++i) {
            message += (i == 0 ? "" : "; ") + parsed.problems[i];
        }
        loaded.problem = message;
    }
    return loaded;
}

std::optional<std::string> saveSettingsFile(const fs::path& path, const Settings& settings) {
    try {
        if (path.has_parent_path()) {
            createOutputFolders(path.parent_path());
        }
        writeOutputFile(path, serializeSettings(settings), "the settings");
    } catch (const std::exception& error) {
        return error.what();
    }
    return std::nullopt;
}

} // namespace knotmap
