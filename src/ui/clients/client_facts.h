#pragma once

#include "ui/shell/app_view_model.h"
#include "ui/style/appearance.h"

#include <cstddef>
#include <string>

namespace knotmap::ui {

// Under the client's name in the sessions column: "Born 1984" and the start
// of the client's notes (all of them on hover), where a therapist looks
// before a visit. Draws nothing for a client with neither.
void drawClientFacts(const ClientEntry& client, const Appearance& look);

// The notes as the header shows them: whole when at most three lines and
// maxBytes; else their start, cut at a line end or near maxBytes at a word
// (never inside a UTF-8 character), with "…".
[[nodiscard]] std::string notesExcerpt(const std::string& notes, std::size_t maxBytes);

} // namespace knotmap::ui
