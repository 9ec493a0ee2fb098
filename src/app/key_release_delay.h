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
// While the release of Ctrl, Alt or Super is held back, whatever comes
// after it (keys and typed characters) waits behind it, in order: ImGui
// drops typed text while Ctrl looks down, so "Ctrl+End, then ','" in one
// slow frame would lose the ',', and "Ctrl+A, then 'v'" would paste. Other
// typing passes straight through, and everything held goes at the next
// frame: mouse clicks are not held, so text must never lag behind them.
class KeyReleaseDelay {
public:
    // Call right after ImGui_ImplGlfw_InitForOpenGL: key and character
    // events then pass through here on their way to ImGui. Uses the
    // window's user pointer.
    void install(GLFWwindow* window);
    // Before polling events: what was held back last frame reaches ImGui now.
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
    void forward(const InputEvent& event);

    GLFWwindow* m_window = nullptr;
    void (*m_forwardKey)(GLFWwindow*, int, int, int, int) = nullptr; // ImGui's handlers
    void (*m_forwardCharacter)(GLFWwindow*, unsigned int) = nullptr;
    // Whether everything waits: a held release of Ctrl, Alt or Super.
    [[nodiscard]] bool holdingModifier() const;

    bool m_unseenPress = false;     // a key went down since the last ImGui::NewFrame
    std::vector<InputEvent> m_held; // in the order they happened
};

} // namespace knotmap
