#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace knotmap::ui {

// ~/NAME when it exists, else the home folder (else the working folder,
// without a HOME): where files the user asks for go by default.
[[nodiscard]] std::filesystem::path homeSubfolder(std::string_view name);

// ~/Documents, as homeSubfolder: reports and exports.
[[nodiscard]] std::filesystem::path documentsFolder();

// text made safe for a file name: letters, digits and non-ASCII bytes stay;
// anything else a shell or file system might trip on becomes a dash.
[[nodiscard]] std::string fileNamePart(std::string_view text);

} // namespace knotmap::ui
