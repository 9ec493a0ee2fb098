#include "store/encrypted_file/file_key.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <sodium.h>
#include <sqlite3.h>
#include <string_view>
#include <vector>

namespace knotmap::encrypted {
namespace {

// Layout (all little-endian), docs/encryption.md:
//   0  16 magic "KnotmapEncrypted" | 16 1 format version | 17 1 algorithm
//  18   2 zero | 20 4 page size | 24 8 Argon2id opslimit | 32 8 memlimit
//  40  16 salt | 56 24 wrapping nonce | 80 48 wrapped data key (key + tag)
// Bytes 0-55 are bound into the wrapping, so changing the settings or the
// salt fails like a wrong passphrase would. The rest of the 4096 is zero.
constexpr std::string_view kMagic{"KnotmapEncrypted", 16};
constexpr unsigned char kFormatVersion = 1;
constexpr unsigned char kXChaCha20Poly1305 = 1;
constexpr std::size_t kBoundBytes = 56;
constexpr std::size_t kNonceAt = 56;
constexpr std::size_t kWrappedAt = 80;
constexpr std::size_t kWrappedBytes = kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kNonceAt + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == kWrappedAt);
static_assert(crypto_pwhash_SALTBYTES == 16);

// Opened often (every command), so libsodium's interactive setting: 64 MiB
// and two passes, a fraction of a second. Kept in the header, so a later
// version may ask for more without breaking older files.
constexpr std::uint64_t kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::uint64_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void putLittle(unsigned char* at, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        at[i] = static_cast<unsigned char>(value >> (8 * i));
    }
}

std::uint64_t getLittle(const unsigned char* at, int bytes) {
    std::uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) {
        value = (value << 8) | at[i];
    }
    return value;
}

crypto::Secret wrappingKey(const crypto::Secret& passphrase, const Header& header) {
    crypto::Secret key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(passphrase.data()),
                      passphrase.size(), header.data() + 40, getLittle(header.data() + 24, 8),
                      static_cast<std::size_t>(getLittle(header.data() + 32, 8)),
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("not enough memory to derive the key from the passphrase");
    }
    return key;
}

} // namespace

FileKey::FileKey(const Header& header, crypto::Secret dataKey)
    : m_header(header), m_dataKey(std::move(dataKey)) {}

