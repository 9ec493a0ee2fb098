#include "report/pdf_glyphs.h"

#include <cmath>
#include <vector>

namespace knotmap::report {
namespace {

constexpr double kPi = 3.14159265358979;
constexpr Srgb kPaper{1, 1, 1};

// A regular polygon's corners, the first at angle start (radians, 0 = right,
// growing clockwise on the top-down page).
std::vector<Vec2> regularPolygon(Vec2 centre, double radius, int corners, double start) {
    std::vector<Vec2> points;
    for (int i = 0; i < corners; ++i) {
        const double angle = start + 2.0 * kPi * i / corners;
        points.push_back(
            {centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)});
    }
    return points;
}

void shape(PdfPainter& painter, const std::vector<Vec2>& points, Srgb colour, bool outlined) {
    if (outlined) {
        painter.polygon(points, kPaper, StrokeStyle{colour, 0.7});
    } else {
        painter.polygon(points, colour, std::nullopt);
    }
}

// Cross and plus are strokes: thick enough to weigh as much as a filled shape.
void strokes(PdfPainter& painter, Vec2 centre, double radius, double angle, Srgb colour,
             bool outlined) {
    const double reach = radius * 0.95;
    const double width = outlined ? radius * 0.3 : radius * 0.5;
    for (const double a : {angle, angle + kPi / 2}) {
        const Vec2 d{reach * std::cos(a), reach * std::sin(a)};
        painter.line({centre.x - d.x, centre.y - d.y}, {centre.x + d.x, centre.y + d.y},
                     {colour, width});
    }
}

} // namespace

Srgb paperColour(TreatmentHue hue) {
    return treatmentColour(hue, Surface::Light);
}

void drawGlyph(PdfPainter& painter, Vec2 centre, double radius, MarkerGlyph glyph, Srgb colour,
               bool outlined) {
    // The same area-evening factors as the window's glyphs (ui/charts/chart_glyphs.cpp).
    switch (glyph) {
    case MarkerGlyph::Circle:
        painter.circle(centre, radius * 0.9, outlined ? kPaper : colour,
                       outlined ? std::optional(StrokeStyle{colour, 0.7}) : std::nullopt);
        break;
    case MarkerGlyph::Square: {
        const double h = radius * 0.78;
        shape(painter,
              {{centre.x - h, centre.y - h},
               {centre.x + h, centre.y - h},
               {centre.x + h, centre.y + h},
               {centre.x - h, centre.y + h}},
              colour, outlined);
        break;
    }
    case MarkerGlyph::Diamond:
        shape(painter, regularPolygon(centre, radius * 1.05, 4, -kPi / 2), colour, outlined);
        break;
    case MarkerGlyph::TriangleUp:
    case MarkerGlyph::TriangleDown: {
        const bool up = glyph == MarkerGlyph::TriangleUp;
        const Vec2 shifted{centre.x, centre.y + (up ? 1.0 : -1.0) * radius * 0.15};
        shape(painter, regularPolygon(shifted, radius * 1.15, 3, up ? -kPi / 2 : kPi / 2), colour,
              outlined);
        break;
    }
    case MarkerGlyph::Cross:
        strokes(painter, centre, radius, kPi / 4, colour, outlined);
        break;
    case MarkerGlyph::Plus:
        strokes(painter, centre, radius, 0.0, colour, outlined);
        break;
    case MarkerGlyph::Star: {
        const auto outer = regularPolygon(centre, radius * 1.15, 5, -kPi / 2);
        const auto inner = regularPolygon(centre, radius * 1.15 * 0.45, 5, -kPi / 2 + kPi / 5);
        std::vector<Vec2> points;
        for (std::size_t i = 0; i < 5; ++i) {
            points.push_back(outer[i]);
            points.push_back(inner[i]);
        }
        shape(painter, points, colour, outlined);
        break;
    }
    case MarkerGlyph::Hexagon:
        shape(painter, regularPolygon(centre, radius * 0.95, 6, 0.0), colour, outlined);
        break;
    case MarkerGlyph::Ring:
        painter.circle(centre, radius * 0.75, std::nullopt,
                       StrokeStyle{colour, outlined ? radius * 0.2 : radius * 0.35});
        break;
    }
}

void drawTreatmentMarker(PdfPainter& painter, Vec2 centre, double radius, std::string_view kindCode,
                         bool outlined) {
    const TreatmentStyle style = treatmentStyle(kindCode);
    drawGlyph(painter, centre, radius, style.glyph, paperColour(style.hue), outlined);
}

} // namespace knotmap::report
