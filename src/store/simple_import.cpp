#include "store/simple_import.h"

#include "core/import_row.h"
#include "core/import_table.h"
#include "core/joined_with_and.h"
#include "core/other_apps/body_area_map.h"
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
#include <sstream>
#include <stdexcept>

namespace knotmap {
namespace {

constexpr const char* kDefaultClient = "Me";
constexpr std::size_t kListedUnmapped = 50;

// Header names are matched ignoring case and surrounding spaces.
std::string headerKey(std::string_view name) {
    return lowercaseAscii(trimmed(name));
}

// When an entry happened (core/other_apps/pain_sheet.h): ISO 8601 with its
// own offset as written (a UTC time from CrisisCore shown at this computer's
// offset), else a wall-clock time in this computer's zone (fromSystemLocal
// says how daylight-saving changes are met), a day alone meaning noon.
std::optional<SystemLocalTime> parseWhen(const PainEntry& entry) {
    if (auto exact = LocalTimestamp::parseIso8601(entry.when)) {
        if (entry.utcToLocal) {
            const std::int64_t utc = exact->utcSeconds();
            return SystemLocalTime{LocalTimestamp(utc, LocalTimestamp::systemOffsetAt(utc)),
                                   LocalTimeFit::Exact};
        }
        return SystemLocalTime{*exact, LocalTimeFit::Exact};
    }
    std::string civilText(entry.when);
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
    std::int64_t column = 0; // of the body area, 1-based
    LocalTimestamp when;
    LocalTimeFit fit = LocalTimeFit::Exact;
    std::string day;        // the local date
    std::string sessionKey; // the day, or the time for sheets with one session per time
    const AtlasRegion* region = nullptr;
    int pain = 0;
    std::string notes;
    bool alreadyKept = false; // the database has this rating already
};

// A body area that matched no single region, reported once with the lines
// it is on: the first few, then how many more.
struct UnmatchedRegion {
    std::int64_t line = 0;
    std::int64_t column = 0;
    RegionLookup::Match match;
    std::vector<std::int64_t> otherLines;
    std::int64_t moreLines = 0;
    std::int64_t rows = 0;
};

constexpr std::size_t kListedLines = 10;

// A rating already read for a session and region: its line, its place in the rows.
struct SeenRating {
    std::int64_t line = 0;
    std::size_t row = 0;
};

class SimpleImport {
public:
    SimpleImport(Database& database, const std::filesystem::path& file,
                 const SimpleImportOptions& options)
        : m_database(database), m_file(file), m_name(file.filename().string()), m_options(options),
          m_areas(Atlas::builtIn()) {}

