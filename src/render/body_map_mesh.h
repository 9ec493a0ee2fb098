#pragma once

#include "core/atlas.h"
#include "render/polyline_stroke.h"

#include <cstdint>
#include <vector>

// The body map's geometry built on the CPU once per atlas, ready to upload.
// Colours are not part of it: each vertex carries its region's index, and
// the renderer looks the colour up at draw time, so hover and heat changes
// never rebuild a mesh.
namespace knotmap::render {

struct FillVertex {
    float x = 0; // diagram coordinates
    float y = 0;
    std::int32_t region = 0; // index into Atlas::regions()
};

// A run of vertices in one of a view's stroke arrays.
struct VertexRange {
    std::int32_t first = 0;
    std::int32_t count = 0;
};

struct ViewMesh {
    BodyView view = BodyView::Front;
    std::vector<FillVertex> fillVertices;
    std::vector<std::uint32_t> fillIndices; // triangles
    // Boundaries between neighbouring regions, each drawn once, then the
    // silhouette: two ranges of strokeVertices, drawn with their own widths.
    std::vector<StrokeVertex> strokeVertices;
    VertexRange internalStrokes;
    VertexRange silhouetteStrokes;
    // Every region's own closed outline (for hover and highlight).
    std::vector<StrokeVertex> outlineVertices;
};

struct BodyMapMesh {
    ViewMesh front;
    ViewMesh back;
    // By region index: its outline's range in its view's outlineVertices.
    std::vector<VertexRange> regionOutlines;

    [[nodiscard]] const ViewMesh& forView(BodyView view) const {
        return view == BodyView::Front ? front : back;
    }
};

[[nodiscard]] BodyMapMesh buildBodyMapMesh(const Atlas& atlas);

} // namespace knotmap::render
