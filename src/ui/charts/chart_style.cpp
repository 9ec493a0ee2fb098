#include "ui/charts/chart_style.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace knotmap::ui {

ImU32 toU32(ImVec4 colour, float alphaScale) {
    colour.w *= alphaScale;
    return ImGui::ColorConvertFloat4ToU32(colour);
}

ChartColours chartColours(const Appearance& look) {
    const Palette& p = look.colours();
    ChartColours c;
    c.background = toU32(ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    // The border colour is already a quiet line on both themes; grid lines
    // must stay quieter than the data.
    c.grid = toU32(p.border, 0.9f);
    c.axis = toU32(p.textMuted, 0.7f);
    c.text = toU32(p.text);
    c.textMuted = toU32(p.textMuted);
    c.crosshair = toU32(p.textMuted, 0.55f);
    c.improvement = toU32(p.accent, 0.85f);
    c.worsening = toU32(p.painSevere.text, 0.75f);
    c.whisker = toU32(p.text, 0.75f);
    c.hidden = toU32(p.textMuted, 0.45f);
    return c;
}

ImVec4 seriesColour(const Palette& palette, std::size_t index) {
    // A categorical set kept apart from the pain ramp (sand, amber,
    // terracotta, plum) and from the better/worse pair (teal, brick red), so a series colour is
    // never read as a pain level. Neighbours differ in hue and lightness; the
    // dark theme's set is lighter for contrast on its background.
    constexpr auto rgb = [](int r, int g, int b) {
        return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                      static_cast<float>(b) / 255.0f, 1.0f);
    };
    const std::array<ImVec4, 7> light = {rgb(47, 109, 181), rgb(128, 88, 184), rgb(96, 128, 40),
                                         rgb(194, 84, 154), rgb(84, 98, 112),  rgb(32, 150, 190),
                                         rgb(140, 116, 92)};
    const std::array<ImVec4, 7> dark = {rgb(120, 170, 235), rgb(178, 148, 230), rgb(156, 190, 96),
                                        rgb(232, 140, 200), rgb(160, 172, 186), rgb(110, 200, 230),
                                        rgb(196, 172, 146)};
    const bool isDark = &palette == &ui::palette(ThemeKind::Dark);
    const auto& colours = isDark ? dark : light;
    return colours[index % colours.size()];
}

std::string formatChartValue(double value) {
    const bool whole = std::abs(value - std::round(value)) < 0.05;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, whole ? "%.0f" : "%.1f", std::abs(value));
    // Rounding can turn -0.04 into "0": it must not print as "−0".
    const bool negative = value < 0 && std::string(buffer) != "0" && std::string(buffer) != "0.0";
    return negative ? "\u2212" + std::string(buffer) : std::string(buffer);
}

void drawDashedPolyline(ImDrawList* drawList, const ImVec2* points, int count, ImU32 colour,
                        float thickness, float dash, float gap) {
    if (count < 2 || dash <= 0.0f) {
        return;
    }
    const float period = dash + std::max(gap, 0.0f);
    float phase = 0.0f; // distance into the current dash-and-gap period
    for (int i = 1; i < count; ++i) {
        const ImVec2 a = points[i - 1];
        const ImVec2 b = points[i];
        const float length = std::hypot(b.x - a.x, b.y - a.y);
        float along = 0.0f;
        while (along < length) {
            const bool inDash = phase < dash;
            const float step = std::min(length - along, (inDash ? dash : period) - phase);
            if (inDash) {
                const float s = along / length;
                const float e = (along + step) / length;
                drawList->AddLine(ImVec2(a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s),
                                  ImVec2(a.x + (b.x - a.x) * e, a.y + (b.y - a.y) * e), colour,
                                  thickness);
            }
            along += step;
            phase += step;
            if (phase >= period) {
                phase -= period;
            }
        }
    }
}

std::string elideRight(const std::string& text, float maxWidth) {
    if (ImGui::CalcTextSize(text.c_str()).x <= maxWidth) {
        return text;
    }
    const std::string ellipsis = "\u2026";
    std::size_t end = text.size();
    while (end > 0) {
        --end;
        // Never cut inside a UTF-8 sequence.
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;
        }
        const std::string candidate = text.substr(0, end) + ellipsis;
        if (ImGui::CalcTextSize(candidate.c_str()).x <= maxWidth) {
            return candidate;
        }
    }
    return ellipsis;
}

} // namespace knotmap::ui
