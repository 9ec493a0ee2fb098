#include "core/colour_ramp.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace knotmap;

TEST_CASE("OKLab conversion round-trips sRGB and knows white and black") {
    const OkLab white = toOkLab({1, 1, 1});
    CHECK(white.L == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(std::abs(white.a) < 1e-6);
    CHECK(std::abs(white.b) < 1e-6);
    CHECK(toOkLab({0, 0, 0}).L == doctest::Approx(0.0));
    const Srgb colour{0.8, 0.35, 0.2};
    const Srgb back = toSrgb(toOkLab(colour));
    CHECK(back.r == doctest::Approx(colour.r).epsilon(1e-6));
    CHECK(back.g == doctest::Approx(colour.g).epsilon(1e-6));
    CHECK(back.b == doctest::Approx(colour.b).epsilon(1e-6));
}

TEST_CASE("the pain ramp's lightness falls strictly from 0 to 10") {
    double previous = painRampLab(0.0).L;
    for (int step = 1; step <= 1000; ++step) {
        const double lightness = painRampLab(step / 100.0).L;
        CHECK_MESSAGE(lightness < previous, "at pain " << step / 100.0);
        previous = lightness;
    }
    // Light enough to be near-white at 0, dark enough to read as severe at 10:
    // the ramp spans most of the lightness range.
    CHECK(painRampLab(0).L > 0.9);
    CHECK(painRampLab(10).L < 0.45);
}

TEST_CASE("the pain ramp's endpoints are its pale sand and deep plum stops") {
    const Srgb low = painRampColour(0);
    CHECK(std::lround(low.r * 255) == 0xF7);
    CHECK(std::lround(low.g * 255) == 0xEF);
    CHECK(std::lround(low.b * 255) == 0xD2);
    const Srgb high = painRampColour(10);
    CHECK(std::lround(high.r * 255) == 0x6E);
    CHECK(std::lround(high.g * 255) == 0x1F);
    CHECK(std::lround(high.b * 255) == 0x4B);
    // Out-of-range ratings clamp to the ends.
    CHECK(deltaE(painRampLab(-3), painRampLab(0)) == doctest::Approx(0.0));
    CHECK(deltaE(painRampLab(12), painRampLab(10)) == doctest::Approx(0.0));
}

TEST_CASE("neighbouring pain ratings are clearly different colours") {
    for (int pain = 1; pain <= 10; ++pain) {
        const double difference = deltaE(painRampLab(pain - 1), painRampLab(pain));
        CHECK_MESSAGE(difference >= 0.055, "between " << pain - 1 << " and " << pain);
        // Also when both are rounded to 8-bit colour, as the screen shows them.
        const double shown =
            deltaE(toOkLab(painRampColour(pain - 1)), toOkLab(painRampColour(pain)));
        CHECK(shown >= 0.055);
    }
}

TEST_CASE("the pain ramp stays inside the sRGB gamut") {
    for (int step = 0; step <= 100; ++step) {
        const OkLab lab = painRampLab(step / 10.0);
        const OkLab shown = toOkLab(toSrgb(lab));
        CHECK_MESSAGE(deltaE(lab, shown) < 0.002, "at pain " << step / 10.0);
    }
}

TEST_CASE("marker text picks the more readable of dark and light") {
    const Srgb dark{0.1, 0.1, 0.1};
    const Srgb light{1, 1, 1};
    CHECK(readableTextOn(painRampColour(1), dark, light).r == doctest::Approx(dark.r));
    CHECK(readableTextOn(painRampColour(10), dark, light).r == doctest::Approx(light.r));
}

TEST_CASE("pain bands follow the numeric rating scale") {
    CHECK(painBand(0) == PainBand::None);
    CHECK(painBand(1) == PainBand::Mild);
    CHECK(painBand(3) == PainBand::Mild);
    CHECK(painBand(4) == PainBand::Moderate);
    CHECK(painBand(6) == PainBand::Moderate);
    CHECK(painBand(7) == PainBand::Severe);
    CHECK(painBand(10) == PainBand::Severe);
    CHECK(displayName(PainBand::Moderate) == "Moderate");
}
