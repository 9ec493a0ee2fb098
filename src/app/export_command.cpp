#include "app/export_command.h"

#include "app/database_path.h"
#include "app/database_unlock.h"
#include "app/terminal_progress.h"
#include "core/calendar_day.h"
#include "core/output_file.h"
#include "crypto/passphrase.h"
#include "store/client_lookup.h"
#include "store/encrypted_export.h"
#include "store/export_count.h"
#include "store/export_files.h"
#include "store/fhir/fhir_files.h"
#include "store/table_export.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace knotmap {
namespace {

// A bad command line: reported with exit code 2, before anything is opened.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::optional<std::int64_t> dayOption(const char* option, const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const auto day = parseCalendarDay(text);
    if (!day) {
        throw UsageError(std::string(option) + ": expected a date like 2026-03-14, got '" + text +
                         "'");
    }
    return day;
}

bool isFhir(const ExportArguments& arguments) {
    return arguments.format == "fhir" || arguments.format == "fhir-ndjson";
}

// What FHIR output cannot be combined with, and where it goes.
void checkFhirArguments(const ExportArguments& arguments) {
    const std::string& format = arguments.format;
    if (!arguments.table.empty()) {
        throw UsageError("--format " + format +
                         " writes every record as FHIR resources: it "
                         "cannot be combined with --table");
    }
    if (arguments.encrypt || arguments.bom || arguments.noNeutralise) {
        throw UsageError("--format " + format +
                         ": --encrypt, --bom and --no-neutralise are for "
                         "CSV files");
    }
    if (format == "fhir" && !arguments.allFolder.empty()) {
        throw UsageError("--format fhir writes one Bundle: name it with -o FILE.json (or use "
                         "--format fhir-ndjson --all DIR for a file per resource type)");
    }
    if (format == "fhir-ndjson" && arguments.allFolder.empty()) {
        throw UsageError("--format fhir-ndjson writes a file per resource type: name their "
                         "folder with --all DIR");
    }
}

// Everything that can be checked without the database.
ExportOptions optionsFromArguments(const ExportArguments& arguments) {
    if (isFhir(arguments)) {
        checkFhirArguments(arguments);
    }
    if (!arguments.allFolder.empty() && !arguments.output.empty()) {
        throw UsageError("--all writes one file per table into its folder: it cannot be "
                         "combined with -o/--output");
    }
    if (arguments.allFolder == "-" && !arguments.encrypt) {
        throw UsageError("--all -: --all writes one file per table into a folder, which "
                         "standard output cannot be; name a folder (or use -o - with --table "
                         "for one table on standard output)");
    }
    if (!arguments.allFolder.empty() && !arguments.table.empty()) {
        throw UsageError("--all writes every table: it cannot be combined with --table");
    }
    ExportOptions options;
    options.fromDay = dayOption("--from", arguments.from);
    options.toDay = dayOption("--to", arguments.to);
    if (options.fromDay && options.toDay && *options.fromDay > *options.toDay) {
        throw UsageError("--from " + arguments.from + " is after --to " + arguments.to);
    }
    if (arguments.encrypt && (arguments.output == "-" || arguments.allFolder == "-")) {
        throw UsageError("--encrypt writes one archive file and reads it back to check it: "
                         "name a file, not - (standard output)");
    }
    if (arguments.encrypt && arguments.allFolder.empty() && arguments.output.empty()) {
        throw UsageError("--encrypt writes one archive file: name it with -o FILE (one table) "
                         "or --all FILE (every table)");
    }
    if (!arguments.passphraseFile.empty() && !arguments.encrypt &&
        !namesEncryptedDatabase(arguments.db)) {
        throw UsageError("--passphrase-file is only for --encrypt or an encrypted database");
    }
    options.neutralise = !arguments.noNeutralise;
    options.bom = arguments.bom;
    return options;
}

Id clientIdByName(Database& database, const std::string& name) {
    // Case and accents ignored, and two names folding alike refused (store/client_lookup.h).
    return requireClientNamed(database.sql(), name, database.describe()).id;
}

void reportWritten(const ExportedFile& file) {
    std::cerr << "Exported " << file.rows << " " << exportTableName(file.table) << " to "
              << file.path.string() << "\n";
}

// The tables an export writes, in the order it writes them.
std::vector<ExportTable> tablesToWrite(const ExportArguments& arguments, ExportTable table) {
    if (arguments.allFolder.empty()) {
        return {table};
    }
    std::vector<ExportTable> tables;
    for (std::string_view name : exportTableNames()) {
        tables.push_back(*exportTableFromName(name));
    }
    return tables;
}

