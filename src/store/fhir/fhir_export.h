#pragma once

#include "core/fhir/fhir_resources.h"
#include "store/database.h"
#include "store/table_export.h"

#include <cstdint>
#include <functional>

// Reads the records an export selects (ExportOptions' client and dates, as
// for CSV) and hands their FHIR resources on one at a time, client by
// client: the Patient, its knots' BodyStructures, then each session's
// Encounter followed by what belongs to it. Memory holds one client's
// records at most, however large the database.
namespace knotmap {

// Returns the resources emitted. options.progress hears the records done
// (clients, knots, sessions, observations and treatments: the sum of
// countExportRows over every table) every kExportProgressRows records, and
// may throw to cancel.
std::int64_t exportFhirResources(Database& database, const ExportOptions& options,
                                 fhir::ReferenceStyle style,
                                 const std::function<void(const fhir::Json&)>& emit);

} // namespace knotmap
