#pragma once

#include "crypto/secret.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

// The key of an encrypted database file and the plain header that holds it
// wrapped (docs/encryption.md, "The file"). The first 4096 bytes of such a
// file are this header; SQLite's pages follow, each sealed on its own.
namespace knotmap::encrypted {

inline constexpr std::size_t kHeaderBytes = 4096;
inline constexpr int kPageSize = 4096;
// The bytes SQLite leaves unused at the end of every page: the page's
// nonce (24) and authentication tag (16).
inline constexpr int kReservedBytes = 40;
inline constexpr std::size_t kDataKeyBytes = 32;

using Header = std::array<unsigned char, kHeaderBytes>;

// Refused: a wrong passphrase (the message says so and names the file).
class WrongPassphrase : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The data key every page is sealed with, and the header it came from.
class FileKey {
public:
    // A fresh random data key, wrapped under a key derived from passphrase
    // with Argon2id and a fresh random salt.
    [[nodiscard]] static std::shared_ptr<const FileKey> create(const crypto::Secret& passphrase);
    // Unwraps the data key of header with passphrase. Throws WrongPassphrase,
    // or std::runtime_error naming `file` when the header is not one of ours
    // or its settings are out of range.
    [[nodiscard]] static std::shared_ptr<const FileKey>
    unlock(const Header& header, const crypto::Secret& passphrase, const std::string& file);

    [[nodiscard]] const Header& header() const { return m_header; }
    [[nodiscard]] const unsigned char* dataKey() const { return m_dataKey.data(); }

    FileKey(const Header& header, crypto::Secret dataKey);

private:
    Header m_header;
    crypto::Secret m_dataKey;
};

// True when the file starts with an encrypted database's header (a file
// shorter than the magic, or unreadable, is not one).
[[nodiscard]] bool isEncryptedDatabaseFile(const std::filesystem::path& path);
// The header of an encrypted file; throws std::runtime_error naming the file.
[[nodiscard]] Header readHeader(const std::filesystem::path& path);

} // namespace knotmap::encrypted
