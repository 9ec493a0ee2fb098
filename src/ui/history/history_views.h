#pragma once

#include "ui/history/history_data.h"
#include "ui/history/history_state.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/appearance.h"

#include <optional>

// The history views, one per tab beside the body map. Each reads only what
// HistoryData has ready and fills the remaining space of the current window.
namespace knotmap::ui {

struct HistoryViewInput {
    const ClientEntry* client = nullptr; // required
    const VocabularyLists* vocabularies = nullptr;
    std::optional<Id> selectedKnot; // the knot selected on the map, if any
};

void drawKnotHistoryView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                         const Appearance& look);
void drawClientOverviewView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                            const Appearance& look);
void drawHeatView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                  const Appearance& look);
void drawCompareView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                     const Appearance& look);
void drawTreatmentEffectView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                             const Appearance& look);
void drawSymptomView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                     const Appearance& look);

// A vocabulary entry's name for its code (the code itself if unknown).
[[nodiscard]] std::string vocabularyName(const std::vector<VocabularyItem>& items,
                                         const std::string& code);

} // namespace knotmap::ui
