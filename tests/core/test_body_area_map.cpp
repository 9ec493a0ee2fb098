#include "core/other_apps/body_area_map.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace knotmap;

namespace {

std::vector<std::string> codes(const BodyAreaMapping& mapping) {
    std::vector<std::string> out;
    for (const AtlasRegion* region : mapping.regions) {
        out.push_back(region->code);
    }
    return out;
}

const BodyAreaMap& areas() {
    static const BodyAreaMap map(Atlas::builtIn());
    return map;
}

} // namespace

TEST_CASE("body areas: the issue's examples map through the synonym table") {
    const std::vector<std::string> lowerBack = {"back.erector_spinae_lumbar.left",
                                                "back.erector_spinae_lumbar.right"};
    CHECK(codes(areas().map("Back (lower)")) == lowerBack);
    CHECK(codes(areas().map("lower back")) == lowerBack);
    CHECK(codes(areas().map("  Lower   BACK pain ")) == lowerBack);
    CHECK(codes(areas().map("Back (lower) pain")) == lowerBack);
    CHECK(areas().map("lower back").how == "synonym 'lower back'");
    CHECK(codes(areas().map("neck")) ==
          std::vector<std::string>{"back.cervical_paraspinals.left",
                                   "back.cervical_paraspinals.right"});
    CHECK(codes(areas().map("left shoulder")) == std::vector<std::string>{"front.deltoid.left"});
    CHECK(codes(areas().map("Shoulder (R)")) == std::vector<std::string>{"front.deltoid.right"});
    CHECK(codes(areas().map("Rt. knee")) == std::vector<std::string>{"front.knee.right"});
    CHECK(codes(areas().map("both knees")) ==
          std::vector<std::string>{"front.knee.left", "front.knee.right"});
}

TEST_CASE("body areas: Knotmap's own names come first, shared names go through the table") {
    const BodyAreaMapping code = areas().map("back.upper_trapezius.left");
    CHECK(codes(code) == std::vector<std::string>{"back.upper_trapezius.left"});
    CHECK(code.how == "atlas code");
    CHECK(areas().map("Right pectoralis major").how == "region name");
    CHECK(areas().map("b07").how == "CHOIR code");
    // "Left wrist" is the front's and the back's name: the table says the palm side.
    CHECK(codes(areas().map("Left wrist")) == std::vector<std::string>{"front.wrist.left"});
    // Not in the table: still ambiguous, with both codes to choose from.
    const BodyAreaMapping shared = areas().map("Left upper trapezius");
    CHECK(shared.regions.empty());
    CHECK(shared.lookup.candidates.size() == 2);
}

TEST_CASE("body areas: nothing is guessed") {
    for (const char* text : {"Fatigue", "Nausea", "Brain fog", "kidney", "back", "arm",
                             "left and right shoulder", "", "pain", "left"}) {
        CAPTURE(text);
        CHECK(areas().map(text).regions.empty());
    }
}

TEST_CASE("body areas: every row of the table reads as documented") {
    // Each row names a region with both sides (checked when the table loads)
    // and maps, without a side word, to both of them; docs/import-other-apps.md
    // lists every row.
    std::ifstream doc(std::filesystem::path(__FILE__).parent_path() /
                      "../../docs/import-other-apps.md");
    std::stringstream text;
    text << doc.rdbuf();
    const std::string docs = text.str();
    REQUIRE(!docs.empty());
    CHECK(areas().synonyms().size() > 100);
    for (const BodyAreaMap::Synonym& synonym : areas().synonyms()) {
        CAPTURE(synonym.words);
        const BodyAreaMapping both = areas().map(synonym.words);
        if (both.how.starts_with("synonym")) {
            REQUIRE(both.regions.size() == 2);
            CHECK(both.regions[0]->code == synonym.region + ".left");
            CHECK(both.regions[1]->code == synonym.region + ".right");
        } else {
            CHECK(!both.regions.empty()); // an atlas name the table repeats ("cranium")
        }
        CHECK(codes(areas().map("right " + synonym.words)).size() == 1);
        const std::string row = "| `" + synonym.region + "` |";
        const auto at = docs.find(row);
        REQUIRE(at != std::string::npos);
        const std::string line = docs.substr(at, docs.find('\n', at) - at);
        CHECK(line.find(" " + synonym.words) != std::string::npos);
    }
}
