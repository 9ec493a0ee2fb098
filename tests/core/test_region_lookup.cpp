#include "core/region_lookup.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("regions are found by atlas code, display name or CHOIR code, and never guessed") {
    const Atlas& atlas = Atlas::builtIn();
    const RegionLookup lookup(atlas);

    SUBCASE("an atlas code, in any case") {
        CHECK(lookup.find("back.upper_trapezius.left").region->code == "back.upper_trapezius.left");
        CHECK(lookup.find("Back.Upper_Trapezius.LEFT").region->code == "back.upper_trapezius.left");
    }
    SUBCASE("a display name, ignoring case and runs of spaces") {
        CHECK(lookup.find("Right pectoralis major").region->code == "front.pectoralis_major.right");
        CHECK(lookup.find("  right   PECTORALIS major ").region->code ==
              "front.pectoralis_major.right");
    }
    SUBCASE("a CHOIR code stands for the largest atlas region in it") {
        for (const char* code : {"b07", "F07", "f32"}) {
            const AtlasRegion* region = lookup.find(code).region;
            REQUIRE(region != nullptr);
            CHECK(region->choirCode == std::string(code == std::string("F07") ? "f07" : code));
            for (const AtlasRegion& other : atlas.regions()) {
                if (other.choirCode == region->choirCode) {
                    CHECK(other.area <= region->area);
                }
            }
        }
    }
    SUBCASE("a name on both views is ambiguous and says which codes to use") {
        const auto match = lookup.find("Left upper trapezius");
        CHECK(match.region == nullptr);
        REQUIRE(match.candidates.size() == 2);
        CHECK(describeNoMatch("Left upper trapezius", match) ==
              "region 'Left upper trapezius' is ambiguous: write front.upper_trapezius.left or "
              "back.upper_trapezius.left");
    }
    SUBCASE("anything else is unknown") {
        for (const char* text : {"shoulder blade", "", "b99", "back.upper_trapezius"}) {
            const auto match = lookup.find(text);
            CHECK(match.region == nullptr);
            CHECK(match.candidates.empty());
        }
        CHECK(describeNoMatch("shoulder blade", lookup.find("shoulder blade"))
                  .rfind("unknown region 'shoulder blade': use an atlas code", 0) == 0);
    }
}
