// Times what a user waits for on a large database against the same steps on
// an empty one, in the same run on the same machine: opening the window's
// data, switching client, and reading and analysing one client's history for
// the charts. With --server-db, the steps that read the database are timed
// on a PostgreSQL server holding the same large history too, beside the
// SQLite file in the same run, with their ratio (the target is 1.5x). With
// --encrypted-db, the same history in an encrypted file (docs/encryption.md;
// its passphrase from KNOTMAP_PASSPHRASE), against the plain one in the same
// run (the target is 1.3x), logging a knot included.
// Figures and how to reproduce them: docs/performance.md.
#include "bench_steps.h"
#include "crypto/secret.h"
#include "durable_save.h"
#include "store/encrypted_file/encrypted_vfs.h"
#include "store/encrypted_file/file_key.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Timing {
    double medianMs = 0.0;
    double worstMs = 0.0;
};

Timing timeRounds(int rounds, const std::function<void(int)>& step) {
    std::vector<double> samples;
    for (int round = 0; round < rounds; ++round) {
        const auto start = std::chrono::steady_clock::now();
        step(round);
        const auto stop = std::chrono::steady_clock::now();
        samples.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples.back()};
}

void usage() {
    std::fprintf(stderr, "usage: knotmap_perf_bench --db LARGE.db --empty EMPTY.db [--rounds N]\n"
                         "  [--limit-ms MS]  exit 1 when a large-database median exceeds MS\n"
                         "  [--server-db CONNINFO]  also time the database steps on a server\n"
                         "      holding the same history (a libpq keyword string or URI)\n"
                         "  [--max-server-ratio R]  exit 1 when a user-facing step's server\n"
                         "      median exceeds R times the SQLite one\n"
                         "  [--encrypted-db FILE]  also time the database steps and logging a\n"
                         "      knot on an encrypted copy (passphrase from KNOTMAP_PASSPHRASE)\n"
                         "  [--only TEXT]  time only the steps whose name contains TEXT (for a\n"
                         "      profiler)\n");
}

} // namespace