    SimpleImportResult run(bool dryRun) {
        readRows();
        resolveClient();
        if (!m_problems.empty()) {
            throw ImportRejected(std::move(m_problems));
        }
        if (m_rows.empty()) {
            fileProblem(0, 0,
                        m_result.skippedRows > 0
                            ? "holds no ratings to import: every body area in it is unmapped"
                            : "holds no ratings to import" +
                                  (m_result.otherRows > 0
                                       ? " (only " + m_result.otherKinds +
                                             ", which carry no pain by body area)"
                                       : std::string()));
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
        if (!dryRun && !m_rows.empty()) { // empty: all of it imported before
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

    // The simple format's own header: its four columns and nothing else, so
    // a misspelt column is pointed out rather than ignored.
    bool checkSimpleHeader(const std::vector<std::string>& header) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string key = headerKey(header[i]);
            const auto column = static_cast<std::int64_t>(i) + 1;
            if (key != "date" && key != "region" && key != "pain" && key != "notes") {
                fileProblem(1, column,
                            "unknown column " + quotedValue(header[i]) +
                                "; the simple format has date, region, pain and "
                                "optionally notes");
            } else if (!seen.insert(key).second) {
                fileProblem(1, column, "column '" + key + "' appears twice");
            }
        }
        for (const char* name : {"date", "region", "pain"}) {
            if (seen.count(name) == 0) {
                fileProblem(1, 0, std::string("missing column '") + name + "'");
            }
        }
        return m_problems.empty();
    }

    // Which sheet this is: the columns the person named, else its header.
    bool readHeader(const std::vector<std::string>& header) {
        m_header = header;
        std::optional<SheetLayout> layout;
        if (m_options.columns) {
            layout = SheetLayout{SheetFormat::Mapped, false, *m_options.columns};
        } else {
            layout = recogniseSheet(header);
            if (!layout) {
                // A header with two of date, region and pain is the simple
                // format gone wrong: say which column is missing.
                int simpleColumns = 0;
                for (const std::string& name : header) {
                    const std::string key = headerKey(name);
                    simpleColumns += key == "date" || key == "region" || key == "pain" ? 1 : 0;
                }
                if (simpleColumns < 2 || checkSimpleHeader(header)) {
                    fileProblem(1, 0,
                                "no format has these columns; name them with --map "
                                "date=COL,region=COL,pain=COL");
                }
                return false;
            }
            if (layout->format == SheetFormat::Simple && !checkSimpleHeader(header)) {
                return false;
            }
        }
        try {
            m_reader = sheetRowReader(*layout, header);
        } catch (const std::invalid_argument& error) {
            fileProblem(1, 0, error.what());
            return false;
        }
        m_layout = *layout;
        m_result.format = describeSheet(*layout);
        m_result.scaleRule = m_reader->scaleRule();
        return true;
    }

    void readRows() {
        std::ifstream in(m_file, std::ios::binary);
        if (!in) {
            fileProblem(0, 0, "cannot open the file");
            return;
        }
        // The CrisisCore tracker's one-line files are small; others stream.
        std::string text;
        std::istringstream fixed;
        std::istream* source = &in;
        if (headIsCrisisCore(in)) {
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            fixed.str(withCrisisCoreLineBreaks(std::move(text)));
            source = &fixed;
        }
        CsvReader reader(*source);
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
        std::map<std::pair<std::string, std::string>, SeenRating> seen; // (session, region)
        std::vector<PainEntry> entries;
        while (reader.next(record)) {
            if (isBlank(record)) {
                continue; // spreadsheets write empty rows below the data
            }
            if (!m_reader->rowWidthFits(record.size(), m_header.size())) {
                fileProblem(record.line, 0,
                            "has " + std::to_string(record.size()) + " fields; the header has " +
                                std::to_string(m_header.size()) +
                                " (is the row cut short, or a comma not quoted?)");
                continue;
            }
            ImportRow row(record, m_header, m_name, m_problems, false);
            entries.clear();
            m_reader->read(row, entries);
            for (PainEntry& entry : entries) {
                addEntry(row, entry, seen);
            }
        }
        if (const auto& error = reader.error()) {
            ImportProblem problem;
            problem.file = m_name;
            problem.line = error->line;
            problem.character = error->column;
            problem.message = error->message;
            m_problems.add(std::move(problem));
        }
        m_result.otherRows = m_reader->otherRows();
        m_result.otherKinds = joinedWithAnd(
            std::vector<std::string>(m_reader->otherKinds().begin(), m_reader->otherKinds().end()));
        for (const std::string& text : m_areaOrder) {
            m_result.areas.push_back(m_areaUse[text]);
        }
        reportUnmatchedRegions();
    }

    static bool headIsCrisisCore(std::istream& in) {
        char head[24] = {};
        in.read(head, sizeof head);
        const std::string_view start(head, static_cast<std::size_t>(in.gcount()));
        in.clear();
        in.seekg(0);
        return startsLikeCrisisCore(start);
    }

    static bool isBlank(const CsvRecord& record) {
        for (const std::string& field : record.fields) {
            if (!field.empty()) {
                return false;
            }
        }
        return true;
    }

    // One entry of the sheet: its time, its regions (both sides for an area
    // named without one), each a rating of its own.
    void addEntry(ImportRow& row, const PainEntry& entry,
                  std::map<std::pair<std::string, std::string>, SeenRating>& seen) {
        const auto when = parseWhen(entry);
        if (!when) {
            row.problem(static_cast<std::size_t>(entry.column - 1),
                        "cannot read the time " + quotedValue(entry.when));
            return;
        }
        const auto column = static_cast<std::size_t>(entry.column - 1);
        // Mapped areas are remembered (a sheet uses a handful); unmapped ones
        // are not, so a file of a million different unknown words stays small.
        auto mapped = m_mapped.find(entry.area);
        if (mapped == m_mapped.end()) {
            BodyAreaMapping mapping = m_areas.map(entry.area);
            if (mapping.regions.empty()) {
                noteUnmatched(entry.area, entry.line, entry.column, mapping.lookup);
                return;
            }
            mapped = m_mapped.emplace(entry.area, std::move(mapping)).first;
        }
        const BodyAreaMapping& mapping = mapped->second;
        noteMapped(entry.area, mapping);
        for (const AtlasRegion* region : mapping.regions) {
            SimpleRow parsed;
            parsed.line = entry.line;
            parsed.column = entry.column;
            parsed.when = when->at;
            parsed.fit = when->fit;
            parsed.day = when->at.localDate();
            parsed.sessionKey = m_reader->sessionPerDay() ? parsed.day : when->at.toIso8601();
            parsed.region = region;
            parsed.pain = entry.pain;
            parsed.notes = entry.notes;
            const auto [earlier, added] = seen.emplace(std::pair{parsed.sessionKey, region->code},
                                                       SeenRating{entry.line, m_rows.size()});
            if (added) {
                m_rows.push_back(std::move(parsed));
            } else if (mergesRepeats()) {
                merge(m_rows[earlier->second.row], parsed);
            } else {
                row.problem(column,
                            region->code + " on " +
                                (m_reader->sessionPerDay() ? parsed.day : parsed.sessionKey) +
                                " is already on line " + std::to_string(earlier->second.line));
            }
        }
    }

    // Other apps' exports name one place in several words at one time
    // ("Neck pain" and "Neck stiffness" at am, "Shoulder" and "Left
    // shoulder"): one knot has one rating per session, so they become one,
    // the highest, with every note. A person's own sheet is checked instead.
    [[nodiscard]] bool mergesRepeats() const {
        return m_layout.format == SheetFormat::Bearable ||
               m_layout.format == SheetFormat::Flaredown ||
               m_layout.format == SheetFormat::CrisisCore;
    }

    void merge(SimpleRow& kept, const SimpleRow& repeat) {
        kept.pain = std::max(kept.pain, repeat.pain);
        if (!repeat.notes.empty() && kept.notes.find(repeat.notes) == std::string::npos &&
            kept.notes.size() + repeat.notes.size() + 2 <= kMaxNoteBytes) {
            kept.notes += (kept.notes.empty() ? "" : "; ") + repeat.notes;
        }
        ++m_result.mergedRatings;
    }

    void noteMapped(const std::string& text, const BodyAreaMapping& mapping) {
        auto found = m_areaUse.find(text);
        if (found == m_areaUse.end()) {
            AreaMapping use;
            use.text = text;
            use.how = mapping.how;
            for (const AtlasRegion* region : mapping.regions) {
                use.regions.push_back(region->code);
            }
            found = m_areaUse.emplace(text, std::move(use)).first;
            m_areaOrder.push_back(text);
        }
        found->second.rows += static_cast<std::int64_t>(mapping.regions.size());
    }

    // Keeps only what the report lists, so memory does not grow with the
    // rows of a file full of unknown regions: as many texts as problems are
    // listed, and a few lines of each. A row whose text is not kept is
    // counted as a problem of its own.
    void noteUnmatched(const std::string& text, std::int64_t line, std::int64_t column,
                       const RegionLookup::Match& match) {
        if (const auto found = m_unmatched.find(text); found != m_unmatched.end()) {
            UnmatchedRegion& unmatched = found->second;
            ++unmatched.rows;
            if (unmatched.otherLines.size() < kListedLines) {
                if (unmatched.otherLines.empty() ? line != unmatched.line
                                                 : line != unmatched.otherLines.back()) {
                    unmatched.otherLines.push_back(line);
                }
            } else {
                ++unmatched.moreLines;
            }
        } else if (m_unmatched.size() < std::max(m_problems.keep(), kListedUnmapped)) {
            m_unmatched.emplace(text, UnmatchedRegion{line, column, match, {}, 0, 1});
        } else {
            ++m_unlistedRegionRows;
        }
        ++m_result.skippedRows;
    }

    // Unmapped areas are listed in the result; unless the person chose to
    // leave their rows out, each is a problem too, and the import stops.
    void reportUnmatchedRegions() {
        // In file order, so the list reads top to bottom.
        std::vector<std::pair<std::string, UnmatchedRegion>> ordered(m_unmatched.begin(),
                                                                     m_unmatched.end());
        std::sort(ordered.begin(), ordered.end(),
                  [](const auto& a, const auto& b) { return a.second.line < b.second.line; });
        const bool simple = m_layout.format == SheetFormat::Simple;
        for (const auto& [text, unmatched] : ordered) {
            UnmappedArea area;
            area.text = text;
            area.rows = unmatched.rows;
            area.firstLine = unmatched.line;
            area.why = unmatched.match.candidates.empty() ? "no atlas region or synonym"
                                                          : describeNoMatch(text, unmatched.match);
            m_result.unmapped.push_back(area);
            if (m_options.skipUnmapped) {
                continue;
            }
            std::string message =
                simple || !unmatched.match.candidates.empty()
                    ? describeNoMatch(text, unmatched.match)
                    : "body area " + quotedValue(text) +
                          " matches no atlas region or synonym (docs/import-other-apps.md)";
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
        if (!m_options.skipUnmapped) {
            m_problems.countMore(m_unlistedRegionRows);
        }
        if (!simple && !m_options.skipUnmapped && !m_unmatched.empty()) {
            fileProblem(0, 0,
                        std::to_string(m_result.skippedRows) +
                            (m_result.skippedRows == 1 ? " rating names a body area"
                                                       : " ratings name body areas") +
                            " no atlas region matches; --skip-unmapped imports the rest "
                            "without them");
        }
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
        for (SimpleRow& row : m_rows) {
            if (m_sessions.count(row.sessionKey) == 0) {
                std::optional<Session> existing;
                if (m_clientId != 0) {
                    // Only the client's own check-ins: a therapist's visit
                    // (perhaps signed) is never added to.
                    existing = m_reader->sessionPerDay()
                                   ? sessions.findLatestOnLocalDate(m_clientId, row.when.local(),
                                                                    SessionKind::SelfCheckIn)
                                   : sessions.findStartedAt(m_clientId, row.when,
                                                            SessionKind::SelfCheckIn);
                }
                m_sessions[row.sessionKey] = existing ? existing->id : 0;
                m_result.newSessions += existing ? 0 : 1;
            }
            const Id session = m_sessions[row.sessionKey];
            const auto knot = m_knots.find(row.region->code);
            if (knot == m_knots.end()) {
                newRegions.insert(row.region->code);
            } else if (session != 0) {
                checkAgainstKept(row, observations.findInSession(session, knot->second.id));
            }
        }
        m_result.newKnots = static_cast<std::int64_t>(newRegions.size());
        std::erase_if(m_rows, [](const SimpleRow& row) { return row.alreadyKept; });
    }

    // A rating the database already has for the row's region and session:
    // with the same pain it is this row imported before (the same file, or
    // an older export of the same app, which a newer one repeats), left out
    // and counted; with another pain the two disagree, and that is refused.
    void checkAgainstKept(SimpleRow& row, const std::optional<Observation>& kept) {
        if (!kept) {
            return;
        }
        if (kept->pain == row.pain) {
            row.alreadyKept = true;
            ++m_result.alreadyKept;
            return;
        }
        fileProblem(row.line, row.column,
                    "the database already has pain " + std::to_string(kept->pain) + " for " +
                        row.region->code + " on " +
                        (m_reader->sessionPerDay() ? row.day : row.sessionKey) +
                        ", and this row says " + std::to_string(row.pain) +
                        " (imported before, then changed here or in the other app?)");
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
            Id& sessionId = m_sessions[row.sessionKey];
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
    BodyAreaMap m_areas;
    ImportProblems m_problems;
    std::vector<std::string> m_header;
    SheetLayout m_layout;
    std::unique_ptr<SheetRowReader> m_reader;
    std::vector<SimpleRow> m_rows;
    std::map<std::string, BodyAreaMapping> m_mapped; // area text -> regions, read once
    std::map<std::string, AreaMapping> m_areaUse;
    std::vector<std::string> m_areaOrder;
    std::map<std::string, UnmatchedRegion> m_unmatched;
    std::int64_t m_unlistedRegionRows = 0;
    Id m_clientId = 0;
    std::map<std::string, Id> m_sessions; // session key -> session (0: new)
    std::map<std::string, Knot> m_knots;  // region code -> the client's knot there
    SimpleImportResult m_result;
};

} // namespace

bool isSimpleImportHeader(const std::vector<std::string>& header) {
    return recogniseSheet(header).has_value();
}

std::string otherEntriesSentence(const SimpleImportResult& result) {
    if (result.otherRows <= 0) {
        return {};
    }
    const bool one = result.otherRows == 1;
    return std::to_string(result.otherRows) +
           (one ? " other entry (" + result.otherKinds + ") carries"
                : " other entries (" + result.otherKinds + ") carry") +
           " no pain by body area and " + (one ? "is" : "are") + " not imported";
}

SimpleImportResult importSimpleCsv(Database& database, const std::filesystem::path& file,
                                   const SimpleImportOptions& options, bool dryRun) {
    return SimpleImport(database, file, options).run(dryRun);
}

} // namespace knotmap
