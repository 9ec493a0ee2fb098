#include "store/demo_writer.h"

#include "store/client_repository.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/treatment_repository.h"
#include "store/write_transaction.h"

#include <string>

namespace knotmap {
namespace {

// Saves each generated record through the repositories, counting them. The
// repositories are built once so their prepared statements serve every record.
class RepositorySink final : public DemoSink {
public:
    explicit RepositorySink(SQLite::Database& db)
        : m_clients(db), m_sessions(db), m_knots(db), m_observations(db), m_treatments(db) {}

    void addClient(Client& client) override {
        // Client names are unique; when demo data is mixed into an existing
        // history a clashing name gets a number rather than failing the run.
        const std::string name = client.name;
        for (int suffix = 2; m_clients.findByName(client.name); ++suffix) {
            client.name = name + " (" + std::to_string(suffix) + ")";
        }
        m_clients.add(client);
        ++m_summary.clients;
    }
    void addSession(Session& session) override {
        m_sessions.add(session);
        ++m_summary.sessions;
    }
    void addKnot(Knot& knot) override {
        m_knots.add(knot);
        ++m_summary.knots;
    }
    void updateKnot(const Knot& knot) override { m_knots.update(knot); }
    void addObservation(Observation& observation) override {
        m_observations.add(observation);
        ++m_summary.observations;
    }
    void addTreatment(Treatment& treatment) override {
        m_treatments.add(treatment);
        ++m_summary.treatments;
    }

    [[nodiscard]] const DemoSummary& summary() const { return m_summary; }

private:
    ClientRepository m_clients;
    SessionRepository m_sessions;
    KnotRepository m_knots;
    ObservationRepository m_observations;
    TreatmentRepository m_treatments;
    DemoSummary m_summary;
};

} // namespace

DemoSummary writeDemo(Database& database, const DemoOptions& options) {
    WriteTransaction transaction(database.sql());
    DemoSummary summary;
    {
        RepositorySink sink(database.sql());
        generateDemo(options, sink);
        summary = sink.summary();
    } // finalises the prepared statements before the transaction ends
    transaction.commit();
    return summary;
}

} // namespace knotmap
