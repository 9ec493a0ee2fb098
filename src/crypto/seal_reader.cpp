#include "crypto/seal_reader.h"

#include <array>
#include <string>

namespace knotmap::crypto {
namespace {

std::uint64_t getLittleEndian(const unsigned char* bytes, int count) {
    std::uint64_t value = 0;
    for (int i = count - 1; i >= 0; --i) {
        value = (value << 8) | bytes[i];
    }
    return value;
}

// Reads up to size bytes; returns how many arrived before the end.
std::size_t readSome(std::istream& in, char* into, std::size_t size) {
    in.read(into, static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(in.gcount());
}

} // namespace

class SealReader::State {
public:
    State(std::istream& in, std::string fileName) : m_in(in), m_name(std::move(fileName)) {}
    ~State() { sodium_memzero(&m_stream, sizeof m_stream); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    [[noreturn]] void fail(const std::string& why) const {
        throw sealed::SealedFileError(m_name + ": " + why);
    }

    void open(const Secret& passphrase) {
        std::array<unsigned char, sealed::kHeaderBytes> header{};
        const std::size_t got =
            readSome(m_in, reinterpret_cast<char*>(header.data()), header.size());
        if (got < sealed::kMagic.size() ||
            std::string_view(reinterpret_cast<const char*>(header.data()), sealed::kMagic.size()) !=
                sealed::kMagic) {
            fail("not a Knotmap encrypted file");
        }
        if (got < header.size()) {
            fail("truncated: it ends inside its header");
        }
        const unsigned char version = header[8];
        if (version != sealed::kVersion) {
            fail("written by a newer Knotmap (encrypted file format " + std::to_string(version) +
                 "; this version reads format " + std::to_string(sealed::kVersion) + ")");
        }
        const unsigned char content = header[9];
        if (content != static_cast<unsigned char>(sealed::Content::ExportArchive) &&
            content != static_cast<unsigned char>(sealed::Content::DatabaseBackup)) {
            fail("damaged: unknown content kind " + std::to_string(content));
        }
        m_content = static_cast<sealed::Content>(content);
        const std::uint64_t ops = getLittleEndian(&header[12], 8);
        const std::uint64_t mem = getLittleEndian(&header[20], 8);
        // A crafted file must not make us spend minutes or gigabytes: no
        // more than the moderate limits Knotmap writes.
        if (header[10] != crypto_pwhash_ALG_ARGON2ID13 || ops < crypto_pwhash_OPSLIMIT_MIN ||
            ops > crypto_pwhash_OPSLIMIT_MODERATE || mem < crypto_pwhash_MEMLIMIT_MIN ||
            mem > crypto_pwhash_MEMLIMIT_MODERATE) {
            fail("damaged: its key derivation settings are out of range");
        }
        m_bound.assign(reinterpret_cast<const char*>(header.data()), sealed::kBoundBytes);
        Secret key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
        if (crypto_pwhash(key.data(), key.size(), passphrase.view().data(), passphrase.size(),
                          &header[28], ops, static_cast<std::size_t>(mem),
                          crypto_pwhash_ALG_ARGON2ID13) != 0) {
            fail("cannot derive the key from the passphrase: not enough memory for Argon2id");
        }
        if (crypto_secretstream_xchacha20poly1305_init_pull(&m_stream, &header[sealed::kBoundBytes],
                                                            key.data()) != 0) {
            fail("damaged: its stream header is invalid");
        }
        m_offset = sealed::kHeaderBytes;
    }

    // The next message and its tag; checks its length and authenticity.
    unsigned char next(std::string& plain) {
        if (m_ended) {
            fail("damaged: it goes on after its final block");
        }
        std::array<unsigned char, 4> prefix{};
        const std::size_t got = readSome(m_in, reinterpret_cast<char*>(prefix.data()), 4);
        if (got < 4) {
            fail("truncated: it ends at byte " + std::to_string(m_offset + got) +
                 " before its final block");
        }
        const std::uint64_t length = getLittleEndian(prefix.data(), 4);
        constexpr std::size_t kTag = crypto_secretstream_xchacha20poly1305_ABYTES;
        if (length < kTag || length > sealed::kMessageBytes + kTag) {
            fail(m_first ? "wrong passphrase, or the file is damaged"
                         : "damaged at byte " + std::to_string(m_offset) +
                               ": a block has an impossible length");
        }
        std::string sealedBytes(length, '\0');
        const std::size_t body = readSome(m_in, sealedBytes.data(), sealedBytes.size());
        if (body < sealedBytes.size()) {
            fail("truncated: it ends at byte " + std::to_string(m_offset + 4 + body) +
                 " inside a block");
        }
        plain.resize(length - kTag);
        unsigned long long plainLength = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &m_stream, reinterpret_cast<unsigned char*>(plain.data()), &plainLength, &tag,
                reinterpret_cast<const unsigned char*>(sealedBytes.data()), sealedBytes.size(),
                reinterpret_cast<const unsigned char*>(m_bound.data()), m_bound.size()) != 0) {
            fail(m_first ? "wrong passphrase, or the file is damaged"
                         : "damaged at byte " + std::to_string(m_offset) +
                               ": a block fails its authentication check");
        }
        plain.resize(plainLength);
        m_first = false;
        m_offset += 4 + length;
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            m_ended = true;
        }
        return tag;
    }

