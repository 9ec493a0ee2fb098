#include "core/output_target.h"

#include <cerrno>
#include <charconv>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// Linux gives up on a path after 40 links; so does this.
constexpr int kMaxLinks = 40;

[[noreturn]] void fail(int error) {
    throw std::system_error(error, std::generic_category());
}

// "/proc/<this process>/fd/<N>": the kernel's link to an open descriptor,
// which may name a pipe or socket that no path reaches. /dev/stdout and
// /dev/fd/N lead here. Writing to a dup of N is what the shell meant.
int ownDescriptor(const fs::path& path) {
    const std::string prefix = "/proc/" + std::to_string(::getpid()) + "/fd/";
    const std::string text = path.string();
    if (text.rfind(prefix, 0) != 0) {
        return -1;
    }
    const std::string_view number = std::string_view(text).substr(prefix.size());
    int descriptor = -1;
    const auto [end, error] =
        std::from_chars(number.data(), number.data() + number.size(), descriptor);
    return error == std::errc() && end == number.data() + number.size() ? descriptor : -1;
}

} // namespace

OutputTarget resolveOutputTarget(const fs::path& target) {
    fs::path path = target;
    for (int link = 0; link <= kMaxLinks; ++link) {
        const fs::path name = path.filename();
        if (name.empty() || name == "." || name == "..") {
            fail(EISDIR);
        }
        // The folder with its links resolved, so that a descriptor link
        // reached through /dev/fd (itself a link to /proc/self/fd) is seen.
        std::error_code error;
        const fs::path folder =
            fs::canonical(path.has_parent_path() ? path.parent_path() : fs::path("."), error);
        if (error) {
            throw std::system_error(error);
        }
        path = folder / name;
        if (const int descriptor = ownDescriptor(path); descriptor >= 0) {
            return {OutputTarget::Kind::Descriptor, path, descriptor};
        }
        struct stat status {};
        if (::lstat(path.c_str(), &status) != 0) {
            if (errno == ENOENT) {
                return {OutputTarget::Kind::Replace, path, -1};
            }
            fail(errno);
        }
        if (S_ISDIR(status.st_mode)) {
            fail(EISDIR);
        }
        if (S_ISREG(status.st_mode)) {
            return {OutputTarget::Kind::Replace, path, -1};
        }
        if (!S_ISLNK(status.st_mode)) {
            return {OutputTarget::Kind::Direct, path, -1};
        }
        const fs::path next = fs::read_symlink(path, error);
        if (error) {
            throw std::system_error(error);
        }
        path = next.is_absolute() ? next : folder / next;
    }
    fail(ELOOP);
}

} // namespace knotmap
