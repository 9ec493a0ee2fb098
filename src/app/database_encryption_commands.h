#pragma once

#include <string>

namespace CLI {
class App;
}

// knotmap encrypt, rekey, and decrypt --db: a database file encrypted in
// place, its passphrase changed, or made plain again (docs/encryption.md).
namespace knotmap {

struct EncryptArguments {
    std::string db;
    std::string passphraseFile; // the new passphrase; else KNOTMAP_PASSPHRASE, else asked twice
};

struct RekeyArguments {
    std::string db;
    std::string passphraseFile;    // the current one (read when the database is opened)
    std::string newPassphraseFile; // else KNOTMAP_NEW_PASSPHRASE, else asked twice
};

CLI::App* addEncryptCommand(CLI::App& app, EncryptArguments& arguments);
CLI::App* addRekeyCommand(CLI::App& app, RekeyArguments& arguments);

// Each returns 0, or 1 with a message naming the file (which is then as it was).
int runEncrypt(const EncryptArguments& arguments);
int runRekey(const RekeyArguments& arguments);
int runDecryptDatabase(const std::string& db);

} // namespace knotmap
