#pragma once

#include <glad/gl.h>

#include <utility>

// Owning handles for OpenGL objects: each deletes its object when destroyed,
// moves but never copies, so a renderer's members clean up after themselves.
// They must be destroyed while the context that made them is current.
namespace knotmap::render {

template <void (*Delete)(GLuint)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint name) : m_name(name) {}
    ~GlHandle() { reset(); }
    GlHandle(GlHandle&& other) noexcept : m_name(std::exchange(other.m_name, 0)) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            m_name = std::exchange(other.m_name, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;

    [[nodiscard]] GLuint get() const { return m_name; }
    [[nodiscard]] explicit operator bool() const { return m_name != 0; }
    void reset() {
        if (m_name != 0) {
            Delete(m_name);
            m_name = 0;
        }
    }

private:
    GLuint m_name = 0;
};

namespace detail {
// glad's entry points are function pointers loaded at run time, so each
// deleter is a small function rather than the pointer itself.
inline void deleteBuffer(GLuint name) {
    glDeleteBuffers(1, &name);
}
inline void deleteVertexArray(GLuint name) {
    glDeleteVertexArrays(1, &name);
}
inline void deleteTexture(GLuint name) {
    glDeleteTextures(1, &name);
}
inline void deleteFramebuffer(GLuint name) {
    glDeleteFramebuffers(1, &name);
}
inline void deleteRenderbuffer(GLuint name) {
    glDeleteRenderbuffers(1, &name);
}
inline void deleteProgram(GLuint name) {
    glDeleteProgram(name);
}
inline void deleteShader(GLuint name) {
    glDeleteShader(name);
}
} // namespace detail

using GlBuffer = GlHandle<detail::deleteBuffer>;
using GlVertexArray = GlHandle<detail::deleteVertexArray>;
using GlTexture = GlHandle<detail::deleteTexture>;
using GlFramebuffer = GlHandle<detail::deleteFramebuffer>;
using GlRenderbuffer = GlHandle<detail::deleteRenderbuffer>;
using GlProgram = GlHandle<detail::deleteProgram>;
using GlShader = GlHandle<detail::deleteShader>;

inline GlBuffer makeBuffer() {
    GLuint name = 0;
    glGenBuffers(1, &name);
    return GlBuffer(name);
}
inline GlVertexArray makeVertexArray() {
    GLuint name = 0;
    glGenVertexArrays(1, &name);
    return GlVertexArray(name);
}
inline GlTexture makeTexture() {
    GLuint name = 0;
    glGenTextures(1, &name);
    return GlTexture(name);
}
inline GlFramebuffer makeFramebuffer() {
    GLuint name = 0;
    glGenFramebuffers(1, &name);
    return GlFramebuffer(name);
}
inline GlRenderbuffer makeRenderbuffer() {
    GLuint name = 0;
    glGenRenderbuffers(1, &name);
    return GlRenderbuffer(name);
}

} // namespace knotmap::render
