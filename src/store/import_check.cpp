#include "store/import_check.h"

#include "core/csv_columns.h"
#include "core/import_table.h"
#include "core/text_search.h"
#include "core/validation.h"
#include "store/import_key_index.h"
#include "store/import_rows.h"
#include "store/sql/statement.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace knotmap {
namespace {

std::string where(const std::string& file, std::int64_t line) {
    return file + " line " + std::to_string(line);
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) {
        text += (text.empty() ? "" : ";") + item;
    }
    return text;
}

// Codes a vocabulary already has, and those the import will add.
struct VocabularyCodes {
    std::unordered_set<std::string> known;
    std::vector<std::string>* added = nullptr;

    void use(const std::string& code) {
        if (known.insert(code).second) {
            added->push_back(code);
        }
    }
};

class ImportChecker {
public:
    ImportChecker(Database& database, const ImportSource& source, ImportProblems& problems)
        : m_db(database.sql()), m_source(source), m_problems(problems) {
        m_plan.shape = source.shape;
        loadVocabulary(m_symptoms, "symptom", m_plan.newSymptoms);
        loadVocabulary(m_treatmentKinds, "treatment_kind", m_plan.newTreatmentKinds);
        loadVocabulary(m_triggers, "trigger_cause", m_plan.newTriggers);
        sql::Statement names(m_db, "SELECT name FROM client");
        while (names.executeStep()) {
            std::string name = names.getColumn(0).getString();
            m_databaseNames.emplace(foldForSearch(name), std::move(name));
        }
    }

    ImportPlan run() {
        if (m_source.shape == ImportShape::AllTables) {
            m_clientsFile = "clients.csv";
            m_sessionsFile = "sessions.csv";
            m_knotsFile = "knots.csv";
            read(ExportTable::Clients, [this](ImportRow& row) { clientRow(row); });
            read(ExportTable::Sessions, [this](ImportRow& row) { sessionRow(row); });
            read(ExportTable::Knots, [this](ImportRow& row) { knotRow(row); });
            // Each file walks the sessions from the first (ImportSessionTable).
            sessions().rewind();
            read(ExportTable::Treatments, [this](ImportRow& row) { treatmentRow(row); });
            sessions().rewind();
            read(ExportTable::Observations, [this](ImportRow& row) { observationRow(row); });
        } else {
            m_clientsFile = m_sessionsFile = m_knotsFile =
                m_source.observations.filename().string();
            read(ExportTable::Observations, [this](ImportRow& row) { observationOnlyRow(row); });
        }
        m_plan.clients = static_cast<std::int64_t>(m_clients.size());
        m_plan.sessions = sessions().size();
        m_plan.knots = static_cast<std::int64_t>(m_knots.size());
        m_plan.observations = m_keys.observationCount();
        m_plan.clientIds = shiftFor("client", m_minClientId);
        m_plan.sessionIds = shiftFor("session", m_minSessionId);
        m_plan.knotIds = shiftFor("knot", m_minKnotId);
        m_plan.treatmentIds = shiftFor("treatment", m_minTreatmentId);
        return m_plan;
    }

private:
    // A row with a problem still defines its id, so rows naming it are not
    // also reported; its other values are not compared (ok is false).
    struct ClientSeen {
        std::string name;
        std::int64_t line = 0;
        bool ok = true;
    };
    struct KnotSeen {
        Knot knot;
        std::int64_t line = 0;
        bool ok = true;
    };

    void loadVocabulary(VocabularyCodes& codes, const char* table,
                        std::vector<std::string>& added) {
        codes.added = &added;
        sql::Statement query(m_db, std::string("SELECT code FROM ") + table);
        while (query.executeStep()) {
            codes.known.insert(query.getColumn(0).getString());
        }
    }

    template <typename OnRow>
    void read(ExportTable table, OnRow onRow) {
        readImportTable(m_source.file(table), m_problems, onRow);
    }

    IdShift shiftFor(const char* table, Id minImported) {
        sql::Statement query(m_db, std::string("SELECT coalesce(max(id), 0) FROM ") + table);
        query.executeStep();
        const Id largest = query.getColumn(0).getInt64();
        return IdShift{minImported <= largest ? largest : 0};
    }

