#include "ui/file_chooser/folder_listing.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace knotmap::ui {
namespace {

namespace fs = std::filesystem;

std::optional<std::int64_t> modifiedSeconds(const fs::directory_entry& entry) {
    std::error_code error;
    const fs::file_time_type written = entry.last_write_time(error);
    if (error) {
        return std::nullopt;
    }
    // file_time_type's clock is not the system clock before C++20's
    // clock_cast is available everywhere: shift by the two clocks' "now".
    const auto system = std::chrono::time_point_cast<std::chrono::seconds>(
        written - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    return system.time_since_epoch().count();
}

bool isDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Compares names the way people read them: case ignored, runs of digits by
// their value. Negative, zero or positive like strcmp.
int naturalCompare(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            std::size_t endA = i;
            std::size_t endB = j;
            while (endA < a.size() && isDigit(a[endA])) {
                ++endA;
            }
            while (endB < b.size() && isDigit(b[endB])) {
                ++endB;
            }
            // Leading zeros do not make a number larger.
            std::size_t startA = i;
            std::size_t startB = j;
            while (startA + 1 < endA && a[startA] == '0') {
                ++startA;
            }
            while (startB + 1 < endB && b[startB] == '0') {
                ++startB;
            }
            const std::size_t lengthA = endA - startA;
            const std::size_t lengthB = endB - startB;
            if (lengthA != lengthB) {
                return lengthA < lengthB ? -1 : 1;
            }
            const int digits = a.compare(startA, lengthA, b, startB, lengthB);
            if (digits != 0) {
                return digits;
            }
            i = endA;
            j = endB;
            continue;
        }
        const int lowerA = std::tolower(static_cast<unsigned char>(a[i]));
        const int lowerB = std::tolower(static_cast<unsigned char>(b[j]));
        if (lowerA != lowerB) {
            return lowerA < lowerB ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size()) {
        return i < a.size() ? 1 : -1;
    }
    // Equal but for case or leading zeros: byte order keeps the sort stable.
    return a.compare(b);
}

} // namespace

FolderListing listFolder(const fs::path& folder) {
    FolderListing listing;
    listing.folder = folder;
    std::error_code error;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
    if (error) {
        listing.error = error.message();
        return listing;
    }
    for (; it != fs::directory_iterator(); it.increment(error)) {
        if (error) {
            break;
        }
        FolderEntry entry;
        entry.name = it->path().filename().string();
        std::error_code statusError;
        // is_directory follows links: a link to a folder opens like one.
        entry.folder = it->is_directory(statusError);
        if (!entry.folder) {
            const std::uintmax_t size = it->file_size(statusError);
            if (!statusError) {
                entry.size = size;
            }
        }
        entry.modifiedSeconds = modifiedSeconds(*it);
        listing.entries.push_back(std::move(entry));
    }
    if (error) {
        // Part of a listing would look like the whole folder: say it failed.
        listing.error = error.message();
    }
    return listing;
}

bool listsBefore(const FolderEntry& a, const FolderEntry& b) {
    if (a.folder != b.folder) {
        return a.folder;
    }
    return naturalCompare(a.name, b.name) < 0;
}

std::vector<FolderEntry> visibleEntries(const FolderListing& listing, const FileTypeFilter& filter,
                                        bool showHidden) {
    std::vector<FolderEntry> shown;
    for (const FolderEntry& entry : listing.entries) {
        if (entry.hidden() && !showHidden) {
            continue;
        }
        if (!entry.folder && !matchesFilter(entry.name, filter)) {
            continue;
        }
        shown.push_back(entry);
    }
    std::sort(shown.begin(), shown.end(), listsBefore);
    return shown;
}

std::string readableSize(std::uintmax_t bytes) {
    if (bytes < 1000) {
        return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    }
    constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB", "PB"};
    double value = static_cast<double>(bytes) / 1000.0;
    std::size_t unit = 0;
    while (value >= 999.95 && unit + 1 < std::size(kUnits)) {
        value /= 1000.0;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
    return text;
}

std::string localModifiedText(std::int64_t seconds) {
    const auto time = static_cast<std::time_t>(seconds);
    std::tm local{};
    if (localtime_r(&time, &local) == nullptr) {
        return {};
    }
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

} // namespace knotmap::ui
