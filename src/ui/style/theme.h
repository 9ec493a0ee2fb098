#pragma once

#include <imgui.h>

namespace knotmap::ui {

enum class ThemeKind { Light, Dark };

// A background and a text colour that read well together.
struct ColourPair {
    ImVec4 background;
    ImVec4 text;
};

// The colours panels use beyond ImGui's own style colours.
struct Palette {
    ImVec4 text;
    ImVec4 textMuted;
    ImVec4 accent;
    ImVec4 onAccent;       // text on an accent fill
    ImVec4 paneBackground; // the client list beside the main area
    ImVec4 border;
    ColourPair selection;
    ColourPair notice;
    ColourPair error;
    ColourPair painMild;     // 0-3 on the numeric rating scale
    ColourPair painModerate; // 4-6
    ColourPair painSevere;   // 7-10
};

[[nodiscard]] const Palette& palette(ThemeKind kind);

// The colours for a pain rating from 0 to 10.
[[nodiscard]] const ColourPair& painColours(const Palette& palette, int pain);

// Replaces the current ImGui style with the theme, sized for uiScale (1 at 96 dpi).
void applyTheme(ThemeKind kind, float uiScale);

} // namespace knotmap::ui
