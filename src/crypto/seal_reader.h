#pragma once

#include "crypto/sealed_format.h"
#include "crypto/secret.h"

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace knotmap::crypto {

// Reads a sealed file written by SealWriter, checking every message as it
// comes. Every failure throws sealed::SealedFileError naming the file; a
// caller writes what it reads only to a temporary it drops on error, so a
// damaged file never yields a partial result.
class SealReader {
public:
    // Reads and checks the header, derives the key and opens the stream.
    // The passphrase is checked with the first message, by nextEntry().
    SealReader(std::istream& in, std::string fileName, const Secret& passphrase);
    ~SealReader();
    SealReader(const SealReader&) = delete;
    SealReader& operator=(const SealReader&) = delete;

    [[nodiscard]] sealed::Content content() const;
    // The next entry's name; std::nullopt after the final message, once the
    // file is checked to end there.
    [[nodiscard]] std::optional<std::string> nextEntry();
    // Hands the current entry's bytes to sink, piece by piece, to its end.
    void readEntry(const std::function<void(std::string_view)>& sink);

    // Reads only the header: is this a sealed file, and of what kind?
    // std::nullopt for a file of another kind.
    [[nodiscard]] static std::optional<sealed::Content> peek(std::istream& in);

private:
    class State;
    std::unique_ptr<State> m_state;
};

} // namespace knotmap::crypto
