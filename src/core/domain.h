#pragma once

#include "core/domain_codes.h"
#include "core/timestamp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The domain model (see docs/architecture.md). Plain values: the store fills
// and saves them, the UI and CLI read them. An id of 0 means "not saved yet".
namespace knotmap {

using Id = std::int64_t;

// Pain, stress and sleep are all rated on the 0-10 numeric rating scale.
inline constexpr int kMinRating = 0;
inline constexpr int kMaxRating = 10;

// A person whose body is charted ("Me" for an individual).
struct Client {
    Id id = 0;
    std::string name;
    std::optional<int> birthYear;
    std::string notes;
    bool archived = false;
    // The row version read from the database (store/row_version.h); 0 when
    // not read from one.
    int version = 0;
};

// One check-in or therapy visit.
struct Session {
    Id id = 0;
    Id clientId = 0;
    LocalTimestamp startedAt;
    SessionKind kind = SessionKind::SelfCheckIn;
    std::optional<int> overallPain;
    std::optional<int> stress;
    std::optional<int> sleep;              // sleep quality, 0 = terrible, 10 = excellent
    std::vector<std::string> triggerCodes; // vocabulary codes
    std::string therapist;
    std::string subjective; // SOAP fields, used by therapy visits
    std::string objective;
    std::string assessment;
    std::string plan;
    std::string notes;
    // The row version read from the database (store/row_version.h); 0 when
    // not read from one.
    int version = 0;
};

// A point on the body diagram in normalised diagram coordinates: x and y in
// [0, 1] from the top-left corner of the view's canvas (see docs/diagram-coordinates.md).
struct DiagramPoint {
    double x = 0.0;
    double y = 0.0;
};

// A specific spot that persists across sessions so its history can be charted.
struct Knot {
    Id id = 0;
    Id clientId = 0;
    BodyView view = BodyView::Front;
    DiagramPoint position;
    std::string regionCode; // atlas region, e.g. "back.upper_trapezius.left"
    std::string label;
    KnotStatus status = KnotStatus::Active;
    // The row version read from the database (store/row_version.h); 0 when
    // not read from one.
    int version = 0;
};

// One knot in one session.
struct Observation {
    Id id = 0;
    Id sessionId = 0;
    Id knotId = 0;
    int pain = 0;
    ObservationKind kind = ObservationKind::ActiveTriggerPoint;
    std::vector<std::string> symptomCodes;
    std::vector<std::string> referredRegionCodes;
    std::string notes;
    // The row version read from the database (store/row_version.h); 0 when
    // not read from one.
    int version = 0;
};

// What was done in a session, to one knot or (knotId empty) the whole session.
struct Treatment {
    Id id = 0;
    Id sessionId = 0;
    std::optional<Id> knotId;
    std::string kindCode; // vocabulary code
    std::optional<int> minutes;
    std::optional<Intensity> intensity;
    std::optional<int> painBefore;
    std::optional<int> painAfter;
    std::string medication; // name and dose, for kind "medication"
    std::string notes;
    // The row version read from the database (store/row_version.h); 0 when
    // not read from one.
    int version = 0;
};

enum class Vocabulary { Symptom, TreatmentKind, Trigger };

// One entry of a user-extensible vocabulary. Hidden entries stay on old records.
struct VocabularyItem {
    Id id = 0;
    std::string code;
    std::string name;
    bool builtin = false;
    bool hidden = false;
};

} // namespace knotmap
