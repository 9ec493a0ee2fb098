#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace knotmap::ui {

// One clickable part of the folder path above the list.
struct PathSegment {
    std::string label;
    std::filesystem::path path; // the folder the click opens
};

// The segments of folder, from the top: inside home they start at "Home"
// (the folders above it are rarely wanted and make a long bar), elsewhere
// at "/".
[[nodiscard]] std::vector<PathSegment> breadcrumbSegments(const std::filesystem::path& folder,
                                                          const std::filesystem::path& home);

// What a typed path or name means from folder: "~/x" is under home, "/x" is
// itself, anything else is relative to folder; "." and ".." are resolved.
[[nodiscard]] std::filesystem::path resolveTypedPath(const std::filesystem::path& folder,
                                                     std::string_view typed,
                                                     const std::filesystem::path& home);

// The first of the candidates that is an existing folder (a file's own
// folder when a candidate is a file), else the last one as it is.
[[nodiscard]] std::filesystem::path
firstExistingFolder(const std::vector<std::filesystem::path>& candidates);

// The folder above folder, or folder itself at the top.
[[nodiscard]] std::filesystem::path parentFolder(const std::filesystem::path& folder);

} // namespace knotmap::ui
