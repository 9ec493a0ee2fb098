#include "report/paginator.h"

#include <doctest/doctest.h>

#include <vector>

using namespace knotmap::report;

namespace {

std::vector<int> pagesOf(const Pagination& pagination) {
    std::vector<int> pages;
    for (const Placement& placement : pagination.placements) {
        pages.push_back(placement.page);
    }
    return pages;
}

} // namespace

TEST_CASE("blocks stack down a page and move whole to the next when they do not fit") {
    const std::vector<LayoutBlock> blocks{{40}, {50}, {30}};
    const Pagination pagination = paginate(blocks, 100);
    CHECK(pagination.pageCount == 2);
    CHECK(pagesOf(pagination) == std::vector<int>{0, 0, 1});
    CHECK(pagination.placements[1].top == doctest::Approx(40));
    CHECK(pagination.placements[2].top == doctest::Approx(0));
}

TEST_CASE("a block that exactly fills the rest of the page stays on it") {
    const Pagination pagination = paginate({{60}, {40}}, 100);
    CHECK(pagination.pageCount == 1);
}

TEST_CASE("no blocks give no pages") {
    CHECK(paginate({}, 100).pageCount == 0);
}

TEST_CASE("a block taller than a page gets a page of its own instead of looping") {
    const Pagination pagination = paginate({{10}, {250}, {10}}, 100);
    CHECK(pagesOf(pagination) == std::vector<int>{0, 1, 2});
    CHECK(pagination.pageCount == 3);
}

TEST_CASE("a heading moves with the block after it rather than ending a page") {
    const std::vector<LayoutBlock> blocks{{70}, {20, BlockRole::Heading}, {30}};
    const Pagination pagination = paginate(blocks, 100);
    CHECK(pagesOf(pagination) == std::vector<int>{0, 1, 1});
    CHECK(pagination.placements[1].top == doctest::Approx(0));
    CHECK(pagination.placements[2].top == doctest::Approx(20));
}

TEST_CASE("a heading followed by a table needs room for the header and first row") {
    const std::vector<LayoutBlock> blocks{{50},
                                          {20, BlockRole::Heading},
                                          {15, BlockRole::TableHeader, 1},
                                          {20, BlockRole::TableRow, 1}};
    // 50 + 20 + 15 fits, but the first row would be alone on the next page.
    const Pagination pagination = paginate(blocks, 100);
    CHECK(pagesOf(pagination) == std::vector<int>{0, 1, 1, 1});
    for (const Placement& placement : pagination.placements) {
        CHECK_FALSE(placement.repeatedHeader);
    }
}

TEST_CASE("table rows are never split and the header repeats on each continuation page") {
    std::vector<LayoutBlock> blocks{{10, BlockRole::TableHeader, 7}};
    for (int i = 0; i < 10; ++i) {
        blocks.push_back({25, BlockRole::TableRow, 7});
    }
    const Pagination pagination = paginate(blocks, 100);
    // Page 1: header + 3 rows (85); each later page: header + 3 rows.
    CHECK(pagination.pageCount == 4);
    int repeated = 0;
    for (const Placement& placement : pagination.placements) {
        CHECK(placement.top + blocks[placement.block].height <= doctest::Approx(100));
        if (placement.repeatedHeader) {
            ++repeated;
            CHECK(placement.block == 0);
            CHECK(placement.top == doctest::Approx(0));
        }
    }
    CHECK(repeated == 3);
    // Every row appears exactly once, in order.
    std::vector<std::size_t> rows;
    for (const Placement& placement : pagination.placements) {
        if (placement.block != 0) {
            rows.push_back(placement.block);
        }
    }
    CHECK(rows == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("a row that starts a page without a header of its table gets none") {
    const Pagination pagination = paginate({{90}, {20, BlockRole::TableRow, 3}}, 100);
    CHECK(pagination.placements.size() == 2);
    CHECK_FALSE(pagination.placements[1].repeatedHeader);
}

TEST_CASE("two tables repeat their own headers") {
    const std::vector<LayoutBlock> blocks{
        {10, BlockRole::TableHeader, 1}, {40, BlockRole::TableRow, 1},
        {10, BlockRole::TableHeader, 2}, {40, BlockRole::TableRow, 2},
        {40, BlockRole::TableRow, 2},
    };
    const Pagination pagination = paginate(blocks, 100);
    const Placement& repeated = pagination.placements[4];
    CHECK(repeated.repeatedHeader);
    CHECK(repeated.block == 2);
    CHECK(repeated.page == 1);
    CHECK(pagination.placements[5].block == 4);
}

TEST_CASE("a page break starts a new page only when the page holds something") {
    const std::vector<LayoutBlock> blocks{
        {0, BlockRole::PageBreak}, {30}, {0, BlockRole::PageBreak}, {30}};
    const Pagination pagination = paginate(blocks, 100);
    CHECK(pagination.pageCount == 2);
    CHECK(pagesOf(pagination) == std::vector<int>{0, 1});
}
