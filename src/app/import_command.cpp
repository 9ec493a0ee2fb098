#include "app/import_command.h"

#include "app/database_path.h"
#include "app/terminal_progress.h"
#include "core/atlas.h"
#include "core/import_row.h"
#include "core/import_table.h"
#include "core/joined_with_and.h"
#include "store/backup/backup_catalog.h"
#include "store/csv_import.h"
#include "store/import_input.h"
#include "store/import_progress.h"
#include "store/simple_import.h"
#include "store/sqlite_file/database_files.h"

#include <CLI/CLI.hpp>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <unistd.h>
#include <variant>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// What `import -` reads: standard input, copied into a file in a private
// (0700) temporary folder, removed again when the import is done. The rows
// are read twice, checked and then written, and a pipe can be read once.
// The file is called "standard input", so messages about its rows say so.
class StandardInputCopy {
public:
    StandardInputCopy() {
        std::string pattern = (fs::temp_directory_path() / "knotmap-stdin-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot make a temporary folder in " +
                                     fs::temp_directory_path().string() +
                                     " for standard input: " + std::strerror(errno));
        }
        m_folder = pattern;
        m_file = m_folder / "standard input";
        try {
            copyStandardInput();
        } catch (...) {
            std::error_code ignored;
            fs::remove_all(m_folder, ignored); // no destructor for a half-made object
            throw;
        }
    }
    ~StandardInputCopy() {
        std::error_code ignored;
        fs::remove_all(m_folder, ignored);
    }
    StandardInputCopy(const StandardInputCopy&) = delete;
    StandardInputCopy& operator=(const StandardInputCopy&) = delete;

    [[nodiscard]] const fs::path& file() const { return m_file; }

private:
    void copyStandardInput() const {
        std::ofstream out(m_file, std::ios::binary);
        std::array<char, 64 * 1024> buffer{};
        for (;;) {
            const ssize_t got = ::read(STDIN_FILENO, buffer.data(), buffer.size());
            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got < 0) {
                throw std::runtime_error(std::string("cannot read standard input: ") +
                                         std::strerror(errno));
            }
            if (got == 0) {
                break;
            }
            out.write(buffer.data(), got);
        }
        out.close();
        if (!out) {
            throw std::runtime_error("cannot keep standard input in " + m_folder.string() + ": " +
                                     std::strerror(errno));
        }
    }

    fs::path m_folder;
    fs::path m_file;
};

ImportInput inputFor(const ImportArguments& arguments, const StandardInputCopy* input) {
    const bool restoreText = !arguments.noNeutralise;
    if (arguments.map) {
        return input != nullptr ? mappedSheetInput(input->file(), "standard input")
                                : mappedSheetInput(arguments.source, arguments.source);
    }
    if (input != nullptr) {
        return importInputFor(input->file(), "standard input", restoreText);
    }
    return importInputFor(arguments.source, arguments.source, restoreText);
}

// The import's progress bar on the terminal (store/import_progress.h).
class ImportProgress {
public:
    ImportProgress(const ImportSource& source, bool dryRun, bool quiet)
        : m_bar(dryRun ? "Checking" : "Importing", "", quiet), m_share(source, !dryRun) {
        if (m_bar.shown()) {
            m_bar.updateFraction(0.0);
        }
    }