    // A client named by id on a row of Table: it must be known, under the same name.
    template <const CsvColumns& Table>
    bool checkClient(ImportRow& row, Id clientId, const std::string& clientName) {
        const auto found = m_clients.find(clientId);
        if (found == m_clients.end()) {
            row.problem(Table["client_id"],
                        "client " + std::to_string(clientId) + " is not in " + m_clientsFile);
            return false;
        }
        if (found->second.ok && found->second.name != clientName) {
            row.problem(Table["client_name"], "is " + quotedValue(clientName) + " but " +
                                                  where(m_clientsFile, found->second.line) +
                                                  " names client " + std::to_string(clientId) +
                                                  " " + quotedValue(found->second.name));
        }
        return true;
    }

    // Whether to keep what a row defines (its id, for the rows that name it).
    // A row with a problem is kept only while the list of problems has room:
    // that spares the rows naming it a follow-up problem. Past that, its
    // follow-ups are only counted, and memory does not grow with bad rows.
    [[nodiscard]] bool keeps(const ImportRow& row) const { return row.ok() || !m_problems.full(); }

    // A new client on a row of Table: its id and name must be new, to the
    // file and the database.
    template <const CsvColumns& Table>
    void addClient(ImportRow& row, Id id, const std::string& name) {
        // Folded as everywhere else (core/text_search.h): names that differ
        // only in case or accents would make --client and the search
        // ambiguous, so they are refused although the NOCASE index on
        // client.name (ASCII only) would take most of them.
        const std::string folded = name.size() <= kMaxNameBytes ? foldForSearch(name) : name;
        if (const auto other = m_clientNames.find(folded); other != m_clientNames.end()) {
            row.problem(Table["client_name"],
                        "client " + std::to_string(other->second) + " on " +
                            where(m_clientsFile, m_clients[other->second].line) +
                            " already has the name " + quotedValue(m_clients[other->second].name) +
                            " (names must differ in more than case and accents)");
        } else if (const auto known = m_databaseNames.find(folded);
                   known != m_databaseNames.end()) {
            row.problem(Table["client_name"],
                        "the database already has a client named " + quotedValue(known->second) +
                            " (names must differ in more than case and accents; import "
                            "into a new database, or rename one of them)");
        }
        m_minClientId = std::min(m_minClientId, id);
        if (!keeps(row)) {
            return;
        }
        // A name over the limit is a problem already, and may be megabytes long.
        const bool fits = name.size() <= kMaxNameBytes;
        if (fits) {
            m_clientNames.emplace(folded, id);
        }
        m_clients[id] = {fits ? name : std::string(), row.line(), row.ok()};
    }

    // A session named by id on a row of Table: it must be known, with the
    // same client and time.
    template <const CsvColumns& Table>
    const ImportSession* checkSession(ImportRow& row, Id sessionId, Id clientId,
                                      LocalTimestamp time) {
        const ImportSession* found = sessions().find(sessionId);
        if (found == nullptr) {
            row.problem(Table["session_id"],
                        "session " + std::to_string(sessionId) + " is not in " + m_sessionsFile);
            return nullptr;
        }
        const ImportSession& session = *found;
        if (!session.ok) {
            return nullptr;
        }
        if (session.client != clientId) {
            row.problem(Table["client_id"], "session " + std::to_string(sessionId) +
                                                " belongs to client " +
                                                std::to_string(session.client) + " on " +
                                                where(m_sessionsFile, session.line));
        }
        if (!(session.time == time)) {
            row.problem(Table["session_time"], "is " + quotedValue(row.raw(Table["session_time"])) +
                                                   " but " + where(m_sessionsFile, session.line) +
                                                   " has session " + std::to_string(sessionId) +
                                                   " at " + session.time.toIso8601());
        }
        return &session;
    }

