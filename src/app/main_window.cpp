#include "app/main_window.h"

#include "app/file_drops.h"
#include "render/offscreen_target.h"
#include "render/png_writer.h"
#include "ui/shell/frame_requests.h"
#include "ui/style/glyph_coverage.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace knotmap {
namespace {

// After input (or a worker's wake-up) frames are drawn without sleeping
// until the picture stops changing: Dear ImGui opens a popup, sizes a window
// to its contents or gives a field the keyboard over a few frames, and the
// result must show (and the field take the next key) at once. At least two,
// at most a dozen (something that changes on every frame asks for frames).
constexpr int kSettleFramesAtLeast = 2;
constexpr int kSettleFramesAtMost = 12;
// With nothing asked for, the window sleeps until an event: a frame drawn
// "just in case" costs about 40 ms of CPU in software OpenGL, most of an
// idle window's budget (docs/performance.md). Whatever changes on its own
// asks for frames or wakes the window (ui/shell/frame_requests.h).
constexpr auto kLongestSleep = std::chrono::hours(1);
// While a text field has the keyboard its cursor blinks (Dear ImGui: shown
// 0.8 s of every 1.2 s); a frame this often keeps the blink close enough.
constexpr auto kCursorBlinkStep = std::chrono::milliseconds(400);

std::string lastGlfwError() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description != nullptr ? description : "unknown reason";
}

} // namespace

MainWindow::MainWindow(const char* title, const std::optional<WindowGeometry>& saved)
    : MainWindow(title, kMinDesignedWidth, kMinDesignedHeight, saved, true) {}

MainWindow::MainWindow(const char* title, int width, int height)
    : MainWindow(title, width, height, std::nullopt, false) {}

MainWindow::MainWindow(const char* title, int width, int height,
                       const std::optional<WindowGeometry>& saved, bool visible) {
    if (glfwInit() != GLFW_TRUE) {
        throw std::runtime_error("cannot open a window: " + lastGlfwError());
    }
    try {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_SAMPLES, 4);
        // Shown once it is sized and placed, so it never flashes elsewhere.
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        // Sizes are measured against the monitor's work area in its own pixels.
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_FALSE);
        m_window = glfwCreateWindow(width, height, title, nullptr, nullptr);
        if (m_window == nullptr) {
            throw std::runtime_error("cannot open a window with OpenGL 3.3: " + lastGlfwError());
        }
        if (visible) {
            placeOnScreen(saved);
        }
        glfwMakeContextCurrent(m_window);
        if (gladLoadGL(glfwGetProcAddress) == 0) {
            throw std::runtime_error("cannot load the OpenGL 3.3 functions");
        }
        glfwSwapInterval(1);

        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        m_imguiReady = true;
        ImGuiIO& io = ImGui::GetIO();
        // Nothing is written to the working directory.
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        if (!ImGui_ImplGlfw_InitForOpenGL(m_window, true)) {
            throw std::runtime_error("cannot set up ImGui for the window");
        }
        m_keyReleases.install(m_window);
        collectFileDrops(m_window);
        ui::glyphCoverage().watchClipboard(io); // pasted text may need new glyphs
        if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
            ImGui_ImplGlfw_Shutdown();
            throw std::runtime_error("cannot set up ImGui's OpenGL renderer");
        }
    } catch (...) {
        if (m_imguiReady) {
            ImGui::DestroyContext();
        }
        if (m_window != nullptr) {
            glfwDestroyWindow(m_window);
        }
        glfwTerminate();
        throw;
    }
}

MainWindow::~MainWindow() {
    m_captureTarget.reset(); // while the context still exists
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

void MainWindow::placeOnScreen(const std::optional<WindowGeometry>& saved) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    ScreenRect area;
    if (monitor != nullptr) {
        glfwGetMonitorWorkarea(monitor, &area.x, &area.y, &area.width, &area.height);
    }
    if (area.width > 0 && area.height > 0) {
        // The window manager's title bar and borders must fit on screen too.
        FrameMargins frame;
        glfwGetWindowFrameSize(m_window, &frame.left, &frame.top, &frame.right, &frame.bottom);
        float scaleX = 1.0f;
        float scaleY = 1.0f;
        glfwGetMonitorContentScale(monitor, &scaleX, &scaleY);
        const ScreenRect rect = saved ? restoredRect(saved->normal, area, frame)
                                      : firstRunRect(area, frame, std::max(scaleX, scaleY));
        glfwSetWindowSize(m_window, rect.width, rect.height);
        glfwSetWindowPos(m_window, rect.x, rect.y);
    }
    glfwShowWindow(m_window);
    trackNormalRect();
    if (saved && saved->maximized) {
        glfwMaximizeWindow(m_window);
    }
}

