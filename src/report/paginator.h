#pragma once

#include <cstddef>
#include <vector>

// Where each block of the report goes: which page and how far down. Pure
// arithmetic on heights, so the rules (nothing split across a page break,
// headings kept with what follows, table headers repeated) are unit-tested
// without a PDF library.
namespace knotmap::report {

enum class BlockRole {
    Plain,       // a chart, a paragraph: moves whole to the next page if it does not fit
    Heading,     // kept on the same page as the block after it
    TableHeader, // kept with its table's first row, repeated above continued rows
    TableRow,    // never split; a row that starts a page gets its header again
    PageBreak,   // starts a new page (unless the page is still empty)
};

struct LayoutBlock {
    double height = 0.0; // including the space the block leaves below itself
    BlockRole role = BlockRole::Plain;
    int table = -1; // for TableHeader and TableRow: which table they belong to
};

struct Placement {
    std::size_t block = 0; // index into the input
    int page = 0;          // 0-based
    double top = 0.0;      // distance from the top of the page's content area
    // True for a table header drawn again above rows continued on a new page.
    bool repeatedHeader = false;
};

struct Pagination {
    std::vector<Placement> placements; // in drawing order
    int pageCount = 0;
};

// Stacks blocks top to bottom on pages whose content area is pageHeight tall.
// A block taller than a whole page still gets a page of its own (it overflows
// rather than looping forever); callers keep blocks smaller than a page.
[[nodiscard]] Pagination paginate(const std::vector<LayoutBlock>& blocks, double pageHeight);

} // namespace knotmap::report
