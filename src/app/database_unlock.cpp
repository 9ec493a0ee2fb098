#include "app/database_unlock.h"

#include "app/database_path.h"
#include "crypto/passphrase.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"

#include <cstdlib>

namespace knotmap {
namespace {

UnlockSources& sources() {
    static UnlockSources current;
    return current;
}

} // namespace

void setUnlockSources(UnlockSources given) {
    sources() = std::move(given);
}

void unlockDatabase(const DatabaseLocation& where, const std::filesystem::path& passphraseFile) {
    if (where.isServer() || encrypted::keyFor(where.file()) != nullptr) {
        return;
    }
    const UnlockSources& from = sources();
    crypto::PassphraseRequest request;
    request.file = passphraseFile.empty() ? from.passphraseFile : passphraseFile;
    const bool given = !request.file.empty() || std::getenv("KNOTMAP_PASSPHRASE") != nullptr;
    request.noun = "passphrase of " + where.file().string();
    std::error_code ignored;
    if (!std::filesystem::exists(where.file(), ignored)) {
        // A passphrase given for a database not there yet makes it encrypted
        // with that passphrase (the store creates it sealed under this key).
        // Never asked for: a prompt there would surprise someone who only
        // mistyped a path.
        if (given) {
            encrypted::useKey(where.file(),
                              encrypted::FileKey::create(crypto::readPassphrase(request)));
        }
        return;
    }
    if (!encrypted::isEncryptedDatabaseFile(where.file())) {
        return;
    }
    if (!from.prompt && !given) {
        return; // the window asks
    }
    const crypto::Secret passphrase = crypto::readPassphrase(request);
    encrypted::useKey(where.file(), encrypted::FileKey::unlock(encrypted::readHeader(where.file()),
                                                               passphrase, where.file().string()));
}

bool namesEncryptedDatabase(const std::string& dbOption) {
    const std::filesystem::path file = resolveDatabasePath(dbOption);
    return DatabaseLocation::parse(file.string()).isServer()
               ? false
               : encrypted::isEncryptedDatabaseFile(file);
}

} // namespace knotmap
