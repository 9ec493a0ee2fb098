#pragma once

#include "core/client_history.h"
#include "store/database.h"
#include "ui/shell/app_view_model.h"

#include <functional>
#include <string>
#include <vector>

namespace knotmap::bench {

// One database as the benchmark sees it: opened once for the steps that
// work on an open window, with the first client's history read.
class BenchData {
public:
    explicit BenchData(const std::string& path);
    [[nodiscard]] std::string describe() const;

    std::string path;
    Database database;
    ui::AppViewModel model;
    std::vector<Id> clientIds;
    ClientHistory history; // of the client with the most sessions
};

struct Step {
    std::string name;
    bool userFacing = false; // the user waits for it (the 100 ms target)
    std::function<void(BenchData&, int round)> run;
};

[[nodiscard]] std::vector<Step> steps();

} // namespace knotmap::bench
