#include "store/simple_import.h"

#include "core/import_row.h"
#include "core/import_table.h"
#include "core/region_lookup.h"
#include "core/text_search.h"
#include "core/text_trim.h"
#include "core/validation.h"
#include "store/client_lookup.h"
#include "store/client_repository.h"
#include "store/csv_import.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/write_transaction.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

namespace knotmap {
namespace {

constexpr const char* kDefaultClient = "Me";

// Header names are matched ignoring case and surrounding spaces.
std::string headerKey(std::string_view name) {
    return lowercaseAscii(trimmed(name));
}

// Where each of the format's columns is in the file; -1 when absent.
struct Columns {
    int date = -1;
    int region = -1;
    int pain = -1;
    int notes = -1;

    int* slot(const std::string& key) {
        if (key == "date") {
            return &date;
        }
        if (key == "region") {
            return &region;
        }
        if (key == "pain") {
            return &pain;
        }
        if (key == "notes") {
            return &notes;
        }
        return nullptr;
    }
};

// "2026-03-14" (noon), "2026-03-14 09:30" or "2026-03-14T09:30:00", all in
// this computer's time zone (fromSystemLocal says how daylight-saving changes
// are met), or ISO 8601 with its own offset.
std::optional<SystemLocalTime> parseWhen(std::string_view text) {
    if (auto exact = LocalTimestamp::parseIso8601(text)) {
        return SystemLocalTime{*exact, LocalTimeFit::Exact};
    }
    std::string civilText(text);
    if (civilText.size() == 10) {
        civilText += "T12:00";
    }
    const auto asUtc = LocalTimestamp::parseIso8601(civilText + "Z");
    if (!asUtc) {
        return std::nullopt;
    }
    return fromSystemLocal(asUtc->local());
}

struct SimpleRow {
    std::int64_t line = 0;
    LocalTimestamp when;
    LocalTimeFit fit = LocalTimeFit::Exact;
    std::string day; // the local date, which picks the session
    const AtlasRegion* region = nullptr;
    int pain = 0;
    std::string notes;
};

// A region text that matched no single region, reported once with the lines
// it is on: the first few, then how many more.
struct UnmatchedRegion {
    std::int64_t line = 0;
    std::int64_t column = 0;
    RegionLookup::Match match;
    std::vector<std::int64_t> otherLines;
    std::int64_t moreLines = 0;
};

constexpr std::size_t kListedLines = 10;

class SimpleImport {
public:
    SimpleImport(Database& database, const std::filesystem::path& file,
                 const SimpleImportOptions& options)
        : m_database(database), m_file(file), m_name(file.filename().string()), m_options(options),
          m_lookup(Atlas::builtIn()) {}

    SimpleImportResult run(bool dryRun) {
        readRows();
        resolveClient();
        if (!m_problems.empty()) {
            throw ImportRejected(std::move(m_problems));
        }
        planSessionsAndKnots();
        if (!m_problems.empty()) {
            throw ImportRejected(std::move(m_problems));
        }
        m_result.observations = static_cast<std::int64_t>(m_rows.size());
        for (const SimpleRow& row : m_rows) {
            m_result.movedForward += row.fit == LocalTimeFit::Gap ? 1 : 0;
            m_result.readAsFirst += row.fit == LocalTimeFit::Overlap ? 1 : 0;
        }
        if (!dryRun) {
            write();
        }
        return m_result;
    }

private:
    void fileProblem(std::int64_t line, std::int64_t column, std::string message) {
        ImportProblem problem;
        problem.file = m_name;
        problem.line = line;
        problem.column = column;
        if (column > 0 && static_cast<std::size_t>(column) <= m_header.size()) {
            problem.columnName = m_header[static_cast<std::size_t>(column - 1)];
        }
        problem.message = std::move(message);
        m_problems.add(std::move(problem));
    }

