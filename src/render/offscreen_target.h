#pragma once

#include "render/gl_objects.h"

#include <cstdint>
#include <vector>

namespace knotmap::render {

// A colour image to draw into off screen and then show as a texture (in an
// ImGui::Image) or read back. With samples > 1 drawing goes to a multisampled
// renderbuffer and resolve() averages it into the texture: edges are
// anti-aliased at whatever resolution the image is drawn.
//
// The texture's first row is the bottom of the image (OpenGL's convention):
// show it with v flipped.
class OffscreenTarget {
public:
    explicit OffscreenTarget(int samples = 8);

    // Reallocates when the size changed; returns false if the driver refused
    // the framebuffer (the target then stays unusable until the next resize).
    bool resize(int width, int height);
    // Binds the drawing framebuffer and sets the viewport to the whole image.
    void bindForDrawing() const;
    // Makes the texture hold what was drawn (a no-op without multisampling).
    void resolve() const;
    // The resolved image as 8-bit RGBA, first row at the top (for PNG files).
    [[nodiscard]] std::vector<std::uint8_t> readPixels() const;

    [[nodiscard]] GLuint texture() const { return m_texture.get(); }
    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }
    [[nodiscard]] int samples() const { return m_samples; }
    [[nodiscard]] bool ready() const { return m_ready; }

private:
    int m_requestedSamples;
    int m_samples = 1;
    int m_width = 0;
    int m_height = 0;
    bool m_ready = false;
    GlFramebuffer m_multisampleFramebuffer;
    GlRenderbuffer m_multisampleColour;
    GlFramebuffer m_resolveFramebuffer;
    GlTexture m_texture;
};

} // namespace knotmap::render
