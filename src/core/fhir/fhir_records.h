#pragma once

#include "core/domain.h"
#include "core/timestamp.h"

#include <optional>
#include <string>
#include <vector>

// What one FHIR resource is made from: the rows the export reads, with the
// vocabulary entries they name resolved to code and display name. Plain data,
// so resources are built and tested without a database.
namespace knotmap::fhir {

struct CodedTerm {
    std::string code;
    std::string name;
};

struct ClientRecord {
    Id id = 0;
    std::string name;
    std::optional<int> birthYear;
    std::string notes;
    bool archived = false;
};

struct KnotRecord {
    Id id = 0;
    Id clientId = 0;
    std::string view; // "front" or "back"
    double x = 0.0;
    double y = 0.0;
    std::string regionCode; // an atlas region, e.g. "back.upper_trapezius.left"
    std::string label;
    std::string status; // "active" or "resolved"
};

struct SessionRecord {
    Id id = 0;
    Id clientId = 0;
    LocalTimestamp started;
    std::string kind; // "self_checkin" or "therapy_visit"
    std::optional<int> overallPain;
    std::optional<int> stress;
    std::optional<int> sleep;
    std::vector<CodedTerm> triggers;
    std::string therapist;
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    std::string notes;
    std::optional<LocalTimestamp> signedAt;
    std::string signedBy; // the name the visit was signed under
};

struct ObservationRecord {
    Id id = 0;
    Id sessionId = 0;
    Id knotId = 0;
    int pain = 0;
    std::string kind; // "active_trigger_point", ...
    std::string notes;
    std::vector<CodedTerm> symptoms;
    std::vector<std::string> referredRegions; // atlas region codes
};

struct TreatmentRecord {
    Id id = 0;
    Id sessionId = 0;
    std::optional<Id> knotId; // none: the whole session
    CodedTerm kind;
    std::optional<int> minutes;
    std::string intensity; // "" or "light", "medium", "firm", "deep"
    std::optional<int> painBefore;
    std::optional<int> painAfter;
    std::string medication;
    std::string notes;
};

} // namespace knotmap::fhir