    // The knot columns of an observation row against the knot they name.
    void checkKnotColumns(ImportRow& row, const Knot& knot, const KnotSeen& seen) {
        constexpr const CsvColumns& c = kObservationsCsv;
        const std::string source = where(m_knotsFile, seen.line);
        const Knot& known = seen.knot;
        if (!seen.ok) {
            return;
        }
        if (known.clientId != knot.clientId) {
            row.problem(c["knot_id"], "knot " + std::to_string(knot.id) + " belongs to client " +
                                          std::to_string(known.clientId) + " on " + source);
            return;
        }
        const auto differs = [&](CsvColumn column, const std::string& expected) {
            row.problem(column, "is " + quotedValue(row.raw(column)) + " but " + source + " has " +
                                    quotedValue(expected) + " for knot " + std::to_string(knot.id));
        };
        if (known.label != knot.label) {
            differs(c["knot_label"], known.label);
        }
        if (known.view != knot.view) {
            differs(c["view"], std::string(toCode(known.view)));
        }
        if (known.regionCode != knot.regionCode) {
            differs(c["region_code"], known.regionCode);
        }
        if (known.position.x != knot.position.x) {
            differs(c["x"], std::to_string(known.position.x));
        }
        if (known.position.y != knot.position.y) {
            differs(c["y"], std::to_string(known.position.y));
        }
    }

    void useCodes(VocabularyCodes& vocabulary, const std::vector<std::string>& codes) {
        for (const std::string& code : codes) {
            vocabulary.use(code);
        }
    }

    void clientRow(ImportRow& row) {
        constexpr const CsvColumns& c = kClientsCsv;
        const ClientRow parsed = parseClientRow(row);
        const Client& client = parsed.client;
        if (client.id == 0) {
            return;
        }
        if (const auto other = m_clients.find(client.id); other != m_clients.end()) {
            row.problem(c["client_id"], "client " + std::to_string(client.id) + " is also on " +
                                            where(m_clientsFile, other->second.line));
            return;
        }
        addClient<kClientsCsv>(row, client.id, client.name);
    }

    void sessionRow(ImportRow& row) {
        constexpr const CsvColumns& c = kSessionsCsv;
        const SessionRow parsed = parseSessionRow(row);
        const Session& session = parsed.session;
        if (row.ok()) {
            useCodes(m_triggers, session.triggerCodes);
        }
        if (session.clientId != 0) {
            checkClient<c>(row, session.clientId, parsed.clientName);
        }
        if (session.id == 0) {
            return;
        }
        if (const ImportSession* other = sessions().find(session.id); other != nullptr) {
            row.problem(c["session_id"], "session " + std::to_string(session.id) + " is also on " +
                                             where(m_sessionsFile, other->line));
            return;
        }
        m_minSessionId = std::min(m_minSessionId, session.id);
        if (keeps(row)) {
            sessions().add(session.id, {session.clientId, session.startedAt, session.kind,
                                        row.line(), row.ok()});
        }
    }

    void knotRow(ImportRow& row) {
        constexpr const CsvColumns& c = kKnotsCsv;
        KnotRow parsed = parseKnotRow(row);
        Knot& knot = parsed.knot;
        if (knot.clientId != 0) {
            checkClient<c>(row, knot.clientId, parsed.clientName);
        }
        if (knot.id == 0) {
            return;
        }
        if (const auto other = m_knots.find(knot.id); other != m_knots.end()) {
            row.problem(c["knot_id"], "knot " + std::to_string(knot.id) + " is also on " +
                                          where(m_knotsFile, other->second.line));
            return;
        }
        m_minKnotId = std::min(m_minKnotId, knot.id);
        if (keeps(row)) {
            if (knot.label.size() > kMaxNameBytes) {
                knot.label.clear(); // a problem already, and may be megabytes long
            }
            m_knots[knot.id] = {std::move(knot), row.line(), row.ok()};
        }
    }

