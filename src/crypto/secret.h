#pragma once

#include <cstddef>
#include <string_view>

// Secrets (a passphrase, a derived key) live in libsodium's guarded memory:
// locked out of swap where the system allows it, fenced by guard pages, and
// wiped when freed. Nothing here is cryptography of our own.
namespace knotmap::crypto {

// Initialises libsodium once; throws std::runtime_error if it cannot.
void requireSodium();

// A fixed-size block of secret bytes, zeroed on creation and wiped
// (sodium_free) on destruction. Move-only.
class Secret {
public:
    explicit Secret(std::size_t size);
    explicit Secret(std::string_view bytes);
    ~Secret();
    Secret(Secret&& other) noexcept;
    Secret& operator=(Secret&& other) noexcept;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;

    [[nodiscard]] unsigned char* data() { return m_data; }
    [[nodiscard]] const unsigned char* data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] std::string_view view() const;
    [[nodiscard]] bool equals(const Secret& other) const; // in constant time

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace knotmap::crypto
