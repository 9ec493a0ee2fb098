#include "render/body_map_mesh.h"

#include "core/triangulate.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace knotmap::render {
namespace {

// Points compared on a fine grid: a region and its neighbour (or its mirror
// image) produce the same shared boundary points up to rounding.
using PointKey = std::pair<std::int64_t, std::int64_t>;
using SegmentKey = std::pair<PointKey, PointKey>;

PointKey keyOf(Vec2 point) {
    return {std::llround(point.x * 1e7), std::llround(point.y * 1e7)};
}

SegmentKey segmentKey(Vec2 a, Vec2 b) {
    PointKey first = keyOf(a);
    PointKey second = keyOf(b);
    if (second < first) {
        std::swap(first, second);
    }
    return {first, second};
}

std::int32_t vertexCount(const std::vector<StrokeVertex>& vertices) {
    return static_cast<std::int32_t>(vertices.size());
}

void appendFill(ViewMesh& mesh, const AtlasRegion& region) {
    const auto base = static_cast<std::uint32_t>(mesh.fillVertices.size());
    for (const Vec2 point : region.outline) {
        mesh.fillVertices.push_back(
            {static_cast<float>(point.x), static_cast<float>(point.y), region.index});
    }
    for (const std::uint32_t index : triangulate(region.outline)) {
        mesh.fillIndices.push_back(base + index);
    }
}

// Strokes every boundary segment shared by two regions exactly once, as
// polylines that run along each region's outline, so corners get miters.
void appendInternalStrokes(ViewMesh& mesh, const std::vector<const AtlasRegion*>& regions,
                           double aspect) {
    std::map<SegmentKey, int> uses;
    for (const AtlasRegion* region : regions) {
        const Polygon& outline = region->outline;
        for (std::size_t i = 0; i < outline.size(); ++i) {
            ++uses[segmentKey(outline[i], outline[(i + 1) % outline.size()])];
        }
    }
    std::set<SegmentKey> drawn;
    for (const AtlasRegion* region : regions) {
        const Polygon& outline = region->outline;
        const std::size_t n = outline.size();
        std::vector<bool> take(n, false);
        for (std::size_t i = 0; i < n; ++i) {
            const SegmentKey key = segmentKey(outline[i], outline[(i + 1) % n]);
            take[i] = uses[key] >= 2 && drawn.insert(key).second;
        }
        // Start after a skipped segment so no polyline is cut at index 0.
        std::size_t start = 0;
        while (start < n && take[start]) {
            ++start;
        }
        if (start == n) {
            appendPolylineStroke(mesh.strokeVertices, outline, true, aspect);
            continue;
        }
        Polygon run;
        for (std::size_t step = 1; step <= n; ++step) {
            const std::size_t i = (start + step) % n;
            if (take[i]) {
                if (run.empty()) {
                    run.push_back(outline[i]);
                }
                run.push_back(outline[(i + 1) % n]);
            } else if (!run.empty()) {
                appendPolylineStroke(mesh.strokeVertices, run, false, aspect);
                run.clear();
            }
        }
        if (!run.empty()) {
            appendPolylineStroke(mesh.strokeVertices, run, false, aspect);
        }
    }
}

void buildView(ViewMesh& mesh, BodyView view, const Atlas& atlas,
               std::vector<VertexRange>& regionOutlines) {
    mesh.view = view;
    const double aspect = atlas.canvasAspect();
    std::vector<const AtlasRegion*> regions;
    for (const AtlasRegion& region : atlas.regions()) {
        if (region.view != view) {
            continue;
        }
        regions.push_back(&region);
        appendFill(mesh, region);
        const std::int32_t first = vertexCount(mesh.outlineVertices);
        appendPolylineStroke(mesh.outlineVertices, region.outline, true, aspect);
        regionOutlines[static_cast<std::size_t>(region.index)] = {
            first, vertexCount(mesh.outlineVertices) - first};
    }
    appendInternalStrokes(mesh, regions, aspect);
    mesh.internalStrokes = {0, vertexCount(mesh.strokeVertices)};
    for (const Polygon& outline : atlas.silhouette(view)) {
        appendPolylineStroke(mesh.strokeVertices, outline, true, aspect);
    }
    mesh.silhouetteStrokes = {mesh.internalStrokes.count,
                              vertexCount(mesh.strokeVertices) - mesh.internalStrokes.count};
}

} // namespace

BodyMapMesh buildBodyMapMesh(const Atlas& atlas) {
    BodyMapMesh mesh;
    mesh.regionOutlines.resize(atlas.regions().size());
    buildView(mesh.front, BodyView::Front, atlas, mesh.regionOutlines);
    buildView(mesh.back, BodyView::Back, atlas, mesh.regionOutlines);
    return mesh;
}

} // namespace knotmap::render
