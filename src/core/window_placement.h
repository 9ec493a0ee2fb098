#pragma once

// Where the main window opens: a size that suits the screen on the first
// run, the place the person left it on later runs, and never off screen.
// Pure arithmetic on screen rectangles; app/main_window.cpp measures the
// monitor and moves the window.
namespace knotmap {

// A rectangle in the desktop's screen coordinates (pixels on X11).
struct ScreenRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool operator==(const ScreenRect&) const = default;
};

// The window as the person left it: its normal (not maximised) content
// rectangle, and whether it was maximised. Kept in the settings file.
struct WindowGeometry {
    ScreenRect normal;
    bool maximized = false;

    bool operator==(const WindowGeometry&) const = default;
};

// The space the window manager draws around the content (title bar,
// borders), which must stay on screen too.
struct FrameMargins {
    int left = 0;
    int top = 0;
    int right = 0;
    int bottom = 0;
};

// The smallest window the layout is designed for, in 96-dpi pixels.
inline constexpr int kMinDesignedWidth = 1024;
inline constexpr int kMinDesignedHeight = 700;
// The share of the work area a first window takes.
inline constexpr double kFirstRunShare = 0.85;

// The first run's window: 85% of the work area, at least the designed
// minimum (times the display's scale) where the work area has room for it,
// never more than the work area less the frame, centred.
[[nodiscard]] ScreenRect firstRunRect(ScreenRect workArea, FrameMargins frame, float scale);

// A saved rectangle brought onto today's work area: no larger than it (less
// the frame), moved the least distance that puts the whole window, frame
// included, inside it. A window saved on a larger or since-removed monitor
// therefore opens on this one.
[[nodiscard]] ScreenRect restoredRect(ScreenRect saved, ScreenRect workArea, FrameMargins frame);

} // namespace knotmap
