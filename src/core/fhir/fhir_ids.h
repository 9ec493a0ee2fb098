#pragma once

#include "core/domain.h"

#include <optional>
#include <string>
#include <string_view>

// Resource ids that stay the same across exports of the same records: each is
// a UUID made from what the resource is and the database row it comes from,
// in the layout RFC 9562 leaves to applications (version 8):
//
//   6b6e6f74-00KK-8000-8000-RRRRRRRRRRRR
//   "knot"    kind           row id (48 bits)
//
// Nothing random and no clock, so exporting twice writes the same file, and
// an import can tell which row a resource came from (docs/fhir.md).
namespace knotmap::fhir {

enum class ResourceKind {
    Patient = 1,         // a client
    BodyStructure = 2,   // a knot
    Encounter = 3,       // a session
    KnotObservation = 4, // a knot's pain in a session (an observation row)
    OverallPain = 5,     // the session's overall pain
    Stress = 6,          // the session's stress rating
    Sleep = 7,           // the session's sleep rating
    Procedure = 8,       // a treatment
    Composition = 9,     // a therapy visit's SOAP note and signature
};

struct ResourceIdentity {
    ResourceKind kind = ResourceKind::Patient;
    Id row = 0;
    friend bool operator==(const ResourceIdentity&, const ResourceIdentity&) = default;
};

// The id, e.g. "6b6e6f74-0001-8000-8000-00000000000c" for client 12.
[[nodiscard]] std::string resourceId(ResourceKind kind, Id row);
// The kind and row an id names; nullopt for an id Knotmap did not make.
[[nodiscard]] std::optional<ResourceIdentity> parseResourceId(std::string_view id);

} // namespace knotmap::fhir
