#pragma once

#include "app/key_release_delay.h"
#include "core/window_placement.h"
#include "ui/style/appearance.h"
#include "ui/style/fallback_faces.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace knotmap {

namespace render {
class OffscreenTarget;
}

// Frames drawn into an offscreen image of a fixed size instead of the window,
// at UI scale 1, for `knotmap screenshot`. After run() the pixels of the
// last frame are in rgba (8-bit RGBA, first row at the top).
struct FrameCapture {
    int width = 1280;
    int height = 800;
    std::vector<std::uint8_t> rgba;
};

// A part of the next frame to save as a PNG once it is drawn, in ImGui's
// coordinates (the same as the mouse's).
struct RegionSave {
    float minX = 0;
    float minY = 0;
    float maxX = 0;
    float maxY = 0;
    std::filesystem::path file;
};

// How a region save went: the file written, or why not.
struct RegionSaveResult {
    std::filesystem::path file;
    std::string error; // empty on success
};

// The desktop window: GLFW, an OpenGL 3.3 core context, Dear ImGui with the
// embedded Inter fonts, sized for the display's content scale and rebuilt
// when it changes (e.g. the window moves to a monitor with another scale).
class MainWindow {
public:
    // Throws std::runtime_error when no window or OpenGL 3.3 context can be made.
    // The person's window on the primary monitor: where saved says, brought
    // onto today's work area and maximised again if it was, else at its
    // first-run size (core/window_placement.h).
    MainWindow(const char* title, const std::optional<WindowGeometry>& saved);
    // A hidden window of a fixed size: its context draws off screen.
    MainWindow(const char* title, int width, int height);
    ~MainWindow();
    MainWindow(const MainWindow&) = delete;
    MainWindow& operator=(const MainWindow&) = delete;

    // Called once per frame between ImGui::NewFrame and ImGui::Render; returns
    // false to close the window.
    using DrawFrame = std::function<bool(const ui::Appearance&)>;

    // Runs frames until drawFrame returns false, the user closes the window,
    // or frameLimit frames have been shown. With capture, frames go to its
    // image instead of the window, and the last one is read back into it.
    void run(const DrawFrame& drawFrame, std::optional<int> frameLimit,
             FrameCapture* capture = nullptr);

    // Where the window is now, to open there next time: its last normal
    // (not maximised, not minimised) rectangle and whether it is maximised.
    [[nodiscard]] WindowGeometry geometry();

    // Frames drawn since the window opened: an idle window draws none.
    [[nodiscard]] std::uint64_t framesDrawn() const { return m_framesDrawn; }

    // Takes effect from the next frame.
    void setTheme(ui::ThemeKind theme);
    // Saves that part of the frame being drawn, after it is rendered and
    // before it is shown; the outcome is taken with takeRegionSaveResult().
    void requestRegionSave(RegionSave request) { m_regionSave = std::move(request); }
    [[nodiscard]] std::optional<RegionSaveResult> takeRegionSaveResult();
    // The user's text size on top of the display's scale (1 = 100%); fonts
    // are rebuilt from the next frame. Takes effect from the next frame.
    void setFontScale(float scale);

private:
    MainWindow(const char* title, int width, int height, const std::optional<WindowGeometry>& saved,
               bool visible);
    // Sizes and moves the (still hidden) window, then shows it.
    void placeOnScreen(const std::optional<WindowGeometry>& saved);
    // Notes the rectangle while the window is neither maximised nor minimised.
    void trackNormalRect();
    // Rebuilds fonts and style when the content scale changed since last time.
    void updateScale();
    // Renders and shows the frame; true when it differs from the last one.
    bool renderFrame(bool lastFrame);
    // Sleeps until an event or until a frame is wanted (ui/shell/frame_requests.h);
    // true when an event ended the sleep.
    bool sleepUntilNeeded();
    void saveRequestedRegion(int framebufferWidth, int framebufferHeight);

    GLFWwindow* m_window = nullptr;
    std::optional<ScreenRect> m_normalRect; // see trackNormalRect; none while hidden
    KeyReleaseDelay m_keyReleases;          // so quick key taps reach ImGui 1.86
    bool m_imguiReady = false;
    ui::Appearance m_look;
    float m_contentScale = 0.0f;       // the scale the fonts were built for; 0 = not yet
    float m_fontScale = 1.0f;          // the user's, from the settings
    ui::FallbackFaces m_fallbackFaces; // other scripts' fonts, merged into Inter
    bool m_styleDirty = true;
    FrameCapture* m_capture = nullptr; // set while run() captures
    std::uint64_t m_framesDrawn = 0;
    std::size_t m_lastPicture = 0; // a hash of the last frame's draw data
    std::size_t m_lastInput = 0;   // a hash of the last frame's mouse and keyboard state
    std::unique_ptr<render::OffscreenTarget> m_captureTarget;
    std::optional<RegionSave> m_regionSave;
    std::optional<RegionSaveResult> m_regionSaveResult;
};

} // namespace knotmap
