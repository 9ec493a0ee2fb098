#include "core/staging_path.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace knotmap {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void failWith(int error, const fs::path& path) {
    throw std::system_error(error, std::generic_category(), path.string());
}

// Makes staged private (0600, a folder 0700, whatever the umask let its
// writer make) and durable (fsync), before it takes a name people look
// for: it may hold health data. 0 or the errno.
int makePrivateAndDurable(const fs::path& staged) {
    const int descriptor = ::open(staged.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (descriptor < 0) {
        return errno;
    }
    struct stat status {};
    int error = ::fstat(descriptor, &status) == 0 ? 0 : errno;
    const mode_t mode = S_ISDIR(status.st_mode) ? 0700 : 0600;
    if (error == 0 && (status.st_mode & 07777) != mode && ::fchmod(descriptor, mode) != 0) {
        error = errno;
    }
    if (error == 0 && ::fsync(descriptor) != 0 && errno != EINVAL) {
        error = errno;
    }
    ::close(descriptor);
    return error;
}

// rename() that never replaces; 0 or the errno.
int renameKeeping(const fs::path& staged, const fs::path& target) {
    if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) {
        return 0;
    }
    const int error = errno;
    if (error != EINVAL && error != ENOSYS) {
        return error;
    }
    // File systems without RENAME_NOREPLACE (NFS): link() also refuses to
    // replace. A folder cannot be linked; rename() then still refuses a
    // target with anything in it, only an empty folder could be replaced.
    std::error_code ignored;
    if (fs::is_directory(fs::symlink_status(staged, ignored))) {
        return std::rename(staged.c_str(), target.c_str()) == 0 ? 0 : errno;
    }
    if (::link(staged.c_str(), target.c_str()) != 0) {
        return errno;
    }
    ::unlink(staged.c_str());
    return 0;
}

} // namespace

fs::path hiddenStagingPath(const fs::path& target, std::string_view tag, const fs::path& folder) {
    const fs::path where = !folder.empty()                ? folder
                           : target.parent_path().empty() ? fs::path(".")
                                                          : target.parent_path();
    std::random_device random;
    for (;;) {
        const fs::path candidate =
            where / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()) +
                     "-" + std::string(tag) + "-" + std::to_string(random()));
        std::error_code ignored;
        if (!fs::exists(fs::symlink_status(candidate, ignored))) {
            return candidate;
        }
    }
}

int syncFolderOf(const fs::path& file) {
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const int descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0) {
        return errno;
    }
    const int error = ::fsync(descriptor) == 0 || errno == EINVAL ? 0 : errno;
    ::close(descriptor);
    return error;
}

void moveIntoPlace(const fs::path& staged, const fs::path& target, ExistingTarget existing) {
    if (const int error = makePrivateAndDurable(staged); error != 0) {
        failWith(error, staged);
    }
    const int error = existing == ExistingTarget::Keep
                          ? renameKeeping(staged, target)
                          : (std::rename(staged.c_str(), target.c_str()) == 0 ? 0 : errno);
    if (error != 0) {
        failWith(error, target);
    }
    if (const int folderError = syncFolderOf(target); folderError != 0) {
        failWith(folderError, target.parent_path());
    }
}

} // namespace knotmap
