#include "crypto/secret.h"

#include <cstring>
#include <new>
#include <sodium.h>
#include <stdexcept>
#include <utility>

namespace knotmap::crypto {

void requireSodium() {
    // Safe to call again and from several threads: returns 1 once done.
    if (sodium_init() < 0) {
        throw std::runtime_error("cannot initialise libsodium");
    }
}

Secret::Secret(std::size_t size) : m_size(size) {
    requireSodium();
    // sodium_malloc(0) is allowed but returns a guarded pointer all the same.
    m_data = static_cast<unsigned char*>(sodium_malloc(size == 0 ? 1 : size));
    if (m_data == nullptr) {
        throw std::bad_alloc();
    }
    sodium_memzero(m_data, size == 0 ? 1 : size);
}

Secret::Secret(std::string_view bytes) : Secret(bytes.size()) {
    if (!bytes.empty()) {
        std::memcpy(m_data, bytes.data(), bytes.size());
    }
}

Secret::~Secret() {
    if (m_data != nullptr) {
        sodium_free(m_data); // wipes before freeing
    }
}

Secret::Secret(Secret&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}

Secret& Secret::operator=(Secret&& other) noexcept {
    if (this != &other) {
        if (m_data != nullptr) {
            sodium_free(m_data);
        }
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

std::string_view Secret::view() const {
    return {reinterpret_cast<const char*>(m_data), m_size};
}

bool Secret::equals(const Secret& other) const {
    return m_size == other.m_size && sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

} // namespace knotmap::crypto
