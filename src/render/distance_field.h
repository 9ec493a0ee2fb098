#pragma once

#include "core/geometry.h"

#include <vector>

namespace knotmap::render {

// A view's signed distance to its silhouette on a grid over the canvas, in
// canvas heights: positive inside the body, negative outside. Sampled with
// linear filtering it gives the body map its soft rounding toward the edges
// and the figure's faint shadow at any zoom, computed once per atlas.
struct DistanceField {
    int width = 0;             // texels across the canvas
    int height = 0;            // texels down the canvas
    std::vector<float> values; // row-major, first row at the top (y = 0)
};

// rows texels down; the columns follow from canvasAspect so texels are square.
[[nodiscard]] DistanceField silhouetteDistanceField(const std::vector<Polygon>& silhouette,
                                                    double canvasAspect, int rows);

} // namespace knotmap::render
