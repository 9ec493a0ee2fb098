#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "store/sql/connection.h"
#include "ui/knots/quick_treatment_model.h"
#include "ui/widgets/named_code.h"

#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

// What the knot editor shows for one observation, read from the store when
// the observation or its knot changes (never per frame).
struct KnotEditorModel {
    Id observationId = 0;
    Id knotId = 0;
    std::string title;       // the knot's region, e.g. "Left upper trapezius"
    std::string subtitle;    // the session, e.g. "Sat 14 Mar 2026 at 08:12 · Self check-in"
    std::string sessionTime; // its local time, "08:12"
    std::string previous;    // the knot's observation before this one, e.g. "Last time (Thu 12 Mar
                             // 2026): pain 6"
    Observation observation;
    std::vector<NamedCode> symptomChoices;  // visible symptoms, plus hidden ones this record uses
    std::vector<NamedCode> referredRegions; // the observation's, named from the atlas
    std::vector<int> referredRegionIndices; // the same as atlas region indices, for the map

    // A rating in a signed visit is read-only: corrected by amendments, which
    // default to the signer as their author.
    bool signedVisit = false;
    std::string signer;
    std::string signedLine;                    // "Signed by Dana Lee on Sat 14 Mar 2026 at 10:05"
    std::vector<std::string> amendmentLines;   // this rating's, oldest first: "Pain: 7 → 3"
    std::vector<std::string> amendmentBylines; // "Dana Lee · Sat 14 Mar 2026 at 10:12 · reason"
    // The knot was rated in a signed visit: it keeps its place and is not deleted.
    bool knotLocked = false;
    // The compact treatment row: kinds to pick, and this knot's treatments so far.
    QuickTreatmentModel treatment;
    // In a practice, the signed-in practitioner's name: signatures and
    // amendments carry it, not a typed one (empty elsewhere; set by the
    // controller from Workspace::practiceName()).
    std::string practiceName;
};

// Reads the observation, its knot, session and the symptom vocabulary; empty
// when the observation no longer exists (e.g. its creation was undone).
[[nodiscard]] std::optional<KnotEditorModel>
buildKnotEditorModel(sql::Connection& db, Id observationId, const Atlas& atlas);

// True when a signed visit rated the knot: its place is part of that record.
[[nodiscard]] bool knotRatedInSignedVisit(sql::Connection& db, Id knotId);

// The atlas' display name for a region code, or the code itself when the
// atlas does not know it (data from a newer or older atlas).
[[nodiscard]] std::string regionDisplayName(const Atlas& atlas, const std::string& code);

} // namespace knotmap::ui
