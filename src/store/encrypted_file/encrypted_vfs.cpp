#include "store/encrypted_file/encrypted_vfs.h"

#include "store/encrypted_file/page_seal.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <sodium.h>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace knotmap::encrypted {
namespace {

constexpr sqlite3_int64 kPage = kPageSize;
constexpr sqlite3_int64 kHeader = static_cast<sqlite3_int64>(kHeaderBytes);
constexpr sqlite3_int64 kWalHeader = 32;
constexpr sqlite3_int64 kWalFrameHeader = 24;
constexpr sqlite3_int64 kWalFrame = kWalFrameHeader + kPage;

// What an opened file is to us.
enum class Role {
    Database, // pages sealed, after our header
    Wal,      // frame pages sealed, headers plain (SQLite's checksums are over plain pages)
    Journal,  // rollback journal records' pages sealed
    Scratch,  // temporary files: XChaCha20 by offset under a random key of their own
    Plain,    // a super-journal: file names only
};

struct Registry {
    std::mutex lock;
    std::map<std::string, std::shared_ptr<const FileKey>> keys; // by SQLite's full path
};

Registry& registry() {
    static Registry* instance = new Registry; // never destroyed: SQLite may close files late
    return *instance;
}

sqlite3_vfs* realVfs() {
    static sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    return real;
}

// SQLite's full path for path, as xOpen will be given it.
std::string fullPath(const std::filesystem::path& path) {
    sqlite3_vfs* real = realVfs();
    std::vector<char> full(static_cast<std::size_t>(real->mxPathname) + 1);
    if (real->xFullPathname(real, path.c_str(), real->mxPathname, full.data()) != SQLITE_OK) {
        return std::filesystem::absolute(path).lexically_normal().string();
    }
    return full.data();
}

struct alignas(8) EncryptedFile {
    sqlite3_file base;
    sqlite3_file* real;
    Role role;
    std::shared_ptr<const FileKey>* key;                       // Database, Wal, Journal
    unsigned char streamKey[crypto_stream_xchacha20_KEYBYTES]; // Scratch
    unsigned char streamNonce[crypto_stream_xchacha20_NONCEBYTES];
};

const sqlite3_io_methods* encryptedMethods();

std::atomic<long> failures{0};
void noteFailure() {
    failures.fetch_add(1, std::memory_order_relaxed);
}

EncryptedFile* ours(sqlite3_file* file) {
    return reinterpret_cast<EncryptedFile*>(file);
}
sqlite3_file* realOf(sqlite3_file* file) {
    return ours(file)->real;
}
const unsigned char* dataKey(const EncryptedFile* file) {
    return (*file->key)->dataKey();
}

std::uint32_t bigEndian(const unsigned char* at) {
    return (std::uint32_t{at[0]} << 24) | (std::uint32_t{at[1]} << 16) |
           (std::uint32_t{at[2]} << 8) | std::uint32_t{at[3]};
}

bool allZero(const unsigned char* bytes, sqlite3_int64 count) {
    return std::all_of(bytes, bytes + count, [](unsigned char byte) { return byte == 0; });
}

int readReal(EncryptedFile* file, void* into, sqlite3_int64 amount, sqlite3_int64 offset) {
    return file->real->pMethods->xRead(file->real, into, static_cast<int>(amount), offset);
}

int writeReal(EncryptedFile* file, const void* from, sqlite3_int64 amount, sqlite3_int64 offset) {
    return file->real->pMethods->xWrite(file->real, from, static_cast<int>(amount), offset);
}

// --- the database file --------------------------------------------------------

int readDatabase(EncryptedFile* file, unsigned char* into, int amount, sqlite3_int64 offset) {
    bool shortRead = false;
    unsigned char sealed[kPageSize];
    unsigned char plain[kPageSize];
    while (amount > 0) {
        const sqlite3_int64 index = offset / kPage;
        const sqlite3_int64 within = offset % kPage;
        const int count = static_cast<int>(std::min<sqlite3_int64>(amount, kPage - within));
        const int rc = readReal(file, sealed, kPage, kHeader + index * kPage);
        if (rc == SQLITE_IOERR_SHORT_READ && allZero(sealed, kPage)) {
            std::memset(into, 0, static_cast<std::size_t>(count)); // past the end: a new page
            shortRead = true;
        } else if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
            return rc;
        } else if (!openPage(dataKey(file),
                             {PageHome::Database, static_cast<std::uint32_t>(index + 1)}, sealed,
                             plain)) {
            // Changed, moved, cut short or sealed with another key: never data.
            noteFailure();
            return SQLITE_IOERR_DATA;
        } else {
            std::memcpy(into, plain + within, static_cast<std::size_t>(count));
        }
        into += count;
        offset += count;
        amount -= count;
    }
    return shortRead ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int writeDatabase(EncryptedFile* file, const unsigned char* from, int amount,
                  sqlite3_int64 offset) {
    if (offset % kPage != 0 || amount % kPage != 0) {
        return SQLITE_IOERR_WRITE; // only whole pages can be sealed
    }
    unsigned char sealed[kPageSize];
    for (int done = 0; done < amount; done += kPageSize) {
        const sqlite3_int64 index = (offset + done) / kPage;
        const unsigned char* plain = from + done;
        // Page 1 must say 4096-byte pages with our 40 reserved bytes: a page
        // laid out otherwise (a plain file's, copied in by the backup API)
        // would lose its last 40 bytes to the nonce and tag.
        if (index == 0 && (plain[16] != (kPageSize >> 8) || plain[17] != (kPageSize & 0xff) ||
                           plain[20] != kReservedBytes)) {
            return SQLITE_IOERR_WRITE;
        }
        sealPage(dataKey(file), {PageHome::Database, static_cast<std::uint32_t>(index + 1)}, plain,
                 sealed);
        if (const int rc = writeReal(file, sealed, kPage, kHeader + index * kPage);
            rc != SQLITE_OK) {
            return rc;
        }
    }
    return SQLITE_OK;
}

// --- the WAL: a 32-byte header, then frames of a 24-byte header and a page ----

// The place of the frame whose 24-byte header is at `header`.
PagePlace framePlace(const unsigned char* header) {
    return {PageHome::Wal, bigEndian(header), bigEndian(header + 8), bigEndian(header + 12)};
}

// The same, for sealing or opening the frame's page in a live WAL. Once a
// transaction has rewritten one of its own frames in place, SQLite writes
// the frames after it with zero salts and checksums and fills them in only
// at commit, rewriting the headers but not the pages. Such a page is sealed
// with the WAL header's salts, which its header will carry once committed;
// so it opens both before and after the commit. (Sealing with the zeros
// lost whole transactions: their pages no longer opened once committed.)
int livePlace(EncryptedFile* file, const unsigned char* header, PagePlace& place) {
    place = framePlace(header);
    if (place.salt1 != 0 || place.salt2 != 0) {
        return SQLITE_OK;
    }
    unsigned char walHeader[kWalHeader];
    if (const int rc = readReal(file, walHeader, kWalHeader, 0); rc != SQLITE_OK) {
        return rc;
    }
    place.salt1 = bigEndian(walHeader + 16);
    place.salt2 = bigEndian(walHeader + 20);
    return SQLITE_OK;
}

// Whether a later frame of the WAL's current generation opens and ends a
// transaction: then the frame at frameStart, which did not open, lies inside
// committed work and was changed. Otherwise it is what a crash leaves (a
// torn write, or after a power cut any unsynced frame of the last,
// uncommitted transaction), and SQLite stops before it, as it would at a bad
// checksum.
bool committedFrameFollows(EncryptedFile* file, sqlite3_int64 frameStart) {
    unsigned char walHeader[kWalHeader];
    if (readReal(file, walHeader, kWalHeader, 0) != SQLITE_OK) {
        return false;
    }
    std::vector<unsigned char> frame(static_cast<std::size_t>(kWalFrame));
    unsigned char plain[kPageSize];
    for (sqlite3_int64 at = frameStart + kWalFrame;; at += kWalFrame) {
        if (readReal(file, frame.data(), kWalFrame, at) != SQLITE_OK ||
            std::memcmp(walHeader + 16, frame.data() + 8, 8) != 0) {
            return false; // the end of this generation's frames
        }
        if (bigEndian(frame.data() + 4) != 0 && openPage(dataKey(file), framePlace(frame.data()),
                                                         frame.data() + kWalFrameHeader, plain)) {
            return true;
        }
    }
}

int readWal(EncryptedFile* file, unsigned char* into, int amount, sqlite3_int64 offset) {
    const sqlite3_int64 within = offset < kWalHeader ? -1 : (offset - kWalHeader) % kWalFrame;
    if (within == -1 || within + amount <= kWalFrameHeader) {
        return readReal(file, into, amount, offset); // headers are plain
    }
    unsigned char plain[kPageSize];
    if (within == kWalFrameHeader && amount == kPageSize) { // a frame's page, as read for a query
        unsigned char header[kWalFrameHeader];
        unsigned char sealed[kPageSize];
        PagePlace place;
        int rc = readReal(file, header, kWalFrameHeader, offset - kWalFrameHeader);
        if (rc == SQLITE_OK) {
            rc = readReal(file, sealed, kPage, offset);
        }
        if (rc == SQLITE_OK) {
            rc = livePlace(file, header, place);
        }
        if (rc != SQLITE_OK) {
            return rc;
        }
        if (!openPage(dataKey(file), place, sealed, plain)) {
            noteFailure();
            return SQLITE_IOERR_DATA;
        }
        std::memcpy(into, plain, kPageSize);
        return SQLITE_OK;
    }
    if (within == 0 && amount == kWalFrame) { // a whole frame, as recovery reads it
        if (const int rc = readReal(file, into, amount, offset); rc != SQLITE_OK) {
            return rc;
        }
        if (allZero(into, kWalFrame)) {
            return SQLITE_OK; // never written: SQLite stops at its zero salts
        }
        PagePlace place;
        if (const int rc = livePlace(file, into, place); rc != SQLITE_OK) {
            return rc;
        }
        if (!openPage(dataKey(file), place, into + kWalFrameHeader, plain)) {
            if (committedFrameFollows(file, offset)) {
                noteFailure();
                return SQLITE_IOERR_DATA;
            }
            // Cut short by a crash: SQLite must stop before it, as it does at
            // a bad checksum, so its salt is made not to match.
            into[8] ^= 0xff;
            return SQLITE_OK;
        }
        std::memcpy(into + kWalFrameHeader, plain, kPageSize);
        return SQLITE_OK;
    }
    return SQLITE_IOERR_READ; // SQLite reads the WAL in no other pieces
}

int writeWal(EncryptedFile* file, const unsigned char* from, int amount, sqlite3_int64 offset) {
    const sqlite3_int64 within = offset < kWalHeader ? -1 : (offset - kWalHeader) % kWalFrame;
    if (within == -1 || within + amount <= kWalFrameHeader) {
        return writeReal(file, from, amount, offset);
    }
    unsigned char sealed[kPageSize];
    if (within == kWalFrameHeader && amount == kPageSize) { // its header was written first
        unsigned char header[kWalFrameHeader];
        PagePlace place;
        int rc = readReal(file, header, kWalFrameHeader, offset - kWalFrameHeader);
        if (rc == SQLITE_OK) {
            rc = livePlace(file, header, place);
        }
        if (rc != SQLITE_OK) {
            return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_WRITE : rc;
        }
        sealPage(dataKey(file), place, from, sealed);
        return writeReal(file, sealed, kPage, offset);
    }
    if (within == 0 && amount == kWalFrame) {
        PagePlace place;
        if (const int rc = livePlace(file, from, place); rc != SQLITE_OK) {
            return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_WRITE : rc;
        }
        if (const int rc = writeReal(file, from, kWalFrameHeader, offset); rc != SQLITE_OK) {
            return rc;
        }
        sealPage(dataKey(file), place, from + kWalFrameHeader, sealed);
        return writeReal(file, sealed, kPage, offset + kWalFrameHeader);
    }
    return SQLITE_IOERR_WRITE;
}

// --- the rollback journal: records of a page number, the page, a checksum ----
// A page is the only page-sized piece at an offset of 4 modulo 8 (headers
// start on sector boundaries, records are page + 8 bytes long).

bool journalPage(int amount, sqlite3_int64 offset) {
    return amount == kPageSize && offset % 8 == 4;
}

int readJournal(EncryptedFile* file, unsigned char* into, int amount, sqlite3_int64 offset) {
    if (!journalPage(amount, offset)) {
        return readReal(file, into, amount, offset);
    }
    unsigned char number[4];
    unsigned char sealed[kPageSize];
    int rc = readReal(file, number, 4, offset - 4);
    if (rc == SQLITE_OK) {
        rc = readReal(file, sealed, kPage, offset);
    }
    if (rc != SQLITE_OK) {
        return rc;
    }
    if (!openPage(dataKey(file), {PageHome::Journal, bigEndian(number)}, sealed, into)) {
        noteFailure();
        return SQLITE_IOERR_DATA;
    }
    return SQLITE_OK;
}

int writeJournal(EncryptedFile* file, const unsigned char* from, int amount, sqlite3_int64 offset) {
    if (!journalPage(amount, offset)) {
        return writeReal(file, from, amount, offset);
    }
    unsigned char number[4];
    if (const int rc = readReal(file, number, 4, offset - 4); rc != SQLITE_OK) {
        return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_WRITE : rc;
    }
    unsigned char sealed[kPageSize];
    sealPage(dataKey(file), {PageHome::Journal, bigEndian(number)}, from, sealed);
    return writeReal(file, sealed, kPage, offset);
}

// --- temporary files: a keystream by offset (they never outlive the process) --

void xorStream(const EncryptedFile* file, unsigned char* bytes, int amount, sqlite3_int64 offset) {
    // The keystream comes in 64-byte blocks: start at the block holding offset.
    const auto skip = static_cast<std::size_t>(offset % 64);
    std::vector<unsigned char> buffer(skip + static_cast<std::size_t>(amount), 0);
    std::memcpy(buffer.data() + skip, bytes, static_cast<std::size_t>(amount));
    crypto_stream_xchacha20_xor_ic(buffer.data(), buffer.data(), buffer.size(), file->streamNonce,
                                   static_cast<std::uint64_t>(offset / 64), file->streamKey);
    std::memcpy(bytes, buffer.data() + skip, static_cast<std::size_t>(amount));
}

int readScratch(EncryptedFile* file, unsigned char* into, int amount, sqlite3_int64 offset) {
    const int rc = readReal(file, into, amount, offset);
    if (rc == SQLITE_OK) {
        xorStream(file, into, amount, offset);
    } else if (rc == SQLITE_IOERR_SHORT_READ) {
        // What was there decrypted; the zeros SQLite expects past the end kept.
        std::vector<unsigned char> copy(into, into + amount);
        xorStream(file, copy.data(), amount, offset);
        sqlite3_int64 size = 0;
        file->real->pMethods->xFileSize(file->real, &size);
        const auto present = static_cast<int>(std::clamp<sqlite3_int64>(size - offset, 0, amount));
        std::memcpy(into, copy.data(), static_cast<std::size_t>(present));
    }
    return rc;
}

int writeScratch(EncryptedFile* file, const unsigned char* from, int amount, sqlite3_int64 offset) {
    std::vector<unsigned char> copy(from, from + amount);
    xorStream(file, copy.data(), amount, offset);
    return writeReal(file, copy.data(), amount, offset);
}

// --- sqlite3_io_methods -------------------------------------------------------------

int encryptedClose(sqlite3_file* handle) {
    EncryptedFile* file = ours(handle);
    const int rc =
        file->real->pMethods != nullptr ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    delete file->key;
    file->key = nullptr;
    sodium_memzero(file->streamKey, sizeof file->streamKey);
    return rc;
}

int encryptedRead(sqlite3_file* handle, void* into, int amount, sqlite3_int64 offset) {
    EncryptedFile* file = ours(handle);
    auto* bytes = static_cast<unsigned char*>(into);
    switch (file->role) {
    case Role::Database:
        return readDatabase(file, bytes, amount, offset);
    case Role::Wal:
        return readWal(file, bytes, amount, offset);
    case Role::Journal:
        return readJournal(file, bytes, amount, offset);
    case Role::Scratch:
        return readScratch(file, bytes, amount, offset);
    case Role::Plain:
        break;
    }
    return readReal(file, into, amount, offset);
}

int encryptedWrite(sqlite3_file* handle, const void* from, int amount, sqlite3_int64 offset) {
    EncryptedFile* file = ours(handle);
    const auto* bytes = static_cast<const unsigned char*>(from);
    switch (file->role) {
    case Role::Database:
        return writeDatabase(file, bytes, amount, offset);
    case Role::Wal:
        return writeWal(file, bytes, amount, offset);
    case Role::Journal:
        return writeJournal(file, bytes, amount, offset);
    case Role::Scratch:
        return writeScratch(file, bytes, amount, offset);
    case Role::Plain:
        break;
    }
    return writeReal(file, from, amount, offset);
}

sqlite3_int64 shift(sqlite3_file* handle) {
    return ours(handle)->role == Role::Database ? kHeader : 0;
}

int encryptedTruncate(sqlite3_file* handle, sqlite3_int64 size) {
    return realOf(handle)->pMethods->xTruncate(realOf(handle), size + shift(handle));
}

int encryptedSync(sqlite3_file* handle, int flags) {
    return realOf(handle)->pMethods->xSync(realOf(handle), flags);
}

int encryptedFileSize(sqlite3_file* handle, sqlite3_int64* size) {
    const int rc = realOf(handle)->pMethods->xFileSize(realOf(handle), size);
    if (rc == SQLITE_OK) {
        *size = std::max<sqlite3_int64>(0, *size - shift(handle));
    }
    return rc;
}

int encryptedLock(sqlite3_file* handle, int level) {
    return realOf(handle)->pMethods->xLock(realOf(handle), level);
}

int encryptedUnlock(sqlite3_file* handle, int level) {
    return realOf(handle)->pMethods->xUnlock(realOf(handle), level);
}

int encryptedCheckReservedLock(sqlite3_file* handle, int* reserved) {
    return realOf(handle)->pMethods->xCheckReservedLock(realOf(handle), reserved);
}

int encryptedFileControl(sqlite3_file* handle, int op, void* argument) {
    if (op == SQLITE_FCNTL_SIZE_HINT && shift(handle) != 0) {
        sqlite3_int64 size = *static_cast<sqlite3_int64*>(argument) + shift(handle);
        return realOf(handle)->pMethods->xFileControl(realOf(handle), op, &size);
    }
    if (op == SQLITE_FCNTL_PRAGMA) {
        // Sealing is for 4096-byte pages: another page size is refused.
        char** words = static_cast<char**>(argument);
        if (words[1] != nullptr && words[2] != nullptr &&
            sqlite3_stricmp(words[1], "page_size") == 0 &&
            std::strtol(words[2], nullptr, 10) != kPageSize) {
            words[0] = sqlite3_mprintf("an encrypted database keeps 4096-byte pages");
            return SQLITE_ERROR;
        }
    }
    return realOf(handle)->pMethods->xFileControl(realOf(handle), op, argument);
}

int encryptedSectorSize(sqlite3_file* handle) {
    return realOf(handle)->pMethods->xSectorSize(realOf(handle));
}

int encryptedDeviceCharacteristics(sqlite3_file* handle) {
    return realOf(handle)->pMethods->xDeviceCharacteristics(realOf(handle));
}

int encryptedShmMap(sqlite3_file* handle, int region, int size, int extend, void volatile** at) {
    return realOf(handle)->pMethods->xShmMap(realOf(handle), region, size, extend, at);
}

int encryptedShmLock(sqlite3_file* handle, int offset, int count, int flags) {
    return realOf(handle)->pMethods->xShmLock(realOf(handle), offset, count, flags);
}

void encryptedShmBarrier(sqlite3_file* handle) {
    realOf(handle)->pMethods->xShmBarrier(realOf(handle));
}

int encryptedShmUnmap(sqlite3_file* handle, int deleteFlag) {
    return realOf(handle)->pMethods->xShmUnmap(realOf(handle), deleteFlag);
}

const sqlite3_io_methods* encryptedMethods() {
    // Version 2: no xFetch, so SQLite never maps the file into memory (a
    // mapped page would be read sealed).
    static const sqlite3_io_methods methods = {
        2,
        encryptedClose,
        encryptedRead,
        encryptedWrite,
        encryptedTruncate,
        encryptedSync,
        encryptedFileSize,
        encryptedLock,
        encryptedUnlock,
        encryptedCheckReservedLock,
        encryptedFileControl,
        encryptedSectorSize,
        encryptedDeviceCharacteristics,
        encryptedShmMap,
        encryptedShmLock,
        encryptedShmBarrier,
        encryptedShmUnmap,
        nullptr,
        nullptr,
    };
    return &methods;
}

// --- sqlite3_vfs --------------------------------------------------------------------------

// The key given for the file called name (SQLite's full path), or else the
// one whose header the file starts with: a backup or copy of an encrypted
// database carries its header, so it opens with the same passphrase.
std::shared_ptr<const FileKey> registeredKey(const std::string& name) {
    Registry& keys = registry();
    {
        const std::lock_guard hold(keys.lock);
        if (const auto found = keys.keys.find(name); found != keys.keys.end()) {
            return found->second;
        }
        if (keys.keys.empty()) {
            return nullptr;
        }
    }
    if (!isEncryptedDatabaseFile(name)) {
        return nullptr;
    }
    Header header{};
    try {
        header = readHeader(name);
    } catch (const std::runtime_error&) {
        return nullptr;
    }
    const std::lock_guard hold(keys.lock);
    for (const auto& [path, key] : keys.keys) {
        if (key->header() == header) {
            return key;
        }
    }
    return nullptr;
}

// The database a WAL or journal belongs to, when it was opened through us.
EncryptedFile* databaseOf(const char* name) {
    sqlite3_file* database = sqlite3_database_file_object(name);
    if (database == nullptr || database->pMethods != encryptedMethods()) {
        return nullptr;
    }
    EncryptedFile* file = ours(database);
    return file->role == Role::Database ? file : nullptr;
}

// A new database file gets the key's header; an existing one must have it.
int checkHeader(EncryptedFile* file, int flags) {
    sqlite3_int64 size = 0;
    if (const int rc = file->real->pMethods->xFileSize(file->real, &size); rc != SQLITE_OK) {
        return rc;
    }
    const Header& expected = (*file->key)->header();
    if (size == 0) {
        return (flags & SQLITE_OPEN_READWRITE) != 0 ? writeReal(file, expected.data(), kHeader, 0)
                                                    : SQLITE_OK;
    }
    Header header{};
    if (size < kHeader || readReal(file, header.data(), kHeader, 0) != SQLITE_OK ||
        header != expected) {
        return SQLITE_NOTADB; // not this key's file
    }
    // Pages are only ever written whole: a part of one is a file cut short.
    if ((size - kHeader) % kPage != 0) {
        noteFailure();
        return SQLITE_IOERR_DATA;
    }
    return SQLITE_OK;
}

int encryptedOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* handle, int flags,
                  int* outFlags) {
    auto* file = ours(handle);
    file->base.pMethods = nullptr;
    file->real = reinterpret_cast<sqlite3_file*>(file + 1);
    file->key = nullptr;
    std::shared_ptr<const FileKey> key;
    if ((flags & SQLITE_OPEN_MAIN_DB) != 0) {
        file->role = Role::Database;
        key = name != nullptr ? registeredKey(name) : nullptr;
    } else if ((flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) != 0) {
        file->role = (flags & SQLITE_OPEN_WAL) != 0 ? Role::Wal : Role::Journal;
        if (EncryptedFile* database = databaseOf(name)) {
            key = *database->key;
        }
    } else if ((flags & SQLITE_OPEN_SUPER_JOURNAL) != 0) {
        file->role = Role::Plain;
    } else {
        file->role = Role::Scratch;
        randombytes_buf(file->streamKey, sizeof file->streamKey);
        randombytes_buf(file->streamNonce, sizeof file->streamNonce);
    }
    if (file->role != Role::Plain && file->role != Role::Scratch && key == nullptr) {
        return SQLITE_AUTH; // no key given for this file: nothing is read in plain
    }
    sqlite3_vfs* real = static_cast<sqlite3_vfs*>(vfs->pAppData);
    if (const int rc = real->xOpen(real, name, file->real, flags, outFlags); rc != SQLITE_OK) {
        return rc;
    }
    if (key != nullptr) {
        file->key = new std::shared_ptr<const FileKey>(std::move(key));
    }
    file->base.pMethods = encryptedMethods();
    if (file->role == Role::Database) {
        if (const int rc = checkHeader(file, flags); rc != SQLITE_OK) {
            encryptedClose(handle);
            file->base.pMethods = nullptr;
            return rc;
        }
    }
    return SQLITE_OK;
}

