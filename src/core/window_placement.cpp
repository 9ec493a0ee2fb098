#include "core/window_placement.h"

#include <algorithm>
#include <cmath>

namespace knotmap {
namespace {

// The content the work area can hold once the frame is drawn around it.
ScreenRect contentSpace(ScreenRect workArea, FrameMargins frame) {
    return {workArea.x + frame.left, workArea.y + frame.top,
            std::max(1, workArea.width - frame.left - frame.right),
            std::max(1, workArea.height - frame.top - frame.bottom)};
}

// The start of a span of length size placed inside [start, start + room),
// as close to wanted as it can be.
int clampStart(int wanted, int size, int start, int room) {
    return std::clamp(wanted, start, start + std::max(0, room - size));
}

} // namespace

ScreenRect firstRunRect(ScreenRect workArea, FrameMargins frame, float scale) {
    const ScreenRect space = contentSpace(workArea, frame);
    const auto fit = [&](int room, int designed) {
        const int share = static_cast<int>(std::lround(room * kFirstRunShare));
        const int minimum = static_cast<int>(std::lround(designed * std::max(scale, 0.5f)));
        return std::min(room, std::max(share, minimum));
    };
    ScreenRect rect;
    rect.width = fit(space.width, kMinDesignedWidth);
    rect.height = fit(space.height, kMinDesignedHeight);
    rect.x = space.x + (space.width - rect.width) / 2;
    rect.y = space.y + (space.height - rect.height) / 2;
    return rect;
}

ScreenRect restoredRect(ScreenRect saved, ScreenRect workArea, FrameMargins frame) {
    const ScreenRect space = contentSpace(workArea, frame);
    ScreenRect rect;
    rect.width = std::clamp(saved.width, 1, space.width);
    rect.height = std::clamp(saved.height, 1, space.height);
    rect.x = clampStart(saved.x, rect.width, space.x, space.width);
    rect.y = clampStart(saved.y, rect.height, space.y, space.height);
    return rect;
}

} // namespace knotmap
