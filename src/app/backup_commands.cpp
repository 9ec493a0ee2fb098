#include "app/backup_commands.h"

#include "app/backup_text.h"
#include "app/backup_writer.h"
#include "app/database_path.h"
#include "app/database_unlock.h"
#include "app/terminal_progress.h"
#include "crypto/passphrase.h"
#include "store/backup/backup_catalog.h"
#include "store/backup/backup_file.h"
#include "store/backup/backup_names.h"
#include "store/backup/restore_file.h"
#include "store/encrypted_file/file_key.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// backups and restore work on a database file: a server's backups are the
// files `knotmap backup -o FILE` wrote, and one goes back onto an empty
// server database with `knotmap copy` (docs/backups.md).
fs::path requireFile(const std::string& db, const char* command, const char* forServer) {
    const DatabaseLocation where = resolveDatabase(db);
    if (where.isServer()) {
        throw std::runtime_error(where.describe() + ": " + command + " works on a database file; " +
                                 forServer);
    }
    return where.file();
}

std::string describe(const BackupSummary& summary) {
    return std::to_string(summary.clients) + " clients, " + std::to_string(summary.sessions) +
           " sessions, " + backupSizeText(summary.bytes) + (summary.encrypted ? ", encrypted" : "");
}

void addFileDbOption(CLI::App& command, std::string& db) {
    command.add_option("--db", db,
                       "Database file (default: $KNOTMAP_DB, else "
                       "$XDG_DATA_HOME/knotmap/knotmap.db)");
}

} // namespace

CLI::App* addBackupCommand(CLI::App& app, BackupArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "backup", "Take a checked snapshot of the database into the backups folder beside it "
                  "(or -o FILE; a server database into a Knotmap file, -o FILE)");
    command->add_option("--db", arguments.db, kDbOptionHelp);
    command
        ->add_option("-o,--output", arguments.output, "Write the backup to FILE (must not exist)")
        ->type_name("FILE");
    command->add_flag("--encrypt", arguments.encrypt,
                      "Seal the backup with a passphrase (asked twice, or from "
                      "--passphrase-file or KNOTMAP_PASSPHRASE)");
    command
        ->add_option("--passphrase-file", arguments.passphraseFile,
                     "With --encrypt: read the passphrase from the first line of FILE")
        ->type_name("FILE");
    addQuietFlag(*command, arguments.quiet);
    return command;
}

CLI::App* addBackupsCommand(CLI::App& app, BackupsArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "backups", "List the database's backups: date, size, clients and sessions");
    addFileDbOption(*command, arguments.db);
    return command;
}

CLI::App* addRestoreCommand(CLI::App& app, RestoreArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "restore", "Put a backup (plain or encrypted) in place of the database; an existing "
                   "database is replaced only with --force, after it is backed up");
    command->add_option("backup", arguments.backup, "The backup file")->required();
    addFileDbOption(*command, arguments.db);
    command->add_flag("--force", arguments.force,
                      "Replace an existing database (kept in the backups folder first)");
    command
        ->add_option("--passphrase-file", arguments.passphraseFile,
                     "For an encrypted backup: read the passphrase from the first line of FILE")
        ->type_name("FILE");
    command
        ->add_option("--backup-passphrase-file", arguments.backupPassphraseFile,
                     "The backup's passphrase when it is not the database's (a backup made "
                     "before a rekey): the first line of FILE")
        ->type_name("FILE");
    return command;
}

int runBackup(const BackupArguments& arguments) {
    try {
        if (!arguments.passphraseFile.empty() && !arguments.encrypt &&
            !namesEncryptedDatabase(arguments.db)) {
            std::cerr << "knotmap backup: --passphrase-file is only for --encrypt or an "
                         "encrypted database\n";
            return 2;
        }
        if (arguments.output == "-") {
            std::cerr << "knotmap backup: -o -: a backup is a database file, checked once it "
                         "is written and kept; it cannot go to standard output. Name a file "
                         "that does not exist yet\n";
            return 2;
        }
        const DatabaseLocation where = resolveDatabase(arguments.db);
        if (where.isServer() && arguments.output.empty()) {
            std::cerr << "knotmap backup: " << where.describe()
                      << ": a server database is backed up into a Knotmap file of your "
                         "choosing: add -o FILE\n";
            return 2;
        }
        std::optional<crypto::Secret> passphrase;
        if (arguments.encrypt) {
            passphrase = crypto::readPassphrase({arguments.passphraseFile, /*confirm=*/true});
        }
        const crypto::Secret* secret = passphrase ? &*passphrase : nullptr;
        BackupSummary summary;
        {
            TerminalProgress progress("Backing up", "", arguments.quiet);
            summary = takeBackup(where, arguments.output, secret,
                                 [&](double copied) { progress.updateFraction(copied); });
        } // the bar is cleared before the summary
        std::cout << "Backed up " << where.describe() << " to " << summary.path.string() << " ("
                  << describe(summary) << "; checked)\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "knotmap backup: " << error.what() << "\n";
        return 1;
    }
}

