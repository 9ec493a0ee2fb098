#include "report/paginator.h"

#include <map>

namespace knotmap::report {
namespace {

// The height that must fit for block i to be placed without being orphaned:
// a heading needs what follows it, a table header needs its first row.
double keepTogetherHeight(const std::vector<LayoutBlock>& blocks, std::size_t i) {
    double height = blocks[i].height;
    while (i + 1 < blocks.size()) {
        const BlockRole role = blocks[i].role;
        const LayoutBlock& next = blocks[i + 1];
        const bool headingChain = role == BlockRole::Heading && next.role != BlockRole::PageBreak;
        const bool headerChain = role == BlockRole::TableHeader &&
                                 next.role == BlockRole::TableRow && next.table == blocks[i].table;
        if (!headingChain && !headerChain) {
            break;
        }
        ++i;
        height += blocks[i].height;
    }
    return height;
}

} // namespace

Pagination paginate(const std::vector<LayoutBlock>& blocks, double pageHeight) {
    Pagination result;
    if (blocks.empty()) {
        return result;
    }
    result.pageCount = 1;
    int page = 0;
    double y = 0.0;
    std::map<int, std::size_t> headerOfTable; // the latest header seen for each table
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const LayoutBlock& block = blocks[i];
        if (block.role == BlockRole::PageBreak) {
            if (y > 0.0) {
                ++page;
                y = 0.0;
            }
            continue;
        }
        if (block.role == BlockRole::TableHeader) {
            headerOfTable[block.table] = i;
        }
        const double needed = keepTogetherHeight(blocks, i);
        if (y > 0.0 && y + needed > pageHeight) {
            ++page;
            y = 0.0;
        }
        // A row at the top of a page continues its table: say again what the columns are.
        if (y == 0.0 && block.role == BlockRole::TableRow) {
            const auto header = headerOfTable.find(block.table);
            if (header != headerOfTable.end()) {
                result.placements.push_back({header->second, page, y, true});
                y += blocks[header->second].height;
            }
        }
        result.placements.push_back({i, page, y, false});
        y += block.height;
    }
    result.pageCount = page + 1;
    return result;
}

} // namespace knotmap::report
