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

void unlockDatabase(const DatabaseLocation& where) {
    if (where.isServer() || !encrypted::isEncryptedDatabaseFile(where.file()) ||
        encrypted::keyFor(where.file()) != nullptr) {
        return;
    }
    const UnlockSources& from = sources();
    if (!from.prompt && from.passphraseFile.empty() &&
        std::getenv("KNOTMAP_PASSPHRASE") == nullptr) {
        return; // the window asks
    }
    crypto::PassphraseRequest request;
    request.file = from.passphraseFile;
    request.noun = "passphrase of " + where.file().string();
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