    bool readHeader(const std::vector<std::string>& header) {
        m_header = header;
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string key = headerKey(header[i]);
            int* slot = m_columns.slot(key);
            const auto column = static_cast<std::int64_t>(i) + 1;
            if (slot == nullptr) {
                fileProblem(1, column,
                            "unknown column " + quotedValue(header[i]) +
                                "; the simple format has date, region, pain and "
                                "optionally notes");
            } else if (*slot >= 0) {
                fileProblem(1, column, "column '" + key + "' appears twice");
            } else {
                *slot = static_cast<int>(i);
            }
        }
        for (const auto& [name, index] :
             {std::pair{"date", m_columns.date}, std::pair{"region", m_columns.region},
              std::pair{"pain", m_columns.pain}}) {
            if (index < 0) {
                fileProblem(1, 0, std::string("missing column '") + name + "'");
            }
        }
        return m_problems.empty();
    }

    void readRows() {
        std::ifstream in(m_file, std::ios::binary);
        if (!in) {
            fileProblem(0, 0, "cannot open the file");
            return;
        }
        CsvReader reader(in);
        CsvRecord record;
        if (!reader.next(record)) {
            fileProblem(0, 0,
                        reader.error() ? reader.error()->describe()
                                       : "the file is empty; expected a header row: "
                                         "date,region,pain,notes");
            return;
        }
        if (!readHeader(record.fields)) {
            return;
        }
        std::map<std::pair<std::string, std::string>, std::int64_t> seen; // (day, region) -> line
        while (reader.next(record)) {
            if (isBlank(record)) {
                continue; // spreadsheets write empty rows below the data
            }
            if (record.size() != m_header.size()) {
                fileProblem(record.line, 0,
                            "has " + std::to_string(record.size()) + " fields; the header has " +
                                std::to_string(m_header.size()) +
                                " (is the row cut short, or a comma not quoted?)");
                continue;
            }
            readRow(record, seen);
        }
        if (const auto& error = reader.error()) {
            ImportProblem problem;
            problem.file = m_name;
            problem.line = error->line;
            problem.character = error->column;
            problem.message = error->message;
            m_problems.add(std::move(problem));
        }
        reportUnmatchedRegions();
    }

    static bool isBlank(const CsvRecord& record) {
        for (const std::string& field : record.fields) {
            if (!field.empty()) {
                return false;
            }
        }
        return true;
    }

    void readRow(const CsvRecord& record,
                 std::map<std::pair<std::string, std::string>, std::int64_t>& seen) {
        ImportRow row(record, m_header, m_name, m_problems, false);
        SimpleRow parsed;
        parsed.line = record.line;
        const auto date = static_cast<std::size_t>(m_columns.date);
        if (const auto when = parseWhen(row.raw(date))) {
            parsed.when = when->at;
            parsed.fit = when->fit;
            parsed.day = when->at.localDate();
        } else {
            row.problem(date, "expected a date like 2026-03-14 (or 2026-03-14 09:30), got " +
                                  quotedValue(row.raw(date)));
        }
        const auto regionColumn = static_cast<std::size_t>(m_columns.region);
        const std::string regionText(row.raw(regionColumn));
        const RegionLookup::Match match = m_lookup.find(regionText);
        parsed.region = match.region;
        if (match.region == nullptr) {
            noteUnmatched(regionText, record.line, match);
        }
        parsed.pain = row.integer(static_cast<std::size_t>(m_columns.pain), kMinRating, kMaxRating);
        if (m_columns.notes >= 0) {
            parsed.notes = row.text(static_cast<std::size_t>(m_columns.notes), kMaxNoteBytes);
        }
        if (!row.ok() || parsed.region == nullptr) {
            return;
        }
        const auto [earlier, added] =
            seen.emplace(std::pair{parsed.day, parsed.region->code}, record.line);
        if (!added) {
            row.problem(regionColumn, parsed.region->code + " on " + parsed.day +
                                          " is already on line " + std::to_string(earlier->second));
            return;
        }
        m_rows.push_back(std::move(parsed));
    }

