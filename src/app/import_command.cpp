#include "app/import_command.h"

#include "store/backup/backup_catalog.h"
#include "store/sqlite_file/database_files.h"

#include "app/database_path.h"
#include "core/import_table.h"
#include "store/csv_import.h"
#include "store/simple_import.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <stdexcept>
#include <variant>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

struct SimpleSource {
    fs::path file;
};

using Source = std::variant<ImportSource, SimpleSource>;

std::string listed(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        text += (i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ")) + names[i];
    }
    return text;
}

// The folder `export --all` writes: all five tables, or observations.csv alone.
Source folderSource(const fs::path& folder) {
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
        throw std::runtime_error(folder.string() + ": holds none of the files `knotmap export "
                                                   "--all` writes (observations.csv, sessions.csv, "
                                                   "treatments.csv, knots.csv, clients.csv)");
    }
    throw std::runtime_error(folder.string() + ": has " + listed(present) + " but not " +
                             listed(missing) +
                             "; an import reads all five tables, or observations.csv alone");
}

// A single file: the observations table, or the simple format. The header
// decides; a header that is neither is reported as the observations table's
// when it starts like one, so the message says which column is wrong.
Source fileSource(const fs::path& file) {
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
                file.string() + ": is the " + std::string(exportTableName(table)) +
                " table alone; import the folder `knotmap export --all` wrote, or "
                "observations.csv");
        }
    }
    if (!header->empty() && header->front() == "client_id") {
        return observations; // the table reader says which column is wrong
    }
    if (isSimpleImportHeader(*header)) {
        return SimpleSource{file};
    }
    throw std::runtime_error(
        file.string() + ": line 1: not a Knotmap export and not the simple format; the header "
                        "should be Knotmap's observations columns (client_id,client_name,...) or "
                        "date,region,pain with an optional notes column");
}

Source sourceFor(const ImportArguments& arguments) {
    const fs::path path(arguments.source);
    if (!fs::exists(path)) {
        throw std::runtime_error(path.string() + ": no such file or folder");
    }
    Source source = fs::is_directory(path) ? folderSource(path) : fileSource(path);
    if (auto* knotmap = std::get_if<ImportSource>(&source)) {
        knotmap->restoreText = !arguments.noNeutralise;
    }
    return source;
}

// A database made only for this import (by this process, not another one
// that created the same path a moment earlier), with SQLite's companions.
void removeIfMadeForThisImport(const fs::path& path) {
    if (createdByThisProcess(path)) {
        removeDatabaseAndCompanions(path);
    }
}

void printPlan(const ImportPlan& plan, bool dryRun, const std::string& database) {
    std::cout << (dryRun ? "Checked; nothing written (--dry-run). Would import into "
                         : "Imported into ")
              << database << ": " << plan.clients << " clients, " << plan.sessions
              << " sessions, " << plan.knots << " knots, " << plan.observations
              << " observations, " << plan.treatments << " treatments\n";
    const auto added = [&](const char* what, const std::vector<std::string>& codes) {
        if (!codes.empty()) {
            std::cout << (dryRun ? "Would add " : "Added ") << what << ": " << listed(codes)
                      << "\n";
        }
    };
    added("symptoms", plan.newSymptoms);
    added("treatment kinds", plan.newTreatmentKinds);
    added("triggers", plan.newTriggers);
    if (plan.clientIds.offset != 0 || plan.sessionIds.offset != 0 || plan.knotIds.offset != 0 ||
        plan.treatmentIds.offset != 0) {
        std::cout << "The database already used some of the file's ids, so the new rows got "
                     "new ids (clients +"
                  << plan.clientIds.offset << ", sessions +" << plan.sessionIds.offset
                  << ", knots +" << plan.knotIds.offset << ", treatments +"
                  << plan.treatmentIds.offset << ")\n";
    }
}

