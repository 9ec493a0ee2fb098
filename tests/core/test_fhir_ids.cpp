#include "core/fhir/fhir_ids.h"

#include <doctest/doctest.h>

using namespace knotmap;
using namespace knotmap::fhir;

TEST_CASE("FHIR ids are version-8 UUIDs naming the kind and the row, and read back") {
    CHECK(resourceId(ResourceKind::Patient, 12) == "6b6e6f74-0001-8000-8000-00000000000c");
    CHECK(resourceId(ResourceKind::Composition, 0xabcdef123456) ==
          "6b6e6f74-0009-8000-8000-abcdef123456");
    for (const auto kind :
         {ResourceKind::Patient, ResourceKind::BodyStructure, ResourceKind::Encounter,
          ResourceKind::KnotObservation, ResourceKind::OverallPain, ResourceKind::Stress,
          ResourceKind::Sleep, ResourceKind::Procedure, ResourceKind::Composition}) {
        for (const Id row : {Id{1}, Id{255}, Id{1} << 40}) {
            const std::string id = resourceId(kind, row);
            CHECK(id.size() == 36);
            CHECK(id[14] == '8'); // the version nibble
            const auto parsed = parseResourceId(id);
            REQUIRE(parsed);
            CHECK(parsed->kind == kind);
            CHECK(parsed->row == row);
        }
    }
}

TEST_CASE("ids Knotmap did not make are not read as rows") {
    CHECK_FALSE(parseResourceId(""));
    CHECK_FALSE(parseResourceId("patient-1"));
    CHECK_FALSE(parseResourceId("6b6e6f74-0001-8000-8000-00000000000C")); // upper case
    CHECK_FALSE(parseResourceId("6b6e6f74-0000-8000-8000-00000000000c")); // no kind 0
    CHECK_FALSE(parseResourceId("6b6e6f74-000a-8000-8000-00000000000c")); // no kind 10
    CHECK_FALSE(parseResourceId("6b6e6f74-0001-8000-8000-000000000000")); // no row 0
    CHECK_FALSE(parseResourceId("6b6e6f74-0001-4000-8000-00000000000c")); // a random UUID
    CHECK_FALSE(parseResourceId("123e4567-e89b-12d3-a456-426614174000"));
}
