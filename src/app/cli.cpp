#include "app/cli.h"

#include "app/atlas_command.h"
#include "app/audit_command.h"
#include "app/backup_commands.h"
#include "app/copy_command.h"
#include "app/database_encryption_commands.h"
#include "app/database_path.h"
#include "app/database_unlock.h"
#include "app/decrypt_command.h"
#include "app/export_command.h"
#include "app/gui.h"
#include "app/import_command.h"
#include "app/practice_command.h"
#include "app/report_command.h"
#include "app/screenshot_command.h"
#include "app/terminal_progress.h"
#include "app/version.h"
#include "core/timestamp.h"
#include "store/database.h"
#include "store/database_info.h"
#include "store/demo_writer.h"
#include "store/sqlite_file/database_file_check.h"
#include "store/sqlite_file/database_files.h"
#include "store/store_error.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace knotmap {
namespace {

struct DemoArguments {
    std::string db;
    int clients = 3;
    int days = 120;
    std::uint64_t seed = 1;
    std::string end;
    bool force = false;
    bool quiet = false; // no progress bar (app/terminal_progress.h)
};

// Opens the database and tells the user about a migration backup.
Database openDatabase(const std::string& dbOption, const OpenOptions& options) {
    Database database = Database::open(resolveDatabase(dbOption), options);
    if (const auto& backup = database.openReport().backupPath) {
        std::cerr << "knotmap: upgraded " << database.describe() << " from schema version "
                  << database.openReport().versionBefore << " to "
                  << database.openReport().versionAfter << "; the previous copy is saved as "
                  << backup->string() << "\n";
    }
    return database;
}

Database openForWriting(const std::string& dbOption) {
    return openDatabase(dbOption, OpenOptions{});
}

Database openForReading(const std::string& dbOption) {
    return openDatabase(dbOption, readingOptions());
}

// Runs a command on the database named by dbOption. SQLite's own messages
// do not say which file they are about ("database or disk is full"): they are
// reworded to name it. With removeIfCreated, when the command fails (a full
// disk, a refused import), a database it created is removed with its
// companions, so a failed first import leaves nothing behind.
int onDatabase(const std::string& dbOption, bool removeIfCreated, const std::function<int()>& run) {
    const DatabaseLocation where = resolveDatabase(dbOption);
    const std::filesystem::path& path = where.file();
    const auto removeCreated = [&] {
        if (removeIfCreated && !where.isServer() && createdByThisProcess(path)) {
            removeDatabaseAndCompanions(path);
        }
    };
    try {
        const int status = run();
        if (status != 0) {
            removeCreated();
        }
        return status;
    } catch (const sql::Error& error) {
        removeCreated();
        if (where.isServer()) {
            throw StoreError(where.describe() + ": " + error.what());
        }
        throw StoreError(describeSqliteFailure(path, error));
    } catch (...) {
        removeCreated();
        throw;
    }
}

// A file named as an import's source or an export's output that is the
// database itself (or its -wal/-shm) is refused before anything is opened:
// reading it as CSV would hold a second descriptor on the live database, and
// an export renamed over it would replace the records.
void refuseDatabaseAsFile(const std::string& dbOption, const std::string& file, const char* role) {
    const DatabaseLocation where = resolveDatabase(dbOption);
    if (file.empty() || file == "-" || where.isServer()) {
        return;
    }
    const std::filesystem::path& database = where.file();
    std::vector<std::filesystem::path> candidates{file};
    std::error_code ignored;
    if (std::filesystem::is_directory(file, ignored)) {
        for (const auto& entry : std::filesystem::directory_iterator(file, ignored)) {
            candidates.push_back(entry.path());
        }
    }
    for (const auto& candidate : candidates) {
        if (isDatabaseOrCompanion(database, candidate)) {
            throw std::invalid_argument(candidate.string() + ": is the database " +
                                        database.string() + " (or its companion), not " + role);
        }
    }
}

int runDemo(const DemoArguments& arguments) {
    DemoOptions options;
    options.clients = arguments.clients;
    options.days = arguments.days;
    options.seed = arguments.seed;
    LocalTimestamp now = LocalTimestamp::now();
    CivilDateTime end = now.local();
    if (!arguments.end.empty()) {
        const auto parsed = LocalTimestamp::parseIso8601(arguments.end + "T00:00:00Z");
        if (!parsed) {
            throw std::invalid_argument("--end: expected a date like 2026-03-14, got '" +
                                        arguments.end + "'");
        }
        end = parsed->local();
    }
    options.endYear = end.year;
    options.endMonth = end.month;
    options.endDay = end.day;
    options.nowUtcSeconds = now.utcSeconds(); // nothing later than now

    Database database = openForWriting(arguments.db);
    if (!database.holdsNoUserData() && !arguments.force) {
        throw StoreError(database.describe() +
                         ": already holds data; refusing to mix demo data into it "
                         "(use --force to add it anyway)");
    }
    DemoSummary summary;
    {
        TerminalProgress progress("Writing demo", "clients", arguments.quiet);
        summary = writeDemo(database, options, [&](double fraction) {
            progress.updateFraction(fraction, options.clients);
        });
    } // the bar is cleared before the summary
    std::cout << "Wrote demo history to " << database.describe() << ": " << summary.clients
              << " clients, " << summary.sessions << " sessions, " << summary.knots << " knots, "
              << summary.observations << " observations, " << summary.treatments << " treatments\n"
              << std::flush;
    database.sql().refreshStatistics(); // so the first reads are not slow
    return 0;
}

// The schema differences and bad rows info found, by name, table and id.
void printFindings(const OpenFindings& findings) {
    if (findings.schemaDifferences.empty()) {
        std::cout << "schema          Knotmap's own\n";
    } else {
        std::cout << "schema          not Knotmap's own (" << findings.schemaDifferences.size()
                  << (findings.schemaDifferences.size() == 1 ? " difference" : " differences")
                  << ")\n";
        for (const std::string& difference : findings.schemaDifferences) {
            std::cout << "  " << difference << "\n";
        }
    }
    const ConstraintFindings& bad = findings.badRows;
    if (bad.empty()) {
        std::cout << "constraints     ok\n";
    } else {
        std::cout << "constraints     " << bad.count
                  << (bad.count == 1 ? " row breaks" : " rows break")
                  << " Knotmap's constraints (not shown, exported or reported as data)\n";
        for (const BadRow& row : bad.rows) {
            std::cout << "  " << row.table << " " << row.key << ": " << row.reason << "\n";
        }
        const auto listed = static_cast<long long>(bad.rows.size());
        if (bad.count > listed) {
            std::cout << "  and " << bad.count - listed << " more\n";
        }
    }
    for (const std::string& table : bad.uncheckedTables) {
        std::cout << "  rows of table " << table
                  << " not checked: it lacks a column of Knotmap's schema\n";
    }
}

int runInfo(const std::string& dbOption) {
    OpenOptions options = readingOptions();
    // A file with findings is opened as it is (not migrated) to list them.
    options.onFindings = FindingsPolicy::Report;
    Database database = openDatabase(dbOption, options);
    const DatabaseInfo info = collectDatabaseInfo(database);
    std::cout << "database        " << database.describe() << "\n";
    if (!info.serverVersion.empty()) {
        std::cout << "server          PostgreSQL " << info.serverVersion << "\n";
    }
    std::cout << "schema version  " << info.schemaVersion << "\n";
    std::cout << "sessions from   " << info.firstSession.value_or("-") << "\n";
    std::cout << "sessions to     " << info.lastSession.value_or("-") << "\n";
    std::cout << "integrity check " << info.integrityCheck;
    if (database.isServer()) { // a file's is SQLite's integrity_check, as always
        std::cout << " (" << info.checksName << ")";
    }
    std::cout << "\n";
    // A server's schema is Knotmap's or refused on opening, and it enforces
    // its constraints on every write: only a file is compared and checked.
    if (!database.isServer()) {
        printFindings(info.findings);
    }
    std::cout << "rows per table\n";
    for (const auto& [table, rows] : info.rowsPerTable) {
        std::printf("  %-22s %lld\n", table.c_str(), rows);
    }
    std::fflush(stdout);
    return info.healthy() ? 0 : 1;
}

// What is wrong with the window's database as given, if anything:
// `knotmap FILE.db` together with a --db naming another database, or a
// word that is neither a command nor a database (a mistyped command would
// otherwise open the window asking to create a database by that name).
std::optional<std::string> windowDatabaseProblem(const std::string& positional,
                                                 const std::string& dbOption) {
    if (positional.empty()) {
        return std::nullopt;
    }
    const DatabaseLocation named = DatabaseLocation::parse(positional);
    if (!named.isServer()) {
        std::error_code ignored;
        const std::filesystem::path& file = named.file();
        const std::string extension = file.extension().string();
        const bool looksLikeDatabase =
            extension == ".db" || extension == ".sqlite" || extension == ".sqlite3";
        if (std::filesystem::is_directory(file, ignored)) {
            return positional + ": is a folder; name the database file in it";
        }
        if (!looksLikeDatabase && !std::filesystem::exists(file, ignored)) {
            return "'" + positional +
                   "' is neither a command nor a database file (knotmap --help lists the "
                   "commands; a new database's name ends in .db)";
        }
    }
    if (!dbOption.empty()) {
        const DatabaseLocation option = DatabaseLocation::parse(dbOption);
        const bool same = named.isServer() || option.isServer()
                              ? positional == dbOption
                              : std::filesystem::absolute(named.file()).lexically_normal() ==
                                    std::filesystem::absolute(option.file()).lexically_normal();
        if (!same) {
            return "two databases to open: " + positional + " and --db " + dbOption +
                   "; give one of them";
        }
    }
    return std::nullopt;
}

void addDbOption(CLI::App& command, std::string& target) {
    command.add_option("--db", target, kDbOptionHelp);
}

} // namespace

