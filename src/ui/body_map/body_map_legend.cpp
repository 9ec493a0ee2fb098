#include "ui/body_map/body_map_legend.h"

#include "core/colour_ramp.h"
#include "ui/body_map/body_map_style.h"

#include <algorithm>
#include <array>
#include <string>

namespace knotmap::ui {
namespace {

// A font's drawn size, including ImGui's global font scale.
float fontPixels(const ImFont* font) {
    return font->FontSize * ImGui::GetIO().FontGlobalScale;
}

struct Band {
    int first;
    int last;
    const char* name;
};

constexpr std::array<Band, 4> kBands{{
    {0, 0, ""},
    {1, 3, "Mild"},
    {4, 6, "Moderate"},
    {7, 10, "Severe"},
}};

float swatchHeight(const Appearance& look) {
    return fontPixels(look.fonts.small) + look.px(5);
}

} // namespace

float painLegendHeight(const Appearance& look) {
    return fontPixels(look.fonts.small) + look.px(3) + swatchHeight(look);
}

void drawPainLegend(bool showResolvedKey, const Appearance& look) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImFont* font = look.fonts.small;
    const float labelHeight = fontPixels(font) + look.px(3);
    const float cellHeight = swatchHeight(look);
    const float bandGap = look.px(4);
    const float rounding = look.px(4);
    const ImU32 muted = ImGui::GetColorU32(look.colours().textMuted);
    const ImVec4 darkText(0.12f, 0.10f, 0.09f, 1.0f);
    const ImVec4 lightText(1, 1, 1, 1);

    // A caption level with the swatches.
    const char* caption = "Pain";
    const ImVec2 captionSize = font->CalcTextSizeA(fontPixels(font), 1e9f, 0, caption);
    const float swatchTop = origin.y + labelHeight;
    drawList->AddText(font, fontPixels(font),
                      ImVec2(origin.x, swatchTop + (cellHeight - captionSize.y) * 0.5f), muted,
                      caption);
    float x = origin.x + captionSize.x + look.px(10);
    // Eleven cells of 23 px, narrower on a narrow pane (the map beside a
    // client list at 1024 px) so the Resolved key still fits whole.
    const float resolvedWidth =
        showResolvedKey ? look.px(14) + look.px(9) + look.px(6) +
                              font->CalcTextSizeA(fontPixels(font), 1e9f, 0, "Resolved").x
                        : 0.0f;
    const float forCells = ImGui::GetContentRegionAvail().x - (x - origin.x) - 2 * bandGap -
                           resolvedWidth - look.px(2);
    const float cellWidth = std::clamp(forCells / 11.0f, look.px(15), look.px(23));

    for (const Band& band : kBands) {
        const float bandWidth = cellWidth * static_cast<float>(band.last - band.first + 1);
        const ImVec2 nameSize = font->CalcTextSizeA(fontPixels(font), 1e9f, 0, band.name);
        drawList->AddText(font, fontPixels(font),
                          ImVec2(x + (bandWidth - nameSize.x) * 0.5f, origin.y), muted, band.name);
        for (int pain = band.first; pain <= band.last; ++pain) {
            const ImVec2 min(x + cellWidth * static_cast<float>(pain - band.first), swatchTop);
            const ImVec2 max(min.x + cellWidth, swatchTop + cellHeight);
            ImDrawFlags corners = ImDrawFlags_RoundCornersNone;
            if (pain == band.first) {
                corners |= ImDrawFlags_RoundCornersLeft;
            }
            if (pain == band.last) {
                corners |= ImDrawFlags_RoundCornersRight;
            }
            drawList->AddRectFilled(min, max, painColourU32(pain), rounding, corners);
            const Srgb fill = painRampColour(pain);
            const Srgb text = readableTextOn(fill, {darkText.x, darkText.y, darkText.z},
                                             {lightText.x, lightText.y, lightText.z});
            const std::string number = std::to_string(pain);
            const ImVec2 numberSize =
                font->CalcTextSizeA(fontPixels(font), 1e9f, 0, number.c_str());
            drawList->AddText(font, fontPixels(font),
                              ImVec2(min.x + (cellWidth - numberSize.x) * 0.5f,
                                     min.y + (cellHeight - numberSize.y) * 0.5f),
                              ImGui::GetColorU32(toImVec4(toRgba(text))), number.c_str());
        }
        x += bandWidth + bandGap;
    }

    if (showResolvedKey) {
        x += look.px(14);
        const float radius = look.px(4.5f);
        const ImVec2 centre(x + radius, swatchTop + cellHeight * 0.5f);
        drawList->AddCircle(centre, radius, muted, 0, look.px(1.5f));
        const char* label = "Resolved";
        const ImVec2 labelSize = font->CalcTextSizeA(fontPixels(font), 1e9f, 0, label);
        drawList->AddText(font, fontPixels(font),
                          ImVec2(centre.x + radius + look.px(6), centre.y - labelSize.y * 0.5f),
                          muted, label);
        x = centre.x + radius + look.px(6) + labelSize.x;
    }
    ImGui::Dummy(ImVec2(x - origin.x, labelHeight + cellHeight));
}

} // namespace knotmap::ui
