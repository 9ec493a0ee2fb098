#include "app/export_job.h"

#include "core/output_folder.h"
#include "store/database.h"
#include "store/encrypted_export.h"
#include "store/export_count.h"
#include "store/fhir/fhir_files.h"

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
// file is refused before anything is written, with what else to choose.
// Returns the folders it made.
std::vector<fs::path> prepareFileTarget(const fs::path& target,
                                        const char* orChoose = "all tables") {
    std::error_code error;
    if (fs::is_directory(target, error)) {
        throw std::runtime_error(target.string() + " is a folder: give a file name, or choose " +
                                 orChoose);
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

// Every record type as FHIR R4 (docs/fhir.md): one Bundle at request.path,
// or an NDJSON file per resource type in the folder there. Like CSV, a file
// appears only once complete and a cancel leaves none.
void runFhir(Database& database, const ui::ExportRequest& request, const ExportOptions& options,
             ExportJobResult& result) {
    if (request.format == ui::ExportFormat::FhirNdjson) {
        result.fhirFiles = writeFhirNdjson(database, options, request.path);
        return;
    }
    const std::vector<fs::path> created = prepareFileTarget(request.path, "FHIR NDJSON");
    // writeFhirBundle takes "-" for standard output; typed in the dialog it
    // is a file of that name, as it is for CSV.
    const fs::path target = request.path == "-" ? fs::path(".") / "-" : fs::path(request.path);
    try {
        result.fhirFiles.push_back(writeFhirBundle(database, options, target));
    } catch (...) {
        removeEmptyFolders(created);
        throw;
    }
}

// What the bar's total counts: the rows of the chosen tables, or for FHIR
// the records of every table (what its progress counts).
std::int64_t countToWrite(Database& database, const ui::ExportRequest& request) {
    if (request.table && !isFhir(request.format)) {
        return countExportRows(database, *request.table, request.options);
    }
    std::int64_t total = 0;
    for (std::string_view name : exportTableNames()) {
        total += countExportRows(database, *exportTableFromName(name), request.options);
    }
    return total;
}

} // namespace

std::int64_t ExportJobResult::rows() const {
    std::int64_t total = 0;
    for (const ExportedFile& file : files) {
        total += file.rows;
    }
    return total;
}

std::int64_t ExportJobResult::resources() const {
    std::int64_t total = 0;
    for (const FhirFile& file : fhirFiles) {
        total += file.resources;
    }
    return total;
}

std::string ExportJobResult::successMessage() const {
    if (isFhir(format)) {
        const std::string where =
            format == ui::ExportFormat::FhirBundle
                ? " in one Bundle"
                : " in " + std::to_string(fhirFiles.size()) +
                      (fhirFiles.size() == 1 ? " NDJSON file" : " NDJSON files");
        return "Exported " + ui::groupedDigits(resources()) + " FHIR resources" + where + " to:";
    }
    const std::string where = encrypted ? " of " + std::to_string(files.size()) +
                                              (files.size() == 1 ? " table" : " tables") +
                                              " into one encrypted archive"
                              : files.size() > 1 ? " in " + std::to_string(files.size()) + " files"
                                                 : "";
    return "Exported " + ui::groupedDigits(rows()) + " rows" + where + " to:";
}

std::string ExportJobResult::cancelledMessage() const {
    // Only all CSV tables into a folder keeps the tables finished before the
    // cancel; FHIR NDJSON files are put in place together at the end.
    return files.empty() ? "Export cancelled: no file was written."
                         : "Export cancelled: " + std::to_string(files.size()) +
                               " of the tables were complete and stay in the folder; "
                               "none was left half-written.";
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
    result.format = request.format;
    result.target = request.path;
    try {
        Database database = Database::open(m_databasePath, readingOptions());
        m_rowsTotal = countToWrite(database, request);
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
        if (isFhir(request.format)) {
            runFhir(database, request, options, result);
        } else if (request.passphrase) {
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
        // FHIR hears of its records only every kExportProgressRows: done is
        // all of them.
        m_rowsDone = isFhir(request.format) ? m_rowsTotal.load() : result.rows();
    } catch (const ExportCancelled&) {
        result.cancelled = true;
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    return result;
}

} // namespace knotmap
