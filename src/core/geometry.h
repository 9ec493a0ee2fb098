#pragma once

#include <vector>

// Plane geometry shared by the atlas, hit testing and the renderer's meshes.
// Coordinates are diagram coordinates (docs/diagram-coordinates.md) unless a
// function says otherwise.
namespace knotmap {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;

    friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
    friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
    friend Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
    friend bool operator==(Vec2 a, Vec2 b) = default;
};

struct Box {
    Vec2 min{1e300, 1e300};
    Vec2 max{-1e300, -1e300};

    void include(Vec2 p);
    [[nodiscard]] bool contains(Vec2 p) const;
    [[nodiscard]] bool empty() const { return min.x > max.x; }
};

// A simple closed polygon: the last point connects back to the first.
using Polygon = std::vector<Vec2>;

[[nodiscard]] double signedArea(const Polygon& polygon); // > 0 when counter-clockwise in y-up axes
[[nodiscard]] bool containsPoint(const Polygon& polygon, Vec2 point); // even-odd rule
[[nodiscard]] double distanceToBoundary(const Polygon& polygon, Vec2 point);
[[nodiscard]] Box boundsOf(const Polygon& polygon);

} // namespace knotmap
