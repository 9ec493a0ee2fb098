#include "app/database_path.h"

#include "app/database_unlock.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace knotmap {
namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::string(value) : std::string();
}

std::filesystem::path homeFolder() {
    std::string home = environment("HOME");
    if (home.empty()) {
        if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_dir) {
            home = entry->pw_dir;
        }
    }
    return home.empty() ? std::filesystem::path(".") : std::filesystem::path(home);
}

} // namespace

std::filesystem::path resolveDatabasePath(const std::string& commandLinePath) {
    if (!commandLinePath.empty()) {
        return commandLinePath;
    }
    if (std::string fromEnvironment = environment("KNOTMAP_DB"); !fromEnvironment.empty()) {
        return fromEnvironment;
    }
    return defaultDatabasePath();
}

namespace {

DatabaseLocation chosenDatabase(const std::string& commandLineValue) {
    if (!commandLineValue.empty()) {
        return DatabaseLocation::parse(commandLineValue);
    }
    if (std::string fromEnvironment = environment("KNOTMAP_DB"); !fromEnvironment.empty()) {
        return DatabaseLocation::parse(fromEnvironment);
    }
    return {defaultDatabasePath()};
}

} // namespace

DatabaseLocation resolveDatabase(const std::string& commandLineValue) {
    DatabaseLocation where = chosenDatabase(commandLineValue);
    unlockDatabase(where);
    return where;
}

std::filesystem::path defaultDatabasePath() {
    // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
    std::filesystem::path dataHome = environment("XDG_DATA_HOME");
    if (dataHome.empty() || dataHome.is_relative()) {
        dataHome = homeFolder() / ".local" / "share";
    }
    return dataHome / "knotmap" / "knotmap.db";
}

} // namespace knotmap
