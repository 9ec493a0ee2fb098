#include "store/sqlite_file/database_files.h"

#include "store/open_options.h"
#include "store/store_error.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// The files this process created (device and inode): only those may be
// removed when the command that created them fails. Another process may have
// created the same path a moment earlier and be using it.
std::mutex createdMutex;
std::set<std::pair<dev_t, ino_t>> createdFiles;

} // namespace

void rememberCreated(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        const std::lock_guard lock(createdMutex);
        createdFiles.emplace(info.st_dev, info.st_ino);
    }
}

bool isDatabaseOrCompanion(const fs::path& path, const fs::path& other) {
    struct stat target {};
    if (::stat(other.c_str(), &target) != 0) {
        return false;
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat info {};
        if (::stat((path.string() + suffix).c_str(), &info) == 0 && info.st_dev == target.st_dev &&
            info.st_ino == target.st_ino) {
            return true;
        }
    }
    return false;
}

bool createdByThisProcess(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return false;
    }
    const std::lock_guard lock(createdMutex);
    return createdFiles.contains({info.st_dev, info.st_ino});
}

void removeDatabaseAndCompanions(const fs::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::remove(path.string() + suffix, ignored);
    }
}

} // namespace knotmap
