#include "app/key_release_delay.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <utility>

namespace knotmap {

void KeyReleaseDelay::install(GLFWwindow* window) {
    m_window = window;
    glfwSetWindowUserPointer(window, this);
    m_forward = glfwSetKeyCallback(window, &KeyReleaseDelay::onKey);
}

void KeyReleaseDelay::onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    auto* self = static_cast<KeyReleaseDelay*>(glfwGetWindowUserPointer(window));
    if (self == nullptr || self->m_forward == nullptr) {
        return;
    }
    if (action == GLFW_PRESS) {
        self->m_unseenPress = true;
    } else if (action == GLFW_RELEASE && (self->m_unseenPress || !self->m_heldReleases.empty())) {
        // Every release waits while a press is unseen, modifiers included:
        // Ctrl let go before the frame would turn Ctrl+Z into a plain Z.
        self->m_heldReleases.push_back({key, scancode, action, mods});
        return;
    }
    self->m_forward(window, key, scancode, action, mods);
}

void KeyReleaseDelay::deliverHeldReleases() {
    if (m_forward == nullptr) {
        return;
    }
    // Moved out first: forwarding may not add to the list, but be safe.
    const std::vector<KeyEvent> releases = std::move(m_heldReleases);
    m_heldReleases.clear();
    for (const KeyEvent& release : releases) {
        m_forward(m_window, release.key, release.scancode, release.action, release.mods);
    }
}

} // namespace knotmap
