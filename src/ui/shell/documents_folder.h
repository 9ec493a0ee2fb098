#pragma once

#include "core/domain.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace knotmap::ui {

// ~/NAME when it exists, else the home folder (else the working folder,
// without a HOME): where files the user asks for go by default.
[[nodiscard]] std::filesystem::path homeSubfolder(std::string_view name);

// ~/Documents, as homeSubfolder: reports and exports.
[[nodiscard]] std::filesystem::path documentsFolder();

// A client as a default file name shows them: "client-12-JS", the id and the
// initials, never the full name. File names travel where the file's content
// does not (folder listings, recent-file lists, backup logs, a shared
// screen), and a client's name beside "report" says who is being treated.
// The person may still type any name they like.
[[nodiscard]] std::string clientFileLabel(Id id, std::string_view name);

} // namespace knotmap::ui
