#include "core/staging_path.h"

#include <fcntl.h>
#include <random>
#include <string>
#include <unistd.h>

namespace knotmap {

namespace fs = std::filesystem;

fs::path hiddenStagingPath(const fs::path& target, std::string_view tag, const fs::path& folder) {
    const fs::path where = !folder.empty()                 ? folder
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

void syncFolderOf(const fs::path& file) {
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const int descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor >= 0) {
        ::fsync(descriptor);
        ::close(descriptor);
    }
}

} // namespace knotmap