    void treatmentRow(ImportRow& row) {
        constexpr const CsvColumns& c = kTreatmentsCsv;
        const TreatmentRow parsed = parseTreatmentRow(row);
        const Treatment& treatment = parsed.treatment;
        ++m_plan.treatments;
        if (row.ok()) {
            m_treatmentKinds.use(treatment.kindCode);
        }
        if (parsed.clientId != 0) {
            checkClient<c>(row, parsed.clientId, parsed.clientName);
        }
        const ImportSession* session =
            treatment.sessionId == 0
                ? nullptr
                : checkSession<c>(row, treatment.sessionId, parsed.clientId, parsed.sessionTime);
        if (treatment.knotId) {
            const auto knot = m_knots.find(*treatment.knotId);
            if (knot == m_knots.end()) {
                row.problem(c["knot_id"], "knot " + std::to_string(*treatment.knotId) +
                                              " is not in " + m_knotsFile);
            } else if (session != nullptr && knot->second.ok &&
                       knot->second.knot.clientId != session->client) {
                row.problem(c["knot_id"], "knot " + std::to_string(*treatment.knotId) +
                                              " belongs to another client than session " +
                                              std::to_string(treatment.sessionId));
            }
        }
        if (treatment.id != 0 && m_keys.hasTreatmentId(treatment.id)) {
            row.problem(c["treatment_id"],
                        "treatment " + std::to_string(treatment.id) + " is on an earlier line too");
        }
        if (treatment.id != 0) {
            m_minTreatmentId = std::min(m_minTreatmentId, treatment.id);
        }
        if (!keeps(row)) {
            return;
        }
        if (treatment.id != 0) {
            m_keys.addTreatmentId(treatment.id);
        }
        if (treatment.knotId) {
            m_keys.addTreatmentCode(rankOf(treatment.sessionId), treatment.sessionId,
                                    *treatment.knotId, treatment.kindCode);
        }
    }

    // An observation must be new, and (with every table) agree with the
    // session, knot and treatments it repeats.
    void observationRow(ImportRow& row) {
        constexpr const CsvColumns& c = kObservationsCsv;
        const ObservationRow parsed = parseObservationRow(row);
        const Observation& observation = parsed.observation;
        if (row.ok()) {
            useCodes(m_symptoms, observation.symptomCodes);
        }
        if (parsed.clientId != 0) {
            checkClient<c>(row, parsed.clientId, parsed.clientName);
        }
        if (observation.sessionId != 0) {
            const ImportSession* session =
                checkSession<c>(row, observation.sessionId, parsed.clientId, parsed.sessionTime);
            if (session != nullptr && session->kind != parsed.sessionKind) {
                row.problem(c["session_kind"], "is " + quotedValue(row.raw(c["session_kind"])) +
                                                   " but " + where(m_sessionsFile, session->line) +
                                                   " has " + std::string(toCode(session->kind)));
            }
        }
        if (observation.knotId != 0) {
            const auto knot = m_knots.find(observation.knotId);
            if (knot == m_knots.end()) {
                row.problem(c["knot_id"], "knot " + std::to_string(observation.knotId) +
                                              " is not in " + m_knotsFile);
            } else {
                checkKnotColumns(row, parsed.knot, knot->second);
            }
        }
        const std::pair<Id, Id> key{observation.sessionId, observation.knotId};
        const ImportKeyIndex::Rank rank = rankOf(key.first);
        if (row.ok()) {
            const std::string expected = m_keys.treatmentCodes(rank, key.first, key.second);
            if (joined(parsed.treatmentCodes) != expected) {
                row.problem(c["treatments"], "is " + quotedValue(row.raw(c["treatments"])) +
                                                 " but treatments.csv has " +
                                                 quotedValue(expected) +
                                                 " for this knot in this session");
            }
        }
        addObservation(row, rank, key);
    }

