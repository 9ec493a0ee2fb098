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
};

// Adds `knotmap decrypt FILE -o OUT` to app.
CLI::App* addDecryptCommand(CLI::App& app, DecryptArguments& arguments);

// Decrypts FILE: an export archive into the new folder OUT (the same CSV
// files `export --all` writes), a database backup into the new file OUT.
// Every byte is checked before OUT appears: a wrong passphrase, a damaged,
// truncated or foreign file leaves nothing behind. Returns 0, or 1 with a
// message naming the file on stderr.
int runDecrypt(const DecryptArguments& arguments);

} // namespace knotmap
