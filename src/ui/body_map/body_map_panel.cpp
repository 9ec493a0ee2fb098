#include "ui/body_map/body_map_panel.h"

#include "ui/body_map/body_map_geometry.h"
#include "ui/body_map/body_map_input.h"
#include "ui/body_map/body_map_legend.h"
#include "ui/body_map/body_map_overlay.h"
#include "ui/body_map/body_map_scene.h"
#include "ui/body_map/body_map_style.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <string>

namespace knotmap::ui {
namespace {

constexpr float kMarkerRadius = 8.5f; // 96-dpi pixels at zoom 1

// The map's toolbar: view, heat, and the zoom with its reset at the
// trailing edge. Where the pane is narrow, "Side by side" shortens to
// "Both", and what still does not fit moves to a second row.
void toolbar(BodyMapState& state, const Appearance& look) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float available = ImGui::GetContentRegionAvail().x;
    const char* heatLabel = "Heat";
    const float heatWidth =
        ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(heatLabel).x;
    const char* resetLabel = "Reset view";
    const std::string zoom =
        std::to_string(static_cast<int>(std::lround(state.view.zoom * 100))) + "%";
    ImGui::PushFont(look.fonts.small);
    const float zoomWidth = ImGui::CalcTextSize(zoom.c_str()).x;
    ImGui::PopFont();
    const float resetWidth = ImGui::CalcTextSize(resetLabel).x + style.FramePadding.x * 2;
    const float trailingWidth = zoomWidth + style.ItemSpacing.x + resetWidth;
    const float gap = look.px(16);
    const auto rowWidth = [&](float modesWidth) {
        return modesWidth + gap + heatWidth + look.px(8) + trailingWidth;
    };
    const bool shortLabels = rowWidth(look.px(270)) > available;
    const float modesWidth = std::min(available, look.px(shortLabels ? 200 : 270));
    const bool oneRow = rowWidth(modesWidth) <= available;
    const bool heatOnFirstRow = modesWidth + gap + heatWidth <= available;

    const std::array<Segment, 3> modes{{
        {"Front", "The front of the body"},
        {"Back", "The back of the body"},
        {shortLabels ? "Both" : "Side by side", "Front and back together"},
    }};
    int mode = static_cast<int>(state.mode);
    const float height = ImGui::GetFrameHeight();
    ImGui::BeginChild("##map-modes", ImVec2(modesWidth, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (segmentedControl("map-mode", modes, mode, look)) {
        state.mode = static_cast<BodyMapMode>(mode);
        state.view = {}; // the other layout has its own fit
    }
    ImGui::EndChild();
    probeItem("map-modes");

    if (heatOnFirstRow) {
        ImGui::SameLine(0, gap);
    }
    ImGui::Checkbox(heatLabel, &state.heat);
    probeItem("map-heat");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Colour each muscle by the highest current pain of its active knots");
    }

    // Zoom level and reset at the trailing edge, of this row or the next.
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (oneRow || !heatOnFirstRow) {
        ImGui::SameLine();
    }
    ImGui::SetCursorPosX(
        std::max(ImGui::GetCursorPosX() + (oneRow ? look.px(8) : 0.0f), right - trailingWidth));
    const float rowTop = ImGui::GetCursorPosY();
    // Centred on the row by hand: text placed after a framed item on the same
    // line would also get ImGui's baseline offset and sit low.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(look.fonts.small);
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(at.x, at.y + (height - ImGui::GetTextLineHeight()) * 0.5f),
        ImGui::GetColorU32(look.colours().textMuted), zoom.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(zoomWidth, height));
    ImGui::SameLine();
    ImGui::SetCursorPosY(rowTop);
    const bool fitted = state.view.zoom == 1.0 && state.view.pan == Vec2{};
    ImGui::BeginDisabled(fitted);
    if (ImGui::Button(resetLabel)) {
        state.view = {};
    }
    ImGui::EndDisabled();
    probeItem("map-reset-view");
}

BodyMapHover findHover(const BodyMapInput& input, const BodyMapState& state,
                       const BodyMapGeometry& geometry, const std::vector<PlacedMarker>& placed,
                       const PickSizes& sizes, bool mapHovered) {
    BodyMapHover hover;
    const Vec2 pointer = toVec2(ImGui::GetIO().MousePos);
    const BodyMapGesture& gesture = state.gesture;
    if (gesture.kind == BodyMapGesture::Kind::MoveMarker) {
        // Outline the region the marker would land in.
        if (const auto location = geometry.locate(pointer + gesture.grabOffset)) {
            hover.region = input.atlas->hitTest(location->view, location->diagram).region;
        }
        return hover;
    }
    if (!mapHovered || gesture.kind == BodyMapGesture::Kind::Pan) {
        return hover;
    }
    const MarkerPick pick = pickAt(placed, pointer, sizes);
    if (pick.nearest) {
        hover.marker = placed[*pick.nearest].index;
        return hover;
    }
    if (const auto location = geometry.locate(pointer)) {
        hover.region = input.atlas->hitTest(location->view, location->diagram).region;
    }
    return hover;
}

void setCursor(const BodyMapState& state, const BodyMapHover& hover) {
    switch (state.gesture.kind) {
    case BodyMapGesture::Kind::MoveMarker:
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        return;
    case BodyMapGesture::Kind::Pan:
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
        return;
    default:
        if (hover.marker || hover.region != nullptr) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
    }
}

void footer(const BodyMapInput& input, const Appearance& look) {
    const bool anyResolved =
        std::any_of(input.markers.begin(), input.markers.end(),
                    [](const BodyMapMarker& marker) { return marker.resolved; });
    drawPainLegend(anyResolved, look);
    // A quiet reminder of the gestures at the trailing edge, when there is room.
    const char* hint = "Scroll to zoom \u00B7 drag to pan";
    ImGui::PushFont(look.fonts.small);
    const float width = ImGui::CalcTextSize(hint).x;
    const float legendRight = ImGui::GetItemRectMax().x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (right - width > legendRight + look.px(24)) {
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(right - width, ImGui::GetItemRectMax().y - ImGui::GetTextLineHeight()),
            ImGui::GetColorU32(look.colours().textMuted), hint);
    }
    ImGui::PopFont();
}

} // namespace

