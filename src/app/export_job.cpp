#include "app/export_job.h"

#include "core/output_folder.h"
#include "store/database.h"
#include "store/encrypted_export.h"
#include "store/export_count.h"

#include <chrono>
#include <exception>
#include <stdexcept>
#include <system_error>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// Thrown from the progress callback to unwind the export when cancelled.
struct ExportCancelled {};

// The folder a single file goes into exists afterwards (created 0700), as
// the dialog's default (~/Documents/...) promises; a folder given as the
// file is refused before anything is written. Returns the folders it made.
std::vector<fs::path> prepareFileTarget(const fs::path& target) {
    std::error_code error;
    if (fs::is_directory(target, error)) {
        throw std::runtime_error(target.string() +
                                 " is a folder: give a file name, or choose all tables");
    }
    return target.has_parent_path() ? createOutputFolders(target.parent_path())
                                    : std::vector<fs::path>{};
}

// The chosen tables sealed into the one archive at request.path, which
// appears only once complete (store/encrypted_export.h).
void runEncrypted(Database& database, const ui::ExportRequest& request,
                  const ExportOptions& options, ExportJobResult& result) {
    std::vector<ExportTable> tables;
    if (request.table) {
        tables.push_back(*request.table);
    } else {
        for (std::string_view name : exportTableNames()) {
            tables.push_back(*exportTableFromName(name));
        }
    }
    // Each table counts its rows from 0: the bar adds up the finished ones.
    std::int64_t finished = 0;
    std::int64_t last = 0;
    ExportOptions summed = options;
    summed.progress = [&](std::int64_t rows) {
        if (rows < last) {
            finished += last;
        }
        last = rows;
        options.progress(finished + rows);
    };
    const std::vector<fs::path> created = prepareFileTarget(request.path);
    try {
        for (const ArchivedTable& archived :
             exportEncryptedArchive(database, tables, summed, request.path, *request.passphrase)) {
            result.files.push_back({archived.table, request.path, archived.rows});
        }
    } catch (...) {
        removeEmptyFolders(created);
        throw;
    }
    result.encrypted = true;
}

} // namespace

std::int64_t ExportJobResult::rows() const {
    std::int64_t total = 0;
    for (const ExportedFile& file : files) {
        total += file.rows;
    }
    return total;
}

bool ExportJob::start(const ui::ExportRequest& request) {
    if (running()) {
        return false;
    }
    m_rowsDone = 0;
    m_rowsTotal = -1;
    m_cancel = false;
    m_result.start([this, request] { return run(request); });
    return true;
}

ExportJobResult ExportJob::run(const ui::ExportRequest& request) {
    ExportJobResult result;
    result.target = request.path;
    try {
        Database database = Database::open(m_databasePath, readingOptions());
        std::int64_t total = 0;
        if (request.table) {
            total = countExportRows(database, *request.table, request.options);
        } else {
            for (std::string_view name : exportTableNames()) {
                total += countExportRows(database, *exportTableFromName(name), request.options);
            }
        }
        m_rowsTotal = total;
        // Rows of the tables already written, for all tables into a folder.
        std::int64_t before = 0;
        ExportOptions options = request.options;
        options.progress = [&](std::int64_t rows) {
            if (m_cancel) {
                throw ExportCancelled{};
            }
            m_rowsDone = before + rows;
        };
        if (m_cancel) {
            throw ExportCancelled{};
        }
        if (request.passphrase) {
            runEncrypted(database, request, options, result);
        } else if (request.table) {
            const std::vector<fs::path> created = prepareFileTarget(request.path);
            try {
                result.files.push_back(
                    exportTableToFile(database, *request.table, options, request.path));
            } catch (...) {
                removeEmptyFolders(created); // a failed or cancelled export leaves nothing new
                throw;
            }
        } else {
            (void)exportAllTables(database, options, request.path, [&](const ExportedFile& file) {
                result.files.push_back(file);
                before += file.rows;
                m_rowsDone = before;
            });
        }
        m_rowsDone = result.rows();
    } catch (const ExportCancelled&) {
        result.cancelled = true;
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    return result;
}

} // namespace knotmap
