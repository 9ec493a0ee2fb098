#include "app/key_release_delay.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstddef>
#include <utility>

namespace knotmap {

void KeyReleaseDelay::install(GLFWwindow* window) {
    m_window = window;
    glfwSetWindowUserPointer(window, this);
    m_forwardKey = glfwSetKeyCallback(window, &KeyReleaseDelay::onKey);
    m_forwardCharacter = glfwSetCharCallback(window, &KeyReleaseDelay::onCharacter);
}

bool KeyReleaseDelay::pass(const InputEvent& event) {
    if (event.isCharacter) {
        if (m_forwardCharacter != nullptr) {
            m_forwardCharacter(m_window, event.codepoint);
        }
        return true;
    }
    if (event.action == GLFW_RELEASE && m_unseenPress) {
        // Every release waits while a press is unseen, modifiers included:
        // Ctrl let go before the frame would turn Ctrl+Z into a plain Z.
        return false;
    }
    if (event.action == GLFW_PRESS) {
        m_unseenPress = true;
    }
    if (m_forwardKey != nullptr) {
        m_forwardKey(m_window, event.key, event.scancode, event.action, event.mods);
    }
    return true;
}

void KeyReleaseDelay::onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    auto* self = static_cast<KeyReleaseDelay*>(glfwGetWindowUserPointer(window));
    if (self == nullptr) {
        return;
    }
    const InputEvent event{false, 0, key, scancode, action, mods};
    if (!self->m_held.empty() || !self->pass(event)) {
        self->m_held.push_back(event);
    }
}

void KeyReleaseDelay::onCharacter(GLFWwindow* window, unsigned int codepoint) {
    auto* self = static_cast<KeyReleaseDelay*>(glfwGetWindowUserPointer(window));
    if (self == nullptr) {
        return;
    }
    const InputEvent event{true, codepoint, 0, 0, 0, 0};
    if (!self->m_held.empty() || !self->pass(event)) {
        self->m_held.push_back(event);
    }
}

void KeyReleaseDelay::deliverHeldReleases() {
    // Moved out first: what cannot pass yet is held again, in order.
    std::vector<InputEvent> held = std::move(m_held);
    m_held.clear();
    std::size_t next = 0;
    while (next < held.size() && pass(held[next])) {
        ++next;
    }
    m_held.assign(held.begin() + static_cast<std::ptrdiff_t>(next), held.end());
}

} // namespace knotmap
