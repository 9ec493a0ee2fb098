#include "render/shader_program.h"

#include <doctest/doctest.h>

using knotmap::render::describeShaderLog;

TEST_CASE("shader compile logs name the shader file and line, whatever the driver") {
    // Mesa
    CHECK(describeShaderLog("shaders/marker.frag.glsl", "0:12(5): error: `colour' undeclared\n") ==
          "shaders/marker.frag.glsl:12: error: `colour' undeclared");
    // NVIDIA
    CHECK(describeShaderLog("shaders/region.vert.glsl",
                            "0(7) : error C1008: undefined variable \"u_scale\"") ==
          "shaders/region.vert.glsl:7: error C1008: undefined variable \"u_scale\"");
    // AMD and others
    CHECK(describeShaderLog("shaders/stroke.frag.glsl", "ERROR: 0:31: 'x' : syntax error") ==
          "shaders/stroke.frag.glsl:31: error: 'x' : syntax error");
}

TEST_CASE("several messages stay on their own lines and unknown lines are kept") {
    const std::string log = "0:3(1): warning: unused\n\n0:9(2): error: bad\nlinker says no\n";
    CHECK(describeShaderLog("s.glsl", log) ==
          "s.glsl:3: warning: unused\ns.glsl:9: error: bad\ns.glsl: linker says no");
}
