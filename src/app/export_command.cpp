#include "app/export_command.h"

#include "core/timestamp.h"
#include "store/client_repository.h"
#include "store/table_export.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// A bad command line: reported with exit code 2, before anything is opened.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::optional<int> parseDigits(std::string_view text) {
    int value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// YYYY-MM-DD, a real calendar day, as days since 1970-01-01.
std::optional<std::int64_t> parseDay(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto year = parseDigits(std::string_view(text).substr(0, 4));
    const auto month = parseDigits(std::string_view(text).substr(5, 2));
    const auto day = parseDigits(std::string_view(text).substr(8, 2));
    if (!year || !month || !day) {
        return std::nullopt;
    }
    CivilDateTime civil;
    civil.year = *year;
    civil.month = *month;
    civil.day = *day;
    if (!isValidCivil(civil)) {
        return std::nullopt;
    }
    return daysFromCivil(*year, *month, *day);
}

std::optional<std::int64_t> dayOption(const char* option, const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const auto day = parseDay(text);
    if (!day) {
        throw UsageError(std::string(option) + ": expected a date like 2026-03-14, got '" + text +
                         "'");
    }
    return day;
}

// Everything that can be checked without the database.
ExportOptions optionsFromArguments(const ExportArguments& arguments) {
    if (!arguments.allFolder.empty() && !arguments.output.empty()) {
        throw UsageError("--all writes one file per table into its folder: it cannot be "
                         "combined with -o/--output");
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
    options.neutralise = !arguments.noNeutralise;
    options.bom = arguments.bom;
    return options;
}

Id clientIdByName(Database& database, const std::string& name) {
    ClientRepository clients(database.sql());
    if (const auto client = clients.findByName(name)) {
        return client->id;
    }
    std::string known;
    for (const Client& client : clients.list(true)) {
        known += (known.empty() ? "" : ", ") + client.name;
    }
    throw std::runtime_error(
        "no client named '" + name + "' in " + database.path().string() +
        (known.empty() ? " (it has no clients)" : " (clients: " + known + ")"));
}

// Writes to a temporary file beside the target and renames it into place, so
// an interrupted export never leaves a half-written file under the real name.
std::int64_t exportToFile(Database& database, ExportTable table, const ExportOptions& options,
                          const fs::path& target) {
    const fs::path temporary = target.string() + ".partial-" + std::to_string(::getpid());
    std::int64_t rows = 0;
    try {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            throw std::runtime_error(target.string() + ": cannot write the export file");
        }
        rows = exportTableCsv(database, table, out, options);
        out.close();
        if (!out) {
            throw std::runtime_error(target.string() + ": writing the export failed");
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw;
    }
    fs::rename(temporary, target);
    std::cerr << "Exported " << rows << " " << exportTableName(table) << " to " << target.string()
              << "\n";
    return rows;
}

void exportAll(Database& database, const ExportOptions& options, const fs::path& folder) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error || !fs::is_directory(folder)) {
        throw std::runtime_error(folder.string() + ": cannot create the export folder" +
                                 (error ? " (" + error.message() + ")" : std::string()));
    }
    for (std::string_view name : exportTableNames()) {
        const ExportTable table = *exportTableFromName(name);
        exportToFile(database, table, options, folder / (std::string(name) + ".csv"));
    }
}

} // namespace

CLI::App* addExportCommand(CLI::App& app, ExportArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "export", "Export observations (or another table, or all of them) as CSV (RFC 4180, "
                  "UTF-8)");
    command->add_option("--db", arguments.db,
                        "Database file (default: $KNOTMAP_DB, else "
                        "$XDG_DATA_HOME/knotmap/knotmap.db)");
    command->add_option("-o,--output", arguments.output, "Output file (default: standard output)")
        ->type_name("FILE");
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
                     "(DIR is created if missing)")
        ->type_name("DIR");
    command->add_option("--client", arguments.client, "Only this client (the name, ignoring case)")
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
    return command;
}

int runExport(const ExportArguments& arguments,
              const std::function<Database(const std::string&)>& openDatabase) {
    ExportOptions options;
    try {
        options = optionsFromArguments(arguments);
    } catch (const UsageError& error) {
        std::cerr << "knotmap export: " << error.what() << "\n";
        return 2;
    }
    Database database = openDatabase(arguments.db);
    if (!arguments.client.empty()) {
        options.clientId = clientIdByName(database, arguments.client);
    }
    if (!arguments.allFolder.empty()) {
        exportAll(database, options, arguments.allFolder);
        return 0;
    }
    const ExportTable table =
        exportTableFromName(arguments.table).value_or(ExportTable::Observations);
    if (arguments.output.empty() || arguments.output == "-") {
        exportTableCsv(database, table, std::cout, options);
        return std::cout.good() ? 0 : 1;
    }
    exportToFile(database, table, options, arguments.output);
    return 0;
}

} // namespace knotmap
