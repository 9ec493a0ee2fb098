#pragma once

#include "ui/style/appearance.h"

#include <optional>
#include <string_view>

namespace knotmap::ui {

// Small drawing helpers shared by the panels.

void textColoured(std::string_view text, const ImVec4& colour);
void textMuted(std::string_view text, const Appearance& look);
void textWithFont(std::string_view text, ImFont* font);
// Text in the current font, right-aligned in the remaining width of the line
// (a table cell, for example).
void textRightAligned(std::string_view text);

// A button filled with the accent colour, for the one main action of a view.
bool primaryButton(const char* label, const Appearance& look);

// A pain rating as a rounded pill tinted mild / moderate / severe; a dash
// when there is no rating. The pill is centred in the available width.
void painPill(std::optional<int> pain, const Appearance& look);

// Text cut from the left with a leading ellipsis so it fits maxWidth in the
// current font (for paths, whose end matters most).
[[nodiscard]] std::string elideLeft(std::string_view text, float maxWidth);

} // namespace knotmap::ui
