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
//
// Whatever comes after a held release (keys and typed characters) waits
// behind it, in order: typed text is dropped by ImGui while Ctrl is down,
// so "Ctrl+End, then ','" in one slow frame would otherwise lose the ','.
class KeyReleaseDelay {
public:
    // Call right after ImGui_ImplGlfw_InitForOpenGL: key and character
    // events then pass through here on their way to ImGui. Uses the
    // window's user pointer.
    void install(GLFWwindow* window);
    // Before polling events: what was held back last frame reaches ImGui
    // now, up to the next release of a key this frame has not seen down.
    void deliverHeldReleases();
    // After ImGui::NewFrame: the keys pressed so far have been seen down.
    void frameStarted() { m_unseenPress = false; }
    // Events are waiting for the next frame: it must not sleep first.
    [[nodiscard]] bool holdingReleases() const { return !m_held.empty(); }

private:
    struct InputEvent {
        bool isCharacter;
        unsigned int codepoint; // a typed character's
        int key;
        int scancode;
        int action;
        int mods;
    };
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void onCharacter(GLFWwindow* window, unsigned int codepoint);
    // Forwards the event, or returns false when it must wait for a frame.
    bool pass(const InputEvent& event);

    GLFWwindow* m_window = nullptr;
    void (*m_forwardKey)(GLFWwindow*, int, int, int, int) = nullptr; // ImGui's handlers
    void (*m_forwardCharacter)(GLFWwindow*, unsigned int) = nullptr;
    bool m_unseenPress = false;     // a key went down since the last ImGui::NewFrame
    std::vector<InputEvent> m_held; // in the order they happened
};

} // namespace knotmap
