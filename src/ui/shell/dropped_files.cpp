#include "ui/shell/dropped_files.h"

#include "core/text_search.h"
#include "store/encrypted_file/file_key.h"

#include <array>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <system_error>

namespace knotmap::ui {
namespace {

namespace fs = std::filesystem;

// An SQLite database (or an encrypted Knotmap one) by its first 16 bytes,
// whatever its name; an empty or missing file by its name (.db, .sqlite,
// .sqlite3).
bool looksLikeDatabase(const fs::path& path) {
    if (encrypted::isEncryptedDatabaseFile(path)) {
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    std::array<char, 16> head{};
    if (in.read(head.data(), head.size())) {
        return std::memcmp(head.data(), "SQLite format 3", 16) == 0;
    }
    const std::string extension = lowercaseAscii(path.extension().string());
    return extension == ".db" || extension == ".sqlite" || extension == ".sqlite3";
}

void explain(MainScreenState& state, std::string title, std::string message) {
    state.notice.title = std::move(title);
    state.notice.message = std::move(message);
    state.notice.detail.clear();
    state.notice.visible = true;
}

void importPath(const fs::path& path, MainScreenState& state) {
    if (!state.importCsv.available) {
        explain(state, "Nothing can be imported here",
                "The database open now cannot be written, so CSV cannot be imported into it.");
        return;
    }
    state.importCsv.dropped = path;
}

} // namespace

void routeDroppedPaths(const std::vector<fs::path>& paths, MainScreenState& state) {
    if (paths.empty()) {
        return;
    }
    std::error_code ignored;
    if (paths.size() > 1) {
        // The five files an export of all tables wrote, selected and dragged
        // together: their folder is the import. Some of them alone are not
        // (the folder would bring the others along).
        const fs::path folder = paths.front().parent_path();
        std::set<std::string> names;
        for (const fs::path& path : paths) {
            if (path.parent_path() == folder) {
                names.insert(path.filename().string());
            }
        }
        const std::set<std::string> tables = {"clients.csv", "sessions.csv", "knots.csv",
                                              "observations.csv", "treatments.csv"};
        if (names == tables && paths.size() == tables.size()) {
            importPath(folder, state);
        } else {
            explain(state, "Drop one thing at a time",
                    "Knotmap takes one CSV file, the folder an export wrote (or all five of "
                    "its CSV files together), or one database file.");
        }
        return;
    }
    const fs::path& path = paths.front();
    if (fs::is_directory(path, ignored)) {
        importPath(path, state);
    } else if (looksLikeDatabase(path)) {
        state.databaseFiles.dropped = path;
    } else {
        // Anything else is read as CSV: the import's check says what is
        // wrong with it, line and column.
        importPath(path, state);
    }
}

} // namespace knotmap::ui