void MainWindow::trackNormalRect() {
    if (glfwGetWindowAttrib(m_window, GLFW_VISIBLE) == GLFW_FALSE ||
        glfwGetWindowAttrib(m_window, GLFW_ICONIFIED) == GLFW_TRUE ||
        glfwGetWindowAttrib(m_window, GLFW_MAXIMIZED) == GLFW_TRUE) {
        return;
    }
    ScreenRect rect;
    glfwGetWindowPos(m_window, &rect.x, &rect.y);
    glfwGetWindowSize(m_window, &rect.width, &rect.height);
    if (rect.width > 0 && rect.height > 0) {
        m_normalRect = rect;
    }
}

WindowGeometry MainWindow::geometry() {
    trackNormalRect();
    WindowGeometry geometry;
    geometry.maximized = glfwGetWindowAttrib(m_window, GLFW_MAXIMIZED) == GLFW_TRUE;
    geometry.normal = m_normalRect.value_or(ScreenRect{});
    return geometry;
}

void MainWindow::setTheme(ui::ThemeKind theme) {
    if (theme != m_look.theme) {
        m_look.theme = theme;
        m_styleDirty = true;
    }
}

void MainWindow::setFontScale(float scale) {
    m_fontScale = std::clamp(scale, 0.5f, 2.0f);
}

void MainWindow::updateScale() {
    float scaleX = 1.0f;
    float scaleY = 1.0f;
    int windowWidth = 0;
    int windowHeight = 0;
    int framebufferWidth = 0;
    int framebufferHeight = 0;
    if (m_capture != nullptr) {
        // Captures look the same on every machine: 96 dpi, the image's size.
        windowWidth = framebufferWidth = m_capture->width;
        windowHeight = framebufferHeight = m_capture->height;
    } else {
        glfwGetWindowContentScale(m_window, &scaleX, &scaleY);
        glfwGetWindowSize(m_window, &windowWidth, &windowHeight);
        glfwGetFramebufferSize(m_window, &framebufferWidth, &framebufferHeight);
    }
    const bool minimised = windowWidth <= 0 || framebufferWidth <= 0;
    if (minimised && m_contentScale != 0.0f) {
        return; // nothing to measure: keep what we have
    }
    // The user's text size scales everything with the fonts, as a denser
    // display would, so spacing stays in proportion.
    const float contentScale = std::clamp(std::max(scaleX, scaleY), 0.5f, 4.0f) * m_fontScale;
    // Where the system scales the framebuffer itself (macOS, some Wayland
    // set-ups), ImGui works in window units: rasterise the fonts at the full
    // content scale for sharpness and let ImGui draw them at window size.
    const float framebufferRatio =
        minimised ? 1.0f : static_cast<float>(framebufferWidth) / static_cast<float>(windowWidth);
    const float uiScale = contentScale / std::max(1.0f, framebufferRatio);

    // New scripts in the data or typed: the atlas gains their glyphs.
    const bool newGlyphs = m_fallbackFaces.takeNewGlyphs();
    if (contentScale != m_contentScale || newGlyphs) {
        const bool rebuildTexture = m_contentScale != 0.0f;
        if (rebuildTexture) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
        }
        ImGuiIO& io = ImGui::GetIO();
        m_look.fonts = ui::buildFonts(*io.Fonts, contentScale, &m_fallbackFaces);
        io.FontGlobalScale = uiScale / contentScale;
        if (rebuildTexture) {
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        m_contentScale = contentScale;
        m_styleDirty = true;
    }
    if (uiScale != m_look.scale) {
        m_look.scale = uiScale;
        m_styleDirty = true;
    }
    if (m_styleDirty) {
        ui::applyTheme(m_look.theme, m_look.scale);
        m_styleDirty = false;
    }
}

namespace {

// Folds size bytes into a running hash (for the two below).
void mixInto(std::size_t& hash, const void* bytes, std::size_t size) {
    const std::string_view view(static_cast<const char*>(bytes), size);
    hash = hash * 1099511628211u ^ std::hash<std::string_view>{}(view);
}

// What a frame shows, as one number: equal pictures have equal hashes.
std::size_t drawDataHash(const ImDrawData& data) {
    std::size_t hash = 0;
    const auto mix = [&hash](const void* bytes, std::size_t size) {
        mixInto(hash, bytes, size);
    };
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList& list = *data.CmdLists[i];
        mix(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.size_in_bytes()));
        mix(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.size_in_bytes()));
        for (const ImDrawCmd& command : list.CmdBuffer) {
            mix(&command.ClipRect, sizeof command.ClipRect);
            mix(&command.TextureId, sizeof command.TextureId);
            mix(&command.ElemCount, sizeof command.ElemCount);
        }
    }
    return hash;
}

