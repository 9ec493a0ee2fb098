#include "support/test_database.h"

#include "crypto/secret.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"
#include "store/sql/postgres/postgres_connection.h"
#include "support/temp_folder.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <unistd.h>

namespace knotmap::testing {

namespace {

// KNOTMAP_TEST_BACKEND is "postgresql:FOLDER" for the store tests' second
// run (one variable: CTest's ENVIRONMENT property splits on semicolons), and
// "encrypted" for their third, on encrypted database files.
std::string backendSetting() {
    const char* backend = std::getenv("KNOTMAP_TEST_BACKEND");
    return backend == nullptr ? std::string() : std::string(backend);
}

// One key for the whole test process: deriving it takes a fifth of a second.
std::shared_ptr<const encrypted::FileKey> testKey() {
    static const std::shared_ptr<const encrypted::FileKey> key =
        encrypted::FileKey::create(crypto::Secret(std::string_view("store tests' passphrase")));
    return key;
}

// A file database the test names is made encrypted when it is new (one the
// test wrote itself with SQLite stays as it is).
void encryptIfNew(const std::filesystem::path& path) {
    std::error_code ignored;
    if (encrypted::keyFor(path) == nullptr &&
        (!std::filesystem::exists(path, ignored) || encrypted::isEncryptedDatabaseFile(path))) {
        encrypted::useKey(path, testKey());
    }
}

} // namespace

bool testingEncrypted() {
    return backendSetting() == "encrypted";
}

bool testingOnServer() {
    return backendSetting().rfind("postgresql", 0) == 0;
}

std::string testServerConninfo() {
    const std::string backend = backendSetting();
    const char* folder = std::getenv("KNOTMAP_TEST_POSTGRES_DIR");
    if (backend.rfind("postgresql:", 0) == 0) {
        folder = backend.c_str() + std::string("postgresql:").size();
    }
    if (folder == nullptr) {
        throw std::runtime_error(
            "KNOTMAP_TEST_POSTGRES_DIR is not set: run the tests through ctest, "
            "which starts a server with scripts/test-postgres");
    }
    std::ifstream file(std::filesystem::path(folder) / "conninfo");
    std::string conninfo;
    if (!std::getline(file, conninfo) || conninfo.empty()) {
        throw std::runtime_error(std::string("no test server is running in ") + folder +
                                 " (scripts/test-postgres start " + folder + ")");
    }
    return conninfo;
}

DatabaseLocation freshServerSchema() {
    static std::atomic<int> counter{0};
    const std::string schema =
        "test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    const std::string conninfo = testServerConninfo();
    sql::PostgresConnection admin(conninfo, std::nullopt);
    admin.exec("CREATE SCHEMA " + schema);
    return DatabaseLocation::server(conninfo + " options='-c search_path=" + schema + "'");
}

Database openTestDatabase(const std::filesystem::path& path, const OpenOptions& options) {
    if (!testingOnServer()) {
        if (testingEncrypted()) {
            encryptIfNew(path);
        }
        return Database::open(path, options);
    }
    static std::mutex mutex;
    static std::map<std::string, DatabaseLocation> schemas;
    DatabaseLocation where;
    {
        const std::lock_guard lock(mutex);
        auto known = schemas.find(path.string());
        if (known == schemas.end()) {
            known = schemas.emplace(path.string(), freshServerSchema()).first;
        }
        where = known->second;
    }
    return Database::open(where, options);
}

Database openTestDatabase() {
    if (testingEncrypted()) {
        // Memory has nothing to encrypt: a new encrypted file instead.
        static const TempFolder folder;
        static std::atomic<int> counter{0};
        return openTestDatabase(folder.path() / ("private-" + std::to_string(++counter) + ".db"));
    }
    return testingOnServer() ? Database::open(freshServerSchema()) : Database::openInMemory();
}

} // namespace knotmap::testing
