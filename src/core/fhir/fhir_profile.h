#pragma once

#include <string_view>

// The addresses of the Knotmap FHIR profile (docs/fhir.md): the extensions
// and code systems Knotmap defines for what FHIR R4 has no element for (the
// knot, its kind, the diagram position), next to the standard code systems it
// uses. Canonical URLs name things; they need not resolve.
namespace knotmap::fhir {

inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
inline constexpr std::string_view kObservationCategory =
    "http://terminology.hl7.org/CodeSystem/observation-category";

// LOINC 72514-3: pain severity on the 0-10 verbal numeric rating scale.
inline constexpr std::string_view kPainSeverityCode = "72514-3";
inline constexpr std::string_view kPainSeverityDisplay =
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
// LOINC 11506-3: the visit's note (Composition.type).
inline constexpr std::string_view kProgressNoteCode = "11506-3";
inline constexpr std::string_view kProgressNoteDisplay = "Progress note";

// SNOMED CT laterality qualifier values (attribute 272741003 |Laterality|).
inline constexpr std::string_view kSnomedLeft = "7771000";
inline constexpr std::string_view kSnomedRight = "24028007";

#define KNOTMAP_FHIR_BASE "https://knotmap.app/fhir/"
inline constexpr std::string_view kProfileBase = KNOTMAP_FHIR_BASE;

// Code systems of Knotmap's own codes.
inline constexpr std::string_view kRegionSystem = KNOTMAP_FHIR_BASE "CodeSystem/atlas-region";
inline constexpr std::string_view kSessionKindSystem = KNOTMAP_FHIR_BASE "CodeSystem/session-kind";
inline constexpr std::string_view kKnotKindSystem = KNOTMAP_FHIR_BASE "CodeSystem/knot-kind";
inline constexpr std::string_view kSymptomSystem = KNOTMAP_FHIR_BASE "CodeSystem/symptom";
inline constexpr std::string_view kTreatmentSystem = KNOTMAP_FHIR_BASE "CodeSystem/treatment-kind";
inline constexpr std::string_view kTriggerSystem = KNOTMAP_FHIR_BASE "CodeSystem/trigger";
inline constexpr std::string_view kRatingSystem = KNOTMAP_FHIR_BASE "CodeSystem/rating";
inline constexpr std::string_view kComponentSystem =
    KNOTMAP_FHIR_BASE "CodeSystem/observation-component";

// Extensions.
inline constexpr std::string_view kLateralityExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/laterality";
inline constexpr std::string_view kKnotExtension = KNOTMAP_FHIR_BASE "StructureDefinition/knot";
inline constexpr std::string_view kDiagramPositionExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/diagram-position";
inline constexpr std::string_view kNotesExtension = KNOTMAP_FHIR_BASE "StructureDefinition/notes";
inline constexpr std::string_view kTriggerExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/trigger";
inline constexpr std::string_view kMinutesExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/minutes";
inline constexpr std::string_view kIntensityExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/intensity";
inline constexpr std::string_view kPainBeforeExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/pain-before";
inline constexpr std::string_view kPainAfterExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/pain-after";
inline constexpr std::string_view kMedicationExtension =
    KNOTMAP_FHIR_BASE "StructureDefinition/medication";

#undef KNOTMAP_FHIR_BASE

} // namespace knotmap::fhir
