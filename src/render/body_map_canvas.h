#pragma once

#include "core/atlas.h"
#include "render/body_map_frame.h"
#include "render/body_map_renderer.h"
#include "render/offscreen_target.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace knotmap::render {

// The body map's GPU side as one object for the panel: a multisampled
// offscreen target the size of the panel and the renderer, made on first use
// (a current OpenGL context is needed then, and when this is destroyed).
class BodyMapCanvas {
public:
    BodyMapCanvas();

    // Draws the frame off screen and returns the texture that holds it (first
    // row at the bottom: show it with v flipped). Leaves the OpenGL state as
    // it found it. Returns 0 when the map cannot be drawn; error() says why.
    // A frame showing the same as the last one drawn is not drawn again: its
    // texture is returned as it is (the render was most of a frame's cost).
    GLuint draw(const Atlas& atlas, const BodyMapFrame& frame);

    // How many times draw() rendered, against how many it was called: for
    // tests and the benchmark.
    [[nodiscard]] std::uint64_t renders() const { return m_renders; }

    [[nodiscard]] const std::string& error() const { return m_error; }

private:
    std::unique_ptr<BodyMapRenderer> m_renderer;
    OffscreenTarget m_target;
    std::string m_error;                     // set once drawing failed for good
    std::optional<BodyMapFrameCopy> m_drawn; // what the texture holds; none when unknown
    std::uint64_t m_renders = 0;
};

} // namespace knotmap::render
