// knotmap_sqlite3: the part of the sqlite3 shell the end-to-end tests use,
// able to open Knotmap's encrypted database files as well as plain ones.
// The tests' run on encrypted files (tests/e2e/lib.sh) reads and changes
// their databases through this instead of the sqlite3 shell, which cannot
// read them; on a plain file it behaves as the shell does.
//
//   knotmap_sqlite3 [-csv] [-separator SEP] [-bail] DB [SQL-or-.command ...]
//
// With no SQL arguments, statements and dot commands are read from standard
// input, each statement run as soon as it is complete (so a script can hold
// a transaction open while it sleeps). Dot commands: .dump (every table's
// schema and rows, in a fixed order: for comparing before and after, not
// for loading elsewhere), .backup FILE, .timeout MS, .shell CMD.
//
// An encrypted file's passphrase comes from KNOTMAP_PASSPHRASE; a file not
// there yet is created encrypted when it is set, as knotmap creates one.
#include "crypto/passphrase.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace knotmap;

namespace {

struct Output {
    std::string separator = "|";
    bool csv = false;
};

bool needsCsvQuotes(const std::string& text) {
    for (const char c : text) {
        if (c == '"' || c == ',' || c == '\n' || c == '\r' ||
            static_cast<unsigned char>(c) < 0x20) {
            return true;
        }
    }
    return false;
}

std::string csvField(const std::string& text) {
    if (!needsCsvQuotes(text)) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

// One value as an SQL literal, for .dump.
std::string literal(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_NULL:
        return "NULL";
    case SQLITE_INTEGER:
        return std::to_string(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT: {
        char* text = sqlite3_mprintf("%!.17g", sqlite3_column_double(statement, column));
        std::string value(text);
        sqlite3_free(text);
        return value;
    }
    case SQLITE_BLOB: {
        const auto* bytes =
            static_cast<const unsigned char*>(sqlite3_column_blob(statement, column));
        const int size = sqlite3_column_bytes(statement, column);
        static const char* digits = "0123456789abcdef";
        std::string value = "X'";
        for (int i = 0; i < size; ++i) {
            value += digits[bytes[i] >> 4];
            value += digits[bytes[i] & 15];
        }
        return value + "'";
    }
    default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        std::string value = "'";
        for (const char* c = text; c != nullptr && *c != '\0'; ++c) {
            value += *c;
            if (*c == '\'') {
                value += '\'';
            }
        }
        return value + "'";
    }
    }
}

// Runs every statement of sql, printing rows as the shell's list or csv
// mode does. False (with the message on stderr) at the first error.
bool runSql(sqlite3* db, const std::string& sql, const Output& output) {
    const char* rest = sql.c_str();
    while (rest != nullptr && *rest != '\0') {
        sqlite3_stmt* statement = nullptr;
        const char* tail = nullptr;
        if (sqlite3_prepare_v2(db, rest, -1, &statement, &tail) != SQLITE_OK) {
            std::cerr << "Error: " << sqlite3_errmsg(db) << "\n";
            return false;
        }
        rest = tail;
        if (statement == nullptr) {
            continue; // whitespace or a comment
        }
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
            const int columns = sqlite3_column_count(statement);
            std::string line;
            for (int i = 0; i < columns; ++i) {
                if (i > 0) {
                    line += output.csv ? "," : output.separator;
                }
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
                const std::string value = text != nullptr ? text : "";
                line += output.csv && sqlite3_column_type(statement, i) == SQLITE_TEXT
                            ? csvField(value)
                            : value;
            }
            std::cout << line << "\n";
        }
        if (step != SQLITE_DONE) {
            std::cerr << "Error: " << sqlite3_errmsg(db) << "\n";
            sqlite3_finalize(statement);
            return false;
        }
        sqlite3_finalize(statement);
    }
    std::cout.flush();
    return true;
}

bool dump(sqlite3* db) {
    sqlite3_stmt* schema = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
                           "AND name NOT LIKE 'sqlite_stat%' ORDER BY type <> 'table', name",
                           -1, &schema, nullptr) != SQLITE_OK) {
        std::cerr << "Error: " << sqlite3_errmsg(db) << "\n";
        return false;
    }
    bool ok = true;
    while (ok && sqlite3_step(schema) == SQLITE_ROW) {
        const std::string type = reinterpret_cast<const char*>(sqlite3_column_text(schema, 0));
        const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(schema, 1));
        std::cout << reinterpret_cast<const char*>(sqlite3_column_text(schema, 2)) << ";\n";
        if (type != "table") {
            continue;
        }
        char* select = sqlite3_mprintf("SELECT * FROM \"%w\"", name.c_str());
        sqlite3_stmt* rows = nullptr;
        ok = sqlite3_prepare_v2(db, select, -1, &rows, nullptr) == SQLITE_OK;
        sqlite3_free(select);
        int step = SQLITE_DONE;
        while (ok && (step = sqlite3_step(rows)) == SQLITE_ROW) {
            std::cout << "INSERT INTO \"" << name << "\" VALUES(";
            for (int i = 0; i < sqlite3_column_count(rows); ++i) {
                std::cout << (i > 0 ? "," : "") << literal(rows, i);
            }
            std::cout << ");\n";
        }
        ok = ok && step == SQLITE_DONE;
        if (!ok) {
            std::cerr << "Error: " << sqlite3_errmsg(db) << "\n";
        }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(schema);
    return ok;
}

