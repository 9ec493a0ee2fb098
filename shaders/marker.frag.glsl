#version 330 core

in vec2 v_local;
flat in vec4 v_fill;
flat in vec4 v_outline;
flat in float v_radius;
flat in float v_ring;
flat in vec2 v_style;

uniform float u_ringGap;
uniform float u_ringWidth;
uniform vec4 u_ringColour; // sRGB, alpha
uniform vec4 u_haloColour; // fills the gap inside the ring, to separate it from the body

out vec4 o_colour; // premultiplied alpha

// Pixel coverage of a shape given the signed distance to its edge (negative inside).
float coverage(float signedDistance) {
    return clamp(0.5 - signedDistance, 0.0, 1.0);
}

vec4 premultiplied(vec4 colour, float cover) {
    float alpha = colour.a * cover;
    return vec4(colour.rgb * alpha, alpha);
}

vec4 over(vec4 top, vec4 below) {
    return top + below * (1.0 - top.a);
}

void main() {
    float r = length(v_local);
    // A soft shadow just below lifts the marker off the body.
    float shadowEdge = length(v_local - vec2(0.0, 1.2)) - v_radius;
    vec4 colour = vec4(0.0, 0.0, 0.0, 0.28 * v_style.y * (1.0 - smoothstep(-1.5, 2.5, shadowEdge)));

    if (v_ring > 0.0) {
        float ringRadius = v_radius + u_ringGap + 0.5 * u_ringWidth;
        float ring = clamp(0.5 * u_ringWidth + 0.5 - abs(r - ringRadius), 0.0, 1.0);
        colour = over(premultiplied(u_haloColour, coverage(r - ringRadius) * v_ring), colour);
        colour = over(premultiplied(u_ringColour, ring * v_ring), colour);
    }
    colour = over(premultiplied(v_outline, coverage(r - v_radius)), colour);
    colour = over(premultiplied(v_fill, coverage(r - (v_radius - v_style.x))), colour);
    o_colour = colour;
}
