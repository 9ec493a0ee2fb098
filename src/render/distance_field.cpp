#include "render/distance_field.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace knotmap::render {
namespace {

constexpr double kFar = 1e20;

// Which texel centres lie inside the silhouette (even-odd rule), one scan
// line per row: cheaper than a point-in-polygon test per texel.
std::vector<bool> insideMask(const std::vector<Polygon>& silhouette, int width, int height) {
    std::vector<bool> inside(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    std::vector<double> crossings;
    for (int row = 0; row < height; ++row) {
        const double y = (row + 0.5) / height;
        crossings.clear();
        for (const Polygon& polygon : silhouette) {
            for (std::size_t i = 0; i < polygon.size(); ++i) {
                const Vec2 a = polygon[i];
                const Vec2 b = polygon[(i + 1) % polygon.size()];
                if ((a.y <= y) != (b.y <= y)) {
                    crossings.push_back(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
                }
            }
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t pair = 0; pair + 1 < crossings.size(); pair += 2) {
            const int from =
                std::max(0, static_cast<int>(std::ceil(crossings[pair] * width - 0.5)));
            const int to = std::min(
                width - 1, static_cast<int>(std::floor(crossings[pair + 1] * width - 0.5)));
            for (int column = from; column <= to; ++column) {
                inside[static_cast<std::size_t>(row * width + column)] = true;
            }
        }
    }
    return inside;
}

// The exact squared distance transform of a sampled function along one line
// (the lower envelope of parabolas rooted at each sample, after Felzenszwalb
// and Huttenlocher): out[q] = min over p of (q - p)^2 + f[p].
void transformLine(const std::vector<double>& f, std::vector<double>& out, std::vector<int>& roots,
                   std::vector<double>& bounds) {
    const int n = static_cast<int>(f.size());
    roots.assign(static_cast<std::size_t>(n), 0);
    bounds.assign(static_cast<std::size_t>(n) + 1, 0.0);
    int k = 0;
    roots[0] = 0;
    bounds[0] = -std::numeric_limits<double>::infinity();
    bounds[1] = std::numeric_limits<double>::infinity();
    const auto at = [&](int i) {
        return f[static_cast<std::size_t>(i)];
    };
    for (int q = 1; q < n; ++q) {
        // Drop parabolas the new one hides; bounds[0] is minus infinity, so
        // the first parabola always stays.
        double s = 0;
        while (true) {
            const int p = roots[static_cast<std::size_t>(k)];
            s = ((at(q) + double(q) * q) - (at(p) + double(p) * p)) / (2.0 * q - 2.0 * p);
            if (s > bounds[static_cast<std::size_t>(k)]) {
                break;
            }
            --k;
        }
        ++k;
        roots[static_cast<std::size_t>(k)] = q;
        bounds[static_cast<std::size_t>(k)] = s;
        bounds[static_cast<std::size_t>(k) + 1] = std::numeric_limits<double>::infinity();
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (bounds[static_cast<std::size_t>(k) + 1] < q) {
            ++k;
        }
        const int p = roots[static_cast<std::size_t>(k)];
        out[static_cast<std::size_t>(q)] = double(q - p) * (q - p) + at(p);
    }
}

// Squared distance, in texels, from every texel to the nearest texel where
// target is true.
std::vector<double> squaredDistanceTo(const std::vector<bool>& target, int width, int height) {
    std::vector<double> grid(target.size());
    for (std::size_t i = 0; i < target.size(); ++i) {
        grid[i] = target[i] ? 0.0 : kFar;
    }
    std::vector<double> line;
    std::vector<double> result;
    std::vector<int> roots;
    std::vector<double> bounds;
    line.resize(static_cast<std::size_t>(height));
    result.resize(static_cast<std::size_t>(height));
    for (int column = 0; column < width; ++column) {
        for (int row = 0; row < height; ++row) {
            line[static_cast<std::size_t>(row)] =
                grid[static_cast<std::size_t>(row * width + column)];
        }
        transformLine(line, result, roots, bounds);
        for (int row = 0; row < height; ++row) {
            grid[static_cast<std::size_t>(row * width + column)] =
                result[static_cast<std::size_t>(row)];
        }
    }
    line.resize(static_cast<std::size_t>(width));
    result.resize(static_cast<std::size_t>(width));
    for (int row = 0; row < height; ++row) {
        const auto begin = grid.begin() + static_cast<std::ptrdiff_t>(row) * width;
        std::copy(begin, begin + width, line.begin());
        transformLine(line, result, roots, bounds);
        std::copy(result.begin(), result.end(), begin);
    }
    return grid;
}

} // namespace

DistanceField silhouetteDistanceField(const std::vector<Polygon>& silhouette, double canvasAspect,
                                      int rows) {
    DistanceField field;
    field.height = std::max(rows, 2);
    field.width = std::max(2, static_cast<int>(std::lround(rows * canvasAspect)));
    const std::vector<bool> inside = insideMask(silhouette, field.width, field.height);
    std::vector<bool> outside(inside.size());
    for (std::size_t i = 0; i < inside.size(); ++i) {
        outside[i] = !inside[i];
    }
    const std::vector<double> toOutside = squaredDistanceTo(outside, field.width, field.height);
    const std::vector<double> toInside = squaredDistanceTo(inside, field.width, field.height);
    field.values.resize(inside.size());
    const double texel = 1.0 / field.height; // canvas heights per texel
    for (std::size_t i = 0; i < inside.size(); ++i) {
        // The boundary lies about half a texel beyond the last texel on its side.
        const double distance =
            inside[i] ? std::sqrt(toOutside[i]) - 0.5 : -(std::sqrt(toInside[i]) - 0.5);
        field.values[i] = static_cast<float>(distance * texel);
    }
    return field;
}

} // namespace knotmap::render
