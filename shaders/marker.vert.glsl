#version 330 core
// Knot markers: one instanced quad each; the fragment shader draws a
// signed-distance circle, so markers stay round and crisp at any size.

layout(location = 0) in vec4 a_geometry; // centre (pixels), radius (pixels), selected ring 0-1
layout(location = 1) in vec4 a_fill;     // sRGB, alpha
layout(location = 2) in vec4 a_outline;  // sRGB, alpha
layout(location = 3) in vec2 a_style;    // outline width (pixels), shadow 0-1

uniform vec2 u_targetSize;
uniform float u_ringGap;   // pixels between the marker and its selection ring
uniform float u_ringWidth; // pixels

out vec2 v_local; // pixels from the centre
flat out vec4 v_fill;
flat out vec4 v_outline;
flat out float v_radius;
flat out float v_ring;
flat out vec2 v_style;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;
    // Room for the ring, the shadow below, and an anti-aliased edge.
    float extent = a_geometry.z + u_ringGap + u_ringWidth + 4.0;
    v_local = corner * extent;
    v_fill = a_fill;
    v_outline = a_outline;
    v_radius = a_geometry.z;
    v_ring = a_geometry.w;
    v_style = a_style;
    vec2 pixel = a_geometry.xy + v_local;
    vec2 ndc = pixel / u_targetSize * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
