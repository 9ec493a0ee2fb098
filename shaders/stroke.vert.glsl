#version 330 core
// Boundary strokes: thin triangle strips built on the CPU, widened here in
// screen pixels so a line is equally crisp and thin at every zoom.

layout(location = 0) in vec2 a_position; // diagram coordinates on the line
layout(location = 1) in vec2 a_offset;   // unit normal (longer at miter corners)
layout(location = 2) in float a_side;    // -1 or +1

uniform vec2 u_targetSize;
uniform vec2 u_origin;
uniform vec2 u_scale;
uniform float u_halfWidth; // pixels

out float v_across; // signed pixels from the line's centre

void main() {
    // One extra pixel each side leaves room for the anti-aliased edge.
    float extent = u_halfWidth + 1.0;
    vec2 pixel = u_origin + a_position * u_scale + a_offset * (a_side * extent);
    v_across = a_side * extent;
    vec2 ndc = pixel / u_targetSize * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
