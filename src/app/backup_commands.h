#pragma once

#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct BackupArguments {
    std::string db;
    std::string output; // -o: this file instead of the backups folder
    bool encrypt = false;
    std::string passphraseFile; // else KNOTMAP_PASSPHRASE, else a prompt (twice)
    bool quiet = false;         // no progress bar (app/terminal_progress.h)
};

struct BackupsArguments {
    std::string db;
};

struct RestoreArguments {
    std::string backup;
    std::string db;
    bool force = false;
    std::string passphraseFile; // for an encrypted backup
    // The backup's own, when it is not the database's (made before a rekey).
    std::string backupPassphraseFile;
};

// `knotmap backup`, `knotmap backups`, `knotmap restore` (docs/backups.md).
CLI::App* addBackupCommand(CLI::App& app, BackupArguments& arguments);
CLI::App* addBackupsCommand(CLI::App& app, BackupsArguments& arguments);
CLI::App* addRestoreCommand(CLI::App& app, RestoreArguments& arguments);

// Each returns 0, or 1 with a message naming the file on stderr.
int runBackup(const BackupArguments& arguments);
int runBackups(const BackupsArguments& arguments);
int runRestore(const RestoreArguments& arguments);

} // namespace knotmap
