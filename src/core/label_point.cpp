#include "core/label_point.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

// Branch and bound over square cells: a cell's centre is at distance d from
// the boundary, so no point in the cell is farther than d plus the centre's
// distance to a corner. Cells that cannot beat the best centre found so far
// by more than the precision are dropped; the others are split in four.
namespace knotmap {
namespace {

struct Cell {
    Vec2 centre;
    double half = 0.0;     // half the side
    double distance = 0.0; // signed: negative outside the polygon
    double bound = 0.0;    // the farthest any point in the cell can be

    friend bool operator<(const Cell& a, const Cell& b) { return a.bound < b.bound; }
};

constexpr int kMaxCells = 200000; // a safety net; real regions need a few hundred

// The centroid is a good first guess for round shapes, and a safe one: it
// is used only if it lies inside.
Vec2 centroid(const Polygon& polygon) {
    double twiceArea = 0.0;
    Vec2 sum;
    const Vec2 origin = polygon[0];
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const Vec2 a = polygon[j] - origin;
        const Vec2 b = polygon[i] - origin;
        const double cross = a.x * b.y - b.x * a.y;
        twiceArea += cross;
        sum = sum + (a + b) * cross;
    }
    if (twiceArea == 0.0) {
        return origin;
    }
    return origin + sum * (1.0 / (3.0 * twiceArea));
}

// distance(polygon, point) is the unsigned distance to the boundary;
// cornerFactor times a cell's half side is the distance from its centre to a
// corner in the same metric.
template <typename Distance>
Cell farthestInside(const Polygon& polygon, double precision, double cornerFactor,
                    Distance distance) {
    const auto makeCell = [&](Vec2 centre, double half) {
        const double d = distance(polygon, centre);
        Cell cell{centre, half, containsPoint(polygon, centre) ? d : -d, 0.0};
        cell.bound = cell.distance + half * cornerFactor;
        return cell;
    };
    const Box box = boundsOf(polygon);
    const double width = box.max.x - box.min.x;
    const double height = box.max.y - box.min.y;
    const double side = std::min(width, height);
    if (polygon.size() < 3 || side <= 0.0) {
        return {polygon.empty() ? Vec2{} : polygon.front(), 0.0, 0.0, 0.0};
    }
    std::priority_queue<Cell> cells;
    const double half = side / 2.0;
    for (double x = box.min.x; x < box.max.x; x += side) {
        for (double y = box.min.y; y < box.max.y; y += side) {
            cells.push(makeCell({x + half, y + half}, half));
        }
    }
    Cell best = makeCell(centroid(polygon), 0.0);
    const Cell middle = makeCell({box.min.x + width / 2.0, box.min.y + height / 2.0}, 0.0);
    if (middle.distance > best.distance) {
        best = middle;
    }
    int visited = 0;
    while (!cells.empty() && visited++ < kMaxCells) {
        const Cell cell = cells.top();
        cells.pop();
        if (cell.distance > best.distance) {
            best = cell;
        }
        if (cell.bound - best.distance <= precision) {
            continue;
        }
        const double quarter = cell.half / 2.0;
        for (const double dx : {-quarter, quarter}) {
            for (const double dy : {-quarter, quarter}) {
                cells.push(makeCell(cell.centre + Vec2{dx, dy}, quarter));
            }
        }
    }
    return best;
}

// The largest max(|dx|, |dy|) step from p that stays off segment a-b. Along
// the segment both offsets are linear, so the minimum is at an end, where an
// offset is zero, or where the two are equal in size.
double chebyshevToSegment(Vec2 p, Vec2 a, Vec2 b) {
    const Vec2 u = p - a;
    const Vec2 w = b - a;
    const auto at = [&](double t) {
        t = std::clamp(t, 0.0, 1.0);
        return std::max(std::abs(u.x - t * w.x), std::abs(u.y - t * w.y));
    };
    double best = std::min(at(0.0), at(1.0));
    const auto tryRatio = [&](double numerator, double denominator) {
        if (denominator != 0.0) {
            best = std::min(best, at(numerator / denominator));
        }
    };
    tryRatio(u.x, w.x);
    tryRatio(u.y, w.y);
    tryRatio(u.x - u.y, w.x - w.y);
    tryRatio(u.x + u.y, w.x + w.y);
    return best;
}

double chebyshevToBoundary(const Polygon& polygon, Vec2 p) {
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        best = std::min(best, chebyshevToSegment(p, polygon[j], polygon[i]));
    }
    return best;
}

} // namespace

Vec2 labelPoint(const Polygon& original, double aspect, double precision) {
    Polygon polygon;
    polygon.reserve(original.size());
    for (const Vec2& p : original) {
        polygon.push_back({p.x * aspect, p.y});
    }
    const Cell best = farthestInside(polygon, precision, std::sqrt(2.0), distanceToBoundary);
    return {best.centre.x / aspect, best.centre.y};
}

double squareClearance(const Polygon& polygon, Vec2 point) {
    if (polygon.size() < 3 || !containsPoint(polygon, point)) {
        return 0.0;
    }
    return chebyshevToBoundary(polygon, point);
}

SquareFit largestSquare(const Polygon& polygon, double precision) {
    const Cell best = farthestInside(polygon, precision, 1.0, chebyshevToBoundary);
    return {best.centre, std::max(best.distance, 0.0)};
}

} // namespace knotmap
