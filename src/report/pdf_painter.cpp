#include "report/pdf_painter.h"

namespace knotmap::report {
namespace {

HPDF_REAL real(double value) {
    return static_cast<HPDF_REAL>(value);
}

} // namespace

PdfPainter::PdfPainter(PdfDocument& document, HPDF_Page page, double pageHeight)
    : m_document(document), m_page(page), m_pageHeight(pageHeight) {}

HPDF_REAL PdfPainter::pdfY(double y) const {
    return real(m_pageHeight - y);
}

double PdfPainter::textWidth(std::string_view text, FontStyle style, double size) const {
    return m_document.textWidth(text, style, size);
}

void PdfPainter::text(double x, double y, std::string_view text, FontStyle style, double size,
                      Srgb colour, TextAlign align) {
    if (text.empty()) {
        return;
    }
    if (align != TextAlign::Left) {
        const double width = textWidth(text, style, size);
        x -= align == TextAlign::Centre ? width / 2 : width;
    }
    HPDF_Page_SetRGBFill(m_page, real(colour.r), real(colour.g), real(colour.b));
    HPDF_Page_BeginText(m_page);
    HPDF_Page_MoveTextPos(m_page, real(x), pdfY(y));
    // Each run in its font; ShowText moves the pen to the end of the run.
    for (const PdfDocument::FontRun& run : m_document.fontRuns(text, style)) {
        HPDF_Page_SetFontAndSize(m_page, run.font, real(size));
        HPDF_Page_ShowText(m_page, run.encoded.c_str());
    }
    HPDF_Page_EndText(m_page);
}

void PdfPainter::applyStroke(const StrokeStyle& stroke) {
    HPDF_Page_SetRGBStroke(m_page, real(stroke.colour.r), real(stroke.colour.g),
                           real(stroke.colour.b));
    HPDF_Page_SetLineWidth(m_page, real(stroke.width));
    if (stroke.dashed) {
        static const HPDF_UINT16 pattern[] = {3, 2};
        HPDF_Page_SetDash(m_page, pattern, 2, 0);
    } else {
        HPDF_Page_SetDash(m_page, nullptr, 0, 0);
    }
}

void PdfPainter::finishPath(bool fill, bool stroke) {
    if (fill && stroke) {
        HPDF_Page_FillStroke(m_page);
    } else if (fill) {
        HPDF_Page_Fill(m_page);
    } else {
        HPDF_Page_Stroke(m_page);
    }
}

void PdfPainter::line(Vec2 from, Vec2 to, const StrokeStyle& stroke) {
    polyline({from, to}, stroke);
}

void PdfPainter::polyline(const std::vector<Vec2>& points, const StrokeStyle& stroke) {
    if (points.size() < 2) {
        return;
    }
    applyStroke(stroke);
    HPDF_Page_MoveTo(m_page, real(points[0].x), pdfY(points[0].y));
    for (std::size_t i = 1; i < points.size(); ++i) {
        HPDF_Page_LineTo(m_page, real(points[i].x), pdfY(points[i].y));
    }
    HPDF_Page_Stroke(m_page);
}

void PdfPainter::polygon(const std::vector<Vec2>& points, std::optional<Srgb> fill,
                         std::optional<StrokeStyle> stroke) {
    if (points.size() < 3 || (!fill && !stroke)) {
        return;
    }
    if (fill) {
        HPDF_Page_SetRGBFill(m_page, real(fill->r), real(fill->g), real(fill->b));
    }
    if (stroke) {
        applyStroke(*stroke);
    }
    HPDF_Page_MoveTo(m_page, real(points[0].x), pdfY(points[0].y));
    for (std::size_t i = 1; i < points.size(); ++i) {
        HPDF_Page_LineTo(m_page, real(points[i].x), pdfY(points[i].y));
    }
    HPDF_Page_ClosePath(m_page);
    finishPath(fill.has_value(), stroke.has_value());
}

void PdfPainter::rectangle(double x, double y, double width, double height,
                           std::optional<Srgb> fill, std::optional<StrokeStyle> stroke) {
    polygon({{x, y}, {x + width, y}, {x + width, y + height}, {x, y + height}}, fill, stroke);
}

void PdfPainter::circle(Vec2 centre, double radius, std::optional<Srgb> fill,
                        std::optional<StrokeStyle> stroke) {
    if (!fill && !stroke) {
        return;
    }
    if (fill) {
        HPDF_Page_SetRGBFill(m_page, real(fill->r), real(fill->g), real(fill->b));
    }
    if (stroke) {
        applyStroke(*stroke);
    }
    HPDF_Page_Circle(m_page, real(centre.x), pdfY(centre.y), real(radius));
    finishPath(fill.has_value(), stroke.has_value());
}

} // namespace knotmap::report
