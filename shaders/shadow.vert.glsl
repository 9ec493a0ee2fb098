#version 330 core
// The figure's faint shadow: one quad over the view's canvas (no vertex
// buffer; corners from gl_VertexID).

uniform vec2 u_targetSize;
uniform vec2 u_origin;
uniform vec2 u_scale;

out vec2 v_diagram;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    v_diagram = corner;
    vec2 pixel = u_origin + corner * u_scale;
    vec2 ndc = pixel / u_targetSize * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
