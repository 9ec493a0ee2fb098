#include "store/import_source.h"

namespace knotmap {

ImportTableFile ImportSource::file(ExportTable table) const {
    ImportTableFile file;
    const std::string name = std::string(exportTableName(table)) + ".csv";
    if (shape == ImportShape::ObservationsOnly) {
        file.path = observations;
        file.name = observations.filename().string();
    } else {
        file.path = folder / name;
        file.name = name;
    }
    for (std::string_view column : exportTableColumns(table)) {
        file.columns.emplace_back(column);
    }
    file.restoreText = restoreText;
    if (progress) {
        file.progress = [progress = progress, path = file.path](std::int64_t bytes) {
            progress(path, bytes);
        };
    }
    return file;
}

} // namespace knotmap
