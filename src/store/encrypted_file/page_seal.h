#pragma once

#include <cstdint>

// Sealing one SQLite page with XChaCha20-Poly1305 (libsodium): the first
// 4056 bytes encrypted in place of the plain ones, then the page's random
// nonce (24) and tag (16) in the 40 bytes SQLite reserves at its end. The
// page's place is bound in as associated data, so a page copied to another
// page number, or from the WAL into the database, fails to open.
namespace knotmap::encrypted {

enum class PageHome : unsigned char { Database = 1, Wal = 2, Journal = 3 };

struct PagePlace {
    PageHome home = PageHome::Database;
    std::uint32_t pageNumber = 0;
    // A WAL frame's salts: a frame is bound to the WAL generation it was
    // written in (zero elsewhere).
    std::uint32_t salt1 = 0;
    std::uint32_t salt2 = 0;
};

// plain and sealed are kPageSize bytes each and must not overlap; plain's
// reserved tail is not read.
void sealPage(const unsigned char* key, const PagePlace& place, const unsigned char* plain,
              unsigned char* sealed);
// False when the page is not what was sealed at this place with this key;
// then plain holds nothing of it. On success the reserved tail reads as zeros,
// as SQLite wrote it (its WAL and journal checksums cover those bytes).
[[nodiscard]] bool openPage(const unsigned char* key, const PagePlace& place,
                            const unsigned char* sealed, unsigned char* plain);

} // namespace knotmap::encrypted
