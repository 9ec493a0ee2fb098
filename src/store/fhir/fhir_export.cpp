#include "store/fhir/fhir_export.h"

#include "store/export_filter.h"
#include "store/sql/statement.h"

#include <map>
#include <string>
#include <vector>

namespace knotmap {
namespace {

using fhir::CodedTerm;

// A vocabulary by row id: code and name.
std::map<Id, CodedTerm> vocabulary(Database& database, const char* table) {
    sql::Statement query(database.sql(), std::string("SELECT id, code, name FROM ") + table);
    std::map<Id, CodedTerm> terms;
    while (query.executeStep()) {
        terms.emplace(query.getColumn(0).getInt64(),
                      CodedTerm{query.getColumn(1).getString(), query.getColumn(2).getString()});
    }
    return terms;
}

std::vector<fhir::ClientRecord> clients(Database& database, const ExportOptions& options) {
    sql::Statement query(database.sql(), "SELECT id, name, birth_year, notes, archived FROM client "
                                         "WHERE " +
                                             clientFilterSql(options, "id") + " ORDER BY id");
    bindExportFilter(query, options);
    std::vector<fhir::ClientRecord> result;
    while (query.executeStep()) {
        result.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                          query.getColumn(2).optionalInt(), query.getColumn(3).getString(),
                          query.getColumn(4).getInt() != 0});
    }
    return result;
}

// One client's records within the export's dates, each list in export order.
struct ClientRecords {
    std::vector<fhir::KnotRecord> knots;
    std::vector<fhir::SessionRecord> sessions;
    std::multimap<Id, fhir::ObservationRecord> observationsBySession;
    std::multimap<Id, fhir::TreatmentRecord> treatmentsBySession;
};

class RecordReader {
public:
    explicit RecordReader(Database& database)
        : m_database(database), m_symptoms(vocabulary(database, "symptom")),
          m_treatmentKinds(vocabulary(database, "treatment_kind")),
          m_triggers(vocabulary(database, "trigger_cause")) {}

    // options selects the client (clientId) and the dates.
    ClientRecords read(const ExportOptions& options) {
        ClientRecords records;
        readKnots(options, records);
        readSessions(options, records);
        readObservations(options, records);
        readTreatments(options, records);
        return records;
    }

private:
    // A query over the client's sessions in the export's dates.
    sql::Statement sessionQuery(const std::string& select, const std::string& rest,
                                const ExportOptions& options) {
        sql::Statement query(m_database.sql(),
                             select + " WHERE " + sessionFilterSql(options, "s") + " " + rest);
        bindExportFilter(query, options);
        return query;
    }

    void readKnots(const ExportOptions& options, ClientRecords& records) {
        sql::Statement query(m_database.sql(),
                             "SELECT id, client_id, view, x, y, region_code, label, status "
                             "FROM knot WHERE client_id = :client ORDER BY id");
        query.bind(":client", *options.clientId);
        while (query.executeStep()) {
            records.knots.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
                                     query.getColumn(2).getString(), query.getColumn(3).getDouble(),
                                     query.getColumn(4).getDouble(), query.getColumn(5).getString(),
                                     query.getColumn(6).getString(),
                                     query.getColumn(7).getString()});
        }
    }

    void readSessions(const ExportOptions& options, ClientRecords& records) {
        sql::Statement query = sessionQuery(
            "SELECT s.id, s.client_id, s.started_utc, s.utc_offset_min, s.kind, s.overall_pain, "
            "s.stress, s.sleep, s.therapist, s.subjective, s.objective, s.assessment, s.plan, "
            "s.notes, s.signed_utc, s.signed_by FROM session s",
            "ORDER BY s.started_utc, s.id", options);
        std::map<Id, std::size_t> indexById;
        while (query.executeStep()) {
            fhir::SessionRecord session;
            session.id = query.getColumn(0).getInt64();
            session.clientId = query.getColumn(1).getInt64();
            const int offset = query.getColumn(3).getInt();
            session.started = LocalTimestamp(query.getColumn(2).getInt64(), offset);
            session.kind = query.getColumn(4).getString();
            session.overallPain = query.getColumn(5).optionalInt();
            session.stress = query.getColumn(6).optionalInt();
            session.sleep = query.getColumn(7).optionalInt();
            session.therapist = query.getColumn(8).getString();
            session.subjective = query.getColumn(9).getString();
            session.objective = query.getColumn(10).getString();
            session.assessment = query.getColumn(11).getString();
            session.plan = query.getColumn(12).getString();
            session.notes = query.getColumn(13).getString();
            if (const auto signedUtc = query.getColumn(14).optionalInt64()) {
                session.signedAt = LocalTimestamp(*signedUtc, offset); // the session's own offset
                session.signedBy = query.getColumn(15).optionalString().value_or("");
            }
            indexById.emplace(session.id, records.sessions.size());
            records.sessions.push_back(std::move(session));
        }
        sql::Statement triggers =
            sessionQuery("SELECT st.session_id, st.trigger_id FROM session_trigger st "
                         "JOIN session s ON s.id = st.session_id "
                         "JOIN trigger_cause tc ON tc.id = st.trigger_id",
                         "ORDER BY st.session_id, tc.sort_order, tc.id", options);
        while (triggers.executeStep()) {
            records.sessions[indexById.at(triggers.getColumn(0).getInt64())].triggers.push_back(
                m_triggers.at(triggers.getColumn(1).getInt64()));
        }
    }

    void readObservations(const ExportOptions& options, ClientRecords& records) {
        std::map<Id, fhir::ObservationRecord*> byId;
        sql::Statement query = sessionQuery(
            "SELECT o.id, o.session_id, o.knot_id, o.pain, o.kind, o.notes FROM observation o "
            "JOIN session s ON s.id = o.session_id",
            "ORDER BY o.session_id, o.knot_id", options);
        while (query.executeStep()) {
            fhir::ObservationRecord observation;
            observation.id = query.getColumn(0).getInt64();
            observation.sessionId = query.getColumn(1).getInt64();
            observation.knotId = query.getColumn(2).getInt64();
            observation.pain = query.getColumn(3).getInt();
            observation.kind = query.getColumn(4).getString();
            observation.notes = query.getColumn(5).getString();
            auto placed = records.observationsBySession.emplace(observation.sessionId,
                                                                std::move(observation));
            byId.emplace(placed->second.id, &placed->second);
        }
        sql::Statement symptoms = sessionQuery(
            "SELECT os.observation_id, os.symptom_id FROM observation_symptom os "
            "JOIN observation o ON o.id = os.observation_id JOIN session s ON s.id = o.session_id "
            "JOIN symptom sy ON sy.id = os.symptom_id",
            "ORDER BY os.observation_id, sy.sort_order, sy.id", options);
        while (symptoms.executeStep()) {
            byId.at(symptoms.getColumn(0).getInt64())
                ->symptoms.push_back(m_symptoms.at(symptoms.getColumn(1).getInt64()));
        }
        sql::Statement referrals = sessionQuery(
            "SELECT r.observation_id, r.region_code FROM observation_referral r "
            "JOIN observation o ON o.id = r.observation_id JOIN session s ON s.id = o.session_id",
            "ORDER BY r.observation_id, r.region_code", options);
        while (referrals.executeStep()) {
            byId.at(referrals.getColumn(0).getInt64())
                ->referredRegions.push_back(referrals.getColumn(1).getString());
        }
    }

    void readTreatments(const ExportOptions& options, ClientRecords& records) {
        sql::Statement query =
            sessionQuery("SELECT t.id, t.session_id, t.knot_id, t.kind_id, t.minutes, t.intensity, "
                         "t.pain_before, t.pain_after, t.medication, t.notes FROM treatment t "
                         "JOIN session s ON s.id = t.session_id",
                         "ORDER BY t.session_id, t.id", options);
        while (query.executeStep()) {
            fhir::TreatmentRecord treatment;
            treatment.id = query.getColumn(0).getInt64();
            treatment.sessionId = query.getColumn(1).getInt64();
            treatment.knotId = query.getColumn(2).optionalInt64();
            treatment.kind = m_treatmentKinds.at(query.getColumn(3).getInt64());
            treatment.minutes = query.getColumn(4).optionalInt();
            treatment.intensity = query.getColumn(5).optionalString().value_or("");
            treatment.painBefore = query.getColumn(6).optionalInt();
            treatment.painAfter = query.getColumn(7).optionalInt();
            treatment.medication = query.getColumn(8).getString();
            treatment.notes = query.getColumn(9).getString();
            records.treatmentsBySession.emplace(treatment.sessionId, std::move(treatment));
        }
    }

    Database& m_database;
    std::map<Id, CodedTerm> m_symptoms;
    std::map<Id, CodedTerm> m_treatmentKinds;
    std::map<Id, CodedTerm> m_triggers;
};

