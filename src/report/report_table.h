#pragma once

#include "report/report_layout.h"
#include "report/text_fit.h"

#include <string>
#include <vector>

// Tables made of blocks: one header block and one block per row, so the
// paginator can keep every row whole and repeat the header on a new page.
namespace knotmap::report {

struct TableColumn {
    std::string title;
    double width = 0.0; // points
    TextAlign align = TextAlign::Left;
    int maxLines = 1; // longer text is wrapped up to this and ends with an ellipsis
                      // (kUnlimitedLines: never shortened)
};

[[nodiscard]] ReportBlock tableHeaderBlock(std::vector<TableColumn> columns, int table);

// One row; cells in column order. shaded rows get a faint band, so a long
// table's rows are easy to follow across.
[[nodiscard]] ReportBlock tableRowBlock(const PdfDocument& document,
                                        const std::vector<TableColumn>& columns,
                                        const std::vector<std::string>& cells, int table,
                                        bool shaded);

// One row that may be taller than a page (a column of kUnlimitedLines):
// split into blocks of at most kRowLinesPerBlock lines, each a TableRow, so
// the row continues on the next page under its repeated header.
[[nodiscard]] std::vector<ReportBlock> tableRowBlocks(const PdfDocument& document,
                                                      const std::vector<TableColumn>& columns,
                                                      const std::vector<std::string>& cells,
                                                      int table, bool shaded);
inline constexpr std::size_t kRowLinesPerBlock = 30;

// Widths in points from relative weights, filling totalWidth.
[[nodiscard]] std::vector<double> columnWidths(const std::vector<double>& weights,
                                               double totalWidth);

} // namespace knotmap::report