sqlite3_vfs* real(sqlite3_vfs* vfs) {
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

int encryptedDelete(sqlite3_vfs* vfs, const char* name, int syncDirectory) {
    return real(vfs)->xDelete(real(vfs), name, syncDirectory);
}
int encryptedAccess(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
    return real(vfs)->xAccess(real(vfs), name, flags, result);
}
int encryptedFullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return real(vfs)->xFullPathname(real(vfs), name, size, out);
}
void* encryptedDlOpen(sqlite3_vfs* vfs, const char* name) {
    return real(vfs)->xDlOpen(real(vfs), name);
}
void encryptedDlError(sqlite3_vfs* vfs, int size, char* message) {
    real(vfs)->xDlError(real(vfs), size, message);
}
void (*encryptedDlSym(sqlite3_vfs* vfs, void* library, const char* symbol))() {
    return real(vfs)->xDlSym(real(vfs), library, symbol);
}
void encryptedDlClose(sqlite3_vfs* vfs, void* library) {
    real(vfs)->xDlClose(real(vfs), library);
}
int encryptedRandomness(sqlite3_vfs* vfs, int size, char* out) {
    return real(vfs)->xRandomness(real(vfs), size, out);
}
int encryptedSleep(sqlite3_vfs* vfs, int microseconds) {
    return real(vfs)->xSleep(real(vfs), microseconds);
}
int encryptedCurrentTime(sqlite3_vfs* vfs, double* now) {
    return real(vfs)->xCurrentTime(real(vfs), now);
}
int encryptedGetLastError(sqlite3_vfs* vfs, int size, char* out) {
    return real(vfs)->xGetLastError(real(vfs), size, out);
}
int encryptedCurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* now) {
    return real(vfs)->xCurrentTimeInt64(real(vfs), now);
}

} // namespace

