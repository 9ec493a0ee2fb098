#pragma once

#include <cstddef>
#include <cstdint>
#include <sodium.h>
#include <stdexcept>
#include <string_view>

// Knotmap's encrypted file ("sealed file"), described byte by byte in
// docs/encrypted-files.md. In short: a 68-byte header (magic, version, what
// it holds, Argon2id settings and salt, the secretstream header), then
// messages sealed with libsodium's crypto_secretstream_xchacha20poly1305,
// each stored as a 4-byte little-endian length and the ciphertext, every one
// authenticated together with the header's first 44 bytes.
namespace knotmap::crypto::sealed {

inline constexpr std::string_view kMagic{"KNOTSEAL", 8};
inline constexpr std::uint8_t kVersion = 1;

// What the stream holds, so `decrypt` and `restore` know what to write.
enum class Content : std::uint8_t {
    ExportArchive = 1,  // CSV files of an export, one entry each
    DatabaseBackup = 2, // one SQLite database file
};

// Plaintext bytes per content message; a reader refuses a longer one.
inline constexpr std::size_t kMessageBytes = 64 * 1024;
// Bytes bound into every message: magic, version, content, algorithm,
// reserved byte, opslimit, memlimit, salt.
inline constexpr std::size_t kBoundBytes = 8 + 4 + 8 + 8 + crypto_pwhash_SALTBYTES;
inline constexpr std::size_t kHeaderBytes =
    kBoundBytes + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
// Longest entry name (a file name inside an export archive).
inline constexpr std::size_t kMaxNameBytes = 255;

// Argon2id's work and memory for one key derivation.
struct KdfLimits {
    std::uint64_t opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
    std::uint64_t memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
};

// A sealed file that cannot be read: wrong passphrase, damaged, truncated,
// not one at all. The message names the file.
class SealedFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace knotmap::crypto::sealed
