#include "ui/body_map/body_map_overlay.h"

#include "core/colour_ramp.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace knotmap::ui {
namespace {

// A font's drawn size, including ImGui's global font scale.
float fontPixels(const ImFont* font) {
    return font->FontSize * ImGui::GetIO().FontGlobalScale;
}

void centredText(ImDrawList* drawList, ImFont* font, ImVec2 centre, ImU32 colour,
                 const std::string& text) {
    ImGui::PushFont(font);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    ImGui::PopFont();
    drawList->AddText(font, fontPixels(font),
                      ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), colour,
                      text.c_str());
}

std::string painText(const BodyMapMarker& marker) {
    if (marker.resolved) {
        return marker.pain ? "Resolved \u00B7 last pain " + std::to_string(*marker.pain)
                           : "Resolved";
    }
    return marker.pain ? "Pain " + std::to_string(*marker.pain) + " of 10 \u00B7 " +
                             std::string(displayName(painBand(*marker.pain)))
                       : "Not rated yet";
}

// A small filled circle in the ramp colour, sized to the current line.
void painDot(const BodyMapMarker& marker, const Appearance& look) {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 centre(at.x + size * 0.5f, at.y + size * 0.5f);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImU32 fill = marker.pain && !marker.resolved
                           ? painColourU32(*marker.pain)
                           : ImGui::GetColorU32(look.colours().textMuted);
    drawList->AddCircleFilled(centre, size * 0.32f, fill);
    drawList->AddCircle(centre, size * 0.32f, ImGui::GetColorU32(look.colours().text), 0,
                        look.px(1));
    ImGui::Dummy(ImVec2(size, size));
}

} // namespace

void drawViewLabels(const Atlas& atlas, const BodyMapGeometry& geometry,
                    const BodyMapColours& colours, const Appearance& look) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::GetColorU32(colours.label);
    for (const PlacedView& placed : geometry.views()) {
        const bool front = placed.view == BodyView::Front;
        const auto at = [&](Vec2 diagram) {
            return toImVec2(geometry.transform().toScreen(placed.toScene(diagram)));
        };
        // The title just above the crown, the side letters level with the
        // head, beside the figure's widest reach.
        Box figure;
        for (const Polygon& outline : atlas.silhouette(placed.view)) {
            for (const Vec2 point : outline) {
                figure.include(point);
            }
        }
        if (figure.empty()) {
            continue;
        }
        // Beside the head, halfway out to the hands: close enough to belong
        // to this figure when two stand side by side.
        const double headLevel = figure.min.y + 0.05;
        const double sideOffset = 0.5 * (figure.max.x - figure.min.x) * 0.55;
        const ImVec2 title = at({0.5, figure.min.y});
        centredText(drawList, look.fonts.strong,
                    ImVec2(title.x, title.y - look.px(6) - fontPixels(look.fonts.strong) * 0.5f),
                    colour, front ? "Front" : "Back");
        centredText(drawList, look.fonts.small, at({0.5 - sideOffset, headLevel}), colour,
                    front ? "R" : "L");
        centredText(drawList, look.fonts.small, at({0.5 + sideOffset, headLevel}), colour,
                    front ? "L" : "R");
    }
}

void drawMarkerNumbers(const BodyMapInput& input, const std::vector<PlacedMarker>& placed,
                       const BodyMapColours& colours, const Appearance& look) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const PlacedMarker& item = placed[i];
        const BodyMapMarker& marker = input.markers[item.index];
        // Too small to hold a number legibly; the colour and tooltip still tell.
        if (marker.resolved || !marker.pain || item.radius < look.px(7.5f)) {
            continue;
        }
        // Numbers sit above all markers: one half covered by a later marker
        // would mix with that marker's number.
        const auto covers = [&](const PlacedMarker& other) {
            const Vec2 offset = other.screen - item.screen;
            return std::hypot(offset.x, offset.y) < item.radius * 1.25f;
        };
        if (std::any_of(placed.begin() + static_cast<std::ptrdiff_t>(i) + 1, placed.end(),
                        covers)) {
            continue;
        }
        const Srgb fill = painRampColour(*marker.pain);
        const Srgb dark{colours.markerTextDark.x, colours.markerTextDark.y,
                        colours.markerTextDark.z};
        const Srgb light{colours.markerTextLight.x, colours.markerTextLight.y,
                         colours.markerTextLight.z};
        const Srgb text = readableTextOn(fill, dark, light);
        const ImU32 colour = ImGui::GetColorU32(toImVec4(toRgba(text)));
        centredText(drawList, look.fonts.small, toImVec2(item.screen), colour,
                    std::to_string(*marker.pain));
    }
}

void drawHoverTooltip(const BodyMapInput& input, const BodyMapHover& hover,
                      const Appearance& look) {
    if (hover.marker) {
        const BodyMapMarker& marker = input.markers[*hover.marker];
        ImGui::BeginTooltip();
        textWithFont(marker.title, look.fonts.strong);
        ImGui::TextUnformatted(painText(marker).c_str());
        if (!marker.detail.empty()) {
            ImGui::PushFont(look.fonts.small);
            textMuted(marker.detail, look);
            ImGui::PopFont();
        }
        ImGui::EndTooltip();
        return;
    }
    if (hover.region == nullptr) {
        return;
    }
    ImGui::BeginTooltip();
    textWithFont(hover.region->displayName, look.fonts.strong);
    const auto index = static_cast<std::size_t>(hover.region->index);
    if (index < input.regionNotes.size() && !input.regionNotes[index].empty()) {
        ImGui::TextUnformatted(input.regionNotes[index].c_str());
    }
    ImGui::PushFont(look.fonts.small);
    textMuted(hover.region->anatomicalName, look);
    if (input.pickingRegions) {
        textMuted("Click to add or remove this region", look);
    }
    ImGui::PopFont();
    ImGui::EndTooltip();
}

void drawMarkerChooser(const BodyMapInput& input, BodyMapState& state, BodyMapEvents& events,
                       const Appearance& look) {
    if (!ImGui::BeginPopup(kMarkerChooserId)) {
        state.chooser.clear();
        return;
    }
    ImGui::PushFont(look.fonts.small);
    textMuted("Several knots are here. Which one?", look);
    ImGui::PopFont();
    for (const Id knotId : state.chooser) {
        const BodyMapMarker* found = nullptr;
        for (const BodyMapMarker& marker : input.markers) {
            if (marker.knotId == knotId) {
                found = &marker;
            }
        }
        if (found == nullptr) {
            continue;
        }
        ImGui::PushID(static_cast<int>(knotId));
        painDot(*found, look);
        ImGui::SameLine();
        const std::string label = found->title + "  \u00B7  " + painText(*found);
        if (ImGui::Selectable(label.c_str(), input.selectedKnot == knotId)) {
            events.clickedKnot = knotId;
            state.chooser.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::PopID();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
