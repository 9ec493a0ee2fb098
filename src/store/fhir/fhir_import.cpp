#include "store/fhir/fhir_import.h"

#include "core/fhir/fhir_reader.h"
#include "core/text_search.h"
#include "store/csv_import.h"
#include "store/sql/statement.h"
#include "store/write_transaction.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

namespace knotmap {
namespace {

namespace fs = std::filesystem;
using fhir::ImportedRecords;

ImportedRecords readInput(const FhirImportInput& input, ImportProblems& problems) {
    fhir::FhirReader reader(problems);
    for (const fs::path& file : input.files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            problems.add({file.filename().string(), 0, 0, "", 0, "cannot be read"});
            continue;
        }
        const std::string name = file.filename().string();
        if (input.ndjson) {
            reader.readNdjson(in, name);
        } else {
            std::ostringstream text;
            text << in.rdbuf();
            reader.readBundle(text.str(), name);
        }
    }
    return reader.finish();
}

// The one offset added to every id of the file: 0 when none of them is taken
// (so an export imported into a new database exports again identically),
// otherwise past the largest id any of the tables uses.
std::int64_t idOffset(sql::Connection& db, const ImportedRecords& records) {
    struct Table {
        const char* name;
        std::vector<Id> ids;
    };
    std::vector<Table> tables{
        {"client", {}}, {"session", {}}, {"knot", {}}, {"observation", {}}, {"treatment", {}}};
    for (const auto& r : records.clients)
        tables[0].ids.push_back(r.id);
    for (const auto& r : records.sessions)
        tables[1].ids.push_back(r.id);
    for (const auto& r : records.knots)
        tables[2].ids.push_back(r.id);
    for (const auto& r : records.observations)
        tables[3].ids.push_back(r.id);
    for (const auto& r : records.treatments)
        tables[4].ids.push_back(r.id);
    bool taken = false;
    std::int64_t largest = 0;
    for (const Table& table : tables) {
        sql::Statement exists(db, std::string("SELECT 1 FROM ") + table.name + " WHERE id = ?");
        for (Id id : table.ids) {
            if (taken) {
                break;
            }
            exists.tryReset();
            exists.bind(1, static_cast<std::int64_t>(id));
            taken = exists.executeStep();
        }
        sql::Statement max(db, std::string("SELECT coalesce(max(id), 0) FROM ") + table.name);
        max.executeStep();
        largest = std::max(largest, max.getColumn(0).getInt64());
    }
    return taken ? largest : 0;
}

// Vocabulary codes the database lacks, added with the file's names (a name
// another code already has gets the code after it, as the CSV import does).
void addVocabulary(sql::Connection& db, const char* table, const char* what,
                   const std::map<std::string, std::string>& terms, std::vector<std::string>& added,
                   bool write) {
    std::set<std::string> codes;
    std::unordered_set<std::string> names;
    sql::Statement existing(db, std::string("SELECT code, name FROM ") + table);
    while (existing.executeStep()) {
        codes.insert(existing.getColumn(0).getString());
        names.insert(foldForSearch(existing.getColumn(1).getString()));
    }
    sql::Statement insert(db, std::string("INSERT INTO ") + table +
                                  " (code, name, builtin, hidden, sort_order) VALUES (?, ?, 0, 0, "
                                  "(SELECT coalesce(max(sort_order), 0) + 10 FROM " +
                                  table + "))");
    for (const auto& [code, fileName] : terms) {
        if (codes.count(code) != 0) {
            continue;
        }
        std::string name = fileName.empty() ? code : fileName;
        if (names.count(foldForSearch(name)) != 0) {
            name += " (" + code + ")";
        }
        added.push_back(std::string(what) + " " + code);
        names.insert(foldForSearch(name));
        if (write) {
            insert.tryReset();
            insert.bind(1, code);
            insert.bind(2, name);
            insert.exec();
        }
    }
}

std::map<std::string, std::int64_t> idsByCode(sql::Connection& db, const char* table) {
    std::map<std::string, std::int64_t> ids;
    sql::Statement query(db, std::string("SELECT code, id FROM ") + table);
    while (query.executeStep()) {
        ids.emplace(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    }
    return ids;
}

// Clients are unique by name (ignoring case): one already in the database
// is a problem to report, not a constraint error mid-write.
void checkClientNames(sql::Connection& db, const ImportedRecords& records,
                      ImportProblems& problems) {
    std::unordered_set<std::string> names;
    sql::Statement existing(db, "SELECT name FROM client");
    while (existing.executeStep()) {
        names.insert(foldForSearch(existing.getColumn(0).getString()));
    }
    for (const fhir::ClientRecord& client : records.clients) {
        if (!names.insert(foldForSearch(client.name)).second) {
            problems.add(fhir::problemAt(records.clientPlaces.at(client.id), "name[0].text",
                                         "a client named \"" + client.name +
                                             "\" is already in the database (or earlier in "
                                             "the file)"));
        }
    }
}

void writeRecords(sql::Connection& db, const ImportedRecords& records, std::int64_t offset,
                  const std::function<void()>& checkpoint) {
    const auto symptoms = idsByCode(db, "symptom");
    const auto treatmentKinds = idsByCode(db, "treatment_kind");
    const auto triggers = idsByCode(db, "trigger_cause");
    const std::int64_t now = LocalTimestamp::now().utcSeconds();
    sql::Statement client(db, "INSERT INTO client (id, name, birth_year, notes, archived, "
                              "created_utc) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& r : records.clients) {
        client.tryReset();
        client.bind(1, r.id + offset);
        client.bind(2, r.name);
        client.bind(3, r.birthYear);
        client.bind(4, r.notes);
        client.bind(5, r.archived);
        client.bind(6, now);
        client.exec();
    }
    checkpoint();
    sql::Statement session(db, "INSERT INTO session (id, client_id, started_utc, utc_offset_min, "
                               "kind, overall_pain, stress, sleep, therapist, subjective, "
                               "objective, assessment, plan, notes) VALUES "
                               "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sql::Statement trigger(db,
                           "INSERT INTO session_trigger (session_id, trigger_id) VALUES (?, ?)");
    for (const auto& r : records.sessions) {
        session.tryReset();
        session.bind(1, r.id + offset);
        session.bind(2, r.clientId + offset);
        session.bind(3, r.started.utcSeconds());
        session.bind(4, r.started.offsetMinutes());
        session.bind(5, r.kind);
        session.bind(6, r.overallPain);
        session.bind(7, r.stress);
        session.bind(8, r.sleep);
        session.bind(9, r.therapist);
        session.bind(10, r.subjective);
        session.bind(11, r.objective);
        session.bind(12, r.assessment);
        session.bind(13, r.plan);
        session.bind(14, r.notes);
        session.exec();
        for (const auto& t : r.triggers) {
            trigger.tryReset();
            trigger.bind(1, r.id + offset);
            trigger.bind(2, triggers.at(t.code));
            trigger.exec();
        }
    }
    checkpoint();
    sql::Statement knot(db, "INSERT INTO knot (id, client_id, view, x, y, region_code, label, "
                            "status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& r : records.knots) {
        knot.tryReset();
        knot.bind(1, r.id + offset);
        knot.bind(2, r.clientId + offset);
        knot.bind(3, r.view);
        knot.bind(4, r.x);
        knot.bind(5, r.y);
        knot.bind(6, r.regionCode);
        knot.bind(7, r.label);
        knot.bind(8, r.status);
        knot.exec();
    }
    checkpoint();
    sql::Statement observation(db, "INSERT INTO observation (id, session_id, knot_id, pain, kind, "
                                   "notes) VALUES (?, ?, ?, ?, ?, ?)");
    sql::Statement symptom(db, "INSERT INTO observation_symptom (observation_id, symptom_id) "
                               "VALUES (?, ?)");
    sql::Statement referral(db, "INSERT INTO observation_referral (observation_id, region_code) "
                                "VALUES (?, ?)");
    for (const auto& r : records.observations) {
        observation.tryReset();
        observation.bind(1, r.id + offset);
        observation.bind(2, r.sessionId + offset);
        observation.bind(3, r.knotId + offset);
        observation.bind(4, r.pain);
        observation.bind(5, r.kind);
        observation.bind(6, r.notes);
        observation.exec();
        for (const auto& s : r.symptoms) {
            symptom.tryReset();
            symptom.bind(1, r.id + offset);
            symptom.bind(2, symptoms.at(s.code));
            symptom.exec();
        }
        for (const auto& region : r.referredRegions) {
            referral.tryReset();
            referral.bind(1, r.id + offset);
            referral.bind(2, region);
            referral.exec();
        }
    }
    checkpoint();
    sql::Statement treatment(db, "INSERT INTO treatment (id, session_id, knot_id, kind_id, "
                                 "minutes, intensity, pain_before, pain_after, medication, notes) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& r : records.treatments) {
        treatment.tryReset();
        treatment.bind(1, r.id + offset);
        treatment.bind(2, r.sessionId + offset);
        if (r.knotId) {
            treatment.bind(3, *r.knotId + offset);
        } else {
            treatment.bind(3);
        }
        treatment.bind(4, treatmentKinds.at(r.kind.code));
        treatment.bind(5, r.minutes);
        if (r.intensity.empty()) {
            treatment.bind(6);
        } else {
            treatment.bind(6, r.intensity);
        }
        treatment.bind(7, r.painBefore);
        treatment.bind(8, r.painAfter);
        treatment.bind(9, r.medication);
        treatment.bind(10, r.notes);
        treatment.exec();
    }
    checkpoint();
    // Signed last: the schema refuses anything added to a signed visit.
    sql::Statement sign(db, "UPDATE session SET signed_by = ?, signed_utc = ? WHERE id = ?");
    for (const auto& r : records.sessions) {
        if (r.signedAt) {
            sign.tryReset();
            sign.bind(1, r.signedBy.empty()
                             ? (r.therapist.empty() ? std::string("Imported") : r.therapist)
                             : r.signedBy);
            sign.bind(2, r.signedAt->utcSeconds());
            sign.bind(3, r.id + offset);
            sign.exec();
        }
    }
}

} // namespace

FhirImportResult importFhir(Database& database, const FhirImportInput& input, bool dryRun) {
    ImportProblems problems;
    const std::function<void()> checkpoint =
        input.checkpoint ? input.checkpoint : std::function<void()>([] {});
    const ImportedRecords records = readInput(input, problems);
    checkpoint();
    sql::Connection& db = database.sql();
    checkClientNames(db, records, problems);
    if (!problems.empty()) {
        throw ImportRejected(std::move(problems));
    }
    FhirImportResult result;
    result.clients = static_cast<std::int64_t>(records.clients.size());
    result.sessions = static_cast<std::int64_t>(records.sessions.size());
    result.knots = static_cast<std::int64_t>(records.knots.size());
    result.observations = static_cast<std::int64_t>(records.observations.size());
    result.treatments = static_cast<std::int64_t>(records.treatments.size());
    result.idOffset = idOffset(db, records);
    if (dryRun) {
        addVocabulary(db, "symptom", "symptom", records.symptoms, result.newVocabulary, false);
        addVocabulary(db, "treatment_kind", "treatment kind", records.treatmentKinds,
                      result.newVocabulary, false);
        addVocabulary(db, "trigger_cause", "trigger", records.triggers, result.newVocabulary,
                      false);
        return result;
    }
    WriteTransaction transaction(db);
    addVocabulary(db, "symptom", "symptom", records.symptoms, result.newVocabulary, true);
    addVocabulary(db, "treatment_kind", "treatment kind", records.treatmentKinds,
                  result.newVocabulary, true);
    addVocabulary(db, "trigger_cause", "trigger", records.triggers, result.newVocabulary, true);
    writeRecords(db, records, result.idOffset, checkpoint);
    transaction.commit();
    return result;
}

} // namespace knotmap
