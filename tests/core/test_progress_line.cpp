#include "core/progress_line.h"

#include <doctest/doctest.h>

#include <limits>
#include <string>

using namespace knotmap;

namespace {

// Columns on screen: every character progressLine writes is one wide.
int columnsOf(const std::string& text) {
    int columns = 0;
    for (const char c : text) {
        columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return columns;
}

ProgressLineStyle ascii(int columns) {
    return {columns, false};
}

} // namespace

TEST_CASE("progress line: thousands are grouped with commas") {
    CHECK(groupedThousands(0) == "0");
    CHECK(groupedThousands(999) == "999");
    CHECK(groupedThousands(1000) == "1,000");
    CHECK(groupedThousands(4210) == "4,210");
    CHECK(groupedThousands(1234567) == "1,234,567");
    CHECK(groupedThousands(-1234) == "-1,234");
    CHECK(groupedThousands(std::numeric_limits<std::int64_t>::min()) ==
          "-9,223,372,036,854,775,808");
}

TEST_CASE("progress line: the fraction of counts, with nothing to do being done") {
    CHECK(progressFraction({1, 4, "rows"}) == doctest::Approx(0.25));
    CHECK(progressFraction({0, 0, "rows"}) == 1.0);
    CHECK(progressFraction({7, 5, "rows"}) == 1.0);
    CHECK(progressFraction({-3, 5, "rows"}) == 0.0);
}

TEST_CASE("progress line: label, bar, percentage and counts on a wide terminal") {
    const std::string line = progressLine("Exporting", 4210.0 / 6800.0,
                                          ProgressCounts{4210, 6800, "sessions"}, ascii(80));
    // 30 columns of bar, 61.9% of it (18 columns) filled; 61.9% shown as 61%.
    CHECK(line == "Exporting  ##################------------   61%  4,210 of 6,800 sessions");
    CHECK(columnsOf(line) < 80);
}

TEST_CASE("progress line: block characters on a UTF-8 terminal") {
    const std::string line = progressLine("Copying", 0.5, std::nullopt, {80, true});
    CHECK(line == "Copying  \u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588"
                  "\u2588\u2588\u2588\u2588\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591"
                  "\u2591\u2591\u2591\u2591\u2591\u2591\u2591   50%");
    CHECK(columnsOf(line) < 80);
}

TEST_CASE("progress line: the percentage is rounded down, so 100% only when done") {
    CHECK(progressLine("X", 0.999, std::nullopt, ascii(80)).ends_with(" 99%"));
    CHECK(progressLine("X", 1.0, std::nullopt, ascii(80)).ends_with("100%"));
    CHECK(progressLine("X", 0.29, std::nullopt, ascii(80)).ends_with(" 29%")); // not 28
    CHECK(progressLine("X", 0.0, std::nullopt, ascii(80)).ends_with("  0%"));
}

TEST_CASE("progress line: fractions outside 0..1 and NaN are clamped") {
    CHECK(progressLine("X", 1.7, std::nullopt, ascii(80)) ==
          progressLine("X", 1.0, std::nullopt, ascii(80)));
    CHECK(progressLine("X", -0.5, std::nullopt, ascii(80)) ==
          progressLine("X", 0.0, std::nullopt, ascii(80)));
    CHECK(progressLine("X", std::numeric_limits<double>::quiet_NaN(), std::nullopt, ascii(80)) ==
          progressLine("X", 0.0, std::nullopt, ascii(80)));
}

TEST_CASE("progress line: never as wide as the terminal, whatever its width") {
    for (int columns = 0; columns <= 120; ++columns) {
        CAPTURE(columns);
        const std::string line = progressLine(
            "Exporting", 0.62, ProgressCounts{4210, 6800, "sessions"}, {columns, true});
        CHECK(columnsOf(line) <= std::max(0, columns - 1));
    }
}

TEST_CASE("progress line: a narrow terminal drops the counts before the bar") {
    const ProgressCounts counts{4210, 6800, "sessions"};
    // Room for label, a shrunk bar, the percentage and the counts.
    const std::string shrunk = progressLine("Exporting", 0.5, counts, ascii(60));
    CHECK(shrunk.find("4,210 of 6,800 sessions") != std::string::npos);
    CHECK(shrunk.find("######") != std::string::npos);
    // Too narrow for counts beside a 10-column bar: the bar stays.
    const std::string noCounts = progressLine("Exporting", 0.5, counts, ascii(40));
    CHECK(noCounts.find("of") == std::string::npos);
    CHECK(noCounts.find("#####-----") != std::string::npos);
    CHECK(noCounts.ends_with(" 50%"));
    // Too narrow for a bar: label and percentage.
    CHECK(progressLine("Exporting", 0.5, counts, ascii(20)) == "Exporting 50%");
    // Narrower still: cut, never wrapped.
    CHECK(progressLine("Exporting", 0.5, counts, ascii(6)) == "Expor");
}

TEST_CASE("progress line: counts without a unit") {
    CHECK(progressLine("Reading", 0.25, ProgressCounts{1, 4, ""}, ascii(80))
              .ends_with(" 25%  1 of 4"));
}
