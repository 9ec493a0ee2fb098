#include "core/atlas.h"
#include "core/fhir/snomed_sites.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

using namespace knotmap;
using namespace knotmap::fhir;

namespace {
std::string withoutSide(const std::string& code) {
    return code.substr(0, code.rfind('.'));
}
} // namespace

TEST_CASE("every atlas region has exactly one SNOMED CT body structure, and every row a region") {
    std::set<std::string> regions;
    for (const AtlasRegion& region : Atlas::builtIn().regions()) {
        regions.insert(withoutSide(region.code));
        const SnomedSite* site = snomedSiteOf(region.code);
        INFO(region.code);
        REQUIRE(site != nullptr);
        CHECK(site->region == withoutSide(region.code));
        CHECK_FALSE(site->term.empty());
    }
    std::map<std::string, int> rows;
    for (const SnomedSite& site : snomedSites()) {
        INFO(site.region);
        CHECK(regions.count(site.region) == 1);
        CHECK(++rows[site.region] == 1);
    }
    CHECK(rows.size() == regions.size());
}

TEST_CASE("a region's SNOMED CT site is found with or without its side") {
    const SnomedSite* left = snomedSiteOf("back.upper_trapezius.left");
    const SnomedSite* bare = snomedSiteOf("back.upper_trapezius");
    REQUIRE(left != nullptr);
    CHECK(left == bare);
    CHECK(left->code == "31764008"); // Structure of trapezius muscle: the whole muscle
    CHECK_FALSE(left->exact);
    const SnomedSite* latissimus = snomedSiteOf("back.latissimus_dorsi.right");
    REQUIRE(latissimus != nullptr);
    CHECK(latissimus->exact);
    CHECK(snomedSiteOf("back.nonexistent.left") == nullptr);
    CHECK(snomedSiteOf("") == nullptr);
}
