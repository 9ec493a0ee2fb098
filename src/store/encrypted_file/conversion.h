#pragma once

#include "store/encrypted_file/file_key.h"

#include <cstdint>
#include <filesystem>
#include <memory>

// Encrypting, decrypting and re-keying a database file (knotmap encrypt,
// decrypt, rekey). Always through a copy: the copy is written and checked
// beside the file, swapped in with one rename, and the old file is kept
// under a hidden name until the new one opens and checks out.
namespace knotmap::encrypted {

struct ConversionReport {
    std::int64_t tables = 0;
    std::int64_t rows = 0; // in all tables, the same before and after
};

// Rewrites the database at path, now readable with `from` (nullptr: a plain
// file), so it is readable with `to` (nullptr: plain). Refused (StoreError,
// naming the file, nothing changed) while another program has it open.
ConversionReport convertDatabaseFile(const std::filesystem::path& path,
                                     const std::shared_ptr<const FileKey>& from,
                                     const std::shared_ptr<const FileKey>& to);

} // namespace knotmap::encrypted
