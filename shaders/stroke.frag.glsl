#version 330 core

in float v_across;

uniform float u_halfWidth;
uniform vec4 u_colour; // sRGB, alpha

out vec4 o_colour; // premultiplied alpha

void main() {
    // Pixel coverage of the line's cross-section: lines thinner than a pixel
    // fade instead of breaking up.
    float coverage = clamp(u_halfWidth + 0.5 - abs(v_across), 0.0, 1.0);
    float alpha = u_colour.a * coverage;
    o_colour = vec4(u_colour.rgb * alpha, alpha);
}