    void checkNothingFollows() {
        char extra = 0;
        if (readSome(m_in, &extra, 1) != 0) {
            fail("damaged: bytes follow its final block");
        }
    }

    sealed::Content m_content = sealed::Content::ExportArchive;
    bool m_inEntry = false;

private:
    std::istream& m_in;
    std::string m_name;
    std::string m_bound;
    crypto_secretstream_xchacha20poly1305_state m_stream{};
    std::uint64_t m_offset = 0;
    bool m_first = true;
    bool m_ended = false;
};

SealReader::SealReader(std::istream& in, std::string fileName, const Secret& passphrase)
    : m_state(std::make_unique<State>(in, std::move(fileName))) {
    requireSodium();
    m_state->open(passphrase);
}

SealReader::~SealReader() = default;

sealed::Content SealReader::content() const {
    return m_state->m_content;
}

std::optional<std::string> SealReader::nextEntry() {
    if (m_state->m_inEntry) {
        readEntry([](std::string_view) {}); // skip the rest of the current one
    }
    std::string name;
    const unsigned char tag = m_state->next(name);
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        if (!name.empty()) {
            m_state->fail("damaged: its final block holds data");
        }
        m_state->checkNothingFollows();
        return std::nullopt;
    }
    if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE || name.empty() ||
        name.size() > sealed::kMaxNameBytes) {
        m_state->fail("damaged: an entry does not start with its name");
    }
    m_state->m_inEntry = true;
    return name;
}

void SealReader::readEntry(const std::function<void(std::string_view)>& sink) {
    if (!m_state->m_inEntry) {
        return;
    }
    std::string plain;
    for (;;) {
        const unsigned char tag = m_state->next(plain);
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            m_state->fail("damaged: it ends inside an entry");
        }
        if (!plain.empty()) {
            sink(plain);
        }
        sodium_memzero(plain.data(), plain.size());
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_PUSH) {
            break;
        }
    }
    m_state->m_inEntry = false;
}

std::optional<sealed::Content> SealReader::peek(std::istream& in) {
    std::array<char, 10> start{};
    if (readSome(in, start.data(), start.size()) < start.size() ||
        std::string_view(start.data(), sealed::kMagic.size()) != sealed::kMagic) {
        return std::nullopt;
    }
    return static_cast<sealed::Content>(static_cast<unsigned char>(start[9]));
}

} // namespace knotmap::crypto