// What the person is doing with mouse and keyboard, as Dear ImGui will see
// it this frame: where the pointer is, which buttons and keys are down,
// wheel turns and typed characters. Input that arrives while the window is
// still settling is read by that frame's poll, not by a wake from sleep:
// a change here starts the settling again, so a click whose effect shows
// one frame later (a release opening the knot editor) is drawn.
std::size_t inputSignature(const ImGuiIO& io) {
    std::size_t hash = 0;
    const auto mix = [&hash](const void* bytes, std::size_t size) {
        mixInto(hash, bytes, size);
    };
    mix(&io.MousePos, sizeof io.MousePos);
    mix(io.MouseDown, sizeof io.MouseDown);
    mix(io.KeysDown, sizeof io.KeysDown);
    mix(&io.MouseWheel, sizeof io.MouseWheel);
    mix(&io.MouseWheelH, sizeof io.MouseWheelH);
    const int typed = io.InputQueueCharacters.Size;
    mix(&typed, sizeof typed);
    return hash;
}

// True when a window or popup opened this frame: Dear ImGui lays a new or
// reopened window out hidden on its first frame (HiddenFramesCannotSkipItems)
// and shows it on the next, so that frame can look the same as the one
// before and must not be the last before a sleep (a dropped file's import
// dialog stayed invisible). HiddenFramesCanSkipItems is not asked: a child
// scrolled wholly out of view keeps it set on every frame.
bool windowsAppearing() {
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
        if (window->Active && window->HiddenFramesCannotSkipItems > 0) {
            return true;
        }
    }
    return false;
}

} // namespace