void printSimple(const SimpleImportResult& result, bool dryRun, const std::string& database) {
    std::cout << (dryRun ? "Checked; nothing written (--dry-run). Would import into "
                         : "Imported into ")
              << database << ": " << result.observations << " ratings for "
              << result.clientName << (result.newClient ? " (a new client)" : "") << ", "
              << result.newSessions << " new sessions, " << result.newKnots << " new knots\n";
    // Said out loud, because these rows were not read exactly as written.
    if (result.movedForward > 0) {
        std::cout << result.movedForward << (result.movedForward == 1 ? " time" : " times")
                  << " fell where the clocks skipped ahead for daylight saving and "
                  << (result.movedForward == 1 ? "was" : "were")
                  << " moved forward by the length of the skip (e.g. 02:30 to 03:30)\n";
    }
    if (result.readAsFirst > 0) {
        std::cout << result.readAsFirst << (result.readAsFirst == 1 ? " time" : " times")
                  << " happened twice as the clocks went back and "
                  << (result.readAsFirst == 1 ? "was" : "were")
                  << " read as the first of the two (daylight time)\n";
    }
}

} // namespace

CLI::App* addImportCommand(CLI::App& app, ImportArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "import", "Read CSV into the database: Knotmap's own export (the folder --all writes, or "
                  "observations.csv) or the simple date,region,pain[,notes] format");
    command->add_option("--db", arguments.db,
                        std::string(kDbOptionHelp) + "; a file is created when missing");
    command->add_option("source", arguments.source, "A CSV file, or a folder from export --all")
        ->required();
    command->add_flag("--dry-run", arguments.dryRun, "Check everything, write nothing");
    command->add_option("--client", arguments.client,
                        "Simple format: whose ratings these are, ignoring case and accents "
                        "(default: the only client)");
    command->add_flag("--no-neutralise", arguments.noNeutralise,
                      "The file was exported with --no-neutralise: keep leading apostrophes");
    return command;
}

int runImport(const ImportArguments& arguments,
              const std::function<Database(const std::string&)>& openDatabase) {
    const Source source = sourceFor(arguments);
    const DatabaseLocation where = resolveDatabase(arguments.db);
    const fs::path path = where.isServer() ? fs::path() : where.file();
    try {
        // A server's empty database gets its schema in the transaction the
        // records are written in: a refusal, a dry run, an error or a killed
        // process leave it as empty as it was. A file made for the import is
        // removed below instead.
        Database database =
            where.isServer() ? Database::openForImport(where) : openDatabase(arguments.db);
        const std::string name = database.describe();
        if (!where.isServer() && !arguments.dryRun && !database.holdsNoUserData()) {
            // Records already there: a checked copy first, in the backups
            // folder beside the database (docs/backups.md).
            const BackupSummary kept = takeBackupIntoFolder(path);
            std::cout << "Backed up " << name << " to " << kept.path.string()
                      << " first (checked)\n";
        }
        const auto keep = [&] {
            if (!arguments.dryRun) {
                database.commitCreation(); // before saying anything was imported
            }
        };
        if (const auto* knotmap = std::get_if<ImportSource>(&source)) {
            const ImportPlan plan = importKnotmapCsv(database, *knotmap, arguments.dryRun);
            keep();
            printPlan(plan, arguments.dryRun, name);
        } else {
            SimpleImportOptions options;
            options.clientName = arguments.client;
            const SimpleImportResult result = importSimpleCsv(
                database, std::get<SimpleSource>(source).file, options, arguments.dryRun);
            keep();
            printSimple(result, arguments.dryRun, name);
        }
        if (!arguments.dryRun) {
            std::cout << std::flush; // the summary first: this can take a few seconds
            database.sql().refreshStatistics(); // so the first reads are not slow
        }
    } catch (const ImportRejected& rejected) {
        removeIfMadeForThisImport(path); // leave no trace of it
        const auto count = rejected.problems().count();
        std::cerr << "knotmap import: nothing was imported; " << count << " problem"
                  << (count == 1 ? "" : "s") << ":\n"
                  << rejected.problems().describe();
        return 1;
    }
    if (arguments.dryRun) {
        removeIfMadeForThisImport(path);
    }
    return 0;
}

} // namespace knotmap
