#include "ui/history/change_headline.h"

#include "ui/charts/chart_style.h"
#include "ui/history/history_common.h"
#include "ui/widgets/widgets.h"

#include <cmath>

namespace knotmap::ui {
namespace {

constexpr float kGap = 10.0f; // 96-dpi pixels between the headline and its detail

ImU32 toneColour(ChangeTone tone, const Appearance& look) {
    const ChartColours colours = chartColours(look);
    switch (tone) {
    case ChangeTone::Improvement:
        return colours.improvement;
    case ChangeTone::Worsening:
        return colours.worsening;
    case ChangeTone::Neutral:
        break;
    }
    return colours.text;
}

} // namespace

UtcRange shownRange(const std::vector<TimedRating>& ratings, RangePreset preset,
                    const TimeChartState& chart) {
    if (chart.userAdjusted && chart.viewEnd > chart.viewStart) {
        return {static_cast<std::int64_t>(std::floor(chart.viewStart)),
                static_cast<std::int64_t>(std::ceil(chart.viewEnd))};
    }
    return latestSpan(ratings, presetSeconds(preset));
}

float changeHeadlineWidth(const RangeChange& change, const Appearance& look) {
    ImGui::PushFont(look.fonts.strong);
    const float headline = ImGui::CalcTextSize(rangeHeadline(change).c_str()).x;
    ImGui::PopFont();
    return headline;
}

void drawChangeHeadline(const RangeChange& change, const Appearance& look) {
    ImGui::PushFont(look.fonts.strong);
    ImGui::PushStyleColor(ImGuiCol_Text, toneColour(change.tone, look));
    ImGui::TextUnformatted(rangeHeadline(change).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    bool hovered = ImGui::IsItemHovered();
    const std::string detail = rangeDetail(change);
    if (!detail.empty()) {
        // Beside the headline when it fits, else under it, wrapped.
        ImGui::SameLine(0, look.px(kGap));
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(detail.c_str()).x) {
            ImGui::NewLine();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(detail.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        hovered = hovered || ImGui::IsItemHovered();
    }
    if (hovered) {
        ImGui::SetTooltip(
            "Over the period the chart shows: the mean pain of its first and last stretch\n"
            "(a sixth of the period, at least a week), not one rating against another.\n"
            "Bands need both a share of the starting level and points: minimal 10%% and 1 "
            "point,\nmoderate 30%% and 2 points, substantial 50%% and 2 points. Only moderate "
            "and\nsubstantial changes, and a relapse, are coloured.");
    }
}

ImVec2 drawChangeHeadlineAfterChips(const RangeChange& change, const Appearance& look) {
    ImGui::SameLine(0, look.px(16));
    if (ImGui::GetContentRegionAvail().x < changeHeadlineWidth(change, look)) {
        ImGui::NewLine();
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    drawChangeHeadline(change, look);
    return top;
}

} // namespace knotmap::ui