// A file named in a test: plain, or encrypted with KNOTMAP_PASSPHRASE's key
// (a new one too, when the passphrase is set). Returns the VFS to open it with.
const char* prepareFile(const fs::path& file, const fs::path& sealedLike) {
    std::error_code ignored;
    if (file == ":memory:" || file.empty()) {
        return nullptr;
    }
    const bool exists = fs::exists(file, ignored);
    if (exists && !encrypted::isEncryptedDatabaseFile(file)) {
        return nullptr;
    }
    if (!exists && !sealedLike.empty()) {
        const auto key = encrypted::keyFor(sealedLike);
        if (key == nullptr) {
            return nullptr;
        }
        encrypted::useKey(file, key);
    } else if (!exists && std::getenv("KNOTMAP_PASSPHRASE") == nullptr) {
        return nullptr;
    } else {
        crypto::PassphraseRequest request;
        request.noun = "passphrase of " + file.string();
        const crypto::Secret passphrase = crypto::readPassphrase(request);
        encrypted::useKey(file, exists ? encrypted::FileKey::unlock(encrypted::readHeader(file),
                                                                    passphrase, file.string())
                                       : encrypted::FileKey::create(passphrase));
    }
    encrypted::registerEncryptedVfs();
    return encrypted::kVfsName;
}

sqlite3* openFile(const fs::path& file, const fs::path& sealedLike = {}) {
    const char* vfs = prepareFile(file, sealedLike);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs) !=
        SQLITE_OK) {
        std::cerr << "Error: unable to open database \"" << file.string()
                  << "\": " << sqlite3_errmsg(db) << "\n";
        sqlite3_close(db);
        return nullptr;
    }
    if (vfs != nullptr) {
        // Room for each page's nonce and tag; only takes effect on a new file.
        int reserve = encrypted::kReservedBytes;
        sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    }
    return db;
}

// The argument of a dot command, without the quotes the shell allows.
std::string argumentOf(const std::string& command, std::size_t nameLength) {
    std::string argument = command.substr(nameLength);
    const auto first = argument.find_first_not_of(" \t");
    argument = first == std::string::npos ? "" : argument.substr(first);
    while (!argument.empty() && (argument.back() == ' ' || argument.back() == '\n')) {
        argument.pop_back();
    }
    if (argument.size() >= 2 && (argument.front() == '\'' || argument.front() == '"') &&
        argument.back() == argument.front()) {
        argument = argument.substr(1, argument.size() - 2);
    }
    return argument;
}

bool backup(sqlite3* db, const fs::path& source, const fs::path& target) {
    sqlite3* copy = openFile(target, source);
    if (copy == nullptr) {
        return false;
    }
    sqlite3_backup* job = sqlite3_backup_init(copy, "main", db, "main");
    const bool ok = job != nullptr && sqlite3_backup_step(job, -1) == SQLITE_DONE;
    sqlite3_backup_finish(job);
    if (!ok) {
        std::cerr << "Error: " << sqlite3_errmsg(copy) << "\n";
    }
    sqlite3_close(copy);
    return ok;
}

bool runDotCommand(sqlite3* db, const fs::path& file, const std::string& command) {
    if (command.starts_with(".dump")) {
        return dump(db);
    }
    if (command.starts_with(".backup")) {
        return backup(db, file, argumentOf(command, 7));
    }
    if (command.starts_with(".timeout")) {
        sqlite3_busy_timeout(db, std::atoi(argumentOf(command, 8).c_str()));
        return true;
    }
    if (command.starts_with(".shell") || command.starts_with(".system")) {
        std::cout.flush();
        return std::system(argumentOf(command, command.find_first_of(" \t")).c_str()) == 0;
    }
    std::cerr << "Error: knotmap_sqlite3 does not know " << command << "\n";
    return false;
}

int run(int argc, char** argv) {
    Output output;
    bool bail = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; ++i) {
        const std::string option = argv[i];
        if (option == "-csv") {
            output.csv = true;
        } else if (option == "-separator" && i + 1 < argc) {
            output.separator = argv[++i];
        } else if (option == "-bail") {
            bail = true;
        } else if (option != "-batch") {
            std::cerr << "knotmap_sqlite3: unknown option " << option << "\n";
            return 1;
        }
    }
    if (i >= argc) {
        std::cerr << "usage: knotmap_sqlite3 [-csv] [-separator SEP] [-bail] DB [SQL ...]\n";
        return 1;
    }
    const fs::path file = argv[i++];
    sqlite3* db = openFile(file);
    if (db == nullptr) {
        return 1;
    }
    bool ok = true;
    const auto runOne = [&](const std::string& text) {
        return text.starts_with(".") ? runDotCommand(db, file, text) : runSql(db, text, output);
    };
    if (i < argc) {
        for (; i < argc && ok; ++i) {
            ok = runOne(argv[i]);
        }
    } else {
        std::string pending;
        std::string line;
        while (std::getline(std::cin, line)) {
            if (pending.empty() && line.starts_with(".")) {
                ok = runOne(line) && ok;
            } else {
                pending += line + "\n";
                if (sqlite3_complete(pending.c_str()) == 0) {
                    continue;
                }
                ok = runOne(pending) && ok;
                pending.clear();
            }
            if (!ok && bail) {
                break;
            }
        }
        if (ok && pending.find_first_not_of(" \t\n") != std::string::npos) {
            ok = runOne(pending);
        }
    }
    sqlite3_close(db);
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "Error: " << error.what() << "\n";
        return 1;
    }
}
