#pragma once

#include "core/domain.h"
#include "core/region_heat.h"
#include "ui/body_map/body_map_state.h"
#include "ui/charts/time_chart.h"

#include <optional>
#include <string>
#include <utility>

namespace knotmap::ui {

// The views beside the sessions: the body map for logging, and the history.
enum class HistoryTab { BodyMap, KnotHistory, Overview, Heat, Compare, Treatments, Symptoms };

// How far back a history view looks, ending at the client's latest session.
enum class RangePreset { Days30, Days90, Year, All };

// Everything the history views remember between frames.
struct HistoryState {
    HistoryTab tab = HistoryTab::BodyMap;
    std::optional<HistoryTab> tabShown; // selected in ImGui's tab bar last frame
    // Knot history: the knot charted; follows the knot selected on the map.
    std::optional<Id> knot;
    std::optional<Id> chartedKnot; // whose window knotChart holds
    TimeChartState knotChart;
    RangePreset knotRange = RangePreset::Days90; // the chart's first window
    RangePreset overviewRange = RangePreset::Days90;
    TimeChartState overviewChart; // shared by its two charts: they pan and zoom together
    // Heat over time.
    RangePreset heatRange = RangePreset::Days90;
    HeatMode heatMode = HeatMode::Average;
    // While set, the map shows the body as it stood at this session (an
    // index into the client's history) instead of the range's aggregate.
    std::optional<std::size_t> heatSession;
    bool playing = false;
    double playClock = 0.0; // seconds since the animation last stepped
    BodyMapState heatMap;
    // Compare: session ids; none picks the latest two.
    std::optional<Id> compareA;
    std::optional<Id> compareB;
    BodyMapState compareMapA;
    BodyMapState compareMapB;
    BodyView compareView = BodyView::Back;
    // Treatment effect: days between a treatment and the knot's next rating.
    int lagDays = 1;
    RangePreset symptomRange = RangePreset::All;
    bool symptomShares = true; // shares of observations, or counts
    TimeChartState symptomChart;
    std::pair<Id, int> symptomChartFor{-1, -1}; // client and range symptomChart was set up for
    // Which client the views were last drawn for: a new client starts fresh.
    std::optional<Id> client;
    // Set by a view's "Save as PNG" button: the screen rectangle to save,
    // taken by the app after the frame is drawn (app/gui.cpp).
    struct PngRequest {
        ImVec2 min;
        ImVec2 max;
        std::string path;
    };
    std::optional<PngRequest> pngRequest;
    // The file chosen in the save popup: the view asks for its rectangle in
    // the next frame, once the popup is gone from the picture.
    std::optional<std::string> pngPending;
    int pngPendingFrame = 0;
    bool pngMenuRequested = false; // File > Save view as PNG, or Ctrl+Shift+S
    std::string pngPathText;       // the popup's field
    std::string pngStatus;         // "Saved …" or why not, beside the button
    bool pngStatusIsError = false;
};

// GPU resources of the history's body maps; release before the context goes.
inline void releaseGraphics(HistoryState& state) {
    releaseGraphics(state.heatMap);
    releaseGraphics(state.compareMapA);
    releaseGraphics(state.compareMapB);
}

} // namespace knotmap::ui
