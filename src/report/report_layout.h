#pragma once

#include "core/colour_ramp.h"
#include "report/paginator.h"
#include "report/pdf_painter.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

// What every section of the report shares: the page's geometry, the type
// scale and colours, and the block a section is made of (a height for the
// paginator plus how to draw it once placed).
namespace knotmap::report {

enum class Paper { A4, Letter };

struct PageGeometry {
    double width = 0.0;
    double height = 0.0;
    double marginX = 50.0;
    double marginTop = 50.0;
    // Leaves room for the footer line under the content.
    double marginBottom = 62.0;

    [[nodiscard]] double contentWidth() const { return width - 2 * marginX; }
    [[nodiscard]] double contentHeight() const { return height - marginTop - marginBottom; }
};

// ISO A4 (210 x 297 mm) and US Letter (8.5 x 11 in), in points.
[[nodiscard]] PageGeometry pageGeometry(Paper paper);

// Where a placed block is drawn: page coordinates, top-down.
struct BlockArea {
    double x = 0.0;
    double top = 0.0;
    double width = 0.0;
};

using DrawBlock = std::function<void(PdfPainter&, const BlockArea&)>;

struct ReportBlock {
    LayoutBlock layout;
    DrawBlock draw;
    // The words the block prints, line by line, as laid out: what the tests
    // read to check that nothing is lost (tests/report/).
    std::vector<std::string> text;
};

// The type scale: sizes in points.
inline constexpr double kTitleSize = 20.0;
inline constexpr double kHeadingSize = 13.0;
inline constexpr double kBodySize = 9.5;
inline constexpr double kSmallSize = 8.0;
inline constexpr double kTinySize = 7.0;

// Ink for text and lines; the pain ramp (core/colour_ramp.h) is kept for pain.
inline constexpr Srgb kInk{0.12, 0.14, 0.16};
inline constexpr Srgb kMuted{0.40, 0.43, 0.47};
inline constexpr Srgb kRule{0.80, 0.82, 0.84};
inline constexpr Srgb kFaintFill{0.94, 0.95, 0.96};
inline constexpr Srgb kSeries{0.20, 0.33, 0.52}; // trend lines: neither pain ramp nor better/worse

// A section heading, kept on the same page as the block after it.
[[nodiscard]] ReportBlock headingBlock(std::string title);

// A paragraph of small muted text, wrapped to width in full.
[[nodiscard]] ReportBlock noteBlock(const PdfDocument& document, const std::string& text,
                                    double width);

// A heading inside a section (a visit's date, "Plan"), kept on the same page
// as the block after it. banded: on a faint band, to start an entry.
[[nodiscard]] ReportBlock subheadingBlock(std::string title, bool banded);

// text wrapped to width in full, never shortened: one block per line, so a
// long text flows over as many pages as it needs. Line breaks in text are
// kept; a blank line leaves a small gap. indent moves the lines right.
[[nodiscard]] std::vector<ReportBlock>
paragraphBlocks(const PdfDocument& document, std::string_view text, double width,
                double indent = 0.0, FontStyle style = FontStyle::Regular, Srgb colour = kInk);

// The line height of paragraphBlocks.
inline constexpr double kParagraphLineHeight = 11.5;

} // namespace knotmap::report
