#include "store/export_files.h"

#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unistd.h>

namespace knotmap {

namespace fs = std::filesystem;

ExportedFile exportTableToFile(Database& database, ExportTable table, const ExportOptions& options,
                               const fs::path& target) {
    // The process id keeps two exports to one name (two windows, or the
    // window and the command line) from writing into each other's file.
    const fs::path temporary = target.string() + ".partial-" + std::to_string(::getpid());
    ExportedFile written{table, target, 0};
    try {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            throw std::runtime_error(target.string() + ": cannot write the export file");
        }
        written.rows = exportTableCsv(database, table, out, options);
        out.close();
        if (!out) {
            throw std::runtime_error(target.string() + ": writing the export failed");
        }
        fs::rename(temporary, target);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw;
    }
    return written;
}

fs::path exportFileInFolder(const fs::path& folder, ExportTable table) {
    return folder / (std::string(exportTableName(table)) + ".csv");
}

std::vector<ExportedFile>
exportAllTables(Database& database, const ExportOptions& options, const fs::path& folder,
                const std::function<void(const ExportedFile&)>& onWritten) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error || !fs::is_directory(folder)) {
        throw std::runtime_error(folder.string() + ": cannot create the export folder" +
                                 (error ? " (" + error.message() + ")" : std::string()));
    }
    std::vector<ExportedFile> files;
    for (std::string_view name : exportTableNames()) {
        const ExportTable table = *exportTableFromName(name);
        files.push_back(
            exportTableToFile(database, table, options, exportFileInFolder(folder, table)));
        if (onWritten) {
            onWritten(files.back());
        }
    }
    return files;
}

} // namespace knotmap
