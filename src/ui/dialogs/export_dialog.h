#pragma once

#include "core/domain.h"
#include "store/table_export.h"
#include "ui/file_chooser/file_chooser_slot.h"
#include "ui/style/appearance.h"
#include "ui/widgets/passphrase_fields.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace knotmap::ui {

// What an export writes: CSV tables, or every record type as FHIR R4
// resources (docs/fhir.md), in one Bundle or an NDJSON file per resource
// type (`knotmap export --format fhir` and `--format fhir-ndjson`).
enum class ExportFormat { Csv, FhirBundle, FhirNdjson };

[[nodiscard]] inline bool isFhir(ExportFormat format) {
    return format != ExportFormat::Csv;
}

// What the export dialog asks the app to write (app/export_job.h does it on
// a worker with its own connection). The same choices as `knotmap export`.
struct ExportRequest {
    ExportFormat format = ExportFormat::Csv;
    // CSV only (FHIR always carries every record type): none writes every
    // table into the folder `path`.
    std::optional<ExportTable> table;
    std::string path;      // the file, or the folder for all tables and for NDJSON
    ExportOptions options; // its progress callback is the job's to set
    // Set (CSV only): the chosen tables are sealed into one encrypted
    // archive at path (store/encrypted_export.h) instead of plain CSV.
    std::shared_ptr<const crypto::Secret> passphrase;
};

// How an export ended, told to the dialog by the app.
struct ExportOutcome {
    bool succeeded = false; // the dialog closes; the notice banner says where the file is
    bool cancelled = false; // by the user: said quietly, not as an error
    std::string message;    // shown in the dialog when it did not succeed
};

// Whose data the dialog offers: the client shown (none for the placeholder
// of an empty database) and how many clients there are.
struct ExportClients {
    std::optional<Id> currentId;
    std::string currentName;
    std::size_t count = 0;
};

struct ExportDialogState {
    bool openRequested = false; // File > Export CSV, or Ctrl+E
    ExportFormat format = ExportFormat::Csv;
    // The CSV choices below (table, BOM, neutralise, encrypt) are kept while
    // FHIR is chosen, unused, so switching back finds them as they were.
    int table = 0;          // index into exportTableNames()
    bool allTables = false; // every table into a folder instead of one file
    bool everyone = false;  // every client rather than the current one
    std::string fromText;   // YYYY-MM-DD or empty, like --from
    std::string toText;
    bool bom = false;
    bool neutralise = true;
    bool encrypt = false; // one archive sealed with the passphrase typed twice
    PassphraseFields passphrase;
    std::string pathText;
    std::string defaultPath; // what pathText was last defaulted to: a typed path is kept
    FileChooserSlot chooser; // Choose… beside the path: fills pathText
    // Where and when the default path points, found once when the dialog
    // opens rather than with a file-system check every frame.
    std::string defaultFolder;
    std::string today;                    // YYYY-MM-DD
    std::optional<ExportRequest> request; // taken by the app
    bool cancelRequested = false;         // taken by the app
    // Set by the app from its job each frame.
    bool running = false;
    std::int64_t rowsDone = 0;
    std::int64_t rowsTotal = -1; // -1 while the rows are being counted
    std::optional<ExportOutcome> outcome;
};

// The path the dialog offers: defaultFolder/knotmap-observations-2026-11-21.csv,
// or a folder knotmap-export-2026-11-21 for all tables, or an archive
// knotmap-export-2026-11-21.kme when encrypted; for FHIR a Bundle
// knotmap-fhir-2026-11-21.json or an NDJSON folder knotmap-fhir-2026-11-21;
// with the client's id and initials (clientFileLabel, never the name) when
// one of several is exported.
[[nodiscard]] std::string defaultExportPath(const ExportDialogState& state,
                                            const ExportClients& clients);

// 1234567 as "1,234,567": row counts in the millions stay readable.
[[nodiscard]] std::string groupedDigits(std::int64_t value);

// The "Export" dialog (CSV or FHIR): call every frame; it opens when
// state.openRequested is set and stays open, with a progress bar, while the
// export runs.
void drawExportDialog(ExportDialogState& state, const ExportClients& clients,
                      const Appearance& look);

} // namespace knotmap::ui
