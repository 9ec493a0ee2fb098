#include "crypto/seal_writer.h"

#include <array>
#include <stdexcept>
#include <streambuf>
#include <string>

namespace knotmap::crypto {
namespace {

void putLittleEndian(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        out += static_cast<char>((value >> (8 * i)) & 0xffU);
    }
}

} // namespace

class SealWriter::State : public std::streambuf {
public:
    State(std::ostream& out, const Secret& passphrase, sealed::Content content,
          sealed::KdfLimits limits)
        : m_out(out), m_plain(sealed::kMessageBytes, '\0'), m_entry(this) {
        requireSodium();
        std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
        randombytes_buf(salt.data(), salt.size());
        m_bound.append(sealed::kMagic);
        m_bound += static_cast<char>(sealed::kVersion);
        m_bound += static_cast<char>(content);
        m_bound += static_cast<char>(crypto_pwhash_ALG_ARGON2ID13);
        m_bound += '\0';
        putLittleEndian(m_bound, limits.opsLimit, 8);
        putLittleEndian(m_bound, limits.memLimit, 8);
        m_bound.append(reinterpret_cast<const char*>(salt.data()), salt.size());

        Secret key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
        if (crypto_pwhash(key.data(), key.size(), passphrase.view().data(), passphrase.size(),
                          salt.data(), limits.opsLimit, static_cast<std::size_t>(limits.memLimit),
                          crypto_pwhash_ALG_ARGON2ID13) != 0) {
            throw std::runtime_error("cannot derive the key from the passphrase: not enough "
                                     "memory for Argon2id");
        }
        std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
        crypto_secretstream_xchacha20poly1305_init_push(&m_stream, header.data(), key.data());
        m_out.write(m_bound.data(), static_cast<std::streamsize>(m_bound.size()));
        m_out.write(reinterpret_cast<const char*>(header.data()),
                    static_cast<std::streamsize>(header.size()));
        setp(m_plain.data(), m_plain.data() + m_plain.size());
    }
    ~State() override {
        sodium_memzero(&m_stream, sizeof m_stream);
        sodium_memzero(m_plain.data(), m_plain.size());
    }
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    void seal(std::string_view plain, unsigned char tag) {
        std::string sealedBytes(plain.size() + crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
        unsigned long long length = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &m_stream, reinterpret_cast<unsigned char*>(sealedBytes.data()), &length,
            reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
            reinterpret_cast<const unsigned char*>(m_bound.data()), m_bound.size(), tag);
        std::string prefix;
        putLittleEndian(prefix, length, 4);
        m_out.write(prefix.data(), 4);
        m_out.write(sealedBytes.data(), static_cast<std::streamsize>(length));
    }

    // Seals what the entry stream buffered, as an ordinary message or, at the
    // entry's end, as the message that closes it.
    void flushEntry(unsigned char tag) {
        const auto size = static_cast<std::size_t>(pptr() - pbase());
        if (size > 0 || tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
            seal({m_plain.data(), size}, tag);
            sodium_memzero(m_plain.data(), size);
        }
        setp(m_plain.data(), m_plain.data() + m_plain.size());
    }

    std::ostream& entry() { return m_entry; }
    bool inEntry = false;
    bool finished = false;

protected:
    int_type overflow(int_type c) override {
        flushEntry(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

private:
    std::ostream& m_out;
    std::string m_bound;
    crypto_secretstream_xchacha20poly1305_state m_stream{};
    std::string m_plain;
    std::ostream m_entry;
};

SealWriter::SealWriter(std::ostream& out, const Secret& passphrase, sealed::Content content,
                       sealed::KdfLimits limits)
    : m_state(std::make_unique<State>(out, passphrase, content, limits)) {}

SealWriter::~SealWriter() = default;

void SealWriter::beginEntry(std::string_view name) {
    if (m_state->inEntry || m_state->finished) {
        throw std::logic_error("SealWriter: an entry is already open");
    }
    if (name.empty() || name.size() > sealed::kMaxNameBytes) {
        throw std::invalid_argument("SealWriter: an entry name is 1 to 255 bytes");
    }
    m_state->seal(name, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    m_state->inEntry = true;
}

std::ostream& SealWriter::entry() {
    return m_state->entry();
}

void SealWriter::endEntry() {
    if (!m_state->inEntry) {
        throw std::logic_error("SealWriter: no entry is open");
    }
    // TAG_PUSH ends the entry: its last bytes, or none.
    m_state->flushEntry(crypto_secretstream_xchacha20poly1305_TAG_PUSH);
    m_state->inEntry = false;
}

void SealWriter::finish() {
    if (m_state->inEntry) {
        endEntry();
    }
    if (!m_state->finished) {
        m_state->seal({}, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
        m_state->finished = true;
    }
}

} // namespace knotmap::crypto
