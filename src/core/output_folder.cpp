#include "core/output_folder.h"

#include <cerrno>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace knotmap {
namespace {

[[noreturn]] void fail(const std::filesystem::path& folder, int error) {
    throw std::runtime_error(
        folder.string() + ": cannot create the folder: " + std::generic_category().message(error));
}

} // namespace

std::vector<std::filesystem::path> createOutputFolders(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> created;
    std::filesystem::path path;
    for (const std::filesystem::path& part : folder) {
        if (part.empty()) {
            continue; // after a trailing slash
        }
        path /= part;
        if (::mkdir(path.c_str(), 0700) == 0) {
            created.push_back(path);
            if (::chmod(path.c_str(), 0700) != 0) {
                const int error = errno;
                removeEmptyFolders(created);
                fail(path, error);
            }
            continue;
        }
        int error = errno;
        struct stat status {};
        if (error == EEXIST) {
            error = ::stat(path.c_str(), &status) != 0 ? errno
                    : S_ISDIR(status.st_mode)          ? 0
                                                       : ENOTDIR;
        }
        if (error != 0) {
            removeEmptyFolders(created);
            fail(path, error);
        }
    }
    return created;
}

void removeEmptyFolders(const std::vector<std::filesystem::path>& created) noexcept {
    for (auto folder = created.rbegin(); folder != created.rend(); ++folder) {
        if (::rmdir(folder->c_str()) != 0 && errno != ENOENT) {
            return; // not empty: the folders above it are not empty either
        }
    }
}

} // namespace knotmap
