#pragma once

#include "core/domain.h"
#include "core/import_row.h"

#include <optional>
#include <string>
#include <vector>

// One row of each table of Knotmap's CSV export (docs/csv-format.md), read
// back into the domain model. The parse functions check each value on its
// own (types, ranges, codes, atlas regions); how rows refer to each other is
// checked by the import plan (store/import_plan.h).
namespace knotmap {

struct ClientRow {
    Client client;
};

struct SessionRow {
    Session session;
    std::string clientName;
    std::optional<LocalTimestamp> signedAt;
};

struct KnotRow {
    Knot knot;
    std::string clientName;
};

struct TreatmentRow {
    Treatment treatment;
    Id clientId = 0;
    std::string clientName;
    LocalTimestamp sessionTime;
};

struct ObservationRow {
    Observation observation;
    Id clientId = 0;
    std::string clientName;
    LocalTimestamp sessionTime;
    SessionKind sessionKind = SessionKind::SelfCheckIn;
    Knot knot; // the knot columns repeated on every row
    std::vector<std::string> treatmentCodes;
};

[[nodiscard]] ClientRow parseClientRow(ImportRow& row);
[[nodiscard]] SessionRow parseSessionRow(ImportRow& row);
[[nodiscard]] KnotRow parseKnotRow(ImportRow& row);
[[nodiscard]] TreatmentRow parseTreatmentRow(ImportRow& row);
[[nodiscard]] ObservationRow parseObservationRow(ImportRow& row);

} // namespace knotmap
