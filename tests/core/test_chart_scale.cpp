#include "core/chart_scale.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace knotmap;

TEST_CASE("chart scale: a linear scale maps forward and back, reversed ranges included") {
    const LinearScale x(0.0, 10.0, 100.0, 300.0);
    CHECK(x.forward(0.0) == doctest::Approx(100.0));
    CHECK(x.forward(5.0) == doctest::Approx(200.0));
    CHECK(x.forward(10.0) == doctest::Approx(300.0));

    // A y axis that grows upward: the domain's low end is the bottom pixel.
    const LinearScale y(0.0, 10.0, 400.0, 50.0);
    CHECK(y.forward(0.0) == doctest::Approx(400.0));
    CHECK(y.forward(10.0) == doctest::Approx(50.0));
    CHECK(y.forward(7.0) < y.forward(3.0));

    for (const double value : {-3.5, 0.0, 1.25, 7.0, 10.0, 42.0}) {
        CHECK(x.inverse(x.forward(value)) == doctest::Approx(value));
        CHECK(y.inverse(y.forward(value)) == doctest::Approx(value));
    }
    for (const double pixel : {0.0, 77.0, 250.0}) {
        CHECK(y.forward(y.inverse(pixel)) == doctest::Approx(pixel));
    }
}

TEST_CASE("chart scale: a degenerate domain maps to the middle of the range") {
    const LinearScale scale(5.0, 5.0, 0.0, 200.0);
    CHECK(scale.isDegenerate());
    CHECK(scale.forward(5.0) == doctest::Approx(100.0));
    CHECK(scale.forward(-1.0) == doctest::Approx(100.0));
    CHECK(std::isfinite(scale.inverse(30.0)));
    const LinearScale flatRange(0.0, 10.0, 50.0, 50.0);
    CHECK(flatRange.inverse(50.0) == doctest::Approx(5.0));
}

TEST_CASE("chart ticks: nice steps are 1, 2 or 5 times a power of ten") {
    CHECK(niceStep(10.0, 6) == doctest::Approx(2.0));
    CHECK(niceStep(10.0, 11) == doctest::Approx(1.0));
    CHECK(niceStep(10.0, 3) == doctest::Approx(5.0));
    CHECK(niceStep(1.0, 5) == doctest::Approx(0.5));
    CHECK(niceStep(0.03, 4) == doctest::Approx(0.01));
    CHECK(niceStep(730.0, 8) == doctest::Approx(200.0));
    CHECK(niceStep(123456.0, 10) == doctest::Approx(20000.0));
    CHECK(niceStep(3.0, 7) == doctest::Approx(0.5));
    CHECK(niceStep(0.0, 5) == doctest::Approx(1.0));
    CHECK(niceStep(-4.0, 5) == doctest::Approx(1.0));

    for (const double span : {0.007, 0.9, 1.0, 3.3, 10.0, 47.0, 99.9, 1000.0, 86400.0 * 365}) {
        for (int maxTicks = 2; maxTicks <= 12; ++maxTicks) {
            const double step = niceStep(span, maxTicks);
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
            const bool isNice = std::abs(mantissa - 1.0) < 1e-6 ||
                                std::abs(mantissa - 2.0) < 1e-6 || std::abs(mantissa - 5.0) < 1e-6;
            CHECK(isNice);
            CHECK(span / step <= (maxTicks - 1) * (1.0 + 1e-9));
        }
    }
}

