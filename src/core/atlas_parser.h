#pragma once

#include "core/domain_codes.h"
#include "core/geometry.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The atlas file as authored (docs/atlas-format.md): one half of each view as
// named points, edges and regions, checked for structure and consistency but
// not yet tessellated or mirrored. Used by core/atlas.cpp.
namespace knotmap::atlas_detail {

struct AuthoredEdge {
    std::string name;
    std::string from; // point names
    std::string to;
    Vec2 fromPoint;
    Vec2 toPoint;
    std::optional<std::array<Vec2, 2>> controls; // a cubic Bézier when present
    bool onMidline = false;                      // every point and control point at x = 0.5
};

struct BoundaryStep {
    std::size_t edge = 0;  // index into AuthoredView::edges
    bool reversed = false; // walked from `to` to `from`
};

struct AuthoredRegion {
    std::string muscle; // code stem, unique within the view
    std::string name;   // display name without a side
    std::string anatomical;
    std::string choirLeft;
    std::string choirRight;
    std::vector<BoundaryStep> boundary;
};

struct AuthoredView {
    BodyView view = BodyView::Front;
    std::vector<AuthoredEdge> edges; // sorted by name
    std::vector<AuthoredRegion> regions;
};

struct AuthoredAtlas {
    double canvasAspect = 0.5;
    AuthoredView front;
    AuthoredView back;
};

// Throws std::runtime_error("<sourceName>: <view> <what> '<name>': <problem>").
[[nodiscard]] AuthoredAtlas parseAuthoredAtlas(std::string_view json, std::string_view sourceName);

// The view and name of a region or edge as error messages name them.
[[nodiscard]] std::string describeRegion(const AuthoredView& view, const AuthoredRegion& region);
[[nodiscard]] std::string describeEdge(const AuthoredView& view, const AuthoredEdge& edge);

} // namespace knotmap::atlas_detail
