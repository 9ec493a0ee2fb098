#pragma once

#include "core/domain.h"

#include <string>
#include <string_view>
#include <vector>

// One change to one field of a saved observation, as the knot editor makes
// it: the unit of "saves as you go" and of undo.
namespace knotmap {

enum class ObservationField { Pain, Kind, Symptoms, ReferredRegions, Notes };

struct ObservationEdit {
    Id observationId = 0;
    ObservationField field = ObservationField::Pain;
    // Only the member named by field is used.
    int pain = 0;
    ObservationKind kind = ObservationKind::ActiveTriggerPoint;
    std::vector<std::string> codes; // symptom codes or referred region codes
    std::string notes;
    // The rating's version the person saw when making the change (0: not
    // known); the save is refused when somebody else changed it since
    // (store/row_version.h).
    int baseVersion = 0;

    [[nodiscard]] static ObservationEdit setPain(Id observationId, int pain);
    [[nodiscard]] static ObservationEdit setKind(Id observationId, ObservationKind kind);
    [[nodiscard]] static ObservationEdit setSymptoms(Id observationId,
                                                     std::vector<std::string> codes);
    [[nodiscard]] static ObservationEdit setReferredRegions(Id observationId,
                                                            std::vector<std::string> codes);
    [[nodiscard]] static ObservationEdit setNotes(Id observationId, std::string notes);
};

// Sets the edited field of observation; the other fields stay as they are.
void applyEdit(const ObservationEdit& edit, Observation& observation);

// "Change pain", "Edit notes"...: for the Edit menu's undo and redo items.
[[nodiscard]] std::string_view editDescription(ObservationField field);

// codes with code added, or removed when it is already there (a chip toggle).
[[nodiscard]] std::vector<std::string> toggledCode(std::vector<std::string> codes,
                                                   std::string_view code);

} // namespace knotmap
