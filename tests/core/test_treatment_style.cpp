#include "core/history_builder.h"
#include "core/knot_trend.h"
#include "core/treatment_style.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace knotmap;
using namespace knotmap::test;

namespace {

// The built-in treatment kinds as the schema seeds them, so a kind added to
// the seed without a hand-picked style fails here.
std::vector<std::string> seededTreatmentKinds() {
    const auto path =
        std::filesystem::path(__FILE__).parent_path() / "../../db/sqlite/002_seed_vocabularies.sql";
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "cannot read " << path);
    std::stringstream text;
    text << file.rdbuf();
    const std::string sql = text.str();
    const std::size_t start = sql.find("INSERT INTO treatment_kind");
    REQUIRE(start != std::string::npos);
    const std::string block = sql.substr(start, sql.find(';', start) - start);
    std::vector<std::string> codes;
    const std::regex row(R"(\('([a-z_]+)',)");
    for (auto it = std::sregex_iterator(block.begin(), block.end(), row);
         it != std::sregex_iterator(); ++it) {
        codes.push_back((*it)[1]);
    }
    return codes;
}

std::map<std::string, TreatmentStyle> markerStyles(const KnotTrend& trend) {
    std::map<std::string, TreatmentStyle> styles;
    for (const KnotTrendTreatment& treatment : trend.treatments) {
        styles.emplace(treatment.kindCode, treatmentStyle(treatment.kindCode));
    }
    return styles;
}

} // namespace

TEST_SUITE("treatment style") {
    TEST_CASE("a kind has the same style on two knots' charts whatever order kinds appear in") {
        // Knot 1 meets heat first and foam roller second; knot 2 the other way
        // round, with a user-added kind first. An order-based choice would
        // give heat different styles on the two charts.
        HistoryBuilder builder;
        builder.knot(1, kPecMajorLeft).knot(2, kItBandLeft);
        builder.session(0).observe(1, 6).treatKnot(1, "heat").observe(2, 5).treatKnot(2, "sauna");
        builder.session(3)
            .observe(1, 5)
            .treatKnot(1, "foam_roller")
            .observe(2, 4)
            .treatKnot(2, "foam_roller");
        builder.session(6).observe(2, 3).treatKnot(2, "heat");
        const ClientHistory history = builder.history();
        const auto first = markerStyles(knotTrend(history, 1));
        const auto second = markerStyles(knotTrend(history, 2));
        REQUIRE(first.size() == 2);
        REQUIRE(second.size() == 3);
        CHECK(first.at("heat") == second.at("heat"));
        CHECK(first.at("foam_roller") == second.at("foam_roller"));
        CHECK(first.at("heat") != first.at("foam_roller"));
        // And across calls: nothing is remembered between them.
        for (int i = 0; i < 3; ++i) {
            CHECK(treatmentStyle("sauna") == second.at("sauna"));
            CHECK(treatmentStyle("heat") == first.at("heat"));
        }
    }

    TEST_CASE("the built-in kinds have the documented, hand-picked styles") {
        CHECK(treatmentStyle("heat") == TreatmentStyle{MarkerGlyph::Square, TreatmentHue::Rose});
        CHECK(treatmentStyle("ice") == TreatmentStyle{MarkerGlyph::Hexagon, TreatmentHue::Sky});
        CHECK(treatmentStyle("massage_deep_tissue") ==
              TreatmentStyle{MarkerGlyph::Circle, TreatmentHue::Violet});
        CHECK(treatmentStyle("foam_roller") ==
              TreatmentStyle{MarkerGlyph::TriangleDown, TreatmentHue::Brown});
    }

    TEST_CASE("every seeded built-in kind has its own style, different from all the others") {
        const std::vector<std::string> codes = seededTreatmentKinds();
        REQUIRE(codes.size() >= 17);
        std::set<std::pair<MarkerGlyph, TreatmentHue>> seen;
        for (const std::string& code : codes) {
            CAPTURE(code);
            CHECK(hasBuiltInStyle(code));
            const TreatmentStyle style = treatmentStyle(code);
            CHECK(seen.emplace(style.glyph, style.hue).second);
        }
    }

    TEST_CASE("a user-added kind gets a stable style no built-in kind uses") {
        // Pinned values: the style must not change between runs or machines
        // (FNV-1a of the code), or a user's chart would change its meaning.
        const TreatmentStyle sauna = treatmentStyle("sauna");
        CHECK_FALSE(hasBuiltInStyle("sauna"));
        std::set<std::pair<MarkerGlyph, TreatmentHue>> builtIn;
        for (const std::string& code : seededTreatmentKinds()) {
            builtIn.emplace(treatmentStyle(code).glyph, treatmentStyle(code).hue);
        }
        for (const std::string code :
             {"sauna", "cupping", "acupuncture", "tens_unit", "yoga", "kinesio_tape", "x", ""}) {
            CAPTURE(code);
            const TreatmentStyle style = treatmentStyle(code);
            CHECK_FALSE(builtIn.contains({style.glyph, style.hue}));
        }
        // Different codes spread over the free combinations.
        std::set<std::pair<MarkerGlyph, TreatmentHue>> spread;
        for (int i = 0; i < 40; ++i) {
            const TreatmentStyle style = treatmentStyle("custom_" + std::to_string(i));
            spread.emplace(style.glyph, style.hue);
        }
        CHECK(spread.size() >= 20);
        CHECK(sauna == TreatmentStyle{MarkerGlyph::Circle, TreatmentHue::Olive});
        CHECK(displayName(sauna.glyph) == "circle");
    }

    TEST_CASE("treatment colours keep 4.5:1 contrast on paper and on the dark theme") {
        const auto luminance = [](Srgb c) {
            const auto channel = [](double v) {
                return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
        };
        const auto contrast = [&](Srgb a, Srgb b) {
            const double la = luminance(a);
            const double lb = luminance(b);
            return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
        };
        const Srgb paper{1, 1, 1};
        const Srgb darkTheme{0x20 / 255.0, 0x23 / 255.0, 0x28 / 255.0}; // its pane background
        for (std::size_t hue = 0; hue < kTreatmentHueCount; ++hue) {
            CAPTURE(hue);
            CHECK(contrast(treatmentColour(static_cast<TreatmentHue>(hue), Surface::Light),
                           paper) >= 4.5);
            CHECK(contrast(treatmentColour(static_cast<TreatmentHue>(hue), Surface::Dark),
                           darkTheme) >= 4.5);
        }
    }
}
