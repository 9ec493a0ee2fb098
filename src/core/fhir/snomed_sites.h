#pragma once

#include <string>
#include <string_view>
#include <vector>

// The SNOMED CT body structure of each atlas region, from the table
// assets/atlas/snomed_sites.csv (documented in docs/fhir.md). Regions are
// listed without their side ("back.upper_trapezius"): the side travels as a
// laterality qualifier, because SNOMED CT has no sided concept for most
// muscles.
namespace knotmap::fhir {

struct SnomedSite {
    std::string region; // view and muscle, e.g. "back.upper_trapezius"
    std::string code;   // SNOMED CT concept id
    std::string term;   // its term, e.g. "Structure of trapezius muscle"
    // True when the concept is the region itself; false when SNOMED CT has
    // no concept for it and this is the nearest structure containing it.
    bool exact = false;
};

// Every row of the table, in its order. Throws std::runtime_error naming the
// table's line on a malformed row (a test checks the embedded one).
[[nodiscard]] const std::vector<SnomedSite>& snomedSites();

// The site of an atlas region code ("back.upper_trapezius.left" or without
// the side); nullptr for a code the table does not list.
[[nodiscard]] const SnomedSite* snomedSiteOf(std::string_view regionCode);

} // namespace knotmap::fhir
