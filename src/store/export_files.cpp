#include "store/export_files.h"

#include "core/output_folder.h"

#include <string>

namespace knotmap {

namespace fs = std::filesystem;

std::int64_t exportTableToOutput(Database& database, ExportTable table,
                                 const ExportOptions& options, OutputFile& output) {
    ExportOptions checked = options;
    checked.progress = [&output, &options](std::int64_t rows) {
        output.throwIfFailed();
        if (options.progress) {
            options.progress(rows);
        }
    };
    return exportTableCsv(database, table, output.stream(), checked);
}

ExportedFile exportTableToFile(Database& database, ExportTable table, const ExportOptions& options,
                               const fs::path& target) {
    OutputFile output(target, "the export file");
    ExportedFile written{table, target, 0};
    written.rows = exportTableToOutput(database, table, options, output);
    output.commit();
    return written;
}

fs::path exportFileInFolder(const fs::path& folder, ExportTable table) {
    return folder / (std::string(exportTableName(table)) + ".csv");
}

std::vector<ExportedFile>
exportAllTables(Database& database, const ExportOptions& options, const fs::path& folder,
                const std::function<void(const ExportedFile&)>& onWritten) {
    const std::vector<fs::path> created = createOutputFolders(folder);
    std::vector<ExportedFile> files;
    try {
        for (std::string_view name : exportTableNames()) {
            const ExportTable table = *exportTableFromName(name);
            files.push_back(
                exportTableToFile(database, table, options, exportFileInFolder(folder, table)));
            if (onWritten) {
                onWritten(files.back());
            }
        }
    } catch (...) {
        removeEmptyFolders(created); // a failed first table leaves no new empty folder
        throw;
    }
    return files;
}

} // namespace knotmap