int main(int argc, char** argv) {
    // As the app does (src/app/main.cpp), so the steps run as they would there.
    knotmap::prepareDatabaseLibraries();
    std::string large;
    std::string empty;
    int rounds = 15;
    double limitMs = 0.0;
    std::string server;
    double maxServerRatio = 0.0;
    std::string only;
    std::string encryptedFile;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--db") {
            large = argv[i + 1];
        } else if (flag == "--empty") {
            empty = argv[i + 1];
        } else if (flag == "--rounds") {
            rounds = std::max(1, std::atoi(argv[i + 1]));
        } else if (flag == "--limit-ms") {
            limitMs = std::atof(argv[i + 1]);
        } else if (flag == "--server-db") {
            server = argv[i + 1];
        } else if (flag == "--max-server-ratio") {
            maxServerRatio = std::atof(argv[i + 1]);
        } else if (flag == "--encrypted-db") {
            encryptedFile = argv[i + 1];
        } else if (flag == "--only") {
            only = argv[i + 1];
        } else {
            usage();
            return 2;
        }
    }
    if (large.empty() || empty.empty()) {
        usage();
        return 2;
    }
    try {
        knotmap::bench::BenchData largeData(large);
        knotmap::bench::BenchData emptyData(empty);
        std::optional<knotmap::bench::BenchData> serverData;
        std::optional<knotmap::bench::BenchData> encryptedData;
        std::shared_ptr<const knotmap::encrypted::FileKey> key;
        std::printf("%s\n", largeData.describe().c_str());
        if (!encryptedFile.empty()) {
            const char* passphrase = std::getenv("KNOTMAP_PASSPHRASE");
            if (passphrase == nullptr) {
                throw std::runtime_error("--encrypted-db needs KNOTMAP_PASSPHRASE");
            }
            key = knotmap::encrypted::FileKey::unlock(
                knotmap::encrypted::readHeader(encryptedFile),
                knotmap::crypto::Secret(std::string_view(passphrase)), encryptedFile);
            knotmap::encrypted::useKey(encryptedFile, key);
            encryptedData.emplace(knotmap::DatabaseLocation(encryptedFile));
            std::printf("encrypted: %s\n", encryptedData->describe().c_str());
        }
        if (!server.empty()) {
            serverData.emplace(knotmap::DatabaseLocation::parse(server));
            std::printf("%s\n", serverData->describe().c_str());
        }
        std::printf("%-34s %12s %12s %12s %9s", "step", "empty (ms)", "large (ms)", "large worst",
                    "ratio");
        if (serverData) {
            std::printf(" %12s %12s %9s", "server (ms)", "server worst", "server/SQLite");
        }
        if (encryptedData) {
            std::printf(" %14s %15s", "encrypted (ms)", "encrypted/plain");
        }
        std::printf("\n");
        bool withinLimit = true;
        const auto all = knotmap::bench::steps();
        if (std::none_of(all.begin(), all.end(), [&](const knotmap::bench::Step& step) {
                return step.name.find(only) != std::string::npos;
            })) {
            std::fprintf(stderr, "knotmap_perf_bench: no step's name contains '%s'\n",
                         only.c_str());
            return 2;
        }
        for (const knotmap::bench::Step& step : all) {
            if (step.name.find(only) == std::string::npos) {
                continue;
            }
            const Timing onEmpty =
                timeRounds(rounds, [&](int round) { step.run(emptyData, round); });
            const Timing onLarge =
                timeRounds(rounds, [&](int round) { step.run(largeData, round); });
            // Below a microsecond the empty database did no work worth a ratio.
            char ratio[16] = "n/a";
            if (onEmpty.medianMs >= 0.001) {
                std::snprintf(ratio, sizeof ratio, "%.1fx", onLarge.medianMs / onEmpty.medianMs);
            }
            std::printf("%-34s %12.3f %12.2f %12.2f %9s", step.name.c_str(), onEmpty.medianMs,
                        onLarge.medianMs, onLarge.worstMs, ratio);
            if (serverData && step.readsDatabase) {
                const Timing onServer =
                    timeRounds(rounds, [&](int round) { step.run(*serverData, round); });
                const double serverRatio = onServer.medianMs / onLarge.medianMs;
                std::printf(" %12.2f %12.2f %12.2fx", onServer.medianMs, onServer.worstMs,
                            serverRatio);
                if (maxServerRatio > 0.0 && step.userFacing && serverRatio > maxServerRatio) {
                    withinLimit = false;
                }
            }
            if (encryptedData && step.readsDatabase) {
                const Timing onEncrypted =
                    timeRounds(rounds, [&](int round) { step.run(*encryptedData, round); });
                std::printf(" %14.2f %14.2fx", onEncrypted.medianMs,
                            onEncrypted.medianMs / onLarge.medianMs);
            }
            std::printf("\n");
            if (limitMs > 0.0 && step.userFacing && onLarge.medianMs > limitMs) {
                withinLimit = false;
            }
        }
        if (!only.empty()) {
            return withinLimit ? 0 : 1;
        }
        // Logging one knot, each save synced (FULL) against NORMAL, on a
        // scratch file beside the empty database.
        const int saves = std::max(rounds * 10, 30);
        const std::string scratch = empty + ".save-bench.db";
        const auto full = knotmap::bench::timeLoggingKnots(scratch, "FULL", saves);
        const auto normal = knotmap::bench::timeLoggingKnots(scratch, "NORMAL", saves);
        const std::string heading = "log one knot (" + std::to_string(saves) + " saves)";
        std::printf("%-34s %12s %12s %12s\n", heading.c_str(), "", "median (ms)", "p95 (ms)");
        std::printf("%-34s %12s %12.2f %12.2f\n", "  synchronous = FULL (used)", "", full.medianMs,
                    full.p95Ms);
        std::printf("%-34s %12s %12.2f %12.2f\n", "  synchronous = NORMAL", "", normal.medianMs,
                    normal.p95Ms);
        if (key != nullptr) {
            // The same saves on a new encrypted scratch file (made with the key).
            const std::string sealed = encryptedFile + ".save-bench.db";
            knotmap::encrypted::useKey(sealed, key);
            const auto encrypted = knotmap::bench::timeLoggingKnots(sealed, "FULL", saves);
            std::printf("%-34s %12s %12.2f %12.2f   %.2fx the plain file\n", "  encrypted, FULL",
                        "", encrypted.medianMs, encrypted.p95Ms,
                        encrypted.medianMs / full.medianMs);
        }
        return withinLimit ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "knotmap_perf_bench: %s\n", error.what());
        return 1;
    }
}
