#include "store/import_input.h"

#include "core/import_table.h"
#include "core/joined_with_and.h"
#include "core/text_trim.h"
#include "store/simple_import.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// The folder `export --all` writes: all five tables, or observations.csv alone.
ImportInput folderInput(const fs::path& folder) {
    std::vector<std::string> present;
    std::vector<std::string> missing;
    for (std::string_view table : exportTableNames()) {
        const std::string name = std::string(table) + ".csv";
        (fs::exists(folder / name) ? present : missing).push_back(name);
    }
    ImportSource source;
    if (missing.empty()) {
        source.shape = ImportShape::AllTables;
        source.folder = folder;
        return source;
    }
    if (present.size() == 1 && present.front() == "observations.csv") {
        source.shape = ImportShape::ObservationsOnly;
        source.observations = folder / "observations.csv";
        return source;
    }
    if (present.empty()) {
        FhirImportInput fhir;
        fhir.ndjson = true;
        for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
            if (entry.path().extension() == ".ndjson") {
                fhir.files.push_back(entry.path());
            }
        }
        if (!fhir.files.empty()) {
            std::sort(fhir.files.begin(), fhir.files.end()); // the same order every time
            return fhir;
        }
        throw std::runtime_error(folder.string() +
                                 ": holds none of the files an export of all tables writes "
                                 "(observations.csv, sessions.csv, treatments.csv, knots.csv, "
                                 "clients.csv)");
    }
    throw std::runtime_error(folder.string() + ": has " + joinedWithAnd(present) + " but not " +
                             joinedWithAnd(missing) +
                             "; an import reads all five tables, or observations.csv alone");
}

// An empty file, or one that is not text at all (an image, a PDF, a
// database: a NUL byte in its first 4 KiB), is said to be so, rather than
// reported as a CSV syntax error on line 1.
void refuseEmptyOrBinary(const fs::path& file, const std::string& shown) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, 4096> head{};
    in.read(head.data(), head.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) {
        return; // the table reader says what could not be read
    }
    if (got == 0) {
        throw std::runtime_error(shown + ": the file is empty; an import needs a header row: "
                                         "Knotmap's observations columns "
                                         "(client_id,client_name,...) or date,region,pain with "
                                         "an optional notes column");
    }
    if (std::find(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(got), '\0') !=
        head.begin() + static_cast<std::ptrdiff_t>(got)) {
        throw std::runtime_error(shown + ": not a CSV file: it holds binary data (an image, a "
                                         "document or a database?)");
    }
}

// FHIR: by its extension, or JSON text (a CSV file never starts with '{').
bool isFhirFile(const fs::path& file) {
    const std::string extension = file.extension().string();
    if (extension == ".json" || extension == ".ndjson") {
        return true;
    }
    std::ifstream in(file, std::ios::binary);
    char first = 0;
    while (in.get(first) && (first == ' ' || first == '\n' || first == '\r' || first == '\t')) {
    }
    return first == '{';
}

bool fileIsCrisisCore(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string start(24, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(in.gcount()));
    return startsLikeCrisisCore(start);
}

// NDJSON by its extension; without one (standard input's copy), by its first
// line holding a whole resource other than a Bundle: a Bundle's first line
// opens it and goes on.
bool isNdjson(const fs::path& file) {
    if (file.extension() == ".ndjson" || file.extension() == ".json") {
        return file.extension() == ".ndjson";
    }
    std::ifstream in(file, std::ios::binary);
    std::string line;
    std::getline(in, line);
    const std::string_view first = trimmed(line);
    return first.starts_with('{') && first.ends_with('}') &&
           first.find("\"resourceType\":\"Bundle\"") == std::string_view::npos;
}

// A single file: the observations table, or the simple format. The header
// decides; a header that is neither is reported as the observations table's
// when it starts like one, so the message says which column is wrong.
ImportInput fileInput(const fs::path& file, const std::string& shown) {
    std::error_code error;
    if (isFhirFile(file) && fs::file_size(file, error) == 0 && !error) {
        throw std::runtime_error(shown + ": the file is empty; a FHIR import reads a Bundle "
                                         "(.json) or NDJSON (.ndjson, one resource per line)");
    }
    refuseEmptyOrBinary(file, shown);
    if (isFhirFile(file)) {
        return FhirImportInput{{file}, isNdjson(file), {}};
    }
    if (fileIsCrisisCore(file)) {
        return SimpleImportInput{file}; // its rows may share one line (pain_sheet.h)
    }
    const auto header = readCsvHeader(file);
    ImportSource observations;
    observations.shape = ImportShape::ObservationsOnly;
    observations.observations = file;
    if (!header) {
        return observations; // the table reader reports an empty or broken file
    }
    for (ExportTable table : {ExportTable::Sessions, ExportTable::Treatments, ExportTable::Knots,
                              ExportTable::Clients}) {
        const auto& columns = exportTableColumns(table);
        if (std::equal(header->begin(), header->end(), columns.begin(), columns.end())) {
            throw std::runtime_error(
                shown + ": is the " + std::string(exportTableName(table)) +
                " table alone; import the folder an export of all tables wrote, or "
                "observations.csv");
        }
    }
    if (!header->empty() && header->front() == "client_id") {
        return observations; // the table reader says which column is wrong
    }
    if (isSimpleImportHeader(*header)) {
        return SimpleImportInput{file};
    }
    throw std::runtime_error(
        shown + ": line 1: not a format Knotmap knows (its own export, the simple "
                "date,region,pain format, or a Bearable, Flaredown or CrisisCore export); "
                "name the columns with --map date=COL,region=COL,pain=COL");
}

} // namespace

SimpleImportInput mappedSheetInput(const fs::path& path, const std::string& shown) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) {
        throw std::runtime_error(shown + ": no such file or folder");
    }
    if (fs::is_directory(status)) {
        throw std::runtime_error(shown + ": is a folder; --map reads one CSV file");
    }
    refuseEmptyOrBinary(path, shown);
    return SimpleImportInput{path};
}

ImportInput importInputFor(const fs::path& path, const std::string& shown, bool restoreText) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) {
        throw std::runtime_error(shown + ": no such file or folder");
    }
    ImportInput input = fs::is_directory(status) ? folderInput(path) : fileInput(path, shown);
    if (auto* knotmap = std::get_if<ImportSource>(&input)) {
        knotmap->restoreText = restoreText;
    }
    return input;
}

std::string describeImportInput(const ImportInput& input) {
    if (const auto* fhir = std::get_if<FhirImportInput>(&input)) {
        if (!fhir->ndjson) {
            return "FHIR R4 Bundle (Knotmap's FHIR export)";
        }
        return "FHIR R4 NDJSON (" + std::to_string(fhir->files.size()) +
               (fhir->files.size() == 1 ? " file)" : " files)");
    }
    if (const auto* sheet = std::get_if<SimpleImportInput>(&input)) {
        if (fileIsCrisisCore(sheet->file)) {
            return describeSheet(SheetLayout{SheetFormat::CrisisCore, false, {}});
        }
        if (const auto header = readCsvHeader(sheet->file)) {
            if (const auto layout = recogniseSheet(*header)) {
                return describeSheet(*layout);
            }
        }
        return "A sheet whose columns are mapped by hand";
    }
    return std::get<ImportSource>(input).shape == ImportShape::AllTables
               ? "Knotmap export folder (all five tables)"
               : "Knotmap observations table";
}

} // namespace knotmap
