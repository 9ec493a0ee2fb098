#include "core/atlas.h"
#include "core/referral_patterns.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

using namespace knotmap;

namespace {

int indexOf(std::string_view code) {
    const AtlasRegion* region = Atlas::builtIn().findByCode(code);
    REQUIRE_MESSAGE(region != nullptr, "missing atlas region " << code);
    return region->index;
}

bool holds(const std::vector<int>& indices, std::string_view code) {
    return std::find(indices.begin(), indices.end(), indexOf(code)) != indices.end();
}

// The message parse gives for text, or "" when it is accepted.
std::string errorFor(const std::string& text) {
    try {
        (void)ReferralPatterns::parse(text, "test.json", Atlas::builtIn());
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

// A one-pattern file whose pattern body is given.
std::string fileWith(const std::string& pattern) {
    return R"({"format": "knotmap-referral", "version": 1, "patterns": [)" + pattern + "]}";
}

const std::string kGoodPattern = R"({"id": "upper_trapezius", "muscle": "Upper trapezius",
    "sources": ["back.upper_trapezius"], "essential": ["front.temporalis"],
    "description": "Up the neck to the temple."})";

} // namespace

TEST_CASE("built-in referral patterns load and cover the reference table") {
    const ReferralPatterns& patterns = ReferralPatterns::builtIn();
    // One per row of the referral table in the shared trigger-point reference.
    const std::vector<std::string> expected{"upper_trapezius",
                                            "middle_trapezius",
                                            "lower_trapezius",
                                            "levator_scapulae",
                                            "sternocleidomastoid_sternal",
                                            "sternocleidomastoid_clavicular",
                                            "scalenes",
                                            "suboccipitals",
                                            "splenius_capitis",
                                            "infraspinatus",
                                            "supraspinatus",
                                            "rhomboids",
                                            "pectorals",
                                            "quadratus_lumborum",
                                            "gluteus_medius",
                                            "gluteus_minimus",
                                            "piriformis",
                                            "gastrocnemius",
                                            "soleus"};
    CHECK(patterns.patterns().size() == expected.size());
    for (const std::string& id : expected) {
        const ReferralPattern* pattern = patterns.findById(id);
        REQUIRE_MESSAGE(pattern != nullptr, "no referral pattern " << id);
        CHECK_FALSE(pattern->muscle.empty());
        CHECK(pattern->description.back() == '.');
    }
    CHECK(patterns.findById("biceps") == nullptr);
}

TEST_CASE("every built-in referral code resolves on both sides of the built-in atlas") {
    const Atlas& atlas = Atlas::builtIn();
    for (const ReferralPattern& pattern : ReferralPatterns::builtIn().patterns()) {
        for (const auto* stems : {&pattern.sources, &pattern.essential, &pattern.spillover}) {
            for (const std::string& stem : *stems) {
                CHECK_MESSAGE(atlas.findByCode(stem + ".left") != nullptr,
                              pattern.id << " " << stem);
                CHECK_MESSAGE(atlas.findByCode(stem + ".right") != nullptr,
                              pattern.id << " " << stem);
            }
        }
    }
}

TEST_CASE("referral from a left upper trapezius knot stays on the left head and neck") {
    const auto zone =
        ReferralPatterns::builtIn().zoneFor(Atlas::builtIn(), "back.upper_trapezius.left");
    REQUIRE(zone.has_value());
    CHECK(zone->patternIds == std::vector<std::string>{"upper_trapezius"});
    CHECK(zone->muscle == "Upper trapezius");
    CHECK(zone->side == Side::Left);
    CHECK(holds(zone->essential, "front.temporalis.left"));
    CHECK(holds(zone->essential, "back.cervical_paraspinals.left"));
    CHECK(holds(zone->spillover, "front.masseter.left"));
    CHECK_FALSE(holds(zone->essential, "front.temporalis.right"));
    for (const auto* indices : {&zone->essential, &zone->spillover}) {
        for (const int index : *indices) {
            CHECK(Atlas::builtIn().regions()[static_cast<std::size_t>(index)].side == Side::Left);
        }
    }
}

TEST_CASE("referral from a right upper trapezius knot stays on the right on either view") {
    const ReferralPatterns& patterns = ReferralPatterns::builtIn();
    for (const char* code : {"back.upper_trapezius.right", "front.upper_trapezius.right"}) {
        CAPTURE(code);
        const auto zone = patterns.zoneFor(Atlas::builtIn(), code);
        REQUIRE(zone.has_value());
        CHECK(zone->side == Side::Right);
        CHECK(holds(zone->essential, "front.temporalis.right"));
        CHECK(holds(zone->essential, "back.occiput.right"));
        CHECK(holds(zone->spillover, "front.face.right"));
        CHECK_FALSE(holds(zone->essential, "back.occiput.left"));
    }
}

