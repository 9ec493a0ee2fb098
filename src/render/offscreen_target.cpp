#include "render/offscreen_target.h"

#include <algorithm>

namespace knotmap::render {
namespace {

// Restores the framebuffer bindings that were current on construction.
class FramebufferBindingGuard {
public:
    FramebufferBindingGuard() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &m_draw);
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &m_read);
    }
    ~FramebufferBindingGuard() {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(m_draw));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(m_read));
    }
    FramebufferBindingGuard(const FramebufferBindingGuard&) = delete;
    FramebufferBindingGuard& operator=(const FramebufferBindingGuard&) = delete;

private:
    GLint m_draw = 0;
    GLint m_read = 0;
};

bool complete(GLenum target) {
    return glCheckFramebufferStatus(target) == GL_FRAMEBUFFER_COMPLETE;
}

} // namespace

OffscreenTarget::OffscreenTarget(int samples) : m_requestedSamples(samples) {}

bool OffscreenTarget::resize(int width, int height) {
    width = std::max(width, 1);
    height = std::max(height, 1);
    if (m_texture && width == m_width && height == m_height) {
        return m_ready;
    }
    const FramebufferBindingGuard guard;
    m_width = width;
    m_height = height;
    m_ready = false;

    GLint textureBinding = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &textureBinding);
    m_texture = makeTexture();
    glBindTexture(GL_TEXTURE_2D, m_texture.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    // Shown pixel for pixel; linear only softens a fractional placement.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(textureBinding));

    m_resolveFramebuffer = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, m_resolveFramebuffer.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture.get(), 0);
    if (!complete(GL_FRAMEBUFFER)) {
        return false;
    }

    GLint maxSamples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    m_samples = std::clamp(m_requestedSamples, 1, std::max(1, maxSamples));
    m_multisampleFramebuffer.reset();
    m_multisampleColour.reset();
    if (m_samples > 1) {
        m_multisampleColour = makeRenderbuffer();
        glBindRenderbuffer(GL_RENDERBUFFER, m_multisampleColour.get());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, m_samples, GL_RGBA8, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        m_multisampleFramebuffer = makeFramebuffer();
        glBindFramebuffer(GL_FRAMEBUFFER, m_multisampleFramebuffer.get());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                                  m_multisampleColour.get());
        if (!complete(GL_FRAMEBUFFER)) {
            // Still usable, only without multisampling.
            m_multisampleFramebuffer.reset();
            m_multisampleColour.reset();
            m_samples = 1;
        }
    }
    m_ready = true;
    return true;
}

void OffscreenTarget::bindForDrawing() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_multisampleFramebuffer ? m_multisampleFramebuffer.get()
                                                               : m_resolveFramebuffer.get());
    glViewport(0, 0, m_width, m_height);
}

void OffscreenTarget::resolve() const {
    if (!m_multisampleFramebuffer) {
        return;
    }
    const FramebufferBindingGuard guard;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_multisampleFramebuffer.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_resolveFramebuffer.get());
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
}

std::vector<std::uint8_t> OffscreenTarget::readPixels() const {
    resolve();
    const FramebufferBindingGuard guard;
    const auto rowBytes = static_cast<std::size_t>(m_width) * 4;
    std::vector<std::uint8_t> bottomUp(rowBytes * static_cast<std::size_t>(m_height));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_resolveFramebuffer.get());
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
    // OpenGL's first row is the bottom one; images start at the top.
    std::vector<std::uint8_t> topDown(bottomUp.size());
    for (std::size_t row = 0; row < static_cast<std::size_t>(m_height); ++row) {
        std::copy_n(bottomUp.begin() + static_cast<std::ptrdiff_t>(row * rowBytes), rowBytes,
                    topDown.begin() +
                        static_cast<std::ptrdiff_t>((static_cast<std::size_t>(m_height) - 1 - row) *
                                                    rowBytes));
    }
    return topDown;
}

} // namespace knotmap::render
