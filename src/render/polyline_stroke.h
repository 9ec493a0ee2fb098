#pragma once

#include "core/geometry.h"

#include <span>
#include <vector>

namespace knotmap::render {

// One corner of a stroke's triangles. The vertex shader places it at
// position (diagram coordinates) moved by offset * side * (half width + 1 px
// of anti-aliasing fringe) screen pixels. offset is the unit normal of the
// line, lengthened at corners (a miter) so both neighbouring segments keep
// their full width. Because widths are applied after the view transform, a
// stroke is equally thin at every zoom.
struct StrokeVertex {
    float x = 0;
    float y = 0;
    float offsetX = 0;
    float offsetY = 0;
    float side = 0; // -1 or +1: which edge of the stroke
};

// Appends the triangles (three vertices each) of a polyline of diagram
// points. canvasAspect converts x to canvas heights first, so normals are
// perpendicular on screen, where both axes have the same scale. Repeated
// points are skipped; sharp corners are limited to a miter of length 3.
void appendPolylineStroke(std::vector<StrokeVertex>& out, std::span<const Vec2> points, bool closed,
                          double canvasAspect);

} // namespace knotmap::render
