#pragma once

#include <vector>

struct GLFWwindow;

namespace knotmap {

// Dear ImGui 1.86 looks at the keyboard once per frame, as "which keys are
// down now". A key pressed and released between two frames (a quick tap, or
// any tap while a frame is slow) is never seen down, so its shortcut is
// lost. While a press has not been seen by a frame, this holds back key
// releases (all of them, so modifiers stay down with their key) until the
// next frame, as later ImGui versions do with their input queue.
class KeyReleaseDelay {
public:
    // Call right after ImGui_ImplGlfw_InitForOpenGL: key events then pass
    // through here on their way to ImGui. Uses the window's user pointer.
    void install(GLFWwindow* window);
    // Before polling events: releases held back last frame reach ImGui now.
    void deliverHeldReleases();
    // After ImGui::NewFrame: the keys pressed so far have been seen down.
    void frameStarted() { m_unseenPress = false; }
    // Releases are waiting for the next frame: it must not sleep first.
    [[nodiscard]] bool holdingReleases() const { return !m_heldReleases.empty(); }

private:
    struct KeyEvent {
        int key;
        int scancode;
        int action;
        int mods;
    };
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);

    GLFWwindow* m_window = nullptr;
    void (*m_forward)(GLFWwindow*, int, int, int, int) = nullptr; // ImGui's handler
    bool m_unseenPress = false; // a key went down since the last ImGui::NewFrame
    std::vector<KeyEvent> m_heldReleases;
};

} // namespace knotmap