// Feeds the export's row counts into the progress bar. Every table counts
// its rows from 0, so the rows of the tables already written are added; the
// total is counted first (without formatting a cell), only when the bar is
// shown at all.
class ExportProgress {
public:
    ExportProgress(Database& database, const std::vector<ExportTable>& tables,
                   const ExportOptions& options, bool quiet)
        : m_bar("Exporting",
                tables.size() == 1 ? std::string(exportTableName(tables.front())) : "rows", quiet) {
        if (m_bar.shown()) {
            for (ExportTable table : tables) {
                m_total += countExportRows(database, table, options);
            }
            m_bar.update(0, m_total);
        }
    }

    // options with a progress callback that draws the bar.
    ExportOptions reporting(ExportOptions options) {
        if (m_bar.shown()) {
            options.progress = [this](std::int64_t rows) {
                // Within a table the figures only grow (every
                // kExportProgressRows rows): one that does not is the next
                // table's, counted from 0. The last table's tail under
                // kExportProgressRows rows goes uncounted, a small lag.
                if (rows <= m_lastRows) {
                    m_finished += m_lastRows;
                }
                m_lastRows = rows;
                m_bar.update(m_finished + rows, m_total);
            };
        }
        return options;
    }
    // A table is complete: its rows are counted as done, and the message
    // about it goes on a line of its own.
    void tableWritten(const ExportedFile& file) {
        m_finished += file.rows;
        m_lastRows = 0;
        m_bar.clear();
        reportWritten(file);
        if (m_finished < m_total) { // more tables to come
            m_bar.update(m_finished, m_total);
        }
    }
    void clear() { m_bar.clear(); }

private:
    TerminalProgress m_bar;
    std::int64_t m_total = 0;
    std::int64_t m_finished = 0; // rows of the tables already complete
    std::int64_t m_lastRows = 0; // rows of the table being written
};

int runEncryptedExport(const ExportArguments& arguments, Database& database, ExportTable table,
                       const ExportOptions& options) {
    const std::vector<ExportTable> tables = tablesToWrite(arguments, table);
    const std::filesystem::path target =
        arguments.allFolder.empty() ? arguments.output : arguments.allFolder;
    // Asked before the bar appears: the prompt needs the line to itself.
    const crypto::Secret passphrase =
        crypto::readPassphrase({arguments.passphraseFile, /*confirm=*/true});
    ExportProgress progress(database, tables, options, arguments.quiet);
    const std::vector<ArchivedTable> written =
        exportEncryptedArchive(database, tables, progress.reporting(options), target, passphrase);
    progress.clear();
    for (const ArchivedTable& archived : written) {
        std::cerr << "Exported " << archived.rows << " " << exportTableName(archived.table)
                  << " into " << target.string() << " (encrypted)\n";
    }
    return 0;
}

// The bar counts records (clients, knots, sessions, observations,
// treatments), whose total the CSV counts give.
int runFhirExport(const ExportArguments& arguments, Database& database, ExportOptions options) {
    const bool toTerminal = arguments.allFolder.empty() &&
                            (arguments.output.empty() || arguments.output == "-") &&
                            ::isatty(STDOUT_FILENO) == 1;
    TerminalProgress bar("Exporting", "records", arguments.quiet || toTerminal);
    if (bar.shown()) {
        std::int64_t total = 0;
        for (std::string_view name : exportTableNames()) {
            total += countExportRows(database, *exportTableFromName(name), options);
        }
        bar.update(0, total);
        options.progress = [&bar, total](std::int64_t records) {
            bar.update(records, total);
        };
    }
    std::vector<FhirFile> written;
    if (arguments.format == "fhir-ndjson") {
        written = writeFhirNdjson(database, options, arguments.allFolder);
    } else {
        written.push_back(writeFhirBundle(
            database, options, arguments.output.empty() ? std::string("-") : arguments.output));
    }
    bar.clear();
    for (const FhirFile& file : written) {
        std::cerr << "Exported " << file.resources
                  << (file.resources == 1 ? " FHIR resource (" : " FHIR resources (")
                  << (file.resourceType == "Bundle" ? "a Bundle" : file.resourceType) << ") to "
                  << file.path.string() << "\n";
    }
    return 0;
}

} // namespace