int runBackups(const BackupsArguments& arguments) {
    try {
        const fs::path database =
            requireFile(arguments.db, "backups",
                        "a server's backups are the files `knotmap backup -o FILE` wrote");
        std::vector<BackupEntry> entries = listBackups(database);
        if (entries.empty()) {
            std::cout << "No backups of " << database.string() << " in "
                      << backupFolderFor(database).string() << "\n";
            return 0;
        }
        std::printf("%-19s  %10s  %7s  %8s  %s\n", "taken (local time)", "size", "clients",
                    "sessions", "file");
        for (BackupEntry& entry : entries) {
            readBackupCounts(entry);
            const std::string clients = entry.encrypted ? "-"
                                        : entry.clients ? std::to_string(*entry.clients)
                                                        : "?";
            const std::string sessions = entry.encrypted  ? "-"
                                         : entry.sessions ? std::to_string(*entry.sessions)
                                                          : "?";
            std::printf("%-19s  %10s  %7s  %8s  %s%s\n", backupTimeText(entry.utcSeconds).c_str(),
                        backupSizeText(entry.bytes).c_str(), clients.c_str(), sessions.c_str(),
                        entry.path.string().c_str(), entry.encrypted ? " (encrypted)" : "");
        }
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "knotmap backups: " << error.what() << "\n";
        return 1;
    }
}

int runRestore(const RestoreArguments& arguments) {
    try {
        const fs::path database = requireFile(
            arguments.db, "restore",
            "to put a backup onto a server, `knotmap copy --from BACKUP --to SERVER` copies it "
            "into an empty server database");
        // A backup of an encrypted database is one too, opened with the
        // database's passphrase, or with its own when it was made before a
        // rekey (--backup-passphrase-file).
        const fs::path backup(arguments.backup);
        const std::string backupPassphraseFile = arguments.backupPassphraseFile.empty()
                                                     ? arguments.passphraseFile
                                                     : arguments.backupPassphraseFile;
        try {
            unlockDatabase(DatabaseLocation(backup), arguments.backupPassphraseFile);
        } catch (const encrypted::WrongPassphrase& error) {
            throw std::runtime_error(
                std::string(error.what()) +
                (arguments.backupPassphraseFile.empty()
                     ? ". A backup made before `knotmap rekey` keeps the passphrase it was made "
                       "with: give that one with --backup-passphrase-file FILE"
                     : ""));
        }
        const RestoreResult result = restoreDatabaseFile(
            arguments.backup, database, arguments.force,
            [&] {
                return crypto::readPassphrase({backupPassphraseFile, false});
            },
            [&] {
                // A sealed backup's database, encrypted with a passphrase of
                // its own: the database's, as every command reads it.
                crypto::PassphraseRequest request;
                request.file = arguments.passphraseFile;
                request.noun = "passphrase of the encrypted database inside " + arguments.backup;
                return crypto::readPassphrase(request);
            });
        if (result.replacedKeptAs) {
            std::cout << "Kept the replaced database as " << result.replacedKeptAs->path.string()
                      << " (" << describe(*result.replacedKeptAs) << ")\n";
        }
        BackupSummary restored = result.restored;
        restored.encrypted = false; // the database itself is a plain file again
        std::cout << "Restored " << arguments.backup
                  << (result.restored.encrypted ? " (encrypted)" : "") << " into "
                  << database.string() << " (" << describe(restored) << ")\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "knotmap restore: " << error.what() << "\n";
        return 1;
    }
}

} // namespace knotmap
