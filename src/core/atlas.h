#pragma once

#include "core/domain_codes.h"
#include "core/geometry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The body atlas: front and back views of an adult figure divided into named
// regions that tile the silhouette. Loaded from assets/atlas/body.json
// (format: docs/atlas-format.md), which holds one half of each view; the
// other half is its mirror image across x = 0.5.
namespace knotmap {

enum class Side { Left, Right }; // the patient's left or right, on both views

[[nodiscard]] std::string_view toCode(Side side);

struct AtlasRegion {
    int index = 0;              // position in Atlas::regions(), stable for a given atlas file
    std::string code;           // e.g. "back.upper_trapezius.left"
    std::string displayName;    // e.g. "Left upper trapezius"
    std::string anatomicalName; // e.g. "Trapezius, descending (upper) fibres"
    BodyView view = BodyView::Front;
    Side side = Side::Left;
    std::string choirCode; // CHOIR body-map code, e.g. "b07"
    std::string choirName; // e.g. "Shoulder"
    Polygon outline;       // tessellated boundary, diagram coordinates
    Box bounds;
    Vec2 labelPoint;      // a point well inside the region (for labels and tests)
    double area = 0.0;    // in diagram units squared (x and y both in [0, 1])
    int mirrorIndex = -1; // the same region on the other side
};

// Where a pointer is on the diagram: which region, if any.
struct AtlasHit {
    const AtlasRegion* region = nullptr;
    [[nodiscard]] explicit operator bool() const { return region != nullptr; }
};

class Atlas {
public:
    // Parses the atlas text (the JSON format in docs/atlas-format.md).
    // Throws std::runtime_error naming the field and problem on bad input.
    static Atlas parse(std::string_view json, std::string_view sourceName);
    // The atlas embedded in the binary (assets/atlas/body.json), loaded once.
    static const Atlas& builtIn();

    [[nodiscard]] const std::vector<AtlasRegion>& regions() const { return m_regions; }
    [[nodiscard]] const AtlasRegion* findByCode(std::string_view code) const;
    // The region containing point on view, or an empty hit outside the body.
    [[nodiscard]] AtlasHit hitTest(BodyView view, Vec2 point) const;
    // The body's outline on a view (one or more closed polygons).
    [[nodiscard]] const std::vector<Polygon>& silhouette(BodyView view) const;
    // The canvas' width divided by its height (x and y both span [0, 1]).
    [[nodiscard]] double canvasAspect() const { return m_canvasAspect; }

private:
    std::vector<AtlasRegion> m_regions;
    std::vector<Polygon> m_frontSilhouette;
    std::vector<Polygon> m_backSilhouette;
    double m_canvasAspect = 0.5;
};

} // namespace knotmap
