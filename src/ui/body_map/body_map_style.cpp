#include "ui/body_map/body_map_style.h"

namespace knotmap::ui {
namespace {

render::Rgba withAlpha(const ImVec4& colour, float alpha) {
    return {colour.x, colour.y, colour.z, alpha};
}

render::Rgba hex(unsigned value, float alpha = 1.0f) {
    return {static_cast<float>((value >> 16) & 0xFF) / 255.0f,
            static_cast<float>((value >> 8) & 0xFF) / 255.0f,
            static_cast<float>(value & 0xFF) / 255.0f, alpha};
}

// Widths in UI units (pixels at 96 dpi).
void setWidths(render::BodyMapStyle& style) {
    style.internalWidth = 1.0f;
    style.silhouetteWidth = 1.5f;
    style.hoverWidth = 2.0f;
    style.highlightWidth = 1.5f;
    style.hatchPeriod = 7.0f;
    style.ringGap = 2.5f;
    style.ringWidth = 2.5f;
}

// A near-white figure on a soft grey card, like a printed chart.
BodyMapColours makeLight() {
    const Palette& p = palette(ThemeKind::Light);
    BodyMapColours c;
    setWidths(c.style);
    c.card = hex(0xEDEBE6);
    c.body = hex(0xFCFAF7);
    c.style.background = c.card;
    c.style.internalStroke = hex(0x2A2622, 0.20f);
    c.style.silhouetteStroke = hex(0x3A332D, 0.70f);
    c.style.hoverStroke = toRgba(p.accent);
    c.style.highlightStroke = withAlpha(p.notice.text, 0.75f);
    c.style.hatch = withAlpha(p.notice.text, 0.35f);
    c.style.shadow = hex(0x3A332D, 0.10f);
    c.style.ring = toRgba(p.accent);
    c.style.halo = hex(0xFFFFFF, 0.85f);
    c.style.rimDarkening = 0.10f;
    c.heatStrength = 0.92f;
    c.accent = toRgba(p.accent);
    c.markerOutline = hex(0x2B2420, 0.90f);
    c.unratedFill = hex(0xB9B4AD);
    c.resolvedFill = hex(0xFFFFFF, 0.9f);
    c.resolvedOutline = hex(0x857E76);
    c.markerTextDark = ImVec4(0.12f, 0.10f, 0.09f, 1.0f);
    c.markerTextLight = ImVec4(1, 1, 1, 1);
    c.label = p.textMuted;
    return c;
}

// A slate figure on a darker card; the same pain ramp, lit outlines.
BodyMapColours makeDark() {
    const Palette& p = palette(ThemeKind::Dark);
    BodyMapColours c;
    setWidths(c.style);
    c.card = hex(0x1C1F23);
    c.body = hex(0x3A3F47);
    c.style.background = c.card;
    c.style.internalStroke = hex(0xFFFFFF, 0.14f);
    c.style.silhouetteStroke = hex(0xC9CDD3, 0.55f);
    c.style.hoverStroke = toRgba(p.accent);
    c.style.highlightStroke = withAlpha(p.notice.text, 0.8f);
    c.style.hatch = withAlpha(p.notice.text, 0.35f);
    c.style.shadow = hex(0x000000, 0.35f);
    c.style.ring = toRgba(p.accent);
    c.style.halo = hex(0x1C1F23, 0.85f);
    c.style.rimDarkening = 0.22f;
    c.heatStrength = 0.85f;
    c.accent = toRgba(p.accent);
    c.markerOutline = hex(0xF5F1EA, 0.95f);
    c.unratedFill = hex(0x7D838C);
    c.resolvedFill = hex(0x2A2E34, 0.9f);
    c.resolvedOutline = hex(0x9AA0A8);
    c.markerTextDark = ImVec4(0.12f, 0.10f, 0.09f, 1.0f);
    c.markerTextLight = ImVec4(1, 1, 1, 1);
    c.label = p.textMuted;
    return c;
}

} // namespace

// Built on each call (a few dozen assignments): a global table would depend
// on the theme's palettes being initialised first.
BodyMapColours bodyMapColours(ThemeKind theme) {
    return theme == ThemeKind::Dark ? makeDark() : makeLight();
}

render::Rgba toRgba(const ImVec4& colour) {
    return {colour.x, colour.y, colour.z, colour.w};
}

render::Rgba toRgba(Srgb colour, float alpha) {
    return {static_cast<float>(colour.r), static_cast<float>(colour.g),
            static_cast<float>(colour.b), alpha};
}

ImVec4 toImVec4(const render::Rgba& colour) {
    return ImVec4(colour.r, colour.g, colour.b, colour.a);
}

render::Rgba mix(const render::Rgba& from, const render::Rgba& to, float amount) {
    return {from.r + (to.r - from.r) * amount, from.g + (to.g - from.g) * amount,
            from.b + (to.b - from.b) * amount, from.a + (to.a - from.a) * amount};
}

ImU32 painColourU32(double pain) {
    return ImGui::GetColorU32(toImVec4(toRgba(painRampColour(pain))));
}

} // namespace knotmap::ui
