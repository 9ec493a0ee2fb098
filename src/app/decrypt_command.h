#pragma once

#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct DecryptArguments {
    std::string file;           // an encrypted export archive or backup
    std::string output;         // -o: a new folder (archive) or a new file (backup)
    std::string passphraseFile; // else KNOTMAP_PASSPHRASE, else a prompt
    bool database = false;      // --db given: an encrypted database file made plain in place
    std::string db;
};

// Adds `knotmap decrypt FILE -o OUT` and `knotmap decrypt --db PATH` to app.
CLI::App* addDecryptCommand(CLI::App& app, DecryptArguments& arguments);

// Decrypts FILE: an export archive into the new folder OUT (the same CSV
// files `export --all` writes), a database backup into the new file OUT.
// Every byte is checked before OUT appears: a wrong passphrase, a damaged,
// truncated or foreign file leaves nothing behind. Returns 0, or 1 with a
// message naming the file on stderr. With --db, the database file is made
// plain in place instead (app/database_encryption_commands.h); 2 when FILE
// and --db are given together or neither is.
int runDecrypt(const DecryptArguments& arguments);

} // namespace knotmap
