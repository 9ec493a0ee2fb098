#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"
#include "ui/style/appearance.h"

#include <functional>
#include <string>
#include <vector>

namespace knotmap::ui {

// "History" of one record (a rating, a visit, a treatment, a client): every
// change the audit trail holds for it, oldest first, one line each: "Changed
// by Dana Ruiz on 3 Dec 14:02: pain 6 → 4" (core/record_history_text.h).
struct RecordHistoryState {
    bool openRequested = false; // the popup opens on the next draw
    std::string title;          // "History of Left upper trapezius, 3 Dec"
    std::string subtitle;       // where the record belongs, when the title does not say
    std::vector<std::string> lines;
    std::string error; // the trail could not be read
};

// Where the trail keeps one record: its own table, the link tables kept
// under its id (a rating's symptoms, a visit's triggers) and its amendments,
// which the trail keeps under their own ids.
struct RecordHistorySource {
    std::string title;
    std::string subtitle;
    std::string table;
    std::vector<std::string> linkTables;
    std::string amendmentTable;  // none when the record has no amendments
    std::string amendmentParent; // the amendment's column naming the record
    Id id = 0;
};

[[nodiscard]] RecordHistorySource ratingHistorySource(Id observationId, std::string title);
[[nodiscard]] RecordHistorySource visitHistorySource(Id sessionId, std::string title);
[[nodiscard]] RecordHistorySource treatmentHistorySource(Id treatmentId, std::string title,
                                                         std::string subtitle);
[[nodiscard]] RecordHistorySource clientHistorySource(Id clientId, std::string title);

// Names a region code for people (the atlas' display name).
using RegionNamer = std::function<std::string(const std::string& code)>;

// Reads the record's trail, when the person asks for it (not while drawing).
[[nodiscard]] RecordHistoryState readRecordHistory(sql::Connection& db,
                                                   const RecordHistorySource& source,
                                                   const RegionNamer& regionName = {});

// Draws the dialog while state is open. Inside another modal (the client
// form) call it before that modal's EndPopup, so it opens over it.
void drawRecordHistoryDialog(RecordHistoryState& state, const Appearance& look);

// A History button as the editors show it: quiet, in the header's corner.
// True when clicked; probeName names it in a test report.
bool historyButton(const char* probeName, const char* tooltip);
[[nodiscard]] float historyButtonWidth();

} // namespace knotmap::ui
