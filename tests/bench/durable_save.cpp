#include "durable_save.h"

#include "core/timestamp.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_commands.h"
#include "store/sqlite_file/database_files.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

namespace knotmap::bench {

SaveTiming timeLoggingKnots(const std::string& path, const char* synchronous, int rounds) {
    removeDatabaseAndCompanions(path);
    std::vector<double> samples;
    {
        Database database = Database::open(path);
        database.sql().exec(std::string("PRAGMA synchronous = ") + synchronous);
        Client client;
        client.name = "Bench";
        ClientRepository(database.sql()).add(client);
        for (int round = 0; round < rounds; ++round) {
            NewKnot knot;
            knot.clientId = client.id;
            knot.view = BodyView::Back;
            knot.position = {0.3 + 0.0005 * round, 0.2};
            knot.regionCode = "back.upper_trapezius.left";
            CreateKnotCommand command(database.sql(), knot, LocalTimestamp::now());
            const auto start = std::chrono::steady_clock::now();
            command.apply();
            const auto stop = std::chrono::steady_clock::now();
            samples.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        }
    }
    removeDatabaseAndCompanions(path);
    std::sort(samples.begin(), samples.end());
    const auto p95 = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(rounds))) - 1;
    return {samples[samples.size() / 2], samples[std::min(p95, samples.size() - 1)]};
}

} // namespace knotmap::bench