TEST_CASE("referral zones are sorted and keep spillover apart from essential") {
    const Atlas& atlas = Atlas::builtIn();
    for (const AtlasRegion& region : atlas.regions()) {
        const auto zone = ReferralPatterns::builtIn().zoneFor(atlas, region.code);
        if (!zone) {
            continue;
        }
        CAPTURE(region.code);
        CHECK_FALSE(zone->essential.empty());
        CHECK(std::is_sorted(zone->essential.begin(), zone->essential.end()));
        CHECK(std::is_sorted(zone->spillover.begin(), zone->spillover.end()));
        for (const int index : zone->spillover) {
            CHECK_FALSE(std::binary_search(zone->essential.begin(), zone->essential.end(), index));
        }
    }
}

TEST_CASE("a region shared by two muscles merges their referral patterns") {
    const auto zone =
        ReferralPatterns::builtIn().zoneFor(Atlas::builtIn(), "back.gluteus_medius.right");
    REQUIRE(zone.has_value());
    CHECK(zone->patternIds == std::vector<std::string>{"gluteus_medius", "gluteus_minimus"});
    CHECK(zone->muscle == "Gluteus medius / Gluteus minimus");
    CHECK(holds(zone->essential, "back.sacrum.right"));
    CHECK(holds(zone->essential, "back.gastrocnemius.right"));
    CHECK(holds(zone->spillover, "front.ankle.right"));
}

TEST_CASE("a region without a referral pattern gives no zone") {
    const ReferralPatterns& patterns = ReferralPatterns::builtIn();
    const Atlas& atlas = Atlas::builtIn();
    CHECK_FALSE(patterns.zoneFor(atlas, "front.knee.left").has_value());
    CHECK_FALSE(patterns.zoneFor(atlas, "back.upper_trapezius").has_value());
    CHECK_FALSE(patterns.zoneFor(atlas, "no.such.region").has_value());
    CHECK_FALSE(patterns.zoneFor(atlas, "").has_value());
}

TEST_CASE("a minimal referral file parses") {
    const ReferralPatterns patterns =
        ReferralPatterns::parse(fileWith(kGoodPattern), "test.json", Atlas::builtIn());
    REQUIRE(patterns.patterns().size() == 1);
    CHECK(patterns.patterns()[0].spillover.empty());
    CHECK(errorFor(fileWith(kGoodPattern)).empty());
}

TEST_CASE("malformed referral files are refused naming the pattern and field") {
    CHECK(errorFor("{\"format\": ").find("test.json: not valid JSON") == 0);
    CHECK(errorFor("[]") == "test.json: the file must be a JSON object");
    CHECK(errorFor(R"({"format": "knotmap-atlas", "version": 1, "patterns": []})") ==
          "test.json: 'format' must be \"knotmap-referral\"");
    CHECK(errorFor(R"({"format": "knotmap-referral", "version": 2, "patterns": []})") ==
          "test.json: 'version' must be 1 (the only version this Knotmap reads)");

    CHECK(errorFor(fileWith(R"({"muscle": "Soleus"})")) ==
          "test.json: pattern #1: missing field 'id'");
    CHECK(errorFor(fileWith(R"({"id": "soleus", "muscle": "Soleus", "sources": ["back.soleus"],
                                "essential": ["back.heel"]})")) ==
          "test.json: pattern 'soleus': missing field 'description'");
    CHECK(errorFor(fileWith(R"({"id": "soleus", "muscle": "Soleus", "description": "Heel.",
                                "sources": ["back.soleus"], "essential": ["back.toe"]})")) ==
          "test.json: pattern 'soleus': field 'essential': unknown atlas region 'back.toe' "
          "(no 'back.toe.left' in the atlas)");
    CHECK(errorFor(fileWith(R"({"id": "soleus", "muscle": "Soleus", "description": "Heel.",
                                "sources": ["back.soleus.left"], "essential": ["back.heel"]})")) ==
          "test.json: pattern 'soleus': field 'sources': 'back.soleus.left' names a side; give "
          "the region without it (the knot decides the side)");
    CHECK(errorFor(fileWith(R"({"id": "soleus", "muscle": "Soleus", "description": "Heel.",
                                "sources": [], "essential": ["back.heel"]})")) ==
          "test.json: pattern 'soleus': field 'sources' must be a non-empty array of atlas "
          "region codes");
    CHECK(errorFor(fileWith(R"({"id": "soleus", "muscle": "Soleus", "description": "Heel.",
                                "sources": ["back.soleus"], "essential": ["back.heel"],
                                "spillover": ["back.heel"]})")) ==
          "test.json: pattern 'soleus': field 'spillover': 'back.heel' is already in 'essential'");
    CHECK(errorFor(fileWith(R"({"id": "soleus", "muscle": "Soleus", "description": "Heel.",
                                "sources": ["back.soleus"], "essential": ["back.heel"],
                                "spilover": ["back.achilles"]})")) ==
          "test.json: pattern 'soleus': unknown field 'spilover'");
    CHECK(errorFor(fileWith(kGoodPattern + "," + kGoodPattern)) ==
          "test.json: pattern 'upper_trapezius': id 'upper_trapezius' is used by an earlier "
          "pattern");
}
