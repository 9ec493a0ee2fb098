#pragma once

#include "crypto/sealed_format.h"
#include "crypto/secret.h"

#include <memory>
#include <ostream>
#include <string_view>

namespace knotmap::crypto {

// Writes a sealed file (crypto/sealed_format.h) into out: entries, each a
// name and its bytes, encrypted as they arrive, so nothing in plain text is
// ever kept whole in memory or written anywhere. Errors of out are the
// caller's to check (an OutputFile throws on commit).
class SealWriter {
public:
    // Derives the key from passphrase with a fresh random salt and writes
    // the header. Throws std::runtime_error when libsodium cannot (Argon2id
    // out of memory).
    SealWriter(std::ostream& out, const Secret& passphrase, sealed::Content content,
               sealed::KdfLimits limits = {});
    ~SealWriter();
    SealWriter(const SealWriter&) = delete;
    SealWriter& operator=(const SealWriter&) = delete;

    // Starts an entry; name is 1-255 bytes.
    void beginEntry(std::string_view name);
    // The current entry's bytes: written through this stream (buffered,
    // sealed 64 KiB at a time).
    [[nodiscard]] std::ostream& entry();
    void endEntry();
    // Seals the final message; nothing may be written after it.
    void finish();

private:
    class State;
    std::unique_ptr<State> m_state;
};

} // namespace knotmap::crypto
