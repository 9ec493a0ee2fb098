#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "store/sql/connection.h"

#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// A knot observed in the session, as a treatment target.
struct TreatmentKnotChoice {
    Id knotId = 0;
    std::string name; // the knot's label, else its region's display name
    int observedPain = 0;
};

// A treatment kind the form offers. Massage kinds share a group so the
// picker can list them together.
struct TreatmentKindChoice {
    std::string code;
    std::string name;
    bool massage = false;
    bool hidden = false; // only offered because a record being edited uses it
};

// One saved treatment row: a knot (or the whole session) and its pain.
struct TreatmentLine {
    Treatment treatment; // as stored, for editing and deleting
    std::string target;  // the knot's name, or "Whole session"
    std::string pain;    // e.g. "pain 7 \u2192 4", "" when neither is known
};

// Treatments given together (the same kind, minutes, intensity, medication and
// notes, saved one after another): one "Add treatment" for several knots
// reads as one entry with a line per knot.
struct TreatmentGroup {
    std::string kindCode; // the vocabulary code: picks the kind's glyph and colour
    std::string kindName; // e.g. "Massage: trigger point therapy"
    std::string details;  // e.g. "20 min \u00B7 Firm", "" when neither is known
    std::string medication;
    std::string notes;
    std::vector<TreatmentLine> lines;
};

// What the treatments section shows for one session; read from the store when
// the session or the data changes, never per frame.
struct TreatmentPanelModel {
    Id sessionId = 0;
    std::string sessionTitle;           // e.g. "Sat 14 Mar 2026, 09:30 · Self check-in"
    std::vector<TreatmentGroup> groups; // in the order they were saved
    int treatmentCount = 0;
    std::vector<TreatmentKnotChoice> knots; // observed in the session, by name
    std::vector<TreatmentKindChoice> kinds; // visible kinds, massage kinds first
    // A signed visit: its treatments are read-only, corrected by amendments,
    // which default to the signer as their author.
    bool signedVisit = false;
    std::string signer;
    // In a practice, the signed-in practitioner's name: signatures and
    // amendments carry it, not a typed one (empty elsewhere; set by the
    // controller from Workspace::practiceName()).
    std::string practiceName;
};

// Empty when the session no longer exists.
[[nodiscard]] std::optional<TreatmentPanelModel>
buildTreatmentPanelModel(sql::Connection& db, Id sessionId, const Atlas& atlas);

} // namespace knotmap::ui
