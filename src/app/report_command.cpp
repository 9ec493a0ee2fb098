#include "app/report_command.h"

#include "app/database_path.h"
#include "app/terminal_progress.h"
#include "core/text_search.h"
#include "core/timestamp.h"
#include "report/report_checkins.h"
#include "report/report_loader.h"
#include "report/report_writer.h"
#include "store/database.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace knotmap {
namespace {

// Accepts exactly YYYY-MM-DD naming a real day, so "2026-02-30" is refused
// rather than silently compared as text.
bool isIsoDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return false;
    }
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    CivilDateTime date;
    date.year = std::stoi(text.substr(0, 4));
    date.month = std::stoi(text.substr(5, 2));
    date.day = std::stoi(text.substr(8, 2));
    return isValidCivil(date);
}

CLI::Validator isoDate() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            return isIsoDate(text) ? std::string()
                                   : "expected a date like 2026-03-14, got '" + text + "'";
        },
        "YYYY-MM-DD");
}

std::optional<std::string> optionalText(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

} // namespace

CLI::App* addReportCommand(CLI::App& app, ReportArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "report", "Write a printable PDF report of one client: summary, body maps, pain trends, "
                  "treatment effect, therapy visits in full and self check-ins");
    command->add_option("--db", arguments.db, kDbOptionHelp);
    command
        ->add_option("--client", arguments.client,
                     "The client's name (case and accents are ignored)")
        ->required();
    command->add_option("--from", arguments.from, "First day included (default: the first session)")
        ->check(isoDate());
    command->add_option("--to", arguments.to, "Last day included (default: the latest session)")
        ->check(isoDate());
    command->add_option("--paper", arguments.paper, "a4 (default) or letter")
        ->check(CLI::IsMember({"a4", "letter"}, CLI::ignore_case));
    command
        ->add_option("--checkins", arguments.checkIns,
                     "Self check-ins: weekly (a summary per week, the default), full (every "
                     "check-in with its notes) or none; therapy visits are always in full")
        ->check(CLI::IsMember({"weekly", "full", "none"}, CLI::ignore_case));
    command->add_option("-o,--output", arguments.output, "PDF file to write; - for standard output")
        ->required();
    addQuietFlag(*command, arguments.quiet);
    return command;
}

int runReport(const ReportArguments& arguments) {
    if (!arguments.from.empty() && !arguments.to.empty() && arguments.from > arguments.to) {
        std::cerr << "knotmap: --to: " << arguments.to << " is before --from " << arguments.from
                  << "\n";
        return 2;
    }
    const DatabaseLocation where = resolveDatabase(arguments.db);
    Database database = Database::open(where, readingOptions());
    const Client client = report::findReportClient(database, arguments.client);
    // A PDF shown on the terminal is noise already; the bar would add to it.
    const bool pdfOnTerminal = arguments.output == "-" && ::isatty(STDOUT_FILENO) == 1;
    TerminalProgress progress("Writing report", "pages", arguments.quiet || pdfOnTerminal);
    progress.updateFraction(0.0); // reading the records and laying out: pages not known yet
    const report::DateRange range{optionalText(arguments.from), optionalText(arguments.to)};
    const report::ReportData data = report::loadReportData(database, client, range);

    report::ReportOptions options;
    options.paper =
        lowercaseAscii(arguments.paper) == "letter" ? report::Paper::Letter : report::Paper::A4;
    // CLI11 accepts the choices in any case but passes them on as typed.
    options.checkIns = report::checkInDetailFromCode(lowercaseAscii(arguments.checkIns))
                           .value_or(report::CheckInDetail::Weekly);
    options.output = arguments.output;
    options.generatedDate = LocalTimestamp::now().localDate();
    options.progress = [&](int pagesDone, int pageCount) {
        progress.update(pagesDone, pageCount);
    };
    const report::ReportResult result = report::writeReport(data, options);
    progress.clear();
    std::cerr << "Wrote a " << result.pages << "-page report on " << client.name << " ("
              << data.sessionCount() << " sessions) to "
              << (arguments.output == "-" ? std::string("standard output") : arguments.output)
              << "\n";
    return 0;
}

} // namespace knotmap
