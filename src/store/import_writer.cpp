#include "store/import_writer.h"

#include "core/import_table.h"
#include "core/text_search.h"
#include "core/validation.h"
#include "store/import_rows.h"
#include "store/row_binding.h"
#include "store/statement_helpers.h"
#include "store/store_error.h"

#include "store/sql/statement.h"

#include <cctype>
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
                                     "FROM " + t + "))");
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

class ImportWriter {
public:
    ImportWriter(Database& database, const ImportSource& source, const ImportPlan& plan)
        : m_db(database.sql()), m_source(source), m_plan(plan),
          m_client(m_db, "INSERT INTO client (id, name, birth_year, notes, archived, created_utc) "
                         "VALUES (?, ?, ?, ?, ?, ?)"),
          m_session(m_db, "INSERT INTO session (client_id, started_utc, utc_offset_min, kind, "
                          "overall_pain, stress, sleep, therapist, subjective, objective, "
                          "assessment, plan, notes, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                          "?, ?, ?)"),
          m_trigger(m_db, "INSERT INTO session_trigger (session_id, trigger_id) "
                          "SELECT ?, id FROM trigger_cause WHERE code = ?"),
          m_sign(m_db, "UPDATE session SET signed_by = ?, signed_utc = ? WHERE id = ?"),
          m_knot(m_db, "INSERT INTO knot (client_id, view, x, y, region_code, label, status, id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
          m_observation(m_db, "INSERT INTO observation (session_id, knot_id, pain, kind, notes) "
                              "VALUES (?, ?, ?, ?, ?) RETURNING id"),
          m_symptom(m_db, "INSERT INTO observation_symptom (observation_id, symptom_id) "
                          "SELECT ?, id FROM symptom WHERE code = ?"),
          m_referral(m_db, "INSERT INTO observation_referral (observation_id, region_code) "
                           "VALUES (?, ?)"),
          m_treatment(m_db, "INSERT INTO treatment (id, session_id, knot_id, kind_id, minutes, "
                            "intensity, pain_before, pain_after, medication, notes) VALUES "
                            "(?, ?, ?, (SELECT id FROM treatment_kind WHERE code = ?), ?, ?, ?, "
                            "?, ?, ?)"),
          m_createdUtc(LocalTimestamp::now().utcSeconds()) {}

    void run() {
        addVocabulary(m_db, "symptom", m_plan.newSymptoms);
        addVocabulary(m_db, "treatment_kind", m_plan.newTreatmentKinds);
        addVocabulary(m_db, "trigger_cause", m_plan.newTriggers);
        if (m_source.shape == ImportShape::AllTables) {
            read(ExportTable::Clients, [this](ImportRow& row) {
                const ClientRow parsed = parseClientRow(row);
                insertClient(parsed.client);
            });
            read(ExportTable::Sessions, [this](ImportRow& row) {
                const SessionRow parsed = parseSessionRow(row);
                insertSession(parsed.session, parsed.signedAt);
            });
            read(ExportTable::Knots, [this](ImportRow& row) { insertKnot(parseKnotRow(row).knot); });
            read(ExportTable::Observations, [this](ImportRow& row) {
                insertObservation(parseObservationRow(row).observation);
            });
            read(ExportTable::Treatments, [this](ImportRow& row) {
                const TreatmentRow parsed = parseTreatmentRow(row);
                insertTreatment(parsed.treatment, true);
            });
            signVisits();
        } else {
            read(ExportTable::Observations, [this](ImportRow& row) { observationOnlyRow(row); });
        }
    }

private:
    template <typename OnRow> void read(ExportTable table, OnRow onRow) {
        ImportProblems problems(1);
        const ImportTableFile file = m_source.file(table);
        readImportTable(file, problems, [&](ImportRow& row) {
            onRow(row);
            if (!row.ok()) {
                throw StoreError(file.name + " changed while it was imported: " +
                                 problems.describe());
            }
        });
        if (!problems.empty()) {
            throw StoreError(file.name + " changed while it was imported: " + problems.describe());
        }
    }

    void insertClient(const Client& client) {
        m_client.tryReset();
        m_client.bind(1, idOf(m_plan.clientIds(client.id)));
        m_client.bind(2, client.name);
        bindOptional(m_client, 3, client.birthYear);
        m_client.bind(4, client.notes);
        m_client.bind(5, client.archived ? 1 : 0);
        m_client.bind(6, static_cast<std::int64_t>(m_createdUtc));
        m_client.exec();
    }

    void insertSession(Session session, const std::optional<LocalTimestamp>& signedAt) {
        const Id id = m_plan.sessionIds(session.id);
        session.clientId = m_plan.clientIds(session.clientId);
        m_session.tryReset();
        bindSessionFields(m_session, session);
        m_session.bind(14, idOf(id));
        m_session.exec();
        for (const std::string& code : session.triggerCodes) {
            m_trigger.tryReset();
            m_trigger.bind(1, idOf(id));
            m_trigger.bind(2, code);
            m_trigger.exec();
        }
        if (signedAt) {
            // The CSV keeps when a visit was signed, not by whom; the visit's
            // therapist is the best account of it (docs/csv-format.md).
            m_signatures.push_back(
                {idOf(id), session.therapist.empty() ? std::string("Imported") : session.therapist,
                 signedAt->utcSeconds()});
        }
    }

    // Signed last, once the visits' triggers, ratings and treatments are in:
    // the schema refuses anything added to a signed visit.
    void signVisits() {
        for (const PendingSignature& signature : m_signatures) {
            m_sign.tryReset();
            m_sign.bind(1, signature.signedBy);
            m_sign.bind(2, static_cast<std::int64_t>(signature.signedUtc));
            m_sign.bind(3, signature.sessionId);
            m_sign.exec();
        }
    }

    void insertKnot(Knot knot) {
        knot.clientId = m_plan.clientIds(knot.clientId);
        m_knot.tryReset();
        bindKnotFields(m_knot, knot);
        m_knot.bind(8, idOf(m_plan.knotIds(knot.id)));
        m_knot.exec();
    }

    void insertObservation(const Observation& observation) {
        m_observation.tryReset();
        m_observation.bind(1, idOf(m_plan.sessionIds(observation.sessionId)));
        m_observation.bind(2, idOf(m_plan.knotIds(observation.knotId)));
        m_observation.bind(3, observation.pain);
        m_observation.bind(4, std::string(toCode(observation.kind)));
        m_observation.bind(5, observation.notes);
        const std::int64_t id = insertReturningId(m_observation);
        for (const std::string& code : observation.symptomCodes) {
            m_symptom.tryReset();
            m_symptom.bind(1, id);
            m_symptom.bind(2, code);
            m_symptom.exec();
        }
        for (const std::string& code : observation.referredRegionCodes) {
            m_referral.tryReset();
            m_referral.bind(1, id);
            m_referral.bind(2, code);
            m_referral.exec();
        }
    }

    // keepId: the treatments table's own id; otherwise SQLite picks one.
    void insertTreatment(const Treatment& treatment, bool keepId) {
        m_treatment.tryReset();
        if (keepId) {
            m_treatment.bind(1, idOf(m_plan.treatmentIds(treatment.id)));
        } else {
            m_treatment.bind(1);
        }
        m_treatment.bind(2, idOf(m_plan.sessionIds(treatment.sessionId)));
        if (treatment.knotId) {
            m_treatment.bind(3, idOf(m_plan.knotIds(*treatment.knotId)));
        } else {
            m_treatment.bind(3);
        }
        m_treatment.bind(4, treatment.kindCode);
        bindOptional(m_treatment, 5, treatment.minutes);
        if (treatment.intensity) {
            m_treatment.bind(6, std::string(toCode(*treatment.intensity)));
        } else {
            m_treatment.bind(6);
        }
        bindOptional(m_treatment, 7, treatment.painBefore);
        bindOptional(m_treatment, 8, treatment.painAfter);
        m_treatment.bind(9, treatment.medication);
        m_treatment.bind(10, treatment.notes);
        m_treatment.exec();
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
    sql::Statement m_client;
    sql::Statement m_session;
    sql::Statement m_trigger;
    sql::Statement m_sign;
    struct PendingSignature {
        std::int64_t sessionId;
        std::string signedBy;
        std::int64_t signedUtc;
    };
    std::vector<PendingSignature> m_signatures;
    sql::Statement m_knot;
    sql::Statement m_observation;
    sql::Statement m_symptom;
    sql::Statement m_referral;
    sql::Statement m_treatment;
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
