#include "store/import_writer.h"

#include "core/import_table.h"
#include "core/text_search.h"
#include "core/validation.h"
#include "store/import_rows.h"
#include "store/import_sink.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/store_error.h"

#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace knotmap {
namespace {

using namespace statement_helpers;

// "custom_jaw_click" -> "Jaw click": the export carries only the code of a
// custom vocabulary entry, so the name is made back from it.
std::string nameFromCode(const std::string& code) {
    std::string name = code.rfind("custom_", 0) == 0 ? code.substr(7) : code;
    for (char& c : name) {
        if (c == '_') {
            c = ' ';
        }
    }
    if (name.empty()) {
        name = code;
    }
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
}

// At most maxBytes, never cutting a UTF-8 character in two.
std::string fitted(std::string text, std::size_t maxBytes) {
    if (text.size() > maxBytes) {
        std::size_t end = maxBytes;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;
        }
        text.resize(end);
    }
    return text;
}

void addVocabulary(sql::Connection& db, const char* table, const std::vector<std::string>& codes) {
    const std::string t = table;
    // Names compared folded, as the vocabulary window does (core/text_search.h).
    std::unordered_set<std::string> names;
    sql::Statement existing(db, "SELECT name FROM " + t);
    while (existing.executeStep()) {
        names.insert(foldForSearch(existing.getColumn(0).getString()));
    }
    const auto taken = [&names](const std::string& name) {
        return names.count(foldForSearch(name)) != 0;
    };
    sql::Statement insert(db, "INSERT INTO " + t +
                                  " (code, name, builtin, hidden, sort_order) VALUES "
                                  "(?, ?, 0, 0, (SELECT coalesce(max(sort_order), 0) + 10 "
                                  "FROM " +
                                  t + "))");
    for (const std::string& code : codes) {
        // A code may be longer than a name may (core/validation.h).
        const std::string base = fitted(nameFromCode(code), kMaxNameBytes);
        std::string name = base;
        const std::string withCode = " (" + code + ")"; // the code is unique, so this name is too
        if (taken(name) && withCode.size() < kMaxNameBytes) {
            name = fitted(base, kMaxNameBytes - withCode.size()) + withCode;
        }
        for (int n = 2; taken(name); ++n) {
            const std::string number = " (" + std::to_string(n) + ")";
            name = fitted(base, kMaxNameBytes - number.size()) + number;
        }
        insert.tryReset();
        insert.bind(1, code);
        insert.bind(2, name);
        insert.exec();
        names.insert(foldForSearch(name));
    }
}

std::int64_t idOf(Id id) {
    return static_cast<std::int64_t>(id);
}

