#include "app/audit_command.h"

#include "app/database_path.h"
#include "core/audit_change.h"
#include "core/calendar_day.h"
#include "core/csv_writer.h"
#include "core/local_time_text.h"
#include "core/output_file.h"
#include "core/timestamp.h"
#include "store/audit/audit_trail.h"
#include "store/client_lookup.h"
#include "store/database.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <stdexcept>

namespace knotmap {
namespace {

std::optional<std::int64_t> dayStart(const char* option, const std::string& text, int plusDays) {
    if (text.empty()) {
        return std::nullopt;
    }
    const auto day = parseCalendarDay(text);
    if (!day) {
        throw CLI::ValidationError(option, "expected a date like 2026-03-14, got '" + text + "'");
    }
    // The first second of that local day: its midnight, or where the clocks
    // skip midnight, the moment they skip to (fromSystemLocal moves it forward).
    const CivilDateTime date = civilFromSeconds((*day + plusDays) * 86400);
    return fromSystemLocal(CivilDateTime{date.year, date.month, date.day, 0, 0, 0}).at.utcSeconds();
}

std::string who(const AuditEvent& event) {
    return event.personName == event.person ? event.person
                                            : event.personName + " (" + event.person + ")";
}

std::string clientText(const AuditEvent& event) {
    if (!event.clientId) {
        return "";
    }
    return event.clientName.empty() ? "client " + std::to_string(*event.clientId)
                                    : event.clientName;
}

void writeText(std::ostream& out, const std::vector<AuditEvent>& events) {
    for (const AuditEvent& event : events) {
        const std::string verb = event.action == "insert"   ? "added"
                                 : event.action == "update" ? "changed"
                                                            : "deleted";
        out << localDateTimeText(event.atUtc) << "  " << who(event) << " " << verb << " "
            << recordNoun(event.table) << " " << event.rowId;
        if (const std::string client = clientText(event); !client.empty()) {
            out << " of " << client;
        }
        const std::string summary = changeSummary(describeChanges(event.before, event.after));
        if (!summary.empty()) {
            out << ": " << summary;
        }
        out << "\n";
    }
}

void writeCsv(std::ostream& out, const std::vector<AuditEvent>& events) {
    CsvWriter csv(out);
    for (const char* column :
         {"id", "at_utc", "at_local", "person", "person_name", "table", "row_id", "action",
          "client_id", "client_name", "changes", "before", "after"}) {
        csv.field(column);
    }
    csv.endRow();
    for (const AuditEvent& event : events) {
        csv.field(event.id);
        csv.field(event.atUtc);
        csv.field(localDateTimeText(event.atUtc));
        csv.textField(event.person);
        csv.textField(event.personName);
        csv.field(event.table);
        csv.field(event.rowId);
        csv.field(event.action);
        csv.field(event.clientId);
        csv.textField(event.clientName);
        csv.textField(changeSummary(describeChanges(event.before, event.after)));
        csv.textField(event.before.value_or(""));
        csv.textField(event.after.value_or(""));
        csv.endRow();
    }
}

} // namespace

CLI::App* addAuditCommand(CLI::App& app, AuditArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "audit", "Show the audit trail: who added, changed or deleted which record, and when");
    command->add_option("--db", arguments.db, kDbOptionHelp);
    command->add_option("--client", arguments.client, "Only this client's records");
    command->add_option("--from", arguments.from, "From this local day, YYYY-MM-DD");
    command->add_option("--to", arguments.to, "To this local day, YYYY-MM-DD (inclusive)");
    command->add_option("--format", arguments.format, "text (default) or csv")
        ->check(CLI::IsMember({"text", "csv"}));
    command->add_option("-o,--output", arguments.output, "Write to FILE instead of the screen");
    return command;
}

int runAudit(const AuditArguments& arguments) {
    AuditFilter filter;
    try { // a bad command line: exit 2, before anything is opened (as export)
        filter.fromUtc = dayStart("--from", arguments.from, 0);
        filter.toUtc = dayStart("--to", arguments.to, 1);
        if (filter.fromUtc && filter.toUtc && *filter.fromUtc >= *filter.toUtc) {
            throw CLI::ValidationError("--from", arguments.from + " is after --to " + arguments.to);
        }
    } catch (const CLI::ValidationError& error) {
        std::cerr << "knotmap audit: " << error.what() << "\n";
        return 2;
    }
    Database database = Database::open(resolveDatabase(arguments.db), readingOptions());
    if (!arguments.client.empty()) {
        filter.clientId =
            requireClientNamed(database.sql(), arguments.client, database.describe()).id;
    }
    const std::vector<AuditEvent> events = readAuditTrail(database.sql(), filter);
    std::unique_ptr<OutputFile> file =
        arguments.output.empty() || arguments.output == "-"
            ? std::make_unique<OutputFile>(OutputFile::StandardOutput{})
            : std::make_unique<OutputFile>(arguments.output, "the audit file");
    if (arguments.format == "csv") {
        writeCsv(file->stream(), events);
    } else {
        writeText(file->stream(), events);
    }
    file->commit();
    if (!arguments.output.empty() && arguments.output != "-") {
        std::cerr << "Wrote " << events.size() << " audit events to " << arguments.output << "\n";
    }
    return 0;
}

} // namespace knotmap
