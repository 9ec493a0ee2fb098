#pragma once

#include "core/colour_ramp.h"
#include "core/geometry.h"
#include "report/pdf_document.h"

#include <optional>
#include <string_view>
#include <vector>

// Drawing on one PDF page in top-down coordinates (y grows downwards from the
// page's top edge, like the layout and the body diagram), so layout code never
// deals with PDF's bottom-up axis.
namespace knotmap::report {

enum class TextAlign { Left, Centre, Right };

struct StrokeStyle {
    Srgb colour;
    double width = 0.5;
    bool dashed = false;
};

class PdfPainter {
public:
    PdfPainter(PdfDocument& document, HPDF_Page page, double pageHeight);

    // Draws text with its baseline at y; x is its left, centre or right edge.
    void text(double x, double y, std::string_view text, FontStyle style, double size, Srgb colour,
              TextAlign align = TextAlign::Left);
    [[nodiscard]] double textWidth(std::string_view text, FontStyle style, double size) const;

    void line(Vec2 from, Vec2 to, const StrokeStyle& stroke);
    void polyline(const std::vector<Vec2>& points, const StrokeStyle& stroke);
    // A closed polygon, filled and/or outlined.
    void polygon(const std::vector<Vec2>& points, std::optional<Srgb> fill,
                 std::optional<StrokeStyle> stroke);
    void rectangle(double x, double y, double width, double height, std::optional<Srgb> fill,
                   std::optional<StrokeStyle> stroke);
    void circle(Vec2 centre, double radius, std::optional<Srgb> fill,
                std::optional<StrokeStyle> stroke);

    [[nodiscard]] PdfDocument& document() { return m_document; }

private:
    [[nodiscard]] HPDF_REAL pdfY(double y) const;
    void applyStroke(const StrokeStyle& stroke);
    void finishPath(bool fill, bool stroke);

    PdfDocument& m_document;
    HPDF_Page m_page;
    double m_pageHeight;
};

} // namespace knotmap::report
