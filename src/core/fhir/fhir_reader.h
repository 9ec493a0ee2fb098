#pragma once

#include "core/fhir/fhir_records.h"
#include "core/fhir/fhir_resources.h"
#include "core/import_problems.h"

#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// Reads Knotmap's own FHIR R4 exports back (docs/fhir.md, "Importing"): a
// Bundle, or NDJSON files of one resource per line. Every resource is
// checked, and every problem is collected with the file, the line (NDJSON)
// or entry (Bundle), the resource and the field it is about, so one run
// lists them all; nothing is half-read into the records of a bad file.
namespace knotmap::fhir {

class ResourceFields;

// Where a resource was read, for the problems found with it.
struct ResourcePlace {
    std::string file;
    std::int64_t line = 0;  // NDJSON line; 0 in a Bundle
    std::int64_t entry = 0; // Bundle entry (1-based); 0 in NDJSON
    std::string resource;   // "Observation 6b6e6f74-0004-..."
};

// "entry 12, Observation 6b6e...: valueInteger: must be ..." at the file and line.
[[nodiscard]] ImportProblem problemAt(const ResourcePlace& place, const std::string& field,
                                      const std::string& message);

struct ImportedRecords {
    std::vector<ClientRecord> clients;
    std::vector<KnotRecord> knots;
    std::vector<SessionRecord> sessions;
    std::vector<ObservationRecord> observations;
    std::vector<TreatmentRecord> treatments;
    // Vocabulary entries the resources name, by code: their display names.
    std::map<std::string, std::string> symptoms;
    std::map<std::string, std::string> treatmentKinds;
    std::map<std::string, std::string> triggers;
    // Where each client's Patient was read (client names are checked against
    // the database later).
    std::map<Id, ResourcePlace> clientPlaces;
};

class FhirReader {
public:
    explicit FhirReader(ImportProblems& problems) : m_problems(problems) {}

    // A Bundle (any type) of Knotmap's resources. file names it in problems.
    void readBundle(std::string_view text, const std::string& file);
    // One resource per line; blank lines are skipped.
    void readNdjson(std::istream& in, const std::string& file);

    // The records, once every reference is checked to name a resource read
    // and of the right client. Call once, after the reads.
    [[nodiscard]] ImportedRecords finish();

    using Where = ResourcePlace;

private:
    void readResource(const Json& json, const Where& where);
    // One per resource type, after the id is known to be of a kind it holds.
    void readPatient(const Json& json, ResourceFields& f, const ResourceIdentity& identity,
                     const Where& where);
    void readBodyStructure(const Json& json, ResourceFields& f, const ResourceIdentity& identity,
                           const Where& where);
    void readEncounter(const Json& json, ResourceFields& f, const ResourceIdentity& identity,
                       const Where& where);
    void readObservation(const Json& json, ResourceFields& f, const ResourceIdentity& identity,
                         const Where& where);
    void readProcedure(const Json& json, ResourceFields& f, const ResourceIdentity& identity,
                       const Where& where);
    void readComposition(const Json& json, ResourceFields& f, const ResourceIdentity& identity,
                         const Where& where);
    void problem(const Where& where, const std::string& field, const std::string& message);

    ImportProblems& m_problems;
    ImportedRecords m_records;
    // Session ratings arrive as Observations of their own; kept until the
    // sessions are all read. Key: session row.
    struct PendingRating {
        Id session = 0;
        int kind = 0; // ResourceKind
        int value = 0;
        Where where;
    };
    std::vector<PendingRating> m_ratings;
    struct PendingNote {
        Id session = 0;
        SessionRecord soap; // subjective..plan, signedAt, signedBy
        Where where;
    };
    std::vector<PendingNote> m_notes;
    // Where each record came from, for problems found in finish().
    std::map<std::pair<int, Id>, Where> m_origins;
};

} // namespace knotmap::fhir