void registerEncryptedVfs() {
    static const bool registered = [] {
        crypto::requireSodium();
        sqlite3_vfs* base = realVfs();
        static sqlite3_vfs vfs{};
        vfs.iVersion = 2;
        vfs.szOsFile = static_cast<int>(sizeof(EncryptedFile)) + base->szOsFile;
        vfs.mxPathname = base->mxPathname;
        vfs.zName = kVfsName;
        vfs.pAppData = base;
        vfs.xOpen = encryptedOpen;
        vfs.xDelete = encryptedDelete;
        vfs.xAccess = encryptedAccess;
        vfs.xFullPathname = encryptedFullPathname;
        vfs.xDlOpen = encryptedDlOpen;
        vfs.xDlError = encryptedDlError;
        vfs.xDlSym = encryptedDlSym;
        vfs.xDlClose = encryptedDlClose;
        vfs.xRandomness = encryptedRandomness;
        vfs.xSleep = encryptedSleep;
        vfs.xCurrentTime = encryptedCurrentTime;
        vfs.xGetLastError = encryptedGetLastError;
        vfs.xCurrentTimeInt64 = encryptedCurrentTimeInt64;
        return sqlite3_vfs_register(&vfs, 0) == SQLITE_OK;
    }();
    if (!registered) {
        throw std::runtime_error("cannot register the encrypted-file layer with SQLite");
    }
}

void useKey(const std::filesystem::path& path, std::shared_ptr<const FileKey> key) {
    registerEncryptedVfs();
    Registry& keys = registry();
    const std::lock_guard hold(keys.lock);
    keys.keys[fullPath(path)] = std::move(key);
}

void forgetKey(const std::filesystem::path& path) {
    Registry& keys = registry();
    const std::lock_guard hold(keys.lock);
    keys.keys.erase(fullPath(path));
}

std::shared_ptr<const FileKey> keyFor(const std::filesystem::path& path) {
    return registeredKey(fullPath(path));
}

long pageFailures() {
    return failures.load(std::memory_order_relaxed);
}

} // namespace knotmap::encrypted
