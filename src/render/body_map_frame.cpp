#include "render/body_map_frame.h"

#include <algorithm>

namespace knotmap::render {
namespace {

template <typename T>
bool sameItems(const std::vector<T>& kept, std::span<const T> shown) {
    return std::equal(kept.begin(), kept.end(), shown.begin(), shown.end());
}

} // namespace

BodyMapFrameCopy::BodyMapFrameCopy(const BodyMapFrame& frame)
    : width(frame.width), height(frame.height), views(frame.views),
      regionFill(frame.regionFill.begin(), frame.regionFill.end()),
      regionHatch(frame.regionHatch.begin(), frame.regionHatch.end()),
      outlinedRegions(frame.outlinedRegions.begin(), frame.outlinedRegions.end()),
      hoveredRegion(frame.hoveredRegion), markers(frame.markers.begin(), frame.markers.end()),
      style(frame.style) {}

bool BodyMapFrameCopy::shows(const BodyMapFrame& frame) const {
    return width == frame.width && height == frame.height && views == frame.views &&
           hoveredRegion == frame.hoveredRegion && style == frame.style &&
           sameItems(regionFill, frame.regionFill) && sameItems(regionHatch, frame.regionHatch) &&
           sameItems(outlinedRegions, frame.outlinedRegions) && sameItems(markers, frame.markers);
}

} // namespace knotmap::render
