#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace knotmap {

// The sample database for a user's database: beside it, "<name>-sample.db"
// (knotmap.db -> knotmap-sample.db). Never the user's own file.
[[nodiscard]] std::filesystem::path sampleDatabasePath(const std::filesystem::path& userDatabase);

// Fills the sample database with the demo history (3 clients x 120 days) on
// a background thread with its own connection, so the window stays
// responsive. A sample database that already holds data is reused as it is.
// Destroying the loader cancels the work; nothing half-written is kept.
class SampleLoader {
public:
    explicit SampleLoader(std::filesystem::path samplePath);
    ~SampleLoader();
    SampleLoader(const SampleLoader&) = delete;
    SampleLoader& operator=(const SampleLoader&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    // 0 to 1; 1 once finished.
    [[nodiscard]] double progress() const { return m_progress.load(); }
    [[nodiscard]] bool finished() const { return m_finished.load(); }
    // Once finished: what went wrong (naming the file), or nothing.
    [[nodiscard]] std::optional<std::string> error() const;

private:
    void run(const std::stop_token& stop);

    std::filesystem::path m_path;
    std::atomic<double> m_progress{0.0};
    std::atomic<bool> m_finished{false};
    mutable std::mutex m_errorMutex;
    std::optional<std::string> m_error;
    std::jthread m_thread; // last: started once everything above exists
};

} // namespace knotmap
