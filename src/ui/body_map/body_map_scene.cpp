#include "ui/body_map/body_map_scene.h"

#include "core/colour_ramp.h"

#include <algorithm>
#include <cmath>

namespace knotmap::ui {
namespace {

render::Rgba regionFill(const BodyMapInput& input, const BodyMapState& state,
                        const BodyMapColours& colours, std::size_t region) {
    render::Rgba fill = colours.body;
    if (region < input.regionColours.size()) {
        if (const auto& colour = input.regionColours[region]) {
            fill = mix(fill, toRgba(*colour), colours.heatStrength);
            fill.a = 1.0f;
        }
        return fill;
    }
    if (state.heat && region < input.regionPain.size() && input.regionPain[region]) {
        fill = mix(fill, toRgba(painRampColour(*input.regionPain[region])), colours.heatStrength);
        fill.a = 1.0f;
    }
    return fill;
}

render::MarkerInstance markerInstance(const BodyMapMarker& marker, const PlacedMarker& placed,
                                      bool selected, bool hovered, const BodyMapColours& colours,
                                      float toPixels, float uiScale) {
    render::MarkerInstance instance;
    instance.radius = placed.radius * toPixels + (hovered ? 1.5f * uiScale * toPixels : 0.0f);
    instance.ring = selected ? 1.0f : 0.0f;
    instance.outlineWidth = 1.5f * uiScale * toPixels;
    instance.shadow = marker.resolved ? 0.4f : 1.0f;
    if (marker.resolved) {
        instance.fill = colours.resolvedFill;
        instance.outline = colours.resolvedOutline;
    } else {
        instance.fill = marker.pain ? toRgba(painRampColour(*marker.pain)) : colours.unratedFill;
        instance.outline = colours.markerOutline;
    }
    return instance;
}

} // namespace

float markerRadius(float baseRadius, double zoom) {
    return baseRadius * static_cast<float>(std::clamp(1.0 + 0.18 * std::log2(zoom), 0.85, 1.45));
}

std::vector<PlacedMarker> placeMarkers(const BodyMapInput& input, const BodyMapState& state,
                                       const BodyMapGeometry& geometry, float baseRadius,
                                       Vec2 pointer) {
    const float radius = markerRadius(baseRadius, state.view.zoom);
    const bool dragging = state.gesture.kind == BodyMapGesture::Kind::MoveMarker;
    std::vector<PlacedMarker> placed;
    for (std::size_t i = 0; i < input.markers.size(); ++i) {
        const BodyMapMarker& marker = input.markers[i];
        const auto screen = geometry.toScreen(marker.view, marker.position);
        if (!screen) {
            continue;
        }
        const bool moving = dragging && state.gesture.marker == marker.knotId;
        placed.push_back({i, moving ? pointer + state.gesture.grabOffset : *screen,
                          marker.resolved ? radius * 0.6f : radius});
    }
    const auto rank = [&](const PlacedMarker& item) {
        const BodyMapMarker& marker = input.markers[item.index];
        const bool moving = dragging && state.gesture.marker == marker.knotId;
        const int emphasis = moving ? 3 : input.selectedKnot == marker.knotId ? 2 : 1;
        return std::make_tuple(emphasis, marker.resolved ? 0 : 1, marker.pain.value_or(-1));
    };
    std::stable_sort(
        placed.begin(), placed.end(),
        [&](const PlacedMarker& a, const PlacedMarker& b) { return rank(a) < rank(b); });
    return placed;
}

void buildScene(BodyMapScene& scene, const BodyMapInput& input, const BodyMapState& state,
                const BodyMapGeometry& geometry, const std::vector<PlacedMarker>& placed,
                const BodyMapHover& hover, const BodyMapColours& colours, float framebufferScale,
                float uiScale) {
    const Atlas& atlas = *input.atlas;
    const float toPixels = framebufferScale;
    const std::size_t regions = atlas.regions().size();

    scene.fills.resize(regions);
    scene.hatch.assign(regions, 0.0f);
    for (std::size_t i = 0; i < regions; ++i) {
        scene.fills[i] = regionFill(input, state, colours, i);
    }
    for (std::size_t i = 0; i < std::min(regions, input.regionShade.size()); ++i) {
        scene.hatch[i] = std::clamp(input.regionShade[i], 0.0f, 1.0f);
    }
    scene.outlined.clear();
    for (const int region : input.highlightedRegions) {
        if (region >= 0 && static_cast<std::size_t>(region) < regions) {
            scene.hatch[static_cast<std::size_t>(region)] = 1.0f;
            scene.outlined.push_back(region);
        }
    }
    render::BodyMapFrame& frame = scene.frame;
    frame = {};
    if (hover.region != nullptr && !hover.marker) {
        auto& fill = scene.fills[static_cast<std::size_t>(hover.region->index)];
        fill = mix(fill, colours.accent, colours.hoverTint);
        fill.a = 1.0f;
        frame.hoveredRegion = hover.region->index;
    }

    scene.markers.clear();
    for (const PlacedMarker& item : placed) {
        const BodyMapMarker& marker = input.markers[item.index];
        render::MarkerInstance instance =
            markerInstance(marker, item, input.selectedKnot == marker.knotId,
                           hover.marker == item.index, colours, toPixels, uiScale);
        instance.centre = (item.screen - toVec2(geometry.min())) * toPixels;
        scene.markers.push_back(instance);
    }

    frame.width = static_cast<int>(std::lround(geometry.size().x * toPixels));
    frame.height = static_cast<int>(std::lround(geometry.size().y * toPixels));
    const ViewTransform& transform = geometry.transform();
    for (const PlacedView& view : geometry.views()) {
        const Vec2 origin = (transform.toScreen(view.origin) - toVec2(geometry.min())) * toPixels;
        const double scale = transform.scale() * toPixels;
        frame.views.push_back({view.view, origin, {view.width * scale, scale}});
    }
    frame.regionFill = scene.fills;
    frame.regionHatch = scene.hatch;
    frame.outlinedRegions = scene.outlined;
    frame.markers = scene.markers;

    frame.style = colours.style;
    const float widthScale = uiScale * toPixels;
    frame.style.internalWidth *= widthScale;
    frame.style.silhouetteWidth *= widthScale;
    frame.style.hoverWidth *= widthScale;
    frame.style.highlightWidth *= widthScale;
    frame.style.hatchPeriod *= widthScale;
    frame.style.ringGap *= widthScale;
    frame.style.ringWidth *= widthScale;
}

} // namespace knotmap::ui
