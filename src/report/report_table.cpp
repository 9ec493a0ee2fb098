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

namespace {

using CellLines = std::vector<std::vector<std::string>>;

ReportBlock rowBlock(const std::vector<TableColumn>& columns, CellLines lines, int table,
                     bool shaded, bool ruled) {
    std::size_t tallest = 1;
    for (const auto& cell : lines) {
        tallest = std::max(tallest, cell.size());
    }
    const double height = static_cast<double>(tallest) * kLineHeight + 2 * kRowPadding;
    ReportBlock block;
    block.layout = {height, BlockRole::TableRow, table};
    for (const auto& cell : lines) {
        block.text.insert(block.text.end(), cell.begin(), cell.end());
    }
    block.draw = [columns, lines = std::move(lines), height, shaded, ruled](PdfPainter& painter,
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
        if (ruled) {
            painter.line({area.x, area.top + height}, {area.x + area.width, area.top + height},
                         {kRule, 0.3});
        }
    };
    return block;
}

CellLines wrapCells(const PdfDocument& document, const std::vector<TableColumn>& columns,
                    const std::vector<std::string>& cells) {
    const auto measure = [&document](std::string_view s) {
        return document.textWidth(s, FontStyle::Regular, kSmallSize);
    };
    CellLines lines;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string& text = i < cells.size() ? cells[i] : std::string();
        lines.push_back(wrapText(text, columns[i].width - 2 * kCellPadding, columns[i].maxLines,
                                 measure, document.ellipsis()));
    }
    return lines;
}

} // namespace

ReportBlock tableRowBlock(const PdfDocument& document, const std::vector<TableColumn>& columns,
                          const std::vector<std::string>& cells, int table, bool shaded) {
    return rowBlock(columns, wrapCells(document, columns, cells), table, shaded, true);
}

std::vector<ReportBlock> tableRowBlocks(const PdfDocument& document,
                                        const std::vector<TableColumn>& columns,
                                        const std::vector<std::string>& cells, int table,
                                        bool shaded) {
    const CellLines lines = wrapCells(document, columns, cells);
    std::size_t tallest = 1;
    for (const auto& cell : lines) {
        tallest = std::max(tallest, cell.size());
    }
    std::vector<ReportBlock> blocks;
    for (std::size_t first = 0; first < tallest; first += kRowLinesPerBlock) {
        CellLines part;
        for (const auto& cell : lines) {
            const std::size_t begin = std::min(first, cell.size());
            const std::size_t end = std::min(first + kRowLinesPerBlock, cell.size());
            part.emplace_back(cell.begin() + static_cast<std::ptrdiff_t>(begin),
                              cell.begin() + static_cast<std::ptrdiff_t>(end));
        }
        const bool last = first + kRowLinesPerBlock >= tallest;
        blocks.push_back(rowBlock(columns, std::move(part), table, shaded, last));
    }
    return blocks;
}

} // namespace knotmap::report
