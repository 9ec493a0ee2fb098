#version 330 core
// Region fills: triangles in diagram coordinates, placed on the target by
// the view transform, so they are re-rasterised sharply at any zoom.

layout(location = 0) in vec2 a_position; // diagram coordinates
layout(location = 1) in int a_region;    // index into the region table

uniform vec2 u_targetSize; // pixels
uniform vec2 u_origin;     // pixels: where diagram (0, 0) lands
uniform vec2 u_scale;      // pixels per diagram unit along x and y

flat out int v_region;
out vec2 v_diagram;

void main() {
    v_region = a_region;
    v_diagram = a_position;
    vec2 pixel = u_origin + a_position * u_scale;
    vec2 ndc = pixel / u_targetSize * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0); // pixels run down, clip space up
}
