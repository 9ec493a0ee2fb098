#pragma once

#include "core/domain_codes.h"
#include "core/geometry.h"

#include <optional>
#include <vector>

// Screen <-> diagram maths for the body map: where each view's canvas sits
// in the scene, how the scene fits a viewport, and how zoom and pan move it.
//
// Three spaces:
// - diagram: per view, x and y in [0, 1] (docs/diagram-coordinates.md);
// - scene: the views laid out side by side in canvas heights, so one unit
//   is the same length along x and y;
// - screen: pixels, y down, as the mouse reports them.
namespace knotmap {

enum class BodyMapMode { Front, Back, SideBySide };

// One view's canvas placed in the scene.
struct PlacedView {
    BodyView view = BodyView::Front;
    Vec2 origin;        // the canvas' top-left corner, scene units
    double width = 0.5; // the canvas' width, scene units (its height is 1)

    [[nodiscard]] Vec2 toScene(Vec2 diagram) const;
    [[nodiscard]] Vec2 toDiagram(Vec2 scene) const;
    [[nodiscard]] bool containsScene(Vec2 scene) const;
};

// The canvases the mode shows, left to right; side by side puts the front
// on the left with a gap of `gap` canvas heights.
[[nodiscard]] std::vector<PlacedView> layoutViews(BodyMapMode mode, double canvasAspect,
                                                  double gap = 0.06);
[[nodiscard]] Box sceneBounds(const std::vector<PlacedView>& views);
// The placed view whose canvas holds the scene point, if any.
[[nodiscard]] const PlacedView* viewAt(const std::vector<PlacedView>& views, Vec2 scene);

// What the user has done to the view: 1 is "fit to the panel".
struct ViewState {
    double zoom = 1.0;
    Vec2 pan; // screen pixels, added after zooming about the viewport's centre
};

inline constexpr double kMinZoom = 0.5;
inline constexpr double kMaxZoom = 8.0;

// The scene fitted into a viewport with a margin, before zoom and pan.
struct ViewFrame {
    Box scene;
    Vec2 viewportMin;  // screen pixels
    Vec2 viewportSize; // screen pixels
    double margin = 0; // screen pixels kept free around the scene at zoom 1
};

// screen = viewport centre + pan + (scene - scene centre) * scale
class ViewTransform {
public:
    ViewTransform(const ViewFrame& frame, const ViewState& state);

    [[nodiscard]] Vec2 toScreen(Vec2 scene) const;
    [[nodiscard]] Vec2 toScene(Vec2 screen) const;
    // Screen pixels per scene unit (per canvas height).
    [[nodiscard]] double scale() const { return m_scale; }
    // Screen pixels per scene unit at zoom 1.
    [[nodiscard]] double fitScale() const { return m_fitScale; }

private:
    Vec2 m_centre; // the viewport's centre plus pan
    Vec2 m_sceneCentre;
    double m_fitScale = 1;
    double m_scale = 1;
};

// Multiplies the zoom by factor (clamped to [kMinZoom, kMaxZoom]) keeping the
// scene point under cursor where it is on screen.
[[nodiscard]] ViewState zoomAt(const ViewFrame& frame, const ViewState& state, Vec2 cursor,
                               double factor);
// Limits the pan so that at least keepVisible pixels of the scene (or all of
// it, when smaller) stay inside the viewport: the figure can't be lost.
[[nodiscard]] ViewState clampPan(const ViewFrame& frame, const ViewState& state,
                                 double keepVisible);

} // namespace knotmap
