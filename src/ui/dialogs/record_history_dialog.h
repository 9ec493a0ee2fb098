#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"
#include "ui/style/appearance.h"

#include <functional>
#include <string>
#include <vector>

namespace knotmap::ui {

// "History" of one record (a rating, a visit): every change the audit trail
// holds for it, oldest first, one line each: "Changed by Dana Ruiz on 3 Dec
// 14:02: pain 6 → 4".
struct RecordHistoryState {
    bool openRequested = false; // the popup opens on the next draw
    std::string title;          // "History of Left upper trapezius, 3 Dec"
    std::vector<std::string> lines;
    std::string error; // the trail could not be read
};

// Names a region code for people (the atlas' display name).
using RegionNamer = std::function<std::string(const std::string& code)>;

// Reads the trail of record id: its own table (first) and the link tables
// kept under its id (a rating's symptoms and referred regions, a visit's
// triggers). Read when the person asks, not while drawing.
[[nodiscard]] RecordHistoryState readRecordHistory(sql::Connection& db, std::string title,
                                                   const std::vector<std::string>& tables, Id id,
                                                   const RegionNamer& regionName);

void drawRecordHistoryDialog(RecordHistoryState& state, const Appearance& look);

} // namespace knotmap::ui