int runCommandLine(int argc, char** argv) {
    CLI::App app{"Knotmap: chart muscle knots on a body map and see how they change.\n"
                 "With no command, opens the Knotmap window."};
    app.require_subcommand(0, 1);
    app.set_version_flag("--version", std::string("knotmap ") + kVersion,
                         "Print Knotmap's version and exit");

    std::string guiDb;
    int frames = 0;
    addDbOption(app, guiDb);
    // `knotmap FILE.db` as a file manager or a shell's habit types it. A
    // command's name is matched first (CLI11 tries subcommands before
    // positionals), so the commands keep working; windowDatabase() refuses
    // what looks like a mistyped command rather than a database.
    std::string positionalDb;
    app.add_option("database", positionalDb,
                   "The database to open, as with --db (a file; see --db for a server)")
        ->type_name("FILE.db");
    // Test hooks: they work as always, but stay out of the everyday --help.
    app.add_option("--frames", frames, "Close the window after N frames (for tests)")
        ->check(CLI::PositiveNumber)
        ->group("");
    std::string testReport;
    app.add_option("--test-report", testReport,
                   "Keep FILE updated with where the body map is on screen (for tests)")
        ->group("");

    DemoArguments demo;
    CLI::App* demoCommand =
        app.add_subcommand("demo", "Write a believable synthetic history (for trying Knotmap out)");
    addDbOption(*demoCommand, demo.db);
    demoCommand->add_option("--clients", demo.clients, "Number of clients (default 3)")
        ->check(CLI::Range(1, 100000));
    demoCommand->add_option("--days", demo.days, "Days of history per client (default 120)")
        ->check(CLI::Range(1, 36500));
    demoCommand->add_option("--seed", demo.seed,
                            "Random seed; the same seed writes the same history");
    demoCommand->add_option("--end", demo.end,
                            "Last day of the history, YYYY-MM-DD (default today)");
    demoCommand->add_flag("--force", demo.force, "Add demo data even if the database holds data");
    addQuietFlag(*demoCommand, demo.quiet);

    std::string infoDb;
    CLI::App* infoCommand = app.add_subcommand(
        "info", "Show schema version, rows per table, date range and an integrity check");
    addDbOption(*infoCommand, infoDb);

    ExportArguments exportArguments;
    CLI::App* exportCommand = addExportCommand(app, exportArguments);

    ImportArguments importArguments;
    CLI::App* importCommand = addImportCommand(app, importArguments);
    CopyArguments copyArguments;
    CLI::App* copyCommand = addCopyCommand(app, copyArguments);
    DecryptArguments decryptArguments;
    CLI::App* decryptCommand = addDecryptCommand(app, decryptArguments);
    BackupArguments backupArguments;
    CLI::App* backupCommand = addBackupCommand(app, backupArguments);
    BackupsArguments backupsArguments;
    CLI::App* backupsCommand = addBackupsCommand(app, backupsArguments);
    RestoreArguments restoreArguments;
    CLI::App* restoreCommand = addRestoreCommand(app, restoreArguments);
    PracticeArguments practiceArguments;
    CLI::App* practiceCommand = addPracticeCommand(app, practiceArguments);
    AuditArguments auditArguments;
    CLI::App* auditCommand = addAuditCommand(app, auditArguments);

    AtlasListArguments atlasList;
    CLI::App* atlasCommand = app.add_subcommand(
        "atlas", "List the body atlas' regions: code, names, side, view, CHOIR code, label point "
                 "and area");
    atlasCommand->require_subcommand(0, 1);
    atlasCommand->add_option("--format", atlasList.format, "csv (default) or json")
        ->check(CLI::IsMember({"csv", "json"}));
    AtlasHitArguments atlasHit;
    CLI::App* atlasHitCommand = atlasCommand->add_subcommand(
        "hit", "Print the code of the region at diagram point X Y (both 0 to 1)");
    atlasHitCommand->add_option("--view", atlasHit.view, "front or back")
        ->required()
        ->check(CLI::IsMember({"front", "back"}));
    atlasHitCommand->add_option("x", atlasHit.x, "0 at the left edge, 1 at the right")
        ->required()
        ->check(CLI::Range(0.0, 1.0));
    atlasHitCommand->add_option("y", atlasHit.y, "0 at the top, 1 at the bottom")
        ->required()
        ->check(CLI::Range(0.0, 1.0));

    ScreenshotArguments screenshot;
    CLI::App* screenshotCommand = addScreenshotCommand(app, screenshot);

    ReportArguments report;
    CLI::App* reportCommand = addReportCommand(app, report);

    EncryptArguments encryptArguments;
    CLI::App* encryptCommand = addEncryptCommand(app, encryptArguments);
    RekeyArguments rekeyArguments;
    CLI::App* rekeyCommand = addRekeyCommand(app, rekeyArguments);

    // Every command reads an encrypted database's passphrase from its own
    // --passphrase-file when given (commands sealing a backup or export use
    // the same one for that).
    std::string databasePassphraseFile;
    for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
        if (command->get_option_no_throw("--passphrase-file") == nullptr) {
            command
                ->add_option("--passphrase-file", databasePassphraseFile,
                             "An encrypted database's passphrase: the first line of FILE (else "
                             "KNOTMAP_PASSPHRASE, else it is asked for); a new database is "
                             "made encrypted with it")
                ->type_name("FILE");
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? 0 : 2;
    }
    if (!app.get_subcommands().empty()) {
        const CLI::Option* given = app.get_subcommands().front()->get_option("--passphrase-file");
        setUnlockSources({given->count() > 0 ? given->as<std::string>() : std::string(),
                          /*prompt=*/true});
    }

    if (!positionalDb.empty() && !app.get_subcommands().empty()) {
        std::cerr << "knotmap: " << positionalDb << ": a database named on its own opens the "
                  << "window; give it to " << app.get_subcommands().front()->get_name()
                  << " as --db " << positionalDb << "\n";
        return 2;
    }
    try {
        if (*demoCommand) {
            return onDatabase(demo.db, true, [&] { return runDemo(demo); });
        }
        if (*infoCommand) {
            return onDatabase(infoDb, false, [&] { return runInfo(infoDb); });
        }
        if (*exportCommand) {
            if (!exportOptionsUsable(exportArguments)) {
                return 2; // before a passphrase is asked for a database not read
            }
            refuseDatabaseAsFile(exportArguments.db, exportArguments.output, "an export file");
            if (exportArguments.encrypt) { // --all names the archive file then
                refuseDatabaseAsFile(exportArguments.db, exportArguments.allFolder,
                                     "an export file");
            }
            return onDatabase(exportArguments.db, false,
                              [&] { return runExport(exportArguments, openForReading); });
        }
        if (*importCommand) {
            refuseDatabaseAsFile(importArguments.db, importArguments.source, "a CSV file");
            return onDatabase(importArguments.db, true,
                              [&] { return runImport(importArguments, openForWriting); });
        }
        if (*copyCommand) {
            return runCopy(copyArguments); // opens and reports on both databases itself
        }
        if (*encryptCommand) {
            return runEncrypt(encryptArguments);
        }
        if (*rekeyCommand) {
            return runRekey(rekeyArguments);
        }
        if (*decryptCommand) {
            return runDecrypt(decryptArguments);
        }
        if (*backupCommand) {
            return runBackup(backupArguments);
        }
        if (*backupsCommand) {
            return runBackups(backupsArguments);
        }
        if (*restoreCommand) {
            return runRestore(restoreArguments);
        }
        if (*practiceCommand) {
            return onDatabase(practiceArguments.db, false,
                              [&] { return runPractice(*practiceCommand, practiceArguments); });
        }
        if (*auditCommand) {
            refuseDatabaseAsFile(auditArguments.db, auditArguments.output, "an audit file");
            return onDatabase(auditArguments.db, false, [&] { return runAudit(auditArguments); });
        }
        if (*screenshotCommand) {
            return runScreenshot(screenshot);
        }
        if (*reportCommand) {
            return runReport(report);
        }
        if (*atlasHitCommand) {
            return runAtlasHit(atlasHit, std::cout, std::cerr);
        }
        if (*atlasCommand) {
            return runAtlasList(atlasList, std::cout);
        }
        if (const auto problem = windowDatabaseProblem(positionalDb, guiDb)) {
            std::cerr << "knotmap: " << *problem << "\n";
            return 2;
        }
        GuiOptions options;
        options.database = resolveDatabase(positionalDb.empty() ? guiDb : positionalDb);
        options.askBeforeCreating =
            !options.database.isServer() && options.database.file() != defaultDatabasePath();
        if (frames > 0) {
            options.frameLimit = frames;
        }
        if (!testReport.empty()) {
            options.testReport = testReport;
        }
        return runGui(options);
    } catch (const std::exception& error) {
        std::cerr << "knotmap: " << error.what() << "\n";
        return 1;
    }
}

} // namespace knotmap
