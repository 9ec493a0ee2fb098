#pragma once

#include "core/import_table.h"
#include "store/table_export.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace knotmap {

// Which of Knotmap's own exports an import reads: the folder `export --all`
// writes (all five tables), or the observations table alone, whose rows
// also carry their clients, sessions, knots and treatment kinds.
enum class ImportShape { AllTables, ObservationsOnly };

struct ImportSource {
    ImportShape shape = ImportShape::AllTables;
    std::filesystem::path folder;       // AllTables: holds observations.csv, sessions.csv, ...
    std::filesystem::path observations; // ObservationsOnly: the file
    // Undo the export's spreadsheet neutralisation on text cells; off for a
    // file exported with --no-neutralise.
    bool restoreText = true;
    // Told, while a file is read (checked, then read again to be written),
    // which file and how many of its bytes so far; for a progress bar.
    std::function<void(const std::filesystem::path& file, std::int64_t bytesRead)> progress;

    // The file holding `table`, with its expected columns.
    [[nodiscard]] ImportTableFile file(ExportTable table) const;
};

} // namespace knotmap
