#include "store/demo_writer.h"

#include "core/timestamp.h"
#include "store/audit_recording.h"
#include "store/client_repository.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/treatment_repository.h"
#include "store/write_transaction.h"

#include <algorithm>
#include <string>

namespace knotmap {
namespace {

// Saves each generated record through the repositories, counting them. The
// repositories are built once so their prepared statements serve every record.
class RepositorySink final : public DemoSink {
public:
    RepositorySink(sql::Connection& db, const DemoOptions& options, const DemoProgress& progress)
        : m_clients(db), m_sessions(db), m_knots(db), m_observations(db), m_treatments(db),
          m_options(options), m_progress(progress) {}

    void addClient(Client& client) override {
        // Client names are unique; when demo data is mixed into an existing
        // history a clashing name gets a number rather than failing the run.
        const std::string name = client.name;
        for (int suffix = 2; m_clients.findByName(client.name); ++suffix) {
            client.name = name + " (" + std::to_string(suffix) + ")";
        }
        m_clients.add(client);
        ++m_summary.clients;
        m_clientSessions = 0;
        reportProgress();
    }
    void addSession(Session& session) override {
        m_sessions.add(session);
        ++m_summary.sessions;
        ++m_clientSessions;
        reportProgress();
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
    // The generator writes client after client, each about one session a day
    // at most: an estimate good enough for a progress bar.
    void reportProgress() const {
        if (!m_progress || m_options.clients <= 0) {
            return;
        }
        const double days = std::max(1, m_options.days);
        const double withinClient = std::min(1.0, static_cast<double>(m_clientSessions) / days);
        const double clientsBefore =
            static_cast<double>(std::max<std::int64_t>(0, m_summary.clients - 1));
        m_progress(std::min(1.0, (clientsBefore + withinClient) / m_options.clients));
    }

    ClientRepository m_clients;
    SessionRepository m_sessions;
    KnotRepository m_knots;
    ObservationRepository m_observations;
    TreatmentRepository m_treatments;
    DemoSummary m_summary;
    const DemoOptions& m_options;
    const DemoProgress& m_progress;
    std::int64_t m_clientSessions = 0; // of the client being written
};

} // namespace

DemoSummary writeDemo(Database& database, const DemoOptions& requested,
                      const DemoProgress& progress) {
    // A history in the database never runs into the future, whoever asked.
    DemoOptions options = requested;
    if (!options.nowUtcSeconds) {
        options.nowUtcSeconds = LocalTimestamp::now().utcSeconds();
    }
    WriteTransaction transaction(database.sql());
    // A made-up history is nobody's record of care: it stays out of the
    // audit trail, which would otherwise hold it a second time (on a server
    // only its administrator can ask that; anyone else's demo is recorded).
    pauseAuditRecording(database.sql());
    DemoSummary summary;
    {
        RepositorySink sink(database.sql(), options, progress);
        generateDemo(options, sink);
        summary = sink.summary();
    } // finalises the prepared statements before the transaction ends
    resumeAuditRecording(database.sql());
    transaction.commit();
    return summary;
}

} // namespace knotmap