TEST_CASE("chart ticks: nice ticks lie inside the interval and never exceed the count") {
    const std::vector<double> pain = niceTicks(0.0, 10.0, 6);
    REQUIRE(pain.size() == 6);
    CHECK(pain.front() == 0.0);
    CHECK(pain.back() == doctest::Approx(10.0));

    const std::vector<double> negative = niceTicks(-2.7, 1.3, 5);
    CHECK(negative == std::vector<double>{-2.0, -1.0, 0.0, 1.0});

    for (const double lo : {-13.0, -0.4, 0.0, 0.1, 3.0}) {
        for (const double hi : {5.0, 7.7, 10.0, 57.0}) {
            for (int maxTicks = 2; maxTicks <= 10; ++maxTicks) {
                const std::vector<double> ticks = niceTicks(lo, hi, maxTicks);
                CHECK(static_cast<int>(ticks.size()) <= maxTicks);
                CHECK(!ticks.empty());
                for (std::size_t i = 0; i < ticks.size(); ++i) {
                    CHECK(ticks[i] >= lo);
                    CHECK(ticks[i] <= hi);
                    if (i > 0) {
                        CHECK(ticks[i] > ticks[i - 1]);
                    }
                }
            }
        }
    }
    CHECK(niceTicks(4.0, 4.0, 5) == std::vector<double>{4.0});
    // The step for two ticks (10) misses this interval; a finer one must not.
    CHECK(niceTicks(0.1, 7.7, 2) == std::vector<double>{5.0});
    CHECK(niceTicks(10.0, 0.0, 6).size() == 6);
}

TEST_CASE("chart ticks: a nice domain widens to whole steps") {
    const Interval domain = niceDomain(-1.3, 0.4, 6);
    CHECK(domain.lo <= -1.3);
    CHECK(domain.hi >= 0.4);
    CHECK(domain.lo == doctest::Approx(-1.5));
    CHECK(domain.hi == doctest::Approx(0.5));
    CHECK(niceDomain(0.0, 10.0, 6) == Interval{0.0, 10.0});
}

TEST_CASE("chart zoom keeps the anchor under the same pixel") {
    const Interval start{100.0, 500.0};
    for (const double anchor : {100.0, 180.0, 300.0, 499.0}) {
        for (const double factor : {0.5, 0.8, 1.25, 3.0}) {
            const LinearScale before(start, {0.0, 800.0});
            const Interval zoomed = zoomDomain(start, anchor, factor);
            const LinearScale after(zoomed, {0.0, 800.0});
            CHECK(zoomed.span() == doctest::Approx(start.span() * factor));
            CHECK(after.forward(anchor) == doctest::Approx(before.forward(anchor)));
        }
    }
}

TEST_CASE("chart zoom and pan respect the minimum span and the outer bounds") {
    const DomainLimits limits{10.0, 0.0, 1000.0};
    const Interval tight = zoomDomain({100.0, 200.0}, 150.0, 0.01, limits);
    CHECK(tight.span() == doctest::Approx(10.0));
    CHECK(tight.centre() == doctest::Approx(150.0));

    const Interval wide = zoomDomain({100.0, 200.0}, 150.0, 100.0, limits);
    CHECK(wide == Interval{0.0, 1000.0});

    // Zooming in next to a bound keeps the anchor: nothing needs shifting.
    const Interval nearEdge = zoomDomain({0.0, 100.0}, 0.0, 0.5, limits);
    CHECK(nearEdge.lo == doctest::Approx(0.0));
    CHECK(nearEdge.hi == doctest::Approx(50.0));

    const Interval shifted = clampDomain({-50.0, 50.0}, limits);
    CHECK(shifted == Interval{0.0, 100.0});
    CHECK(clampDomain({950.0, 1100.0}, limits) == Interval{850.0, 1000.0});
}

TEST_CASE("chart pan follows the drag in either direction of the range") {
    const LinearScale x({100.0, 200.0}, {0.0, 500.0});
    // Dragging right by a fifth of the axis reveals earlier data.
    const Interval right = panDomain(x, 100.0);
    CHECK(right.lo == doctest::Approx(80.0));
    CHECK(right.hi == doctest::Approx(180.0));

    const LinearScale y({0.0, 10.0}, {400.0, 0.0});
    // Dragging down (positive pixels) on an upward axis shows higher values.
    const Interval down = panDomain(y, 40.0);
    CHECK(down.lo == doctest::Approx(1.0));
    CHECK(down.hi == doctest::Approx(11.0));
}
