#pragma once

#include "core/fhir/fhir_ids.h"
#include "core/fhir/fhir_records.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

// Builds the FHIR R4 resources of Knotmap's records, as docs/fhir.md lays
// them out: a Patient per client, a BodyStructure per knot, an Encounter per
// session with Observations for its overall pain, stress and sleep, an
// Observation per knot rating, a Procedure per treatment and a Composition
// for a therapy visit's SOAP note and signature. Members keep the order the
// FHIR specification lists them in, so files read well and compare cleanly.
namespace knotmap::fhir {

using Json = nlohmann::ordered_json;

// How resources point at each other: inside a Bundle, by the entries'
// fullUrl (urn:uuid:...); in NDJSON files, where nothing encloses them, by
// type and id (Patient/...), as FHIR Bulk Data does.
enum class ReferenceStyle { Bundle, Ndjson };

class ResourceBuilder {
public:
    explicit ResourceBuilder(ReferenceStyle style) : m_style(style) {}

    [[nodiscard]] Json patient(const ClientRecord& client) const;
    [[nodiscard]] Json bodyStructure(const KnotRecord& knot) const;
    [[nodiscard]] Json encounter(const SessionRecord& session) const;
    // The overall pain, stress and sleep the session rated (none, one or more).
    [[nodiscard]] std::vector<Json> sessionRatings(const SessionRecord& session) const;
    // knot is the observed knot; nullptr never happens for stored data (a
    // foreign key), but then the Observation still names its knot's id.
    [[nodiscard]] Json knotObservation(const ObservationRecord& observation,
                                       const SessionRecord& session, const KnotRecord* knot) const;
    [[nodiscard]] Json procedure(const TreatmentRecord& treatment, const SessionRecord& session,
                                 const KnotRecord* knot) const;
    // A therapy visit's note: only when it has SOAP text or a signature.
    [[nodiscard]] std::optional<Json> composition(const SessionRecord& session) const;

    // The address a Bundle entry is listed under: "urn:uuid:<id>".
    [[nodiscard]] static std::string fullUrl(ResourceKind kind, Id row);

private:
    [[nodiscard]] Json reference(ResourceKind kind, Id row) const;

    ReferenceStyle m_style;
};

// The bodySite of an atlas region: its SNOMED CT structure, Knotmap's region
// code, the side as a laterality extension and the display name as text.
[[nodiscard]] Json regionConcept(const std::string& regionCode);

// Text as the XHTML a Narrative div holds (&, < and > escaped).
[[nodiscard]] std::string narrativeDiv(const std::string& text);

} // namespace knotmap::fhir
