#include "ui/charts/chart_glyphs.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace knotmap::ui {
namespace {

constexpr float kPi = 3.14159265358979f;

// The points of a regular polygon, the first at angle start (radians, 0 =
// right). Angles grow clockwise on screen (y points down), the winding ImGui's
// anti-aliased fill expects, so the soft edge falls outside the shape.
template <std::size_t N>
std::array<ImVec2, N> regularPolygon(ImVec2 centre, float radius, float start) {
    std::array<ImVec2, N> points{};
    for (std::size_t i = 0; i < N; ++i) {
        const float angle = start + 2.0f * kPi * static_cast<float>(i) / static_cast<float>(N);
        points[i] =
            ImVec2(centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle));
    }
    return points;
}

// A five-pointed star is not convex, so it is filled as its inner pentagon
// plus one triangle per point. Anti-aliased fill would leave faint seams
// between those pieces; instead they are filled hard and the outline is
// stroked once with anti-aliasing to smooth the edge.
void drawStar(ImDrawList* drawList, ImVec2 centre, float radius, ImU32 colour) {
    const float inner = radius * 0.45f;
    const float start = -kPi / 2;
    const auto outer = regularPolygon<5>(centre, radius, start);
    const auto valley = regularPolygon<5>(centre, inner, start + kPi / 5);
    const ImDrawListFlags saved = drawList->Flags;
    drawList->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    drawList->AddConvexPolyFilled(valley.data(), 5, colour);
    for (std::size_t i = 0; i < 5; ++i) {
        drawList->AddTriangleFilled(valley[(i + 4) % 5], outer[i], valley[i], colour);
    }
    drawList->Flags = saved;
    std::array<ImVec2, 10> outline{};
    for (std::size_t i = 0; i < 5; ++i) {
        outline[2 * i] = outer[i];
        outline[2 * i + 1] = valley[i];
    }
    drawList->AddPolyline(outline.data(), 10, colour, ImDrawFlags_Closed, 1.0f);
}

// Cross and plus are strokes, so they need their own thickness to match the
// visual weight of the filled shapes; hollow ones are drawn thinner.
void drawStrokes(ImDrawList* drawList, ImVec2 centre, float radius, float angle, ImU32 colour,
                 float weight = 0.5f) {
    const float thickness = std::max(1.5f, radius * weight);
    const float reach = radius * 0.95f;
    for (const float a : {angle, angle + kPi / 2}) {
        const ImVec2 d(reach * std::cos(a), reach * std::sin(a));
        drawList->AddLine(ImVec2(centre.x - d.x, centre.y - d.y),
                          ImVec2(centre.x + d.x, centre.y + d.y), colour, thickness);
    }
}

} // namespace

TreatmentMarkerStyle treatmentMarkerStyle(const Palette& palette, std::string_view kindCode) {
    const TreatmentStyle style = treatmentStyle(kindCode);
    const bool isDark = &palette == &ui::palette(ThemeKind::Dark);
    const Srgb colour = treatmentColour(style.hue, isDark ? Surface::Dark : Surface::Light);
    return {style.glyph, ImVec4(static_cast<float>(colour.r), static_cast<float>(colour.g),
                                static_cast<float>(colour.b), 1.0f)};
}

void drawGlyph(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour) {
    // Shapes with corners look larger than a circle of the same radius; these
    // factors even out their areas so no kind looks more important.
    switch (glyph) {
    case Glyph::Circle:
        drawList->AddCircleFilled(centre, radius * 0.9f, colour);
        break;
    case Glyph::Square: {
        const float h = radius * 0.78f;
        drawList->AddRectFilled(ImVec2(centre.x - h, centre.y - h),
                                ImVec2(centre.x + h, centre.y + h), colour);
        break;
    }
    case Glyph::Diamond: {
        const auto points = regularPolygon<4>(centre, radius * 1.05f, -kPi / 2);
        drawList->AddConvexPolyFilled(points.data(), 4, colour);
        break;
    }
    case Glyph::TriangleUp:
    case Glyph::TriangleDown: {
        const bool up = glyph == Glyph::TriangleUp;
        // Shifted so the triangle's visual centre, not its circumcentre, sits on the point.
        const ImVec2 shifted(centre.x, centre.y + (up ? 1.0f : -1.0f) * radius * 0.15f);
        const auto points = regularPolygon<3>(shifted, radius * 1.15f, up ? -kPi / 2 : kPi / 2);
        drawList->AddConvexPolyFilled(points.data(), 3, colour);
        break;
    }
    case Glyph::Cross:
        drawStrokes(drawList, centre, radius, kPi / 4, colour);
        break;
    case Glyph::Plus:
        drawStrokes(drawList, centre, radius, 0.0f, colour);
        break;
    case Glyph::Star:
        drawStar(drawList, centre, radius * 1.15f, colour);
        break;
    case Glyph::Hexagon: {
        const auto points = regularPolygon<6>(centre, radius * 0.95f, 0.0f);
        drawList->AddConvexPolyFilled(points.data(), 6, colour);
        break;
    }
    case Glyph::Ring:
        drawList->AddCircle(centre, radius * 0.75f, colour, 0, std::max(1.5f, radius * 0.35f));
        break;
    }
}

void drawGlyphWithHalo(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour,
                       ImU32 haloColour) {
    const float halo = std::max(1.5f, radius * 0.3f);
    // Strokes and rings have gaps a scaled copy would not cover; a disc does.
    if (glyph == Glyph::Cross || glyph == Glyph::Plus || glyph == Glyph::Ring ||
        glyph == Glyph::Star) {
        drawList->AddCircleFilled(centre, radius + halo * 0.5f, haloColour);
    } else {
        drawGlyph(drawList, centre, radius + halo, glyph, haloColour);
    }
    drawGlyph(drawList, centre, radius, glyph, colour);
}

void drawGlyphOutlined(ImDrawList* drawList, ImVec2 centre, float radius, Glyph glyph, ImU32 colour,
                       ImU32 haloColour) {
    switch (glyph) {
    // Strokes have no inside to hollow out: thinner strokes read as lighter.
    case Glyph::Cross:
        drawStrokes(drawList, centre, radius, kPi / 4, colour, 0.25f);
        return;
    case Glyph::Plus:
        drawStrokes(drawList, centre, radius, 0.0f, colour, 0.25f);
        return;
    case Glyph::Ring:
        drawList->AddCircle(centre, radius * 0.75f, colour, 0, std::max(1.0f, radius * 0.18f));
        return;
    default:
        break;
    }
    // The shape, then a smaller copy in the background colour inside it;
    // the border keeps a visible width however small the glyph.
    const float border = std::max(1.5f, radius * 0.3f);
    drawGlyph(drawList, centre, radius, glyph, colour);
    // Pointed shapes need a deeper cut for their border to look as wide.
    const float pointed = glyph == Glyph::Star                                         ? 2.2f
                          : glyph == Glyph::TriangleUp || glyph == Glyph::TriangleDown ? 2.0f
                          : glyph == Glyph::Diamond                                    ? 1.4f
                                                                                       : 1.0f;
    drawGlyph(drawList, centre, std::max(radius - border * pointed, radius * 0.2f), glyph,
              haloColour);
}

} // namespace knotmap::ui
