#version 330 core
// Region fills: each region's colour comes from a small table texture, so
// hover and heat changes cost one texture update, never a mesh rebuild.

flat in int v_region;
in vec2 v_diagram;

uniform sampler2D u_regionTable; // row 0: fill (sRGB, alpha); row 1: r = hatching 0-1
uniform sampler2D u_distance;    // signed distance to the silhouette, canvas heights
uniform float u_rimWidth;        // canvas heights over which the edge darkening fades
uniform float u_rimDarkening;    // 0-1: how much darker the very edge is
uniform vec4 u_hatchColour;      // stripes over highlighted (e.g. referred-pain) regions
uniform float u_hatchPeriod;     // pixels between stripes

out vec4 o_colour; // premultiplied alpha

void main() {
    vec4 fill = texelFetch(u_regionTable, ivec2(v_region, 0), 0);
    float hatch = texelFetch(u_regionTable, ivec2(v_region, 1), 0).r;

    // A soft falloff toward the silhouette makes the flat chart read as a
    // rounded body without pretending to be a 3D model.
    float depth = clamp(texture(u_distance, v_diagram).r / u_rimWidth, 0.0, 1.0);
    float shade = 1.0 - u_rimDarkening * (1.0 - depth) * (1.0 - depth);
    vec3 colour = fill.rgb * shade;

    if (hatch > 0.0) {
        // Diagonal stripes in screen space: the same density at every zoom.
        float phase = (gl_FragCoord.x + gl_FragCoord.y) / u_hatchPeriod;
        float across = abs(fract(phase) - 0.5) * 2.0; // 0 at a stripe's centre line
        float soft = max(fwidth(across), 1e-4);
        float stripe = 1.0 - smoothstep(0.32 - soft, 0.32 + soft, across);
        colour = mix(colour, u_hatchColour.rgb, stripe * hatch * u_hatchColour.a);
    }
    o_colour = vec4(colour * fill.a, fill.a);
}
