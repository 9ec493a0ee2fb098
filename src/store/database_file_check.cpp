#include "store/database_file_check.h"

#include "store/store_error.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeaderSize = 100;
constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr std::uint32_t kKnotmapApplicationId = 0x4B4E4F54; // "KNOT", set by 001_initial.sql

[[noreturn]] void fail(const fs::path& path, const std::string& problem) {
    throw StoreError(path.string() + ": " + problem);
}

std::uint32_t readBigEndian(const std::array<unsigned char, kHeaderSize>& header,
                            std::size_t offset, std::size_t bytes) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        value = (value << 8) | header[offset + i];
    }
    return value;
}

// Permission bits matter even for root (CI runs as root, where access()
// reports every file writable): a file or folder with no write bit set is
// treated as read-only, as the user intended.
bool isWritable(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return false;
    }
    return (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0 && ::access(path.c_str(), W_OK) == 0;
}

fs::path folderOf(const fs::path& path) {
    fs::path folder = path.parent_path();
    return folder.empty() ? fs::path(".") : folder;
}

void createNewFile(const fs::path& path) {
    const fs::path folder = folderOf(path);
    std::error_code error;
    if (!fs::exists(folder, error)) {
        fs::create_directories(folder, error);
        if (error) {
            fail(path, "cannot create folder " + folder.string() + ": " + error.message());
        }
        fs::permissions(folder, fs::perms::owner_all, error);
    }
    if (!fs::is_directory(folder, error)) {
        fail(path, folder.string() + " is not a folder");
    }
    if (!isWritable(folder)) {
        fail(path, "cannot create the database: folder " + folder.string() + " is read-only");
    }
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        fail(path, std::string("cannot create the database: ") + std::strerror(errno));
    }
    ::close(fd);
}

void checkHeader(const fs::path& path, std::uintmax_t fileSize, int newestKnownVersion) {
    std::array<unsigned char, kHeaderSize> header{};
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(path, std::string("cannot read the file: ") + std::strerror(errno));
    }
    in.read(reinterpret_cast<char*>(header.data()), kHeaderSize);
    const auto got = static_cast<std::size_t>(in.gcount());
    const std::string_view start(reinterpret_cast<const char*>(header.data()), got);
    const bool magicMatches = got >= kSqliteMagic.size()
                                  ? start.substr(0, kSqliteMagic.size()) == kSqliteMagic
                                  : kSqliteMagic.starts_with(start);
    if (!magicMatches) {
        fail(path, "not a Knotmap database (not an SQLite file)");
    }
    if (got < kHeaderSize) {
        fail(path, "damaged database: the file is truncated (" + std::to_string(got) +
                       " bytes, shorter than an SQLite header)");
    }
    std::uint32_t pageSize = readBigEndian(header, 16, 2);
    if (pageSize == 1) {
        pageSize = 65536;
    }
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        fail(path, "damaged database: invalid page size in the header");
    }
    if (fileSize % pageSize != 0) {
        fail(path, "damaged database: the file is truncated (" + std::to_string(fileSize) +
                       " bytes is not a whole number of " + std::to_string(pageSize) +
                       "-byte pages)");
    }
    // The header's page count is trustworthy when its "valid-for" counter
    // matches the change counter (SQLite file format, section 1.3.7).
    const std::uint32_t headerPages = readBigEndian(header, 28, 4);
    const bool headerPagesValid = readBigEndian(header, 24, 4) == readBigEndian(header, 92, 4);
    if (headerPagesValid && headerPages > fileSize / pageSize) {
        fail(path, "damaged database: the file is truncated (header says " +
                       std::to_string(headerPages) + " pages, file holds " +
                       std::to_string(fileSize / pageSize) + ")");
    }
    const std::uint32_t applicationId = readBigEndian(header, 68, 4);
    if (applicationId != 0 && applicationId != kKnotmapApplicationId) {
        fail(path, "not a Knotmap database (an SQLite file of another application)");
    }
    const auto userVersion = static_cast<std::int32_t>(readBigEndian(header, 60, 4));
    if (userVersion > newestKnownVersion) {
        fail(path, "written by a newer Knotmap (schema version " + std::to_string(userVersion) +
                       ", this version knows up to " + std::to_string(newestKnownVersion) +
                       "); not opened, nothing changed");
    }
}

// Reads the schema through SQLite without writing: catches damage the header
// check cannot see and files that belong to another program.
void checkSchemaReadOnly(const fs::path& path, int newestKnownVersion) {
    try {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        const int userVersion = db.execAndGet("PRAGMA user_version").getInt();
        const int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (userVersion > newestKnownVersion) {
            fail(path, "written by a newer Knotmap (schema version " + std::to_string(userVersion) +
                           ", this version knows up to " + std::to_string(newestKnownVersion) +
                           "); not opened, nothing changed");
        }
        const auto applicationId =
            static_cast<std::uint32_t>(db.execAndGet("PRAGMA application_id").getInt());
        if (applicationId != kKnotmapApplicationId && objects > 0) {
            fail(path, "not a Knotmap database (it holds tables of another application)");
        }
        // Reading every table's root page finds most damage cheaply.
        SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                                     "name NOT LIKE 'sqlite_%'");
        while (tables.executeStep()) {
            const std::string name = tables.getColumn(0).getString();
            std::string quoted = "\"";
            for (char c : name) {
                quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            }
            quoted += "\"";
            db.exec("SELECT 1 FROM " + quoted + " LIMIT 1");
        }
    } catch (const SQLite::Exception& error) {
        fail(path, std::string("damaged database: ") + error.what());
    }
}

} // namespace

DatabaseFileState prepareDatabaseFile(const fs::path& path, int newestKnownVersion) {
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found) {
        createNewFile(path);
        return DatabaseFileState::New;
    }
    if (error) {
        fail(path, "cannot access the file: " + error.message());
    }
    if (fs::is_directory(status)) {
        fail(path, "is a folder, not a database file");
    }
    if (!fs::is_regular_file(status)) {
        fail(path, "is not a regular file");
    }
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) {
        fail(path, "cannot read the file size: " + error.message());
    }
    if (size > 0) {
        checkHeader(path, size, newestKnownVersion);
    }
    if (!isWritable(path)) {
        fail(path, "the file is read-only; Knotmap needs to write to it (check its permissions)");
    }
    // WAL mode keeps two companion files beside the database.
    if (!isWritable(folderOf(path))) {
        fail(path, "the folder " + folderOf(path).string() +
                       " is read-only; Knotmap needs to write beside the database");
    }
    if (size == 0) {
        return DatabaseFileState::Empty;
    }
    checkSchemaReadOnly(path, newestKnownVersion);
    return DatabaseFileState::Existing;
}

} // namespace knotmap