    // With the observations file alone, the first row naming a client,
    // session or knot defines it and every later row must agree.
    void observationOnlyRow(ImportRow& row) {
        constexpr const CsvColumns& c = kObservationsCsv;
        const ObservationRow parsed = parseObservationRow(row);
        const Observation& observation = parsed.observation;
        m_plan.treatments += static_cast<std::int64_t>(parsed.treatmentCodes.size());
        if (!row.ok()) {
            return; // a row with a bad id or time would only add confusing follow-ups
        }
        useCodes(m_symptoms, observation.symptomCodes);
        useCodes(m_treatmentKinds, parsed.treatmentCodes);
        if (m_clients.count(parsed.clientId) == 0) {
            addClient<c>(row, parsed.clientId, parsed.clientName);
        } else {
            checkClient<c>(row, parsed.clientId, parsed.clientName);
        }
        if (sessions().find(observation.sessionId) == nullptr) {
            sessions().add(observation.sessionId,
                           {parsed.clientId, parsed.sessionTime, parsed.sessionKind, row.line()});
            m_minSessionId = std::min(m_minSessionId, observation.sessionId);
        } else if (const ImportSession* session = checkSession<c>(
                       row, observation.sessionId, parsed.clientId, parsed.sessionTime);
                   session != nullptr && session->kind != parsed.sessionKind) {
            row.problem(c["session_kind"], "is " + quotedValue(row.raw(c["session_kind"])) +
                                               " but " + where(m_sessionsFile, session->line) +
                                               " has " + std::string(toCode(session->kind)));
        }
        if (const auto knot = m_knots.find(observation.knotId); knot == m_knots.end()) {
            m_knots[observation.knotId] = {parsed.knot, row.line()};
            m_minKnotId = std::min(m_minKnotId, observation.knotId);
        } else {
            checkKnotColumns(row, parsed.knot, knot->second);
        }
        addObservation(row, rankOf(observation.sessionId),
                       {observation.sessionId, observation.knotId});
    }

    // A session's place in the order of the input's sessions, for m_keys:
    // the line that defines it, or none for a session the input lacks.
    [[nodiscard]] ImportKeyIndex::Rank rankOf(Id sessionId) {
        const ImportSession* found = sessions().find(sessionId);
        return found == nullptr ? std::nullopt : ImportKeyIndex::Rank(found->line);
    }

    void addObservation(ImportRow& row, ImportKeyIndex::Rank rank, const std::pair<Id, Id>& key) {
        constexpr const CsvColumns& c = kObservationsCsv;
        if (key.first == 0 || key.second == 0) {
            return;
        }
        // Recorded only when kept: past the list's room a bad row's pair is
        // not remembered, as before, and its follow-ups are not reported.
        if (keeps(row)) {
            if (!m_keys.addObservation(rank, key.first, key.second)) {
                row.problem(c["knot_id"], "knot " + std::to_string(key.second) +
                                              " is observed twice in session " +
                                              std::to_string(key.first));
            }
        } else if (m_keys.hasObservation(rank, key.first, key.second)) {
            row.problem(c["knot_id"], "knot " + std::to_string(key.second) +
                                          " is observed twice in session " +
                                          std::to_string(key.first));
        }
    }

    sql::Connection& m_db;
    const ImportSource& m_source;
    ImportProblems& m_problems;
    ImportPlan m_plan;
    std::string m_clientsFile;
    std::string m_sessionsFile;
    std::string m_knotsFile;

    // Folded name (foldForSearch) -> the name as the database spells it.
    std::unordered_map<std::string, std::string> m_databaseNames;
    // Clients of the file by folded name.
    std::unordered_map<std::string, Id> m_clientNames;
    std::unordered_map<Id, ClientSeen> m_clients;
    std::unordered_map<Id, KnotSeen> m_knots;
    // Every session, observation pair, treatment id and treatment list
    // (bounded memory).
    ImportKeyIndex m_keys;
    [[nodiscard]] ImportSessionTable& sessions() { return m_keys.sessions(); }
    VocabularyCodes m_symptoms;
    VocabularyCodes m_treatmentKinds;
    VocabularyCodes m_triggers;

    static constexpr Id kNone = std::numeric_limits<Id>::max();
    Id m_minClientId = kNone;
    Id m_minSessionId = kNone;
    Id m_minKnotId = kNone;
    Id m_minTreatmentId = kNone;
};

} // namespace

ImportPlan checkImport(Database& database, const ImportSource& source, ImportProblems& problems) {
    return ImportChecker(database, source, problems).run();
}

} // namespace knotmap