std::shared_ptr<const FileKey> FileKey::create(const crypto::Secret& passphrase) {
    crypto::requireSodium();
    Header header{};
    std::memcpy(header.data(), kMagic.data(), kMagic.size());
    header[16] = kFormatVersion;
    header[17] = kXChaCha20Poly1305;
    putLittle(header.data() + 20, kPageSize, 4);
    putLittle(header.data() + 24, kOpsLimit, 8);
    putLittle(header.data() + 32, kMemLimit, 8);
    randombytes_buf(header.data() + 40, crypto_pwhash_SALTBYTES);
    randombytes_buf(header.data() + kNonceAt, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    crypto::Secret dataKey(kDataKeyBytes);
    crypto_aead_xchacha20poly1305_ietf_keygen(dataKey.data());
    const crypto::Secret wrapping = wrappingKey(passphrase, header);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(header.data() + kWrappedAt, &written, dataKey.data(),
                                               dataKey.size(), header.data(), kBoundBytes, nullptr,
                                               header.data() + kNonceAt, wrapping.data());
    return std::make_shared<const FileKey>(header, std::move(dataKey));
}

std::shared_ptr<const FileKey>
FileKey::unlock(const Header& header, const crypto::Secret& passphrase, const std::string& file) {
    crypto::requireSodium();
    if (std::memcmp(header.data(), kMagic.data(), kMagic.size()) != 0) {
        throw std::runtime_error(file + ": not an encrypted Knotmap database");
    }
    const std::uint64_t ops = getLittle(header.data() + 24, 8);
    const std::uint64_t mem = getLittle(header.data() + 32, 8);
    if (header[16] != kFormatVersion || header[17] != kXChaCha20Poly1305) {
        throw std::runtime_error(file + ": encrypted by a newer Knotmap (format " +
                                 std::to_string(header[16]) + ", algorithm " +
                                 std::to_string(header[17]) + "); update Knotmap to open it");
    }
    // The rest of the header is zero in this format: anything else there
    // is damage (or a newer format), not something to ignore.
    if (std::any_of(header.begin() + kWrappedAt + kWrappedBytes, header.end(),
                    [](unsigned char byte) { return byte != 0; })) {
        throw std::runtime_error(file + ": the encryption header is damaged (bytes after the "
                                        "wrapped key are not zero)");
    }
    // Settings outside these would make deriving the key fail or take hours:
    // a damaged header, said as such rather than hanging.
    if (getLittle(header.data() + 20, 4) != static_cast<std::uint64_t>(kPageSize) ||
        ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_SENSITIVE ||
        mem < crypto_pwhash_MEMLIMIT_MIN || mem > crypto_pwhash_MEMLIMIT_SENSITIVE) {
        throw std::runtime_error(file + ": the encryption header is damaged (its settings are "
                                        "out of range)");
    }
    const crypto::Secret wrapping = wrappingKey(passphrase, header);
    crypto::Secret dataKey(kDataKeyBytes);
    unsigned long long read = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            dataKey.data(), &read, nullptr, header.data() + kWrappedAt, kWrappedBytes,
            header.data(), kBoundBytes, header.data() + kNonceAt, wrapping.data()) != 0) {
        throw WrongPassphrase(file + ": wrong passphrase (or a damaged encryption header); "
                                     "nothing was changed");
    }
    return std::make_shared<const FileKey>(header, std::move(dataKey));
}

namespace {

// The first `count` bytes of the file, read through SQLite's default VFS
// rather than a stream of our own: closing a descriptor of a database file
// drops every POSIX lock this process holds on it (another connection's
// too), and SQLite's unix VFS keeps its descriptors open while locks are
// held. Returns how many bytes were read (0 when the file cannot be opened).
std::size_t readStart(const std::filesystem::path& path, unsigned char* into, int count) {
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    std::vector<char> full(static_cast<std::size_t>(vfs->mxPathname) + 1);
    if (vfs->xFullPathname(vfs, path.c_str(), vfs->mxPathname, full.data()) != SQLITE_OK) {
        return 0;
    }
    std::vector<std::max_align_t> storage(
        (static_cast<std::size_t>(vfs->szOsFile) + sizeof(std::max_align_t) - 1) /
        sizeof(std::max_align_t));
    auto* file = reinterpret_cast<sqlite3_file*>(storage.data());
    int outFlags = 0;
    if (vfs->xOpen(vfs, full.data(), file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &outFlags) !=
        SQLITE_OK) {
        if (file->pMethods != nullptr) {
            file->pMethods->xClose(file);
        }
        return 0;
    }
    sqlite3_int64 size = 0;
    file->pMethods->xFileSize(file, &size);
    const int read = file->pMethods->xRead(file, into, count, 0);
    file->pMethods->xClose(file);
    if (read != SQLITE_OK && read != SQLITE_IOERR_SHORT_READ) {
        return 0;
    }
    return static_cast<std::size_t>(std::min<sqlite3_int64>(size, count));
}

} // namespace

bool isEncryptedDatabaseFile(const std::filesystem::path& path) {
    unsigned char magic[kMagic.size()] = {};
    return readStart(path, magic, static_cast<int>(sizeof magic)) == sizeof magic &&
           std::memcmp(magic, kMagic.data(), kMagic.size()) == 0;
}

Header readHeader(const std::filesystem::path& path) {
    Header header{};
    if (readStart(path, header.data(), static_cast<int>(header.size())) != header.size()) {
        throw std::runtime_error(path.string() +
                                 ": cannot read its encryption header (the file is too short or "
                                 "unreadable)");
    }
    return header;
}

} // namespace knotmap::encrypted
