#pragma once

#include "ui/style/appearance.h"

#include <string_view>

// Rounded "chips" for small sets of choices (symptoms, referred regions),
// laid out left to right and wrapped onto new lines like words.
namespace knotmap::ui {

// Starts a run of chips; each chip goes on the current line when it fits in
// the remaining width and on a new line when it does not.
class ChipFlow {
public:
    ChipFlow();
    // Moves the cursor to where a chip of the given width goes next.
    void place(float width);

private:
    float m_left;        // the run's left edge, window coordinates
    bool m_first = true; // the first chip starts where the cursor already is
};

// A chip that is on or off, like a checkbox; returns true when clicked.
// The selection shows by fill and by a leading dot, not by colour alone.
bool toggleChip(ChipFlow& flow, std::string_view id, std::string_view label, bool selected,
                const Appearance& look);

// A chip with a trailing "×"; returns true when clicked (the chip should go).
bool removableChip(ChipFlow& flow, std::string_view id, std::string_view label,
                   const Appearance& look);

} // namespace knotmap::ui