BodyMapEvents drawBodyMap(const BodyMapInput& input, BodyMapState& state, const Appearance& look) {
    BodyMapEvents events;
    if (input.atlas == nullptr) {
        textMuted("The body map is not available.", look);
        return events;
    }
    const Atlas& atlas = *input.atlas;
    const BodyMapColours colours = bodyMapColours(look.theme);

    if (input.showToolbar) {
        toolbar(state, look);
        ImGui::Dummy(ImVec2(0, look.px(2)));
    }
    const float footerHeight =
        input.showLegend ? painLegendHeight(look) + ImGui::GetStyle().ItemSpacing.y : 0.0f;
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const ImVec2 mapSize(std::max(available.x, look.px(80)),
                         std::max(available.y - footerHeight, look.px(120)));
    const ImVec2 mapMin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##body-map", mapSize,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool mapHovered = ImGui::IsItemHovered();
    const float margin = look.px(28);
    const Vec2 pointer = toVec2(ImGui::GetIO().MousePos);
    const float baseRadius = look.px(kMarkerRadius);

    // Input first, against this frame's layout; then lay out again with the
    // zoom and pan it produced, so the image never lags the pointer.
    const BodyMapGeometry before(mapMin, mapSize, atlas, state.mode, state.view, margin);
    const PickSizes sizes{markerRadius(baseRadius, state.view.zoom) + look.px(3), look.px(4)};
    const bool openChooser =
        handleBodyMapInput(input, state, before,
                           placeMarkers(input, state, before, baseRadius, pointer), sizes, events);
    const BodyMapGeometry geometry(mapMin, mapSize, atlas, state.mode, state.view, margin);
    const std::vector<PlacedMarker> placed =
        placeMarkers(input, state, geometry, baseRadius, pointer);
    const BodyMapHover hover = findHover(input, state, geometry, placed, sizes, mapHovered);
    setCursor(state, hover);
    state.shownCanvases.clear();
    for (const PlacedView& view : geometry.views()) {
        const Vec2 low = geometry.transform().toScreen(view.toScene({0, 0}));
        const Vec2 high = geometry.transform().toScreen(view.toScene({1, 1}));
        state.shownCanvases.push_back({view.view, toImVec2(low), toImVec2(high)});
    }

    BodyMapScene scene;
    buildScene(scene, input, state, geometry, placed, hover, colours,
               ImGui::GetIO().DisplayFramebufferScale.x, look.scale);
    if (!state.canvas) {
        state.canvas = std::make_unique<render::BodyMapCanvas>();
    }
    const GLuint texture = state.canvas->draw(atlas, scene.frame);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float rounding = look.px(10);
    if (texture != 0) {
        // The image's first row is its bottom: flip v.
        drawList->AddImageRounded(
            reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)), geometry.min(),
            geometry.max(), ImVec2(0, 1), ImVec2(1, 0), IM_COL32_WHITE, rounding);
        drawList->PushClipRect(geometry.min(), geometry.max(), true);
        drawViewLabels(atlas, geometry, colours, look);
        drawMarkerNumbers(input, placed, colours, look);
        if (!input.caption.empty()) {
            const float inset = look.px(12);
            ImGui::PushFont(look.fonts.small);
            drawList->AddText(ImVec2(geometry.min().x + inset, geometry.min().y + inset),
                              ImGui::GetColorU32(look.colours().textMuted), input.caption.c_str());
            ImGui::PopFont();
        }
        drawList->PopClipRect();
    } else {
        drawList->AddRectFilled(geometry.min(), geometry.max(),
                                ImGui::GetColorU32(toImVec4(colours.card)), rounding);
        if (!state.canvas->error().empty() && !state.canvasErrorReported) {
            // In full where a developer or a bug report will see it.
            std::cerr << "knotmap: the body map cannot be drawn: " << state.canvas->error() << "\n";
            state.canvasErrorReported = true;
        }
        std::string firstLine = state.canvas->error().substr(0, state.canvas->error().find('\n'));
        if (!firstLine.empty() && firstLine.back() == ':') {
            firstLine.pop_back();
        }
        const std::string message =
            firstLine.empty()
                ? "The body map cannot be drawn at this size."
                : "The body map cannot be drawn: " + firstLine + " (details on the terminal).";
        const float inset = look.px(16);
        drawList->AddText(nullptr, 0.0f, ImVec2(geometry.min().x + inset, geometry.min().y + inset),
                          ImGui::GetColorU32(look.colours().error.text), message.c_str(), nullptr,
                          geometry.size().x - 2 * inset);
    }

    if (state.gesture.kind == BodyMapGesture::Kind::None && !ImGui::IsPopupOpen(kMarkerChooserId)) {
        drawHoverTooltip(input, hover, look);
    }
    if (openChooser) {
        ImGui::OpenPopup(kMarkerChooserId);
    }
    drawMarkerChooser(input, state, events, look);

    ImGui::SetCursorScreenPos(ImVec2(mapMin.x, geometry.max().y + ImGui::GetStyle().ItemSpacing.y));
    if (input.showLegend) {
        footer(input, look);
    }
    return events;
}

} // namespace knotmap::ui
