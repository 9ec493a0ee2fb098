#include "ui/charts/chart_style.h"
#include "ui/history/change_headline.h"
#include "ui/history/history_common.h"
#include "ui/history/history_views.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

ChartSeries series(std::string name, ImVec4 colour, SeriesStyle style) {
    ChartSeries result;
    result.name = std::move(name);
    result.colour = colour;
    result.style = style;
    return result;
}

} // namespace

void drawClientOverviewView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                            const Appearance& look) {
    const ClientEntry& client = *input.client;
    viewTitle("Client overview", "per session", look);
    savePngButton(state, look);
    if (rangeChips("##overview-range", state.overviewRange, look)) {
        state.overviewChart.userAdjusted = false; // show the chosen span
    }
    const auto history = data.history(client.id);
    const auto overview = data.overview(client.id);
    if (!history.value || !overview.value) {
        waitingMessage(history.error + overview.error, look);
        return;
    }
    // Overall pain over the period the charts show, beside the chips when it fits.
    const std::vector<TimedRating> ratings = overallPainRatings(*overview.value);
    const RangeChange change =
        rangeChange(ratings, shownRange(ratings, state.overviewRange, state.overviewChart));
    const ImVec2 top = drawChangeHeadlineAfterChips(change, look);

    const Palette& palette = look.colours();
    TimeChartInput pain;
    pain.utcOffsetMinutes = history.value->sessions.empty()
                                ? 0
                                : history.value->sessions.back().startedAt.offsetMinutes();
    pain.emptyMessage = "No sessions yet";
    TimeChartInput spread = pain;
    ChartSeries overall =
        series("Overall pain", seriesColour(palette, 0), SeriesStyle::LineAndPoints);
    // Points for the knots, a line for the regions: the two often agree, and
    // two lines would hide each other.
    ChartSeries active = series("Active knots", seriesColour(palette, 1), SeriesStyle::Points);
    ChartSeries regions =
        series("CHOIR regions with pain", seriesColour(palette, 2), SeriesStyle::Line);
    int most = 1;
    for (const SessionOverview& session : *overview.value) {
        const auto t = static_cast<double>(session.startedAt.utcSeconds());
        if (session.overallPain) {
            overall.points.push_back({t, static_cast<double>(*session.overallPain)});
        }
        active.points.push_back({t, static_cast<double>(session.activeKnots)});
        regions.points.push_back({t, static_cast<double>(session.widespreadness)});
        most = std::max({most, session.activeKnots, session.widespreadness});
    }
    pain.series.push_back(std::move(overall));
    spread.series.push_back(std::move(active));
    spread.series.push_back(std::move(regions));
    spread.yMax = most + 1;
    spread.yLabel = "Count per session";

    pain.defaultSpanSeconds = spread.defaultSpanSeconds = presetSeconds(state.overviewRange);
    // The charts' titles wrap on a narrow pane; the charts share what is
    // left under the second title as wrapped (one line where it fits).
    const char* spreadTitle =
        "Knots that hurt, and the CHOIR body-map regions they cover (how widespread)";
    const float spreadTitleHeight =
        ImGui::CalcTextSize(spreadTitle, nullptr, false, ImGui::GetContentRegionAvail().x).y +
        ImGui::GetStyle().ItemSpacing.y;
    ImGui::PushTextWrapPos(0.0f);
    textMuted("Overall pain as rated at each session (0-10)", look);
    ImGui::PopTextWrapPos();
    probeItem("overview-pain-title");

    const float each =
        std::max(look.px(160), (ImGui::GetContentRegionAvail().y - spreadTitleHeight -
                                ImGui::GetTextLineHeightWithSpacing() * 2) *
                                   0.5f);
    (void)timeChart("overview-pain", pain, state.overviewChart, ImVec2(0, each), look);
    ImGui::Dummy(ImVec2(0, look.px(4)));
    ImGui::PushTextWrapPos(0.0f);
    textMuted(spreadTitle, look);
    ImGui::PopTextWrapPos();
    probeItem("overview-spread-title");
    (void)timeChart("overview-spread", spread, state.overviewChart, ImVec2(0, each), look);
    requestPng(top,
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                      ImGui::GetCursorScreenPos().y),
               state);
}

} // namespace knotmap::ui