    // source with a progress callback that draws the bar.
    ImportSource reporting(ImportSource source) {
        if (m_bar.shown()) {
            source.progress = [this](const fs::path& file, std::int64_t bytes) {
                m_bar.updateFraction(m_share.add(file, bytes));
            };
        }
        return source;
    }
    void clear() { m_bar.clear(); }

private:
    TerminalProgress m_bar;
    ImportByteProgress m_share;
};

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
              << database << ": " << plan.clients << " clients, " << plan.sessions << " sessions, "
              << plan.knots << " knots, " << plan.observations << " observations, "
              << plan.treatments << " treatments\n";
    const auto added = [&](const char* what, const std::vector<std::string>& codes) {
        if (!codes.empty()) {
            std::cout << (dryRun ? "Would add " : "Added ") << what << ": " << joinedWithAnd(codes)
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

void printFhir(const FhirImportResult& result, bool dryRun, const std::string& database) {
    std::cout << (dryRun ? "Checked; nothing written (--dry-run). Would import into "
                         : "Imported into ")
              << database << " from FHIR: " << result.clients << " clients, " << result.sessions
              << " sessions, " << result.knots << " knots, " << result.observations
              << " observations, " << result.treatments << " treatments\n";
    if (!result.newVocabulary.empty()) {
        std::cout << "New vocabulary: " << joinedWithAnd(result.newVocabulary) << "\n";
    }
    if (result.idOffset != 0) {
        std::cout << "The database already used some of the file's ids, so every new row's id "
                     "is the file's plus "
                  << result.idOffset << "\n";
    }
}

// Which body areas became which regions, and what was left out: another
// app's words are mapped through a table, so the person sees each reading.
void printAreas(const SimpleImportResult& result) {
    const Atlas& atlas = Atlas::builtIn();
    if (!result.areas.empty()) {
        std::cout << "Body areas:\n";
    }
    for (const AreaMapping& area : result.areas) {
        std::vector<std::string> names;
        for (const std::string& code : area.regions) {
            const AtlasRegion* region = atlas.findByCode(code);
            names.push_back(region != nullptr ? region->displayName + " (" + code + ")" : code);
        }
        std::cout << "  " << quotedValue(area.text) << " -> " << joinedWithAnd(names) << ", by "
                  << area.how << "; " << area.rows << (area.rows == 1 ? " rating\n" : " ratings\n");
    }
    for (const UnmappedArea& area : result.unmapped) {
        std::cout << "  " << quotedValue(area.text) << ": not mapped (" << area.why << "); "
                  << area.rows << (area.rows == 1 ? " entry" : " entries")
                  << " left out, first on line " << area.firstLine << "\n";
    }
}

void printSimple(const SimpleImportResult& result, bool dryRun, const std::string& database) {
    std::cout << "Format: " << result.format << "; ratings: " << result.scaleRule << "\n";
    printAreas(result);
    if (const std::string other = otherEntriesSentence(result); !other.empty()) {
        std::cout << other << "\n";
    }
    if (result.mergedRatings > 0) {
        std::cout << result.mergedRatings
                  << (result.mergedRatings == 1 ? " rating repeated" : " ratings repeated")
                  << " a region at the same time and "
                  << (result.mergedRatings == 1 ? "was" : "were")
                  << " merged into it, keeping the highest pain and every note\n";
    }
    if (result.alreadyKept > 0) {
        std::cout << result.alreadyKept << (result.alreadyKept == 1 ? " rating is" : " ratings are")
                  << " already in the database with the same pain (imported before) and "
                  << (result.alreadyKept == 1 ? "is" : "are") << " left out\n";
    }
    if (result.observations == 0) {
        std::cout << "Nothing new for " << result.clientName << " in " << database
                  << ": every rating of the file is already there; nothing written\n";
        return;
    }
    std::cout << (dryRun ? "Checked; nothing written (--dry-run). Would import into "
                         : "Imported into ")
              << database << ": " << result.observations << " ratings for " << result.clientName
              << (result.newClient ? " (a new client)" : "") << ", " << result.newSessions
              << (result.newSessions == 1 ? " new session, " : " new sessions, ") << result.newKnots
              << (result.newKnots == 1 ? " new knot" : " new knots");
    if (result.skippedRows > 0) {
        std::cout << "; " << result.skippedRows << (result.skippedRows == 1 ? " entry" : " entries")
                  << " of unmapped body areas left out (--skip-unmapped)";
    }
    std::cout << "\n";
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
        "import", "Read CSV or FHIR into the database: Knotmap's own export (the folder --all "
                  "writes, observations.csv, or a FHIR Bundle or NDJSON), the simple "
                  "date,region,pain[,notes] format, the CSV exports of Bearable, Flaredown "
                  "and CrisisCore, or any CSV with --map");
    command->add_option("--db", arguments.db,
                        std::string(kDbOptionHelp) + "; a file is created when missing");
    command
        ->add_option("source", arguments.source,
                     "A CSV or FHIR file, a folder from export --all, or - for standard input")
        ->required();
    command->add_flag("--dry-run", arguments.dryRun, "Check everything, write nothing");
    command->add_option("--client", arguments.client,
                        "Sheets of pain by body area (the simple format, Bearable, Flaredown, "
                        "CrisisCore, --map): whose ratings these are, ignoring case and accents "
                        "(default: the only client)");
    command->add_option("--map", arguments.map,
                        "Any other CSV: which columns hold what, as "
                        "date=COL,region=COL,pain=COL[,time=COL,notes=COL] (COL is a header "
                        "name or a column number; pain on 0-10)");
    command->add_flag("--skip-unmapped", arguments.skipUnmapped,
                      "Leave out ratings whose body area matches no atlas region (they are "
                      "listed); without it such a file is refused");
    command->add_flag("--no-neutralise", arguments.noNeutralise,
                      "The file was exported with --no-neutralise: keep leading apostrophes");
    addQuietFlag(*command, arguments.quiet);
    return command;
}

int runImport(const ImportArguments& arguments,
              const std::function<Database(const std::string&)>& openDatabase) {
    std::optional<StandardInputCopy> input;
    if (arguments.source == "-") {
        if (::isatty(STDIN_FILENO) == 1) {
            std::cerr << "knotmap import: - reads the CSV from standard input, which is a "
                         "terminal here; pipe or redirect a file into it (knotmap import "
                         "--db DB - < file.csv)\n";
            return 2;
        }
        input.emplace();
    }
    std::optional<ColumnMap> columns;
    if (arguments.map) {
        try {
            columns = parseColumnMap(*arguments.map);
        } catch (const std::invalid_argument& error) {
            std::cerr << "knotmap import: --map: " << error.what() << "\n";
            return 2;
        }
    }
    const ImportInput source = inputFor(arguments, input ? &*input : nullptr);
    // Options that do not apply to what the source holds are refused rather
    // than ignored: the person meant something by them.
    const bool sheet = std::holds_alternative<SimpleImportInput>(source);
    const char* notApplying =
        !sheet && !arguments.client.empty() ? "--client"
        : !sheet && arguments.skipUnmapped  ? "--skip-unmapped"
        : !std::holds_alternative<ImportSource>(source) && arguments.noNeutralise
            ? "--no-neutralise"
            : nullptr;
    if (notApplying != nullptr) {
        std::cerr << "knotmap import: " << notApplying << " does not apply to "
                  << describeImportInput(source) << (sheet ? "" : ", which names its own clients")
                  << "\n";
        return 2;
    }
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
            ImportProgress progress(*knotmap, arguments.dryRun, arguments.quiet);
            const ImportPlan plan =
                importKnotmapCsv(database, progress.reporting(*knotmap), arguments.dryRun);
            progress.clear();
            keep();
            printPlan(plan, arguments.dryRun, name);
        } else if (const auto* fhir = std::get_if<FhirImportInput>(&source)) {
            const FhirImportResult result = importFhir(database, *fhir, arguments.dryRun);
            keep();
            printFhir(result, arguments.dryRun, name);
        } else {
            SimpleImportOptions options;
            options.clientName = arguments.client;
            options.skipUnmapped = arguments.skipUnmapped;
            options.columns = columns;
            const SimpleImportResult result = importSimpleCsv(
                database, std::get<SimpleImportInput>(source).file, options, arguments.dryRun);
            keep();
            printSimple(result, arguments.dryRun, name);
        }
        if (!arguments.dryRun) {
            std::cout << std::flush;            // the summary first: this can take a few seconds
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
