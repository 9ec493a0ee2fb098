#pragma once

#include <filesystem>
#include <vector>

struct GLFWwindow;

namespace knotmap {

// Files and folders dropped onto the window from a file manager (GLFW's
// drop callback, XDND on X11), kept until the next frame takes them.
// GLFW's callback carries no pointer of ours (the window's user pointer is
// KeyReleaseDelay's), and a process has one window: the drops are kept
// per process.
void collectFileDrops(GLFWwindow* window);
// What was dropped since the last call, in the order the file manager gave.
[[nodiscard]] std::vector<std::filesystem::path> takeFileDrops();

} // namespace knotmap
