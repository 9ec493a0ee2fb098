#pragma once

#include "ui/file_chooser/file_type_filter.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// One name in a folder, as the chooser lists it.
struct FolderEntry {
    std::string name;
    bool folder = false;                         // a folder, or a link to one
    std::optional<std::uintmax_t> size;          // files only; unknown when it cannot be read
    std::optional<std::int64_t> modifiedSeconds; // since the Unix epoch

    [[nodiscard]] bool hidden() const { return !name.empty() && name.front() == '.'; }
};

// A folder's contents as read once (the chooser reads again when it moves,
// never while drawing each frame). A folder that cannot be read has an
// error the chooser shows in place of the list.
struct FolderListing {
    std::filesystem::path folder;
    std::vector<FolderEntry> entries; // in the order the file system gave them
    std::string error;                // empty when the folder was read
};

// Reads folder; never throws. An entry that vanishes or cannot be examined
// while it is read is listed with what is known (a name and no size).
[[nodiscard]] FolderListing listFolder(const std::filesystem::path& folder);

// What the list shows: every folder (a filter is about files), the files the
// filter lets through, dot names only when showHidden; folders first, then
// by name ignoring case, numbers in names compared as numbers ("day 2"
// before "day 10").
[[nodiscard]] std::vector<FolderEntry>
visibleEntries(const FolderListing& listing, const FileTypeFilter& filter, bool showHidden);

// True when a sorts before b in the list (folders first, then natural name order).
[[nodiscard]] bool listsBefore(const FolderEntry& a, const FolderEntry& b);

// 1536 as "1.5 KB", 0 as "0 bytes": sizes the way a file manager writes them
// (powers of 1000, as GNOME and KDE show them).
[[nodiscard]] std::string readableSize(std::uintmax_t bytes);

// A modification time as the local "2026-12-05 14:03".
[[nodiscard]] std::string localModifiedText(std::int64_t seconds);

} // namespace knotmap::ui
