#include "app/copy_command.h"

#include "store/copy/database_copy.h"
#include "store/database.h"
#include "store/sqlite_file/database_file_check.h"
#include "store/sqlite_file/database_files.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace knotmap {
namespace {

constexpr const char* kLocationHelp =
    "a database file, or a PostgreSQL URI or keyword string such as "
    "postgresql://dana@clinic.lan/knotmap (a server's password comes from PGPASSWORD, "
    "~/.pgpass or a service file)";

// "Copying 12000 of 48210 rows (24%)" on one line of the terminal, redrawn at
// most ten times a second; nothing when stderr is a file or a pipe, where
// the redraws would only be noise in a log.
class TerminalProgress {
public:
    TerminalProgress() : m_shown(::isatty(STDERR_FILENO) == 1) {}
    ~TerminalProgress() { done(); }
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    void update(std::int64_t copied, std::int64_t total) {
        if (!m_shown) {
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (m_drawn && copied < total && now - m_last < std::chrono::milliseconds(100)) {
            return;
        }
        m_last = now;
        m_drawn = true;
        const std::int64_t percent = total > 0 ? copied * 100 / total : 100;
        std::fprintf(stderr, "\rCopying %lld of %lld rows (%lld%%)", static_cast<long long>(copied),
                     static_cast<long long>(total), static_cast<long long>(percent));
        std::fflush(stderr);
    }
    // Ends the progress line, so what follows starts on a line of its own.
    void done() {
        if (m_drawn) {
            std::fputc('\n', stderr);
            m_drawn = false;
        }
    }

private:
    bool m_shown;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last;
};

bool sameFile(const DatabaseLocation& a, const DatabaseLocation& b) {
    if (a.isServer() || b.isServer()) {
        return false;
    }
    std::error_code ignored;
    return std::filesystem::equivalent(a.file(), b.file(), ignored);
}

void printSummary(const CopySummary& summary, const Database& source, const Database& destination) {
    std::cout << "Copied " << summary.rows << " rows from " << source.describe() << " to "
              << destination.describe() << ": " << summary.rowsOf("client") << " clients, "
              << summary.rowsOf("session") << " sessions, " << summary.rowsOf("knot") << " knots, "
              << summary.rowsOf("observation") << " observations, " << summary.rowsOf("treatment")
              << " treatments\n";
}

// Opens both and copies; throws on any failure with the destination closed.
void openAndCopy(const DatabaseLocation& from, const DatabaseLocation& to) {
    Database source = Database::open(from, readingOptions());
    // An empty server database gets its schema in the copy's transaction, as
    // for an import: a refused or failed copy leaves it as empty as it was.
    Database destination = Database::openForImport(to);
    TerminalProgress progress;
    const CopySummary summary =
        copyDatabase(source, destination, [&](std::int64_t copied, std::int64_t total) {
            progress.update(copied, total);
        });
    destination.commitCreation();
    progress.done();
    printSummary(summary, source, destination);
    std::cout << std::flush; // the summary first: this can take a few seconds
    destination.sql().refreshStatistics(); // so the first reads are not slow
}

std::string failureMessage(const sql::Error& error, const DatabaseLocation& from,
                           const DatabaseLocation& to) {
    // Raw backend errors left here come from beginning, checking or
    // committing the destination's transaction (a full disk, a lock).
    if (!to.isServer()) {
        return describeSqliteFailure(to.file(), error);
    }
    return "copying " + from.describe() + " to " + to.describe() + ": " + error.what();
}

} // namespace

CLI::App* addCopyCommand(CLI::App& app, CopyArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "copy", "Copy a whole database, every record with its ids, into a new file or an empty "
                "database: file to server, server to file, file to file or server to server");
    command
        ->add_option("--from", arguments.from,
                     std::string("The database to copy: ") + kLocationHelp)
        ->required()
        ->type_name("SOURCE");
    command
        ->add_option("--to", arguments.to,
                     std::string("Where the copy goes, a new file or an empty database: ") +
                         kLocationHelp)
        ->required()
        ->type_name("DEST");
    return command;
}

int runCopy(const CopyArguments& arguments) {
    const DatabaseLocation from = DatabaseLocation::parse(arguments.from);
    const DatabaseLocation to = DatabaseLocation::parse(arguments.to);
    // The store refuses it too; refused here, nothing is even opened.
    if (arguments.from == arguments.to || sameFile(from, to)) {
        std::cerr << "knotmap copy: " << to.describe()
                  << " is the source database itself; copy into a new file or an empty "
                     "database\n";
        return 1;
    }
    const auto removeCreated = [&] {
        if (!to.isServer() && createdByThisProcess(to.file())) {
            removeDatabaseAndCompanions(to.file());
        }
    };
    try {
        openAndCopy(from, to);
        return 0;
    } catch (const sql::Error& error) {
        removeCreated();
        std::cerr << "knotmap copy: " << failureMessage(error, from, to) << "\n";
    } catch (const std::exception& error) {
        removeCreated();
        std::cerr << "knotmap copy: " << error.what() << "\n";
    }
    return 1;
}

} // namespace knotmap