bool MainWindow::renderFrame(bool lastFrame) {
    ImGui::Render();
    const std::size_t picture = drawDataHash(*ImGui::GetDrawData());
    const bool changed = picture != m_lastPicture;
    m_lastPicture = picture;
    ui::glyphCoverage().recordFrame(*ImGui::GetDrawData(), *ImGui::GetIO().Fonts);
    int width = 0;
    int height = 0;
    if (m_capture != nullptr) {
        if (!m_captureTarget) {
            m_captureTarget = std::make_unique<render::OffscreenTarget>(1);
        }
        if (!m_captureTarget->resize(m_capture->width, m_capture->height)) {
            throw std::runtime_error("cannot draw a " + std::to_string(m_capture->width) + " x " +
                                     std::to_string(m_capture->height) + " image off screen");
        }
        m_captureTarget->bindForDrawing();
        width = m_capture->width;
        height = m_capture->height;
    } else {
        glfwGetFramebufferSize(m_window, &width, &height);
    }
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    saveRequestedRegion(width, height);
    if (m_capture != nullptr) {
        if (lastFrame) {
            m_capture->rgba = m_captureTarget->readPixels();
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return changed; // nothing to show: the window is hidden
    }
    glfwSwapBuffers(m_window);
    return changed;
}

std::optional<RegionSaveResult> MainWindow::takeRegionSaveResult() {
    std::optional<RegionSaveResult> result = std::move(m_regionSaveResult);
    m_regionSaveResult.reset();
    return result;
}

void MainWindow::saveRequestedRegion(int framebufferWidth, int framebufferHeight) {
    if (!m_regionSave) {
        return;
    }
    const RegionSave request = std::move(*m_regionSave);
    m_regionSave.reset();
    RegionSaveResult result{request.file, {}};
    // ImGui's coordinates to framebuffer pixels; OpenGL counts rows from the bottom.
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    const int x0 =
        std::clamp(static_cast<int>(std::lround(request.minX * scale.x)), 0, framebufferWidth);
    const int x1 =
        std::clamp(static_cast<int>(std::lround(request.maxX * scale.x)), 0, framebufferWidth);
    const int y0 =
        std::clamp(static_cast<int>(std::lround(request.minY * scale.y)), 0, framebufferHeight);
    const int y1 =
        std::clamp(static_cast<int>(std::lround(request.maxY * scale.y)), 0, framebufferHeight);
    const int width = x1 - x0;
    const int height = y1 - y0;
    if (width <= 0 || height <= 0) {
        result.error = "there is nothing on screen to save";
        m_regionSaveResult = std::move(result);
        return;
    }
    std::vector<std::uint8_t> bottomUp(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x0, framebufferHeight - y1, width, height, GL_RGBA, GL_UNSIGNED_BYTE,
                 bottomUp.data());
    std::vector<std::uint8_t> rgba(bottomUp.size());
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y) {
        std::copy_n(bottomUp.begin() + static_cast<std::ptrdiff_t>(row * y), row,
                    rgba.begin() + static_cast<std::ptrdiff_t>(row * (height - 1 - y)));
    }
    for (std::size_t i = 3; i < rgba.size(); i += 4) {
        rgba[i] = 255; // the window is opaque; its alpha channel is not meaningful
    }
    try {
        render::writePng(request.file, width, height, rgba);
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    m_regionSaveResult = std::move(result);
}

bool MainWindow::sleepUntilNeeded() {
    using Clock = ui::FrameClock;
    const Clock::time_point start = Clock::now();
    Clock::duration budget = ui::takeSleepBudget(start, kLongestSleep);
    if (ImGui::GetIO().WantTextInput) {
        budget = std::min<Clock::duration>(budget, kCursorBlinkStep);
    }
    if (budget <= Clock::duration::zero()) {
        glfwPollEvents();
        return false;
    }
    glfwWaitEventsTimeout(std::chrono::duration<double>(budget).count());
    // Woken before the time asked for: an event came (input, a resize, a
    // worker's wake-up), and its effect is drawn over a few frames.
    return Clock::now() - start < budget - std::chrono::milliseconds(1);
}

void MainWindow::run(const DrawFrame& drawFrame, std::optional<int> frameLimit,
                     FrameCapture* capture) {
    m_capture = capture;
    ui::setWindowWaker([] { glfwPostEmptyEvent(); });
    // Captures and tests that count frames draw them back to back.
    const bool sleeps = capture == nullptr && !frameLimit;
    int frames = 0;
    // Frames still to draw without sleeping, and how many of them whatever they show.
    int settling = kSettleFramesAtMost; // the first frames lay out as fonts and sizes settle
    int settlingAtLeast = kSettleFramesAtLeast;
    int changedRun = 0; // frames in a row whose picture changed
    while (glfwWindowShouldClose(m_window) == GLFW_FALSE) {
        m_keyReleases.deliverHeldReleases();
        const bool busy = m_keyReleases.holdingReleases();
        if (!sleeps || settling > 0 || busy) {
            (void)ui::takeSleepBudget(ui::FrameClock::now(), kLongestSleep);
            glfwPollEvents();
        } else if (sleepUntilNeeded()) {
            settling = kSettleFramesAtMost;
            settlingAtLeast = kSettleFramesAtLeast;
        }
        if (m_capture == nullptr) {
            trackNormalRect();
        }
        ui::glyphCoverage().noteTypedCharacters(ImGui::GetIO()); // before the atlas is checked
        updateScale();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        const std::size_t input = inputSignature(ImGui::GetIO());
        if (input != m_lastInput) {
            settling = std::max(settling, kSettleFramesAtMost);
            settlingAtLeast = std::max(settlingAtLeast, kSettleFramesAtLeast);
        }
        m_lastInput = input;
        if (m_capture != nullptr) {
            ImGuiIO& io = ImGui::GetIO();
            io.DisplaySize =
                ImVec2(static_cast<float>(m_capture->width), static_cast<float>(m_capture->height));
            io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
        }
        ImGui::NewFrame();
        m_keyReleases.frameStarted();
        const bool keepOpen = drawFrame(m_look);
        ++frames;
        ++m_framesDrawn;
        const bool last = !keepOpen || (frameLimit && frames >= *frameLimit);
        const bool changed = renderFrame(last);
        changedRun = changed ? changedRun + 1 : 0;
        if (settling > 0) {
            --settling;
            if (settlingAtLeast > 0) {
                --settlingAtLeast;
            } else if (!changed) {
                settling = 0; // the picture stood still: sleep
            }
        }
        // Any frame that changed the picture (one drawn while a list was
        // open, or asked for) is followed by another, until one shows the
        // same: a window opened from a menu lays itself out over a few frames.
        if (changed && changedRun < kSettleFramesAtMost) {
            settling = std::max(settling, 1);
        }
        if (windowsAppearing()) {
            settling = std::max(settling, 1);
        }
        if (last) {
            break;
        }
    }
    m_capture = nullptr;
}

} // namespace knotmap