    // Keeps only what the report lists, so memory does not grow with the
    // rows of a file full of unknown regions: as many texts as problems are
    // listed, and a few lines of each. A row whose text is not kept is
    // counted as a problem of its own.
    void noteUnmatched(const std::string& text, std::int64_t line,
                       const RegionLookup::Match& match) {
        if (const auto found = m_unmatched.find(text); found != m_unmatched.end()) {
            UnmatchedRegion& unmatched = found->second;
            if (unmatched.otherLines.size() < kListedLines) {
                unmatched.otherLines.push_back(line);
            } else {
                ++unmatched.moreLines;
            }
        } else if (m_unmatched.size() < m_problems.keep()) {
            m_unmatched.emplace(text, UnmatchedRegion{line, m_columns.region + 1, match, {}, 0});
        } else {
            ++m_unlistedRegionRows;
        }
    }

    void reportUnmatchedRegions() {
        // In file order, so the list reads top to bottom.
        std::vector<std::pair<std::string, UnmatchedRegion>> ordered(m_unmatched.begin(),
                                                                     m_unmatched.end());
        std::sort(ordered.begin(), ordered.end(),
                  [](const auto& a, const auto& b) { return a.second.line < b.second.line; });
        for (const auto& [text, unmatched] : ordered) {
            std::string message = describeNoMatch(text, unmatched.match);
            if (!unmatched.otherLines.empty()) {
                message += " (also on line";
                message += unmatched.otherLines.size() == 1 ? " " : "s ";
                for (std::size_t i = 0; i < unmatched.otherLines.size(); ++i) {
                    message += (i == 0 ? "" : ", ") + std::to_string(unmatched.otherLines[i]);
                }
                if (unmatched.moreLines > 0) {
                    message += " and " + std::to_string(unmatched.moreLines) + " more";
                }
                message += ")";
            }
            fileProblem(unmatched.line, unmatched.column, std::move(message));
        }
        m_problems.countMore(m_unlistedRegionRows);
    }

    void resolveClient() {
        ClientRepository clients(m_database.sql());
        if (!m_options.clientName.empty()) {
            if (const std::string problem = textProblem(m_options.clientName, kMaxNameBytes);
                !problem.empty()) {
                fileProblem(0, 0, "the client name given with --client " + problem);
                return;
            }
            m_result.clientName = m_options.clientName;
            // Case and accents ignored, as everywhere (store/client_lookup.h).
            const std::vector<Client> named = clientsNamed(m_database.sql(), m_options.clientName);
            if (named.size() == 1) {
                m_clientId = named.front().id;
                m_result.clientName = named.front().name;
            } else if (named.size() > 1) {
                std::string names;
                for (const Client& client : named) {
                    names += (names.empty() ? "" : ", ") + client.name;
                }
                fileProblem(0, 0,
                            "--client " + m_options.clientName + " matches " +
                                std::to_string(named.size()) +
                                " clients when case and accents are ignored (" + names +
                                "): write the name exactly as it is spelled");
            } else {
                m_result.newClient = true;
            }
            return;
        }
        const std::vector<Client> all = clients.list(true);
        if (all.empty()) {
            m_result.clientName = kDefaultClient;
            m_result.newClient = true;
        } else if (all.size() == 1) {
            m_clientId = all.front().id;
            m_result.clientName = all.front().name;
        } else {
            std::string names;
            for (const Client& client : all) {
                names += (names.empty() ? "" : ", ") + client.name;
            }
            fileProblem(0, 0,
                        "the database has several clients; name the one these rows are "
                        "for with --client (" +
                            names + ")");
        }
    }

