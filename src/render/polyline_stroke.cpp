#include "render/polyline_stroke.h"

#include <algorithm>
#include <cmath>

namespace knotmap::render {
namespace {

constexpr double kMiterLimit = 3.0;

Vec2 unitNormal(Vec2 from, Vec2 to) {
    const Vec2 d = to - from;
    const double length = std::hypot(d.x, d.y);
    return {-d.y / length, d.x / length};
}

// The offset at a corner between two segments with unit normals a and b.
Vec2 miter(Vec2 a, Vec2 b) {
    Vec2 sum = a + b;
    const double length = std::hypot(sum.x, sum.y);
    if (length < 1e-9) {
        return a; // the line doubles back: no sensible corner
    }
    sum = sum * (1.0 / length);
    const double cosine = sum.x * b.x + sum.y * b.y;
    return sum * std::min(1.0 / std::max(cosine, 1e-9), kMiterLimit);
}

} // namespace

void appendPolylineStroke(std::vector<StrokeVertex>& out, std::span<const Vec2> points, bool closed,
                          double canvasAspect) {
    // Work in canvas heights, where a screen pixel is as wide as it is tall.
    std::vector<Vec2> path;
    path.reserve(points.size());
    for (const Vec2 point : points) {
        const Vec2 scaled{point.x * canvasAspect, point.y};
        if (path.empty() || std::hypot(scaled.x - path.back().x, scaled.y - path.back().y) > 1e-9) {
            path.push_back(scaled);
        }
    }
    if (closed && path.size() > 1 &&
        std::hypot(path.front().x - path.back().x, path.front().y - path.back().y) <= 1e-9) {
        path.pop_back();
    }
    const std::size_t count = path.size();
    if (count < 2 || (closed && count < 3)) {
        return;
    }
    const std::size_t segments = closed ? count : count - 1;
    std::vector<Vec2> normals(segments);
    for (std::size_t i = 0; i < segments; ++i) {
        normals[i] = unitNormal(path[i], path[(i + 1) % count]);
    }
    // The offset at each point: a miter between its two segments, or the
    // single segment's normal at an open end.
    std::vector<Vec2> offsets(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (!closed && i == 0) {
            offsets[i] = normals.front();
        } else if (!closed && i == count - 1) {
            offsets[i] = normals.back();
        } else {
            offsets[i] = miter(normals[(i + segments - 1) % segments], normals[i % segments]);
        }
    }
    const auto vertex = [&](std::size_t i, float side) {
        const std::size_t index = i % count;
        return StrokeVertex{static_cast<float>(path[index].x / canvasAspect),
                            static_cast<float>(path[index].y), static_cast<float>(offsets[index].x),
                            static_cast<float>(offsets[index].y), side};
    };
    for (std::size_t i = 0; i < segments; ++i) {
        const StrokeVertex a = vertex(i, -1);
        const StrokeVertex b = vertex(i, 1);
        const StrokeVertex c = vertex(i + 1, -1);
        const StrokeVertex d = vertex(i + 1, 1);
        out.insert(out.end(), {a, b, c, c, b, d});
    }
}

} // namespace knotmap::render
