#include "core/symptom_frequency.h"
#include "ui/charts/chart_style.h"
#include "ui/history/history_common.h"
#include "ui/history/history_views.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace knotmap::ui {
namespace {

// More lines than this tangle: the rest start hidden behind the legend.
constexpr std::size_t kShownSymptoms = 5;

constexpr std::int64_t kDay = 86400;

} // namespace

void drawSymptomView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                     const Appearance& look) {
    const ClientEntry& client = *input.client;
    viewTitle("Symptoms over time", "", look);
    savePngButton(state, look);
    (void)rangeChips("##symptom-range", state.symptomRange, look);
    // Share / Count beside the chips, or under them on a narrow pane.
    (void)sameLineIfFits(look.px(150), look.px(12));
    constexpr std::array<Segment, 2> kUnits{{
        {"Share", "Share of the knot ratings in each period that named the symptom"},
        {"Count", "How many knot ratings named the symptom"},
    }};
    int unit = state.symptomShares ? 0 : 1;
    ImGui::BeginChild("##symptom-unit", ImVec2(look.px(150), ImGui::GetFrameHeight()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (segmentedControl("symptom-unit", kUnits, unit, look)) {
        state.symptomShares = unit == 0;
    }
    ImGui::EndChild();
    probeItem("symptom-unit");
    const auto history = data.history(client.id);
    if (!history.value || !history.current) {
        waitingMessage(history.error, look);
        return;
    }
    const UtcRange range = rangeFor(*history.value, state.symptomRange);
    const auto frequency = data.symptoms(client.id, range);
    if (!frequency.value) {
        waitingMessage(frequency.error, look);
        return;
    }
    const SymptomFrequency& symptoms = *frequency.value;
    textMuted(std::string(displayName(symptoms.bucketSize)) + " \u00B7 " +
                  describeRange(*history.value, range),
              look);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Click a symptom in the legend to show or hide it");
    }
    const ImVec2 top = ImGui::GetCursorScreenPos();

    TimeChartInput chart;
    chart.utcOffsetMinutes = history.value->sessions.empty()
                                 ? 0
                                 : history.value->sessions.back().startedAt.offsetMinutes();
    chart.emptyMessage = "No symptoms logged in this range";
    chart.yLabel = state.symptomShares ? "% of knot ratings" : "Knot ratings";
    double most = 1.0;
    for (std::size_t s = 0; s < symptoms.symptoms.size(); ++s) {
        ChartSeries series;
        series.name = vocabularyName(input.vocabularies->symptoms, symptoms.symptoms[s]);
        series.colour = seriesColour(look.colours(), s);
        series.style = SeriesStyle::LineAndPoints;
        for (const SymptomBucket& bucket : symptoms.buckets) {
            // Each period is plotted at its middle.
            const double t = static_cast<double>((bucket.startDay + bucket.endDay) * kDay / 2);
            const double value = state.symptomShares ? bucket.shares[s] * 100.0
                                                     : static_cast<double>(bucket.counts[s]);
            series.points.push_back({t, value});
            most = std::max(most, value);
        }
        chart.series.push_back(std::move(series));
    }
    // Up to the largest value rounded up, so the lines use the height.
    chart.yMax = state.symptomShares ? std::min(100.0, std::ceil(most / 10.0) * 10.0) : most;
    // A new client or range starts with the most frequent few shown.
    if (state.symptomChartFor != std::make_pair(client.id, static_cast<int>(state.symptomRange))) {
        state.symptomChart = {};
        for (std::size_t s = kShownSymptoms; s < chart.series.size(); ++s) {
            state.symptomChart.toggle(chart.series[s].name);
        }
        state.symptomChartFor = {client.id, static_cast<int>(state.symptomRange)};
    }
    (void)timeChart("symptom-chart", chart, state.symptomChart, ImVec2(0, 0), look);
    requestPng(top,
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                      ImGui::GetItemRectMax().y),
               state);
}

} // namespace knotmap::ui
