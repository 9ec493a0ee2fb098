#include "ui/file_chooser/chooser_paths.h"

namespace knotmap::ui {
namespace {

namespace fs = std::filesystem;

// "a/b/" normalises to "a/b/": the trailing empty name is not a folder.
fs::path withoutTrailingSeparator(fs::path path) {
    path = path.lexically_normal();
    if (path.has_relative_path() && !path.has_filename()) {
        path = path.parent_path();
    }
    return path;
}

bool isInside(const fs::path& path, const fs::path& folder) {
    const fs::path relative = path.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

} // namespace

std::vector<PathSegment> breadcrumbSegments(const fs::path& folder, const fs::path& home) {
    const fs::path normal = withoutTrailingSeparator(folder);
    const fs::path normalHome = withoutTrailingSeparator(home);
    std::vector<PathSegment> segments;
    fs::path at;
    fs::path rest = normal;
    if (!normalHome.empty() && normalHome != "/" && isInside(normal, normalHome)) {
        segments.push_back({"Home", normalHome});
        at = normalHome;
        rest = normal.lexically_relative(normalHome);
    } else if (normal.has_root_directory()) {
        segments.push_back({"/", normal.root_path()});
        at = normal.root_path();
        rest = normal.relative_path();
    }
    for (const fs::path& part : rest) {
        if (part.empty() || part == ".") {
            continue;
        }
        at /= part;
        segments.push_back({part.string(), at});
    }
    return segments;
}

fs::path resolveTypedPath(const fs::path& folder, std::string_view typed, const fs::path& home) {
    std::string text(typed);
    fs::path path;
    if (text == "~" || text.rfind("~/", 0) == 0) {
        path = home / text.substr(text.size() > 1 ? 2 : 1);
    } else if (!text.empty() && text.front() == '/') {
        path = text;
    } else {
        path = folder / text;
    }
    return withoutTrailingSeparator(path);
}

fs::path firstExistingFolder(const std::vector<fs::path>& candidates) {
    for (const fs::path& candidate : candidates) {
        if (candidate.empty()) {
            continue;
        }
        std::error_code error;
        if (fs::is_directory(candidate, error)) {
            return withoutTrailingSeparator(candidate);
        }
        const fs::path parent = candidate.parent_path();
        if (!parent.empty() && fs::is_regular_file(candidate, error) &&
            fs::is_directory(parent, error)) {
            return parent;
        }
    }
    return candidates.empty() ? fs::path("/") : candidates.back();
}

fs::path parentFolder(const fs::path& folder) {
    const fs::path normal = withoutTrailingSeparator(folder);
    return normal.has_relative_path() ? normal.parent_path() : normal;
}

} // namespace knotmap::ui
