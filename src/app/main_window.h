#pragma once

#include "ui/appearance.h"

#include <functional>
#include <optional>

struct GLFWwindow;

namespace knotmap {

// The desktop window: GLFW, an OpenGL 3.3 core context, Dear ImGui with the
// embedded Inter fonts, sized for the display's content scale and rebuilt
// when it changes (e.g. the window moves to a monitor with another scale).
class MainWindow {
public:
    // Throws std::runtime_error when no window or OpenGL 3.3 context can be made.
    MainWindow(const char* title, int width, int height);
    ~MainWindow();
    MainWindow(const MainWindow&) = delete;
    MainWindow& operator=(const MainWindow&) = delete;

    // Called once per frame between ImGui::NewFrame and ImGui::Render; returns
    // false to close the window.
    using DrawFrame = std::function<bool(const ui::Appearance&)>;

    // Runs frames until drawFrame returns false, the user closes the window,
    // or frameLimit frames have been shown.
    void run(const DrawFrame& drawFrame, std::optional<int> frameLimit);

    // Takes effect from the next frame.
    void setTheme(ui::ThemeKind theme);

private:
    // Shrinks the window to fit the primary monitor's work area if needed.
    void fitToWorkArea();
    // Rebuilds fonts and style when the content scale changed since last time.
    void updateScale();
    void renderFrame();

    GLFWwindow* m_window = nullptr;
    bool m_imguiReady = false;
    ui::Appearance m_look;
    float m_contentScale = 0.0f; // the scale the fonts were built for; 0 = not yet
    bool m_styleDirty = true;
};

} // namespace knotmap