// code -> id of a vocabulary, once the import's new codes are in.
std::unordered_map<std::string, std::int64_t> idsByCode(sql::Connection& db, const char* table) {
    std::unordered_map<std::string, std::int64_t> ids;
    sql::Statement query(db, std::string("SELECT code, id FROM ") + table);
    while (query.executeStep()) {
        ids.emplace(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    }
    return ids;
}

class ImportWriter {
public:
    ImportWriter(Database& database, const ImportSource& source, const ImportPlan& plan)
        : m_db(database.sql()), m_source(source), m_plan(plan),
          m_client(m_db, "client",
                   {"id", "name", "birth_year", "notes", "archived", "created_utc"}),
          m_session(m_db, "session",
                    {"id", "client_id", "started_utc", "utc_offset_min", "kind", "overall_pain",
                     "stress", "sleep", "therapist", "subjective", "objective", "assessment",
                     "plan", "notes"}),
          m_trigger(m_db, "session_trigger", {"session_id", "trigger_id"}),
          m_knot(m_db, "knot",
                 {"id", "client_id", "view", "x", "y", "region_code", "label", "status"}),
          m_observation(m_db, "observation",
                        {"id", "session_id", "knot_id", "pain", "kind", "notes"}),
          m_symptom(m_db, "observation_symptom", {"observation_id", "symptom_id"}),
          m_referral(m_db, "observation_referral", {"observation_id", "region_code"}),
          m_treatment(m_db, "treatment",
                      {"id", "session_id", "knot_id", "kind_id", "minutes", "intensity",
                       "pain_before", "pain_after", "medication", "notes"}),
          m_sinks({&m_client, &m_session, &m_trigger, &m_knot, &m_observation, &m_symptom,
                   &m_referral, &m_treatment}),
          m_createdUtc(LocalTimestamp::now().utcSeconds()) {}

    void run() {
        addVocabulary(m_db, "symptom", m_plan.newSymptoms);
        addVocabulary(m_db, "treatment_kind", m_plan.newTreatmentKinds);
        addVocabulary(m_db, "trigger_cause", m_plan.newTriggers);
        m_symptomIds = idsByCode(m_db, "symptom");
        m_treatmentKindIds = idsByCode(m_db, "treatment_kind");
        m_triggerIds = idsByCode(m_db, "trigger_cause");
        // Observations are not in the files under an id of their own: they
        // get the next free ones, in file order, as an insert without an id
        // would give them, but known here for their symptoms and regions.
        m_nextObservationId =
            m_db.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM observation").getInt64();
        if (m_source.shape == ImportShape::AllTables) {
            read(ExportTable::Clients, [this](ImportRow& row) {
                const ClientRow parsed = parseClientRow(row);
                insertClient(parsed.client);
            });
            read(ExportTable::Sessions, [this](ImportRow& row) {
                const SessionRow parsed = parseSessionRow(row);
                insertSession(parsed.session, parsed.signedAt);
            });
            read(ExportTable::Knots,
                 [this](ImportRow& row) { insertKnot(parseKnotRow(row).knot); });
            read(ExportTable::Observations, [this](ImportRow& row) {
                insertObservation(parseObservationRow(row).observation);
            });
            read(ExportTable::Treatments, [this](ImportRow& row) {
                const TreatmentRow parsed = parseTreatmentRow(row);
                insertTreatment(parsed.treatment, true);
            });
        } else {
            read(ExportTable::Observations, [this](ImportRow& row) { observationOnlyRow(row); });
        }
        m_sinks.flush();
        signVisits();
    }

private:
    template <typename OnRow>
    void read(ExportTable table, OnRow onRow) {
        ImportProblems problems(1);
        const ImportTableFile file = m_source.file(table);
        readImportTable(file, problems, [&](ImportRow& row) {
            onRow(row);
            if (!row.ok()) {
                throw StoreError(file.name +
                                 " changed while it was imported: " + problems.describe());
            }
            m_sinks.rowWritten();
        });
        if (!problems.empty()) {
            throw StoreError(file.name + " changed while it was imported: " + problems.describe());
        }
        // A table's rows are all in before the next file's rows name them.
        m_sinks.flush();
    }

    // The id of a vocabulary code the check found or the import added.
    std::int64_t vocabularyId(const std::unordered_map<std::string, std::int64_t>& ids,
                              const char* table, const std::string& code) {
        const auto found = ids.find(code);
        if (found == ids.end()) {
            throw StoreError(std::string(table) + " " + quotedValue(code) +
                             " is missing from the database although the import checked it");
        }
        return found->second;
    }

    void insertClient(const Client& client) {
        m_client.integer(idOf(m_plan.clientIds(client.id)))
            .text(client.name)
            .optionalInteger(client.birthYear)
            .text(client.notes)
            .integer(client.archived ? 1 : 0)
            .integer(m_createdUtc)
            .endRow();
    }

    void insertSession(const Session& session, const std::optional<LocalTimestamp>& signedAt) {
        const std::int64_t id = idOf(m_plan.sessionIds(session.id));
        m_session.integer(id)
            .integer(idOf(m_plan.clientIds(session.clientId)))
            .integer(session.startedAt.utcSeconds())
            .integer(session.startedAt.offsetMinutes())
            .text(toCode(session.kind))
            .optionalInteger(session.overallPain)
            .optionalInteger(session.stress)
            .optionalInteger(session.sleep)
            .text(session.therapist)
            .text(session.subjective)
            .text(session.objective)
            .text(session.assessment)
            .text(session.plan)
            .text(session.notes)
            .endRow();
        for (const std::string& code : session.triggerCodes) {
            m_trigger.integer(id).integer(vocabularyId(m_triggerIds, "trigger", code)).endRow();
        }
        if (signedAt) {
            // The CSV keeps when a visit was signed, not by whom; the visit's
            // therapist is the best account of it (docs/csv-format.md).
            m_signatures.push_back(
                {id, session.therapist.empty() ? std::string("Imported") : session.therapist,
                 signedAt->utcSeconds()});
        }
    }

    // Signed last, once the visits' triggers, ratings and treatments are in:
    // the schema refuses anything added to a signed visit.
    void signVisits() {
        if (m_signatures.empty()) {
            return;
        }
        sql::Statement sign(m_db, "UPDATE session SET signed_by = ?, signed_utc = ? WHERE id = ?");
        for (const PendingSignature& signature : m_signatures) {
            sign.tryReset();
            sign.bind(1, signature.signedBy);
            sign.bind(2, static_cast<std::int64_t>(signature.signedUtc));
            sign.bind(3, signature.sessionId);
            sign.exec();
        }
    }

    void insertKnot(const Knot& knot) {
        m_knot.integer(idOf(m_plan.knotIds(knot.id)))
            .integer(idOf(m_plan.clientIds(knot.clientId)))
            .text(toCode(knot.view))
            .real(knot.position.x)
            .real(knot.position.y)
            .text(knot.regionCode)
            .text(knot.label)
            .text(toCode(knot.status))
            .endRow();
    }

    void insertObservation(const Observation& observation) {
        const std::int64_t id = m_nextObservationId++;
        m_observation.integer(id)
            .integer(idOf(m_plan.sessionIds(observation.sessionId)))
            .integer(idOf(m_plan.knotIds(observation.knotId)))
            .integer(observation.pain)
            .text(toCode(observation.kind))
            .text(observation.notes)
            .endRow();
        for (const std::string& code : observation.symptomCodes) {
            m_symptom.integer(id).integer(vocabularyId(m_symptomIds, "symptom", code)).endRow();
        }
        for (const std::string& code : observation.referredRegionCodes) {
            m_referral.integer(id).text(code).endRow();
        }
    }

    // keepId: the treatments table's own id; otherwise the database picks one.
    void insertTreatment(const Treatment& treatment, bool keepId) {
        if (keepId) {
            m_treatment.integer(idOf(m_plan.treatmentIds(treatment.id)));
        } else {
            m_treatment.null();
        }
        m_treatment.integer(idOf(m_plan.sessionIds(treatment.sessionId)));
        if (treatment.knotId) {
            m_treatment.integer(idOf(m_plan.knotIds(*treatment.knotId)));
        } else {
            m_treatment.null();
        }
        m_treatment.integer(vocabularyId(m_treatmentKindIds, "treatment kind", treatment.kindCode))
            .optionalInteger(treatment.minutes);
        if (treatment.intensity) {
            m_treatment.text(toCode(*treatment.intensity));
        } else {
            m_treatment.null();
        }
        m_treatment.optionalInteger(treatment.painBefore)
            .optionalInteger(treatment.painAfter)
            .text(treatment.medication)
            .text(treatment.notes)
            .endRow();
    }

    // The first row naming a client, session or knot creates it.
    void observationOnlyRow(ImportRow& row) {
        ObservationRow parsed = parseObservationRow(row);
        if (m_clientsSeen.insert(parsed.clientId).second) {
            Client client;
            client.id = parsed.clientId;
            client.name = parsed.clientName;
            insertClient(client);
        }
        if (m_sessionsSeen.insert(parsed.observation.sessionId).second) {
            Session session;
            session.id = parsed.observation.sessionId;
            session.clientId = parsed.clientId;
            session.startedAt = parsed.sessionTime;
            session.kind = parsed.sessionKind;
            insertSession(session, std::nullopt);
        }
        if (m_knotsSeen.insert(parsed.knot.id).second) {
            insertKnot(parsed.knot);
        }
        insertObservation(parsed.observation);
        for (const std::string& code : parsed.treatmentCodes) {
            Treatment treatment;
            treatment.sessionId = parsed.observation.sessionId;
            treatment.knotId = parsed.knot.id;
            treatment.kindCode = code;
            insertTreatment(treatment, false);
        }
    }

    sql::Connection& m_db;
    const ImportSource& m_source;
    const ImportPlan& m_plan;
    ImportSink m_client;
    ImportSink m_session;
    ImportSink m_trigger;
    ImportSink m_knot;
    ImportSink m_observation;
    ImportSink m_symptom;
    ImportSink m_referral;
    ImportSink m_treatment;
    ImportSinks m_sinks;
    struct PendingSignature {
        std::int64_t sessionId;
        std::string signedBy;
        std::int64_t signedUtc;
    };
    std::vector<PendingSignature> m_signatures;
    std::unordered_map<std::string, std::int64_t> m_symptomIds;
    std::unordered_map<std::string, std::int64_t> m_treatmentKindIds;
    std::unordered_map<std::string, std::int64_t> m_triggerIds;
    std::int64_t m_nextObservationId = 1;
    std::int64_t m_createdUtc;
    std::unordered_set<Id> m_clientsSeen;
    std::unordered_set<Id> m_sessionsSeen;
    std::unordered_set<Id> m_knotsSeen;
};

} // namespace

void writeImport(Database& database, const ImportSource& source, const ImportPlan& plan) {
    ImportWriter(database, source, plan).run();
}

} // namespace knotmap
