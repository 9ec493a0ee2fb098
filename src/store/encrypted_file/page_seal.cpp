#include "store/encrypted_file/page_seal.h"

#include "store/encrypted_file/file_key.h"

#include <cstring>
#include <sodium.h>

namespace knotmap::encrypted {
namespace {

constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kNonceBytes + kTagBytes == kReservedBytes);
constexpr int kBodyBytes = kPageSize - kReservedBytes;

using AssociatedData = unsigned char[17];

void describe(const PagePlace& place, AssociatedData& data) {
    std::memcpy(data, "KMpg", 4);
    data[4] = static_cast<unsigned char>(place.home);
    const std::uint32_t words[3] = {place.pageNumber, place.salt1, place.salt2};
    for (int word = 0; word < 3; ++word) {
        for (int byte = 0; byte < 4; ++byte) {
            data[5 + 4 * word + byte] = static_cast<unsigned char>(words[word] >> (8 * byte));
        }
    }
}

} // namespace

void sealPage(const unsigned char* key, const PagePlace& place, const unsigned char* plain,
              unsigned char* sealed) {
    AssociatedData data;
    describe(place, data);
    unsigned char* nonce = sealed + kBodyBytes;
    unsigned char* tag = nonce + kNonceBytes;
    randombytes_buf(nonce, kNonceBytes); // 192 random bits: never repeats in practice
    unsigned long long tagBytes = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(sealed, tag, &tagBytes, plain, kBodyBytes,
                                                        data, sizeof data, nullptr, nonce, key);
}

bool openPage(const unsigned char* key, const PagePlace& place, const unsigned char* sealed,
              unsigned char* plain) {
    AssociatedData data;
    describe(place, data);
    const unsigned char* nonce = sealed + kBodyBytes;
    const unsigned char* tag = nonce + kNonceBytes;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(plain, nullptr, sealed, kBodyBytes, tag,
                                                            data, sizeof data, nonce, key) != 0) {
        return false;
    }
    std::memset(plain + kBodyBytes, 0, kReservedBytes);
    return true;
}

} // namespace knotmap::encrypted
