#pragma once

#include "core/atlas.h"
#include "render/body_map_frame.h"
#include "render/body_map_renderer.h"
#include "render/offscreen_target.h"

#include <memory>
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
    GLuint draw(const Atlas& atlas, const BodyMapFrame& frame);

    [[nodiscard]] const std::string& error() const { return m_error; }

private:
    std::unique_ptr<BodyMapRenderer> m_renderer;
    OffscreenTarget m_target;
    std::string m_error; // set once drawing failed for good
};

} // namespace knotmap::render
