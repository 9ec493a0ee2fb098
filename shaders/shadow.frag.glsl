#version 330 core

in vec2 v_diagram;

uniform sampler2D u_distance; // signed distance to the silhouette, canvas heights
uniform vec2 u_offset;        // diagram units: where the shadow falls
uniform float u_softness;     // canvas heights over which it fades
uniform vec4 u_colour;        // sRGB, alpha at the silhouette

out vec4 o_colour;

void main() {
    float distance = texture(u_distance, v_diagram - u_offset).r;
    float alpha = u_colour.a * smoothstep(-u_softness, 0.0, distance);
    o_colour = vec4(u_colour.rgb * alpha, alpha);
}
