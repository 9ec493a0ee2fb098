#include "store/open_findings.h"

#include "store/sqlite_file/schema_check.h"

#include <SQLiteCpp/Database.h>

#include <algorithm>

namespace knotmap {
namespace {

// How many differences and rows a one-line message names before counting.
constexpr std::size_t kNamedInMessage = 3;

std::string rows(long long count) {
    return std::to_string(count) + (count == 1 ? " row" : " rows");
}

} // namespace

std::string OpenFindings::summary() const {
    std::string text;
    if (!schemaDifferences.empty()) {
        text = "its schema is not Knotmap's own: ";
        for (std::size_t i = 0; i < schemaDifferences.size() && i < kNamedInMessage; ++i) {
            text += (i == 0 ? "" : "; ") + schemaDifferences[i];
        }
        if (schemaDifferences.size() > kNamedInMessage) {
            text += "; and " + std::to_string(schemaDifferences.size() - kNamedInMessage) +
                    " more differences";
        }
    }
    if (!badRows.empty()) {
        text += std::string(text.empty() ? "" : "; ") + rows(badRows.count) +
                (badRows.count == 1 ? " breaks" : " break") + " Knotmap's constraints: ";
        for (std::size_t i = 0; i < badRows.rows.size() && i < kNamedInMessage; ++i) {
            text += (i == 0 ? "" : "; ") + describe(badRows.rows[i]);
        }
        const auto named = static_cast<long long>(std::min(badRows.rows.size(), kNamedInMessage));
        if (badRows.count > named) {
            text += "; and " + rows(badRows.count - named) + " more";
        }
    }
    return text;
}

OpenFindings inspectDatabase(SQLite::Database& db, int version,
                             std::vector<std::string> suspectTables, bool allTables,
                             BadRowHandling handling) {
    OpenFindings findings;
    for (const SchemaDifference& difference : compareWithKnotmapSchema(db, version)) {
        findings.schemaDifferences.push_back(difference.problem);
        if (difference.type == "table") {
            suspectTables.push_back(difference.tableName);
        }
    }
    if (allTables || !suspectTables.empty()) {
        findings.badRows = findRowsBreakingConstraints(
            db, version, allTables ? std::vector<std::string>{} : suspectTables, handling);
    }
    return findings;
}

std::string refusalMessage(const std::filesystem::path& path, const OpenFindings& findings) {
    return path.string() + ": refused, nothing was written: " + findings.summary() +
           " (`knotmap info --db " + path.string() + "` lists them)";
}

} // namespace knotmap
