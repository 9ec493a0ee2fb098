#pragma once

#include "core/client_history.h"
#include "store/database.h"
#include "store/database_location.h"
#include "ui/shell/app_view_model.h"

#include <functional>
#include <string>
#include <vector>

namespace knotmap::bench {

// One database as the benchmark sees it: opened once for the steps that
// work on an open window, with the first client's history read.
class BenchData {
public:
    // A file path, or a PostgreSQL server (DatabaseLocation::parse).
    explicit BenchData(const DatabaseLocation& where);
    [[nodiscard]] std::string describe() const;

    DatabaseLocation location;
    Database database;
    ui::AppViewModel model;
    std::vector<Id> clientIds;
    ClientHistory history; // of the client with the most sessions
};

struct Step {
    std::string name;
    bool userFacing = false; // the user waits for it (the 100 ms target)
    std::function<void(BenchData&, int round)> run;
    // Reads the database (so a server is timed too); the others compute on
    // a history already in memory and cost the same on either backend.
    bool readsDatabase = false;
};

[[nodiscard]] std::vector<Step> steps();

} // namespace knotmap::bench
