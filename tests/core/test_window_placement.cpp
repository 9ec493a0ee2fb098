#include "core/window_placement.h"

#include <doctest/doctest.h>

using namespace knotmap;

namespace {

bool inside(ScreenRect rect, ScreenRect area, FrameMargins frame = {}) {
    return rect.x - frame.left >= area.x && rect.y - frame.top >= area.y &&
           rect.x + rect.width + frame.right <= area.x + area.width &&
           rect.y + rect.height + frame.bottom <= area.y + area.height;
}

} // namespace

TEST_CASE("a first window takes 85% of a large work area, centred") {
    const ScreenRect area{0, 0, 1920, 1080};
    const ScreenRect rect = firstRunRect(area, {}, 1.0f);
    CHECK(rect == ScreenRect{144, 81, 1632, 918});
    CHECK(inside(rect, area));
    // A panel on the left: the work area starts after it.
    const ScreenRect panelled = firstRunRect({64, 0, 2496, 1440}, {}, 1.0f);
    CHECK(panelled == ScreenRect{251, 108, 2122, 1224});
}

TEST_CASE("a first window is at least the designed 1024x700 where the work area has room") {
    // 85% of 1280x800 is 1088x680: the height is raised to the designed 700.
    CHECK(firstRunRect({0, 0, 1280, 800}, {}, 1.0f) == ScreenRect{96, 50, 1088, 700});
    // A 1024x768 screen less a 32-pixel panel: the whole width, 700 high.
    CHECK(firstRunRect({0, 32, 1024, 736}, {}, 1.0f) == ScreenRect{0, 50, 1024, 700});
    // On a doubled display the minimum doubles, and still fits the work area.
    CHECK(firstRunRect({0, 0, 2560, 1440}, {}, 2.0f) == ScreenRect{192, 20, 2176, 1400});
}

TEST_CASE("a first window never exceeds a small work area, frame included") {
    const ScreenRect area{0, 0, 800, 600};
    const FrameMargins frame{2, 28, 2, 2};
    const ScreenRect rect = firstRunRect(area, frame, 1.0f);
    CHECK(rect == ScreenRect{2, 28, 796, 570});
    CHECK(inside(rect, area, frame));
}

TEST_CASE("a saved window opens where it was when that is on screen") {
    const ScreenRect saved{200, 120, 1500, 900};
    CHECK(restoredRect(saved, {0, 0, 1920, 1080}, {}) == saved);
}

TEST_CASE("a window saved on a larger or removed monitor opens on this one, whole") {
    const ScreenRect area{0, 0, 1280, 800};
    // Saved on a 2560x1440 monitor: shrunk to the work area.
    const ScreenRect large = restoredRect({100, 50, 2400, 1350}, area, {});
    CHECK(large == ScreenRect{0, 0, 1280, 800});
    // Saved on a monitor to the left that is gone: moved the least distance.
    const ScreenRect gone = restoredRect({-1700, 300, 1000, 600}, area, {});
    CHECK(gone == ScreenRect{0, 200, 1000, 600});
    // Off the bottom right, with a title bar that must stay reachable.
    const FrameMargins frame{1, 30, 1, 1};
    const ScreenRect far = restoredRect({5000, 5000, 1000, 600}, area, frame);
    CHECK(far == ScreenRect{279, 199, 1000, 600});
    CHECK(inside(far, area, frame));
    const ScreenRect above = restoredRect({10, -20, 1000, 600}, area, frame);
    CHECK(above.y == 30);
}
