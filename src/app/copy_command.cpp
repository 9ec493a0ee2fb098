#include "app/copy_command.h"

#include "app/database_unlock.h"
#include "app/terminal_progress.h"
#include "core/staging_path.h"
#include "store/backup/backup_file.h"
#include "store/copy/database_copy.h"
#include "store/database.h"
#include "store/sqlite_file/database_file_check.h"
#include "store/sqlite_file/database_files.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace knotmap {
namespace {

constexpr const char* kLocationHelp =
    "a database file, or a PostgreSQL URI or keyword string such as "
    "postgresql://dana@clinic.lan/knotmap (a server's password comes from PGPASSWORD, "
    "~/.pgpass or a service file)";

bool sameFile(const DatabaseLocation& a, const DatabaseLocation& b) {
    if (a.isServer() || b.isServer()) {
        return false;
    }
    std::error_code ignored;
    return std::filesystem::equivalent(a.file(), b.file(), ignored);
}

void printSummary(const CopySummary& summary, const DatabaseLocation& from,
                  const DatabaseLocation& to) {
    std::cout << "Copied " << summary.rows << " rows from " << from.describe() << " to "
              << to.describe() << ": " << summary.rowsOf("client") << " clients, "
              << summary.rowsOf("session") << " sessions, " << summary.rowsOf("knot") << " knots, "
              << summary.rowsOf("observation") << " observations, " << summary.rowsOf("treatment")
              << " treatments\n";
}

namespace fs = std::filesystem;

// Moves the closed, complete copy at staged to target without replacing
// anything another program put there meanwhile, and makes it durable.
void moveIntoPlace(const fs::path& staged, const fs::path& target) {
    // Closing the last connection checkpointed the WAL: the main file alone
    // is the whole copy. A -wal with content would be lost by the rename.
    std::error_code ignored;
    const fs::path wal = staged.string() + "-wal";
    if (fs::exists(wal, ignored) && fs::file_size(wal, ignored) > 0) {
        throw std::runtime_error(target.string() +
                                 ": the copy could not be completed (its journal was not "
                                 "folded in); nothing was written there");
    }
    const int descriptor = ::open(staged.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor >= 0) {
        ::fsync(descriptor);
        ::close(descriptor);
    }
    if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
        int problem = errno;
        // File systems without RENAME_NOREPLACE: link() also refuses to replace.
        if ((problem == EINVAL || problem == ENOSYS) &&
            ::link(staged.c_str(), target.c_str()) == 0) {
            fs::remove(staged, ignored);
            problem = 0;
        }
        if (problem != 0) {
            throw std::runtime_error(
                target.string() +
                (problem == EEXIST
                     ? std::string(": another program created a file there during the copy; "
                                   "it was left as it was, and the copy was not kept")
                     : std::string(": cannot write: ") + std::strerror(problem)));
        }
    }
    syncFolderOf(target);
    // The staged name's empty -wal and -shm, if SQLite left them.
    removeDatabaseAndCompanions(staged);
}

// Opens both and copies into into; throws on any failure with the
// destination closed. Returns what was copied.
CopySummary openAndCopy(const DatabaseLocation& from, const DatabaseLocation& into,
                        const DatabaseLocation& shownAs, bool quiet) {
    Database source = Database::open(from, readingOptions());
    // An empty server database gets its schema in the copy's transaction, as
    // for an import: a refused or failed copy leaves it as empty as it was.
    Database destination = Database::openForImport(into);
    TerminalProgress progress("Copying", "rows", quiet);
    const CopySummary summary =
        copyDatabase(source, destination, [&](std::int64_t copied, std::int64_t total) {
            progress.update(copied, total);
        });
    destination.commitCreation();
    progress.clear();
    if (into.file() == shownAs.file() || into.isServer()) {
        // In place: the records are there now, the statistics can follow.
        printSummary(summary, from, shownAs);
        std::cout << std::flush; // the summary first: this can take a few seconds
    }
    destination.sql().refreshStatistics(); // so the first reads are not slow
    return summary;
}

// Messages name the file the person asked for, not the hidden staging name.
std::string naming(std::string message, const fs::path& staged, const fs::path& target) {
    if (staged.empty()) {
        return message;
    }
    const std::string hidden = staged.string();
    for (std::size_t at = message.find(hidden); at != std::string::npos;
         at = message.find(hidden, at)) {
        message.replace(at, hidden.size(), target.string());
        at += target.string().size();
    }
    return message;
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
    addQuietFlag(*command, arguments.quiet);
    return command;
}

int runCopy(const CopyArguments& arguments) {
    const DatabaseLocation from = DatabaseLocation::parse(arguments.from);
    unlockDatabase(from); // an encrypted file's passphrase (the copy is plain)
    const DatabaseLocation to = DatabaseLocation::parse(arguments.to);
    // The store refuses it too; refused here, nothing is even opened.
    if (arguments.from == arguments.to || sameFile(from, to)) {
        std::cerr << "knotmap copy: " << to.describe()
                  << " is the source database itself; copy into a new file or an empty "
                     "database\n";
        return 1;
    }
    // A new file is made under a hidden name and renamed into place when
    // complete; an existing file (an empty database) or a server database
    // is copied into in place, in one transaction.
    std::error_code ignored;
    const bool staged = !to.isServer() && !fs::exists(fs::symlink_status(to.file(), ignored));
    const fs::path staging = staged ? hiddenStagingPath(to.file(), "copy") : fs::path();
    const auto removeCreated = [&] {
        if (staged) {
            removeDatabaseAndCompanions(staging);
        } else if (!to.isServer() && createdByThisProcess(to.file())) {
            removeDatabaseAndCompanions(to.file());
        }
    };
    try {
        if (staged) {
            // What a killed copy left in the folder goes first.
            removeAbandonedTemporaries(to.file().parent_path());
            const CopySummary summary =
                openAndCopy(from, DatabaseLocation(staging), to, arguments.quiet);
            moveIntoPlace(staging, to.file());
            printSummary(summary, from, to);
        } else {
            (void)openAndCopy(from, to, to, arguments.quiet);
        }
        return 0;
    } catch (const sql::Error& error) {
        removeCreated();
        std::cerr << "knotmap copy: " << naming(failureMessage(error, from, to), staging, to.file())
                  << "\n";
    } catch (const std::exception& error) {
        removeCreated();
        std::cerr << "knotmap copy: " << naming(error.what(), staging, to.file()) << "\n";
    }
    return 1;
}

} // namespace knotmap