CLI::App* addExportCommand(CLI::App& app, ExportArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "export", "Export observations (or another table, or all of them) as CSV (RFC 4180, "
                  "UTF-8)");
    command->add_option("--db", arguments.db, kDbOptionHelp);
    command->add_option("-o,--output", arguments.output, "Output file; - or none: standard output")
        ->type_name("FILE");
    command
        ->add_option("--format", arguments.format,
                     "csv (default); fhir: one FHIR R4 Bundle (-o FILE.json); fhir-ndjson: "
                     "FHIR R4 NDJSON, a file per resource type (--all DIR)")
        ->check(CLI::IsMember({"csv", "fhir", "fhir-ndjson"}));
    std::vector<std::string> names;
    for (std::string_view name : exportTableNames()) {
        names.emplace_back(name);
    }
    command
        ->add_option("--table", arguments.table,
                     "observations (default), sessions, treatments, knots or clients")
        ->check(CLI::IsMember(names));
    command
        ->add_option("--all", arguments.allFolder,
                     "Write every table into DIR as observations.csv, sessions.csv, ... "
                     "(DIR is created if missing); with --encrypt, DIR is instead the one "
                     "archive file to write")
        ->type_name("DIR");
    command
        ->add_option("--client", arguments.client,
                     "Only this client (the name, ignoring case and accents)")
        ->type_name("NAME");
    command
        ->add_option("--from", arguments.from,
                     "Only sessions on or after this local date, YYYY-MM-DD (observations, "
                     "sessions, treatments)")
        ->type_name("DATE");
    command
        ->add_option("--to", arguments.to,
                     "Only sessions on or before this local date, YYYY-MM-DD (observations, "
                     "sessions, treatments)")
        ->type_name("DATE");
    command->add_flag("--bom", arguments.bom, "Start with a UTF-8 byte order mark (for Excel)");
    command->add_flag("--no-neutralise", arguments.noNeutralise,
                      "Write text starting with = + - @ TAB or CR as is, without the leading "
                      "apostrophe that stops spreadsheets running it as a formula");
    command->add_flag("--encrypt", arguments.encrypt,
                      "Write one archive encrypted with a passphrase (asked twice, or from "
                      "--passphrase-file or KNOTMAP_PASSPHRASE); `knotmap decrypt` reads it");
    command
        ->add_option("--passphrase-file", arguments.passphraseFile,
                     "With --encrypt: read the passphrase from the first line of FILE")
        ->type_name("FILE");
    addQuietFlag(*command, arguments.quiet);
    return command;
}

bool exportOptionsUsable(const ExportArguments& arguments) {
    try {
        (void)optionsFromArguments(arguments);
        return true;
    } catch (const UsageError& error) {
        std::cerr << "knotmap export: " << error.what() << "\n";
        return false;
    }
}

int runExport(const ExportArguments& arguments,
              const std::function<Database(const std::string&)>& openDatabase) {
    ExportOptions options = optionsFromArguments(arguments); // exportOptionsUsable said yes

    Database database = openDatabase(arguments.db);
    if (!arguments.client.empty()) {
        options.clientId = clientIdByName(database, arguments.client);
    }
    const ExportTable table =
        exportTableFromName(arguments.table).value_or(ExportTable::Observations);
    if (arguments.encrypt) {
        return runEncryptedExport(arguments, database, table, options);
    }
    if (isFhir(arguments)) {
        return runFhirExport(arguments, database, options);
    }
    // CSV on a terminal and a bar redrawn on the same one would garble each other.
    const bool csvOnTerminal = arguments.allFolder.empty() &&
                               (arguments.output.empty() || arguments.output == "-") &&
                               ::isatty(STDOUT_FILENO) == 1;
    ExportProgress progress(database, tablesToWrite(arguments, table), options,
                            arguments.quiet || csvOnTerminal);
    if (!arguments.allFolder.empty()) {
        (void)exportAllTables(database, progress.reporting(options), arguments.allFolder,
                              [&](const ExportedFile& file) { progress.tableWritten(file); });
        return 0;
    }
    if (arguments.output.empty() || arguments.output == "-") {
        // Written and checked like a file, so a full disk or a closed pipe
        // behind standard output is an error naming it, not a quiet exit 1.
        OutputFile output(OutputFile::StandardOutput{});
        (void)exportTableToOutput(database, table, progress.reporting(options), output);
        output.commit();
        return 0;
    }
    progress.tableWritten(
        exportTableToFile(database, table, progress.reporting(options), arguments.output));
    return 0;
}

} // namespace knotmap
