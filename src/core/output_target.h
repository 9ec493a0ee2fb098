#pragma once

#include <filesystem>

namespace knotmap {

// How a file Knotmap writes must be written, decided from what the path
// names on disk. Replacing (write beside, rename over) is only safe for a
// regular file: renamed over a device, a FIFO or /dev/stdout it would put a
// regular file in their place (as root, /dev/null itself).
struct OutputTarget {
    enum class Kind {
        Replace,    // a regular file, or nothing yet: write beside it, rename over it
        Direct,     // a device, FIFO or socket: open it for writing as it is
        Descriptor, // one of this process's open descriptors (/dev/stdout, /dev/fd/N)
    };
    Kind kind = Kind::Replace;
    // The file to replace or open: symbolic links followed, so a link is
    // written through and stays a link.
    std::filesystem::path path;
    int descriptor = -1; // for Kind::Descriptor
};

// Follows symbolic links from target (a dangling one names the file to
// create). Throws std::system_error when the path cannot be followed (a
// missing folder, a loop) or names a folder (EISDIR).
[[nodiscard]] OutputTarget resolveOutputTarget(const std::filesystem::path& target);

} // namespace knotmap
