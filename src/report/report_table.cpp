#include "report/report_table.h"

#include "report/text_fit.h"

#include <algorithm>
#include <numeric>

namespace knotmap::report {
namespace {

constexpr double kCellPadding = 4.0;
constexpr double kLineHeight = 10.0;
constexpr double kRowPadding = 3.5;
constexpr double kHeaderHeight = 18.0;

double cellX(double left, double width, TextAlign align) {
    switch (align) {
    case TextAlign::Right:
        return left + width - kCellPadding;
    case TextAlign::Centre:
        return left + width / 2;
    case TextAlign::Left:
        break;
    }
    return left + kCellPadding;
}

} // namespace

std::vector<double> columnWidths(const std::vector<double>& weights, double totalWidth) {
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<double> widths;
    for (const double weight : weights) {
        widths.push_back(sum > 0.0 ? totalWidth * weight / sum : 0.0);
    }
    return widths;
}

ReportBlock tableHeaderBlock(std::vector<TableColumn> columns, int table) {
    ReportBlock block;
    block.layout = {kHeaderHeight, BlockRole::TableHeader, table};
    block.draw = [columns = std::move(columns)](PdfPainter& painter, const BlockArea& area) {
        painter.rectangle(area.x, area.top, area.width, kHeaderHeight - 2.0, kFaintFill,
                          std::nullopt);
        double left = area.x;
        for (const TableColumn& column : columns) {
            painter.text(cellX(left, column.width, column.align), area.top + 11.0, column.title,
                         FontStyle::Bold, kTinySize + 0.5, kMuted, column.align);
            left += column.width;
        }
    };
    return block;
}

ReportBlock tableRowBlock(const PdfDocument& document, const std::vector<TableColumn>& columns,
                          const std::vector<std::string>& cells, int table, bool shaded) {
    const auto measure = [&document](std::string_view s) {
        return document.textWidth(s, FontStyle::Regular, kSmallSize);
    };
    std::vector<std::vector<std::string>> lines;
    std::size_t tallest = 1;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string& text = i < cells.size() ? cells[i] : std::string();
        lines.push_back(wrapText(text, columns[i].width - 2 * kCellPadding, columns[i].maxLines,
                                 measure, document.ellipsis()));
        tallest = std::max(tallest, lines.back().size());
    }
    const double height = static_cast<double>(tallest) * kLineHeight + 2 * kRowPadding;
    ReportBlock block;
    block.layout = {height, BlockRole::TableRow, table};
    block.draw = [columns, lines = std::move(lines), height, shaded](PdfPainter& painter,
                                                                     const BlockArea& area) {
        if (shaded) {
            painter.rectangle(area.x, area.top, area.width, height, Srgb{0.975, 0.978, 0.982},
                              std::nullopt);
        }
        double left = area.x;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            for (std::size_t line = 0; line < lines[i].size(); ++line) {
                painter.text(cellX(left, columns[i].width, columns[i].align),
                             area.top + kRowPadding + 7.5 + static_cast<double>(line) * kLineHeight,
                             lines[i][line], FontStyle::Regular, kSmallSize, kInk,
                             columns[i].align);
            }
            left += columns[i].width;
        }
        painter.line({area.x, area.top + height}, {area.x + area.width, area.top + height},
                     {kRule, 0.3});
    };
    return block;
}

} // namespace knotmap::report
