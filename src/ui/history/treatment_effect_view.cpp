#include "core/treatment_effect.h"
#include "ui/charts/bar_chart.h"
#include "ui/history/history_common.h"
#include "ui/history/history_views.h"
#include "ui/history/treatment_effect_rows.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

// The value axis both charts share, fitted to the rows with enough uses: a
// kind tried twice has an interval so wide it would squash every other bar.
Interval trustedRange(const std::vector<BarRow>& first, const std::vector<BarRow>& second) {
    const auto trusted = [](const std::vector<BarRow>& rows) {
        std::vector<BarRow> kept;
        for (const BarRow& row : rows) {
            BarRow shown = row;
            if (row.muted) {
                shown.ciLow = shown.ciHigh = row.value;
            }
            kept.push_back(shown);
        }
        return kept;
    };
    return sharedBarRange(trusted(first), trusted(second));
}

} // namespace

void drawTreatmentEffectView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                             const Appearance& look) {
    const ClientEntry& client = *input.client;
    viewTitle("Treatment effect", "", look);
    // The delay slider between the title and Save PNG where the three fit;
    // on a narrow pane Save PNG stays beside the title and the slider takes
    // the next line.
    const float slider = look.px(220);
    const bool oneLine =
        sameLineIfFits(slider + ImGui::GetStyle().ItemSpacing.x + savePngWidth(), look.px(16));
    if (!oneLine) {
        savePngButton(state, look);
    }
    ImGui::SetNextItemWidth(std::min(slider, ImGui::GetContentRegionAvail().x));
    ImGui::SliderInt("##lag", &state.lagDays, 0, 14,
                     state.lagDays == 0   ? "next rating: any later session"
                     : state.lagDays == 1 ? "next rating: 1+ day later"
                                          : "next rating: %d+ days later");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("How long after a treatment the knot's next rating must be, to count\n"
                          "as a lasting change rather than the session's own relief");
    }
    probeItem("treatment-lag");
    if (oneLine) {
        savePngButton(state, look);
    }
    const auto effects = data.effects(client.id, static_cast<double>(state.lagDays));
    if (!effects.value) {
        waitingMessage(effects.error, look);
        return;
    }
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(0.0f);
    textMuted("These are observations from this log, not a controlled trial: other things changed "
              "too, so read them as hints.",
              look);
    ImGui::PopTextWrapPos();
    // One row per kind in both charts, each led by the kind's glyph in its
    // colour, the same as on the Knot chart, so its key reads here too.
    TreatmentEffectRows kindRows =
        treatmentEffectRows(*effects.value, input.vocabularies->treatments);
    BarChartInput first;
    first.title = "Within the session (after \u2212 before)";
    first.rows = std::move(kindRows.withinSession);
    BarChartInput second;
    second.title = state.lagDays == 0   ? "To the knot's next rating (any later session)"
                   : state.lagDays == 1 ? "To the knot's next rating, a day or more later"
                                        : "To the knot's next rating, " +
                                              std::to_string(state.lagDays) + " or more days later";
    second.rows = std::move(kindRows.toNextRating);
    const Interval shared = trustedRange(first.rows, second.rows);
    first.valueRange = shared;
    second.valueRange = shared;
    first.valueName = second.valueName = "Mean change in pain";
    // One above the other, full width: treatment names are long, and the
    // shared axis lines the two charts' zero up.
    // The footer as wrapped at this width (three lines on a narrow pane).
    const char* footnote = "Bar: mean change in pain, negative is relief \u00B7 whiskers: 95% "
                           "confidence interval \u00B7 (n): ratings \u00B7 faded: fewer than 5";
    const float footer =
        std::max(ImGui::GetTextLineHeightWithSpacing() * 2,
                 ImGui::CalcTextSize(footnote, nullptr, false, ImGui::GetContentRegionAvail().x).y +
                     ImGui::GetStyle().ItemSpacing.y) +
        look.px(8);
    const float available = std::max(look.px(240), ImGui::GetContentRegionAvail().y - footer);
    const auto rows = [](const BarChartInput& chart) {
        return static_cast<float>(std::max<std::size_t>(1, chart.rows.size()));
    };
    const float chrome = look.px(70); // title and value axis of each chart
    const float rowHeight = std::clamp((available - 2 * chrome) / (rows(first) + rows(second)),
                                       look.px(20), look.px(34));
    (void)barChart("effect-within", first, ImVec2(0, chrome + rowHeight * rows(first)), look);
    ImGui::Dummy(ImVec2(0, look.px(6)));
    (void)barChart("effect-later", second, ImVec2(0, chrome + rowHeight * rows(second)), look);
    ImGui::PushTextWrapPos(0.0f);
    textMuted(footnote, look);
    ImGui::PopTextWrapPos();
    requestPng(top,
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                      ImGui::GetCursorScreenPos().y),
               state);
}

} // namespace knotmap::ui
