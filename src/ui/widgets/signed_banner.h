#pragma once

#include "ui/style/appearance.h"

#include <string>

namespace knotmap::ui {

// A tinted box across the column that says a record is signed and read-only:
// the signed line in the strong font, a short hint under it. As tall as its
// wrapped text. Used by the session details and the knot editor.
void signedBanner(const std::string& signedLine, const std::string& hint, const Appearance& look);

} // namespace knotmap::ui
