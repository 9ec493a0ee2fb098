#include "app/database_encryption_commands.h"

#include "app/database_path.h"
#include "crypto/passphrase.h"
#include "store/backup/backup_catalog.h"
#include "store/backup/backup_names.h"
#include "store/database.h"
#include "store/encrypted_file/conversion.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"
#include "store/open_options.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace knotmap {
namespace {

// The database file to convert: it must be a file, be there, and open as a
// Knotmap database (so nothing else is ever converted).
fs::path databaseFile(const std::string& db, bool encryptedExpected) {
    const DatabaseLocation where = resolveDatabase(db); // reads the passphrase if encrypted
    if (where.isServer()) {
        throw std::runtime_error(where.describe() +
                                 ": a server database is not a file; its storage is the "
                                 "server's to encrypt");
    }
    const fs::path& path = where.file();
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
        throw std::runtime_error(path.string() + ": no database file there");
    }
    const bool encrypted = encrypted::isEncryptedDatabaseFile(path);
    if (encrypted && !encryptedExpected) {
        throw std::runtime_error(path.string() +
                                 ": already encrypted (knotmap rekey changes its passphrase)");
    }
    if (!encrypted && encryptedExpected) {
        throw std::runtime_error(path.string() + ": not encrypted");
    }
    (void)Database::open(where, readingOptions()); // a Knotmap database, undamaged
    return path;
}

void sayDone(const char* what, const fs::path& path, const encrypted::ConversionReport& report) {
    std::cout << what << " " << path.string() << ": " << report.rows << " rows in " << report.tables
              << " tables, checked in the new file before it replaced the old\n";
}

// Backups made before encrypting are plain copies: said, not silently kept.
void warnOfPlainBackups(const fs::path& path) {
    int plain = 0;
    for (const BackupEntry& entry : listBackups(path)) {
        if (!entry.encrypted && !encrypted::isEncryptedDatabaseFile(entry.path)) {
            ++plain;
        }
    }
    if (plain > 0) {
        std::cerr << "knotmap: note: " << plain << (plain == 1 ? " backup in " : " backups in ")
                  << backupFolderFor(path).string()
                  << (plain == 1 ? " was made before encrypting and is not encrypted"
                                 : " were made before encrypting and are not encrypted")
                  << "; new backups are. "
                     "Remove the old ones if the records must not be readable without the "
                     "passphrase\n";
    }
}

} // namespace

CLI::App* addEncryptCommand(CLI::App& app, EncryptArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "encrypt", "Encrypt a database file in place with a passphrase (through a checked copy)");
    command->add_option("--db", arguments.db, "The database file")->type_name("PATH");
    command
        ->add_option("--passphrase-file", arguments.passphraseFile,
                     "Read the new passphrase from the first line of FILE (else "
                     "KNOTMAP_PASSPHRASE, else it is asked for twice)")
        ->type_name("FILE");
    return command;
}

CLI::App* addRekeyCommand(CLI::App& app, RekeyArguments& arguments) {
    CLI::App* command =
        app.add_subcommand("rekey", "Change the passphrase of an encrypted database file");
    command->add_option("--db", arguments.db, "The database file")->type_name("PATH");
    command
        ->add_option("--passphrase-file", arguments.passphraseFile,
                     "Read the current passphrase from FILE (else KNOTMAP_PASSPHRASE, else "
                     "it is asked for)")
        ->type_name("FILE");
    command
        ->add_option("--new-passphrase-file", arguments.newPassphraseFile,
                     "Read the new passphrase from FILE (else KNOTMAP_NEW_PASSPHRASE, else it "
                     "is asked for twice)")
        ->type_name("FILE");
    return command;
}

int runEncrypt(const EncryptArguments& arguments) {
    try {
        const fs::path path = databaseFile(arguments.db, false);
        crypto::PassphraseRequest request;
        request.file = arguments.passphraseFile;
        request.confirm = true;
        request.noun = "new passphrase for " + path.string();
        const auto key = encrypted::FileKey::create(crypto::readPassphrase(request));
        sayDone("Encrypted", path, encrypted::convertDatabaseFile(path, nullptr, key));
        warnOfPlainBackups(path);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "knotmap encrypt: " << error.what() << "\n";
        return 1;
    }
}

int runRekey(const RekeyArguments& arguments) {
    try {
        const fs::path path = databaseFile(arguments.db, true);
        crypto::PassphraseRequest request;
        request.file = arguments.newPassphraseFile;
        request.confirm = true;
        request.noun = "new passphrase for " + path.string();
        request.variable = "KNOTMAP_NEW_PASSPHRASE";
        request.fileOption = "--new-passphrase-file";
        const auto key = encrypted::FileKey::create(crypto::readPassphrase(request));
        sayDone("Changed the passphrase of", path,
                encrypted::convertDatabaseFile(path, encrypted::keyFor(path), key));
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "knotmap rekey: " << error.what() << "\n";
        return 1;
    }
}

int runDecryptDatabase(const std::string& db) {
    try {
        const fs::path path = databaseFile(db, true);
        sayDone("Decrypted", path,
                encrypted::convertDatabaseFile(path, encrypted::keyFor(path), nullptr));
        std::cerr << "knotmap: note: " << path.string()
                  << " and the backups made from now on are readable without a passphrase\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "knotmap decrypt: " << error.what() << "\n";
        return 1;
    }
}

} // namespace knotmap
