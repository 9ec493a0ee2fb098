#pragma once

#include "render/gl_objects.h"

#include <string>
#include <string_view>

namespace knotmap::render {

// A linked GLSL program made from two embedded shader files
// (shaders/*.glsl, read through knotmap::asset).
class ShaderProgram {
public:
    // Compiles and links; throws std::runtime_error whose message names the
    // shader file and line of each compiler error, e.g.
    // "shaders/marker.frag.glsl:12: error: 'colour' undeclared".
    static ShaderProgram fromAssets(std::string_view vertexAsset, std::string_view fragmentAsset);

    [[nodiscard]] GLuint id() const { return m_program.get(); }
    // -1 when the program has no such active uniform (setting -1 is a no-op).
    [[nodiscard]] GLint uniform(const char* name) const;

private:
    GlProgram m_program;
};

// Rewrites a driver's compile log so each message names the file and line:
// Mesa "0:12(5): error: x", NVIDIA "0(12) : error C1008: x" and
// "ERROR: 0:12: x" all become "<file>:12: error: x". Lines it does not
// recognise are kept, prefixed with the file name.
[[nodiscard]] std::string describeShaderLog(std::string_view file, std::string_view log);

} // namespace knotmap::render
