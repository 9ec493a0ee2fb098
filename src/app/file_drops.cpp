#include "app/file_drops.h"

#include <GLFW/glfw3.h>

#include <utility>

namespace knotmap {
namespace {

// Only touched on the main thread: GLFW calls back from glfwPollEvents.
std::vector<std::filesystem::path>& dropped() {
    static std::vector<std::filesystem::path> paths;
    return paths;
}

void onDrop(GLFWwindow* /*window*/, int count, const char** paths) {
    dropped().clear(); // a new drop replaces one not taken yet
    for (int i = 0; i < count; ++i) {
        dropped().emplace_back(paths[i]);
    }
}

} // namespace

void collectFileDrops(GLFWwindow* window) {
    glfwSetDropCallback(window, onDrop);
}

std::vector<std::filesystem::path> takeFileDrops() {
    return std::exchange(dropped(), {});
}

} // namespace knotmap
