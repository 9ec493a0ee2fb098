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
    block.text = {title};
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
    std::vector<std::string> lines =
        wrapText(text, width, kUnlimitedLines, measure, document.ellipsis());
    ReportBlock block;
    block.layout = {static_cast<double>(lines.size()) * kLineHeight + 9.0, BlockRole::Plain};
    block.text = lines;
    block.draw = [lines = std::move(lines)](PdfPainter& painter, const BlockArea& area) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            painter.text(area.x, area.top + 11.0 + static_cast<double>(i) * kLineHeight, lines[i],
                         FontStyle::Regular, kSmallSize, kMuted);
        }
    };
    return block;
}

ReportBlock subheadingBlock(std::string title, bool banded) {
    ReportBlock block;
    const double height = banded ? 24.0 : 16.0;
    block.layout = {height, BlockRole::Heading};
    block.text = {title};
    block.draw = [title = std::move(title), banded](PdfPainter& painter, const BlockArea& area) {
        if (banded) {
            painter.rectangle(area.x, area.top + 4.0, area.width, 17.0, kFaintFill, std::nullopt);
            painter.text(area.x + 4.0, area.top + 16.0, title, FontStyle::Bold, kBodySize + 0.5,
                         kInk);
        } else {
            painter.text(area.x, area.top + 12.0, title, FontStyle::Bold, kSmallSize, kMuted);
        }
    };
    return block;
}

std::vector<ReportBlock> paragraphBlocks(const PdfDocument& document, std::string_view text,
                                         double width, double indent, FontStyle style,
                                         Srgb colour) {
    const auto measure = [&document, style](std::string_view s) {
        return document.textWidth(s, style, kBodySize);
    };
    std::vector<ReportBlock> blocks;
    const auto addLine = [&](std::string line, double height) {
        ReportBlock block;
        block.layout = {height, BlockRole::Plain};
        if (!line.empty()) {
            block.text = {line};
        }
        block.draw = [line = std::move(line), indent, style, colour](PdfPainter& painter,
                                                                     const BlockArea& area) {
            painter.text(area.x + indent, area.top + 8.5, line, style, kBodySize, colour);
        };
        blocks.push_back(std::move(block));
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view paragraph = text.substr(start, end - start);
        const std::vector<std::string> lines =
            wrapText(paragraph, width - indent, kUnlimitedLines, measure, document.ellipsis());
        if (lines.empty() && !blocks.empty() && end < text.size()) {
            addLine({}, kParagraphLineHeight / 2); // a blank line between paragraphs
        }
        for (const std::string& line : lines) {
            addLine(line, kParagraphLineHeight);
        }
        start = end + 1;
    }
    return blocks;
}

} // namespace knotmap::report
