#pragma once

#include <glad/gl.h>

namespace knotmap::render {

// Saves the OpenGL state that offscreen drawing changes and restores it on
// destruction, so drawing the body map in the middle of an ImGui frame
// leaves the window's own rendering exactly as it was.
class GlStateGuard {
public:
    GlStateGuard();
    ~GlStateGuard();
    GlStateGuard(const GlStateGuard&) = delete;
    GlStateGuard& operator=(const GlStateGuard&) = delete;

private:
    GLint m_drawFramebuffer = 0;
    GLint m_readFramebuffer = 0;
    GLint m_viewport[4] = {};
    GLfloat m_clearColour[4] = {};
    GLboolean m_blend = GL_FALSE;
    GLboolean m_scissor = GL_FALSE;
    GLboolean m_depth = GL_FALSE;
    GLboolean m_cull = GL_FALSE;
    GLint m_blendSrcRgb = 0;
    GLint m_blendDstRgb = 0;
    GLint m_blendSrcAlpha = 0;
    GLint m_blendDstAlpha = 0;
    GLint m_blendEquationRgb = 0;
    GLint m_blendEquationAlpha = 0;
    GLint m_program = 0;
    GLint m_vertexArray = 0;
    GLint m_arrayBuffer = 0;
    GLint m_activeTexture = 0;
    GLint m_texture0 = 0;
    GLint m_texture1 = 0;
};

} // namespace knotmap::render