// Counts what is emitted. Progress counts records, the rows a CSV export of
// every table would write (countExportRows), so a bar knows its total: a
// session's ratings and note are part of its record.
class Emitter {
public:
    Emitter(const std::function<void(const fhir::Json&)>& emit, const ExportOptions& options)
        : m_emit(emit), m_options(options) {}
    void record(const fhir::Json& resource) {
        part(resource);
        if (++m_records % kExportProgressRows == 0 && m_options.progress) {
            m_options.progress(m_records);
        }
    }
    void part(const fhir::Json& resource) {
        m_emit(resource);
        ++m_resources;
    }
    [[nodiscard]] std::int64_t resources() const { return m_resources; }

private:
    const std::function<void(const fhir::Json&)>& m_emit;
    const ExportOptions& m_options;
    std::int64_t m_records = 0;
    std::int64_t m_resources = 0;
};

} // namespace

std::int64_t exportFhirResources(Database& database, const ExportOptions& options,
                                 fhir::ReferenceStyle style,
                                 const std::function<void(const fhir::Json&)>& emit) {
    const fhir::ResourceBuilder build(style);
    RecordReader reader(database);
    Emitter out(emit, options);
    for (const fhir::ClientRecord& client : clients(database, options)) {
        out.record(build.patient(client));
        ExportOptions own = options;
        own.clientId = client.id;
        const ClientRecords records = reader.read(own);
        std::map<Id, const fhir::KnotRecord*> knotById;
        for (const fhir::KnotRecord& knot : records.knots) {
            out.record(build.bodyStructure(knot));
            knotById.emplace(knot.id, &knot);
        }
        const auto knotOf = [&](std::optional<Id> id) -> const fhir::KnotRecord* {
            const auto found = id ? knotById.find(*id) : knotById.end();
            return found == knotById.end() ? nullptr : found->second;
        };
        for (const fhir::SessionRecord& session : records.sessions) {
            out.record(build.encounter(session));
            for (const fhir::Json& rating : build.sessionRatings(session)) {
                out.part(rating);
            }
            const auto observations = records.observationsBySession.equal_range(session.id);
            for (auto it = observations.first; it != observations.second; ++it) {
                out.record(build.knotObservation(it->second, session, knotOf(it->second.knotId)));
            }
            const auto treatments = records.treatmentsBySession.equal_range(session.id);
            for (auto it = treatments.first; it != treatments.second; ++it) {
                out.record(build.procedure(it->second, session, knotOf(it->second.knotId)));
            }
            if (const auto note = build.composition(session)) {
                out.part(*note);
            }
        }
    }
    return out.resources();
}

} // namespace knotmap
