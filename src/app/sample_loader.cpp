#include "app/sample_loader.h"

#include "core/demo_generator.h"
#include "core/timestamp.h"
#include "store/database.h"
#include "store/demo_writer.h"

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// Thrown from the progress callback to abandon the transaction.
struct Cancelled {};

DemoOptions sampleOptions() {
    DemoOptions options;
    options.clients = 3;
    options.days = 120;
    const LocalTimestamp now = LocalTimestamp::now();
    const CivilDateTime today = now.local();
    options.endYear = today.year;
    options.endMonth = today.month;
    options.endDay = today.day;
    options.nowUtcSeconds = now.utcSeconds(); // nothing later than now
    return options;
}

} // namespace

fs::path sampleDatabasePath(const fs::path& userDatabase) {
    const fs::path folder = userDatabase.parent_path();
    std::string stem = userDatabase.stem().string();
    if (stem.empty()) {
        stem = "knotmap";
    }
    return folder / (stem + "-sample.db");
}

SampleLoader::SampleLoader(fs::path samplePath)
    : m_path(std::move(samplePath)), m_thread([this](const std::stop_token& stop) { run(stop); }) {}

SampleLoader::~SampleLoader() {
    m_thread.request_stop();
    // std::jthread joins on destruction.
}

std::optional<std::string> SampleLoader::error() const {
    const std::lock_guard lock(m_errorMutex);
    return m_error;
}

void SampleLoader::run(const std::stop_token& stop) {
    try {
        Database database = Database::open(m_path);
        if (database.holdsNoUserData()) {
            writeDemo(database, sampleOptions(), [this, &stop](double fraction) {
                if (stop.stop_requested()) {
                    throw Cancelled{};
                }
                m_progress.store(fraction);
            });
        }
        m_progress.store(1.0);
    } catch (const Cancelled&) {
        // The window is closing: the transaction was rolled back.
    } catch (const std::exception& error) {
        const std::lock_guard lock(m_errorMutex);
        const std::string message = error.what();
        // SQLite's own messages do not name the file; StoreError's do.
        m_error = message.find(m_path.string()) == std::string::npos
                      ? m_path.string() + ": " + message
                      : message;
    }
    m_finished.store(true);
}

} // namespace knotmap
