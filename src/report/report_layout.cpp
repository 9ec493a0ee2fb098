#include "report/report_layout.h"

#include "report/text_fit.h"

namespace knotmap::report {

PageGeometry pageGeometry(Paper paper) {
    PageGeometry geometry;
    if (paper == Paper::Letter) {
        geometry.width = 612.0;
        geometry.height = 792.0;
    } else {
        geometry.width = 595.276;
        geometry.height = 841.89;
    }
    return geometry;
}

ReportBlock headingBlock(std::string title) {
    ReportBlock block;
    block.layout = {30.0, BlockRole::Heading};
    block.draw = [title = std::move(title)](PdfPainter& painter, const BlockArea& area) {
        painter.text(area.x, area.top + 17.0, title, FontStyle::Bold, kHeadingSize, kInk);
        painter.line({area.x, area.top + 22.0}, {area.x + area.width, area.top + 22.0},
                     {kRule, 0.6});
    };
    return block;
}

ReportBlock noteBlock(const PdfDocument& document, const std::string& text, double width) {
    constexpr double kLineHeight = 10.5;
    const auto measure = [&document](std::string_view s) {
        return document.textWidth(s, FontStyle::Regular, kSmallSize);
    };
    std::vector<std::string> lines = wrapText(text, width, 6, measure, document.ellipsis());
    ReportBlock block;
    block.layout = {static_cast<double>(lines.size()) * kLineHeight + 9.0, BlockRole::Plain};
    block.draw = [lines = std::move(lines)](PdfPainter& painter, const BlockArea& area) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            painter.text(area.x, area.top + 11.0 + static_cast<double>(i) * kLineHeight, lines[i],
                         FontStyle::Regular, kSmallSize, kMuted);
        }
    };
    return block;
}

} // namespace knotmap::report
