#include "core/observation_edit.h"

#include <algorithm>
#include <utility>

namespace knotmap {

ObservationEdit ObservationEdit::setPain(Id observationId, int pain) {
    ObservationEdit edit;
    edit.observationId = observationId;
    edit.field = ObservationField::Pain;
    edit.pain = pain;
    return edit;
}

ObservationEdit ObservationEdit::setKind(Id observationId, ObservationKind kind) {
    ObservationEdit edit;
    edit.observationId = observationId;
    edit.field = ObservationField::Kind;
    edit.kind = kind;
    return edit;
}

ObservationEdit ObservationEdit::setSymptoms(Id observationId, std::vector<std::string> codes) {
    ObservationEdit edit;
    edit.observationId = observationId;
    edit.field = ObservationField::Symptoms;
    edit.codes = std::move(codes);
    return edit;
}

ObservationEdit ObservationEdit::setReferredRegions(Id observationId,
                                                    std::vector<std::string> codes) {
    ObservationEdit edit;
    edit.observationId = observationId;
    edit.field = ObservationField::ReferredRegions;
    edit.codes = std::move(codes);
    return edit;
}

ObservationEdit ObservationEdit::setNotes(Id observationId, std::string notes) {
    ObservationEdit edit;
    edit.observationId = observationId;
    edit.field = ObservationField::Notes;
    edit.notes = std::move(notes);
    return edit;
}

void applyEdit(const ObservationEdit& edit, Observation& observation) {
    switch (edit.field) {
    case ObservationField::Pain:
        observation.pain = edit.pain;
        break;
    case ObservationField::Kind:
        observation.kind = edit.kind;
        break;
    case ObservationField::Symptoms:
        observation.symptomCodes = edit.codes;
        break;
    case ObservationField::ReferredRegions:
        observation.referredRegionCodes = edit.codes;
        break;
    case ObservationField::Notes:
        observation.notes = edit.notes;
        break;
    }
}

std::string_view editDescription(ObservationField field) {
    switch (field) {
    case ObservationField::Pain:
        return "Change pain";
    case ObservationField::Kind:
        return "Change kind";
    case ObservationField::Symptoms:
        return "Change symptoms";
    case ObservationField::ReferredRegions:
        return "Change referred pain";
    case ObservationField::Notes:
        return "Edit notes";
    }
    return "Edit observation";
}

std::vector<std::string> toggledCode(std::vector<std::string> codes, std::string_view code) {
    const auto found = std::find(codes.begin(), codes.end(), code);
    if (found != codes.end()) {
        codes.erase(found);
    } else {
        codes.emplace_back(code);
    }
    return codes;
}

} // namespace knotmap
