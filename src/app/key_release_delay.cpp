#include "app/key_release_delay.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <utility>

namespace knotmap {

void KeyReleaseDelay::install(GLFWwindow* window) {
    m_window = window;
    glfwSetWindowUserPointer(window, this);
    m_forwardKey = glfwSetKeyCallback(window, &KeyReleaseDelay::onKey);
    m_forwardCharacter = glfwSetCharCallback(window, &KeyReleaseDelay::onCharacter);
}

bool KeyReleaseDelay::holdingModifier() const {
    return std::any_of(m_held.begin(), m_held.end(), [](const InputEvent& event) {
        const bool modifier = event.key == GLFW_KEY_LEFT_CONTROL ||
                              event.key == GLFW_KEY_RIGHT_CONTROL ||
                              event.key == GLFW_KEY_LEFT_ALT || event.key == GLFW_KEY_RIGHT_ALT ||
                              event.key == GLFW_KEY_LEFT_SUPER || event.key == GLFW_KEY_RIGHT_SUPER;
        return !event.isCharacter && event.action == GLFW_RELEASE && modifier;
    });
}

void KeyReleaseDelay::forward(const InputEvent& event) {
    if (event.isCharacter) {
        if (m_forwardCharacter != nullptr) {
            m_forwardCharacter(m_window, event.codepoint);
        }
    } else if (m_forwardKey != nullptr) {
        m_forwardKey(m_window, event.key, event.scancode, event.action, event.mods);
    }
}

void KeyReleaseDelay::onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    auto* self = static_cast<KeyReleaseDelay*>(glfwGetWindowUserPointer(window));
    if (self == nullptr) {
        return;
    }
    const InputEvent event{false, 0, key, scancode, action, mods};
    if (self->holdingModifier() ||
        (action == GLFW_RELEASE && (self->m_unseenPress || !self->m_held.empty()))) {
        // Every release waits while a press is unseen, modifiers included:
        // Ctrl let go before the frame would turn Ctrl+Z into a plain Z.
        self->m_held.push_back(event);
        return;
    }
    if (action == GLFW_PRESS) {
        self->m_unseenPress = true;
    }
    self->forward(event);
}

void KeyReleaseDelay::onCharacter(GLFWwindow* window, unsigned int codepoint) {
    auto* self = static_cast<KeyReleaseDelay*>(glfwGetWindowUserPointer(window));
    if (self == nullptr) {
        return;
    }
    const InputEvent event{true, codepoint, 0, 0, 0, 0};
    if (self->holdingModifier()) {
        self->m_held.push_back(event);
        return;
    }
    self->forward(event);
}

void KeyReleaseDelay::deliverHeldReleases() {
    // Moved out first; all of it goes, in order: text never lags behind
    // the mouse by more than a frame.
    const std::vector<InputEvent> held = std::move(m_held);
    m_held.clear();
    for (const InputEvent& event : held) {
        forward(event);
    }
}

} // namespace knotmap
