#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "core/session_fields.h"
#include "store/sql/connection.h"
#include "ui/body_map/body_map_types.h"

#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// One amendment as the details panel lists it under its field.
struct AmendmentLine {
    SessionField field = SessionField::Notes;
    std::string original; // formatted for display ("(empty)" when nothing was there)
    std::string amended;
    std::string byline; // "Dana Lee · Sat 14 Mar 2026 10:12 · reason"
};

// One amendment of the visit's ratings or treatments.
struct RecordAmendmentLine {
    std::string subject; // the knot's region, or the treatment: "Left upper trapezius"
    std::string change;  // "Pain: 7 → 3"
    std::string byline;  // "Dana Lee · Sat 14 Mar 2026 at 10:12 · reason"
};

// The selected session, read once when it (or the data) changes: what the
// details panel draws, never querying SQLite per frame.
struct SessionDetailsModel {
    Session session;  // as it reads now: a signed visit with its amendments applied
    Session original; // as saved (as signed, for a signed visit)
    std::optional<SessionSignature> signature;
    std::string signedLine; // "Signed by Dana Lee on Sat 14 Mar 2026 at 10:05"
    std::vector<AmendmentLine> amendments;
    std::vector<RecordAmendmentLine> recordAmendments; // oldest first
    std::vector<VocabularyItem> triggers; // shown ones, plus hidden ones this session uses
    std::string title;                    // "Therapy visit · Sat 14 Mar 2026"
    // The session's own observations, for the body map (knot id -> pain).
    std::vector<std::pair<Id, int>> knotPain;
    // In a practice, the signed-in practitioner's name: signatures and
    // amendments carry it, not a typed one (empty elsewhere; set by the
    // controller from Workspace::practiceName()).
    std::string practiceName;
};

// Throws what the store throws; nullopt when the session does not exist.
[[nodiscard]] std::optional<SessionDetailsModel>
buildSessionDetailsModel(sql::Connection& db, Id sessionId, const Atlas& atlas);

// How a field's value reads: trigger codes become names, empty becomes "(empty)".
[[nodiscard]] std::string displayValue(SessionField field, const std::string& value,
                                       const std::vector<VocabularyItem>& triggers);

} // namespace knotmap::ui
