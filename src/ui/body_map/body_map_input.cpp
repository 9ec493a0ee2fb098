#include "ui/body_map/body_map_input.h"

#include <cmath>

namespace knotmap::ui {
namespace {

// One wheel notch zooms by this factor: eight notches from fit to 4x.
constexpr double kWheelZoomStep = 1.19;

// A click this many pick radii from a marker's centre still logs that knot.
constexpr float kNearMarkerFactor = 2.0f;

// How much of the figure panning must leave on screen, ImGui units.
constexpr double kKeepVisible = 80.0;

void applyView(BodyMapState& state, const BodyMapGeometry& geometry, const ViewState& view) {
    state.view = clampPan(geometry.frame(), view, kKeepVisible);
}

const BodyMapMarker* findMarker(const BodyMapInput& input, Id knotId) {
    for (const BodyMapMarker& marker : input.markers) {
        if (marker.knotId == knotId) {
            return &marker;
        }
    }
    return nullptr;
}

void startGesture(const BodyMapInput& input, BodyMapState& state,
                  const std::vector<PlacedMarker>& placed, const PickSizes& sizes,
                  ImGuiMouseButton button, Vec2 pointer) {
    BodyMapGesture gesture;
    gesture.kind = BodyMapGesture::Kind::Pressed;
    gesture.button = button;
    gesture.pressedAt = pointer;
    // Shift+click places a new knot deliberately, even on or beside a marker.
    if (button == ImGuiMouseButton_Left && !ImGui::GetIO().KeyShift) {
        MarkerPick pick = pickAt(placed, pointer, sizes);
        if (!pick.nearest && !input.pickingRegions) {
            // A click just beside a knot means that knot: a second knot on
            // top of the first is never what a repeat entry wants.
            PickSizes near = sizes;
            near.pickRadius *= kNearMarkerFactor;
            pick = pickAt(placed, pointer, near);
        }
        for (const std::size_t item : pick.crowd) {
            gesture.crowd.push_back(input.markers[placed[item].index].knotId);
        }
        if (pick.nearest && pick.crowd.empty()) {
            const PlacedMarker& nearest = placed[*pick.nearest];
            gesture.marker = input.markers[nearest.index].knotId;
            gesture.grabOffset = nearest.screen - pointer;
        }
    }
    state.gesture = gesture;
}

void finishMove(const BodyMapInput& input, const BodyMapState& state,
                const BodyMapGeometry& geometry, Vec2 pointer, BodyMapEvents& events) {
    const BodyMapMarker* marker = findMarker(input, *state.gesture.marker);
    const auto location = geometry.locate(pointer + state.gesture.grabOffset);
    if (marker == nullptr || !location || location->view != marker->view) {
        return;
    }
    const AtlasHit hit = input.atlas->hitTest(location->view, location->diagram);
    if (!hit) {
        return; // dropped off the body: the knot stays where it was
    }
    events.knotMoved = KnotMove{marker->knotId, location->view, location->diagram,
                                hit.region->index, hit.region->code};
}

// A press and release without a drag.
bool finishClick(const BodyMapInput& input, BodyMapState& state, const BodyMapGeometry& geometry,
                 Vec2 pointer, BodyMapEvents& events) {
    const BodyMapGesture& gesture = state.gesture;
    if (gesture.crowd.size() > 1) {
        state.chooser = gesture.crowd;
        return true;
    }
    if (gesture.marker) {
        events.clickedKnot = *gesture.marker;
        return false;
    }
    const auto location = geometry.locate(pointer);
    const AtlasHit hit =
        location ? input.atlas->hitTest(location->view, location->diagram) : AtlasHit{};
    if (!hit) {
        events.clickedBackground = true;
    } else if (input.pickingRegions) {
        events.regionPicked = hit.region->index;
    } else {
        events.clickedBody =
            BodyClick{location->view, location->diagram, hit.region->index, hit.region->code};
    }
    return false;
}

} // namespace

MarkerPick pickAt(const std::vector<PlacedMarker>& placed, Vec2 pointer, const PickSizes& sizes) {
    std::vector<Vec2> centres;
    centres.reserve(placed.size());
    for (const PlacedMarker& item : placed) {
        centres.push_back(item.screen);
    }
    return pickMarker(centres, pointer, sizes.pickRadius, sizes.crowd);
}

bool handleBodyMapInput(const BodyMapInput& input, BodyMapState& state,
                        const BodyMapGeometry& geometry, const std::vector<PlacedMarker>& placed,
                        const PickSizes& sizes, BodyMapEvents& events) {
    const ImGuiIO& io = ImGui::GetIO();
    const Vec2 pointer = toVec2(io.MousePos);
    const bool hovered = ImGui::IsItemHovered();
    BodyMapGesture& gesture = state.gesture;

    if (input.selectedKnot && (hovered || ImGui::IsWindowFocused()) && !io.WantTextInput &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false)) {
        events.deleteRequested = *input.selectedKnot;
    }

    if (hovered && io.MouseWheel != 0.0f && gesture.kind != BodyMapGesture::Kind::MoveMarker) {
        const double factor = std::pow(kWheelZoomStep, static_cast<double>(io.MouseWheel));
        applyView(state, geometry, zoomAt(geometry.frame(), state.view, pointer, factor));
    }

    if (gesture.kind == BodyMapGesture::Kind::None && hovered) {
        for (const ImGuiMouseButton button :
             {ImGuiMouseButton_Left, ImGuiMouseButton_Right, ImGuiMouseButton_Middle}) {
            if (ImGui::IsMouseClicked(button)) {
                startGesture(input, state, placed, sizes, button, pointer);
                break;
            }
        }
    }
    if (gesture.kind == BodyMapGesture::Kind::None) {
        return false;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        gesture = {}; // a marker being dragged goes back where it was
        return false;
    }

    bool openChooser = false;
    if (ImGui::IsMouseDown(gesture.button)) {
        const Vec2 moved = pointer - gesture.pressedAt;
        if (gesture.kind == BodyMapGesture::Kind::Pressed &&
            std::hypot(moved.x, moved.y) > io.MouseDragThreshold) {
            gesture.kind =
                gesture.marker ? BodyMapGesture::Kind::MoveMarker : BodyMapGesture::Kind::Pan;
        }
        if (gesture.kind == BodyMapGesture::Kind::Pan) {
            ViewState view = state.view;
            view.pan = view.pan + toVec2(io.MouseDelta);
            applyView(state, geometry, view);
        }
    } else {
        if (gesture.kind == BodyMapGesture::Kind::MoveMarker) {
            finishMove(input, state, geometry, pointer, events);
        } else if (gesture.kind == BodyMapGesture::Kind::Pressed &&
                   gesture.button == ImGuiMouseButton_Left) {
            openChooser = finishClick(input, state, geometry, pointer, events);
        }
        gesture = {};
    }

    return openChooser;
}

} // namespace knotmap::ui