    // Which rows go to an existing session or knot, and that none repeats a
    // rating the database already has.
    void planSessionsAndKnots() {
        SessionRepository sessions(m_database.sql());
        ObservationRepository observations(m_database.sql());
        if (m_clientId != 0) { // a new client has no sessions or knots yet
            for (const Knot& knot : KnotRepository(m_database.sql()).listForClient(m_clientId)) {
                auto& chosen = m_knots[knot.regionCode];
                // Prefer an active knot, then the oldest.
                if (chosen.id == 0 ||
                    (chosen.status != KnotStatus::Active && knot.status == KnotStatus::Active)) {
                    chosen = knot;
                }
            }
        }
        std::set<std::string> newRegions;
        for (const SimpleRow& row : m_rows) {
            if (m_sessions.count(row.day) == 0) {
                const auto existing =
                    m_clientId == 0 ? std::nullopt
                                    : sessions.findLatestOnLocalDate(m_clientId, row.when.local());
                m_sessions[row.day] = existing ? existing->id : 0;
                m_result.newSessions += existing ? 0 : 1;
            }
            const Id session = m_sessions[row.day];
            const auto knot = m_knots.find(row.region->code);
            if (knot == m_knots.end()) {
                newRegions.insert(row.region->code);
            } else if (session != 0 && observations.findInSession(session, knot->second.id)) {
                fileProblem(row.line, m_columns.region + 1,
                            "the database already has a rating for " + row.region->code + " on " +
                                row.day + " (was this file imported before?)");
            }
        }
        m_result.newKnots = static_cast<std::int64_t>(newRegions.size());
    }

    void write() {
        sql::Connection& db = m_database.sql();
        WriteTransaction transaction(db);
        ClientRepository clients(db);
        SessionRepository sessions(db);
        KnotRepository knots(db);
        ObservationRepository observations(db);
        if (m_clientId == 0) {
            Client client;
            client.name = m_result.clientName;
            m_clientId = clients.add(client);
        }
        for (const SimpleRow& row : m_rows) {
            Id& sessionId = m_sessions[row.day];
            if (sessionId == 0) {
                Session session;
                session.clientId = m_clientId;
                session.startedAt = row.when;
                session.kind = SessionKind::SelfCheckIn;
                sessionId = sessions.add(session);
            }
            Knot& knot = m_knots[row.region->code];
            if (knot.id == 0) {
                knot.clientId = m_clientId;
                knot.view = row.region->view;
                knot.position = {row.region->labelPoint.x, row.region->labelPoint.y};
                knot.regionCode = row.region->code;
                knots.add(knot);
            } else if (knot.status == KnotStatus::Resolved) {
                knot.status = KnotStatus::Active; // as logging it in the window would
                knots.update(knot);
            }
            Observation observation;
            observation.sessionId = sessionId;
            observation.knotId = knot.id;
            observation.pain = row.pain;
            observation.notes = row.notes;
            observations.add(observation);
        }
        transaction.commit();
    }

    Database& m_database;
    std::filesystem::path m_file;
    std::string m_name;
    const SimpleImportOptions& m_options;
    RegionLookup m_lookup;
    ImportProblems m_problems;
    std::vector<std::string> m_header;
    Columns m_columns;
    std::vector<SimpleRow> m_rows;
    std::map<std::string, UnmatchedRegion> m_unmatched;
    std::int64_t m_unlistedRegionRows = 0;
    Id m_clientId = 0;
    std::map<std::string, Id> m_sessions; // local day -> session (0: new)
    std::map<std::string, Knot> m_knots;  // region code -> the client's knot there
    SimpleImportResult m_result;
};

} // namespace

bool isSimpleImportHeader(const std::vector<std::string>& header) {
    bool date = false;
    bool region = false;
    bool pain = false;
    for (const std::string& name : header) {
        const std::string key = headerKey(name);
        date = date || key == "date";
        region = region || key == "region";
        pain = pain || key == "pain";
    }
    return date && region && pain;
}

SimpleImportResult importSimpleCsv(Database& database, const std::filesystem::path& file,
                                   const SimpleImportOptions& options, bool dryRun) {
    return SimpleImport(database, file, options).run(dryRun);
}

} // namespace knotmap
