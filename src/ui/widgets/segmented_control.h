#pragma once

#include "ui/style/appearance.h"

#include <span>
#include <string_view>

namespace knotmap::ui {

struct Segment {
    std::string_view label;   // short, so five fit beside each other
    std::string_view tooltip; // the full name, shown on hover (may be empty)
};

// A row of joined buttons of equal width filling the available width, one of
// them selected. Sets selected and returns true when another one is clicked.
bool segmentedControl(std::string_view id, std::span<const Segment> segments, int& selected,
                      const Appearance& look);

} // namespace knotmap::ui
