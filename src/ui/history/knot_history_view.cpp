#include "core/pain_change.h"
#include "ui/charts/chart_glyphs.h"
#include "ui/charts/chart_style.h"
#include "ui/history/change_headline.h"
#include "ui/history/history_common.h"
#include "ui/history/history_views.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

const BodyMapMarker* findMarker(const ClientEntry& client, Id knot) {
    const auto found =
        std::find_if(client.markers.begin(), client.markers.end(),
                     [knot](const BodyMapMarker& marker) { return marker.knotId == knot; });
    return found != client.markers.end() ? &*found : nullptr;
}

// The knot to chart: the one picked here, else the one selected on the map,
// else the most painful active knot.
std::optional<Id> chosenKnot(const HistoryViewInput& input, const HistoryState& state) {
    const ClientEntry& client = *input.client;
    if (state.knot && findMarker(client, *state.knot) != nullptr) {
        return state.knot;
    }
    if (input.selectedKnot && findMarker(client, *input.selectedKnot) != nullptr) {
        return input.selectedKnot;
    }
    const BodyMapMarker* best = nullptr;
    for (const BodyMapMarker& marker : client.markers) {
        if (!marker.resolved &&
            (best == nullptr || marker.pain.value_or(-1) > best->pain.value_or(-1))) {
            best = &marker;
        }
    }
    if (best == nullptr && !client.markers.empty()) {
        best = &client.markers.front();
    }
    return best != nullptr ? std::optional(best->knotId) : std::nullopt;
}

std::string knotName(const BodyMapMarker& marker) {
    return marker.title + (marker.resolved ? " (resolved)" : "");
}

void knotPicker(const ClientEntry& client, std::optional<Id> shown, HistoryState& state,
                float width) {
    const BodyMapMarker* current = shown ? findMarker(client, *shown) : nullptr;
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##knot",
                          current != nullptr ? knotName(*current).c_str() : "Pick a knot")) {
        for (const BodyMapMarker& marker : client.markers) {
            ImGui::PushID(static_cast<int>(marker.knotId));
            if (ImGui::Selectable(knotName(marker).c_str(), current == &marker)) {
                state.knot = marker.knotId;
            }
            if (ImGui::IsItemHovered() && !marker.detail.empty()) {
                ImGui::SetTooltip("%s", marker.detail.c_str());
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

TimeChartInput chartInput(const KnotTrend& trend, const ClientHistory& history,
                          const VocabularyLists& vocabularies, const Appearance& look,
                          std::vector<std::string>& kinds) {
    TimeChartInput input;
    input.utcOffsetMinutes =
        history.sessions.empty() ? 0 : history.sessions.back().startedAt.offsetMinutes();
    input.emptyMessage = "This knot has no ratings yet";
    ChartSeries pain{
        "Pain", seriesColour(look.colours(), 0), {}, SeriesStyle::LineAndPoints, false};
    for (const KnotTrendPoint& point : trend.points) {
        pain.points.push_back(
            {static_cast<double>(point.utcSeconds), static_cast<double>(point.pain)});
    }
    ChartSeries smooth{
        "Trend (7-day half-life)", look.colours().textMuted, {}, SeriesStyle::Line, true};
    for (const KnotTrendSmoothedPoint& point : trend.smoothed) {
        smooth.points.push_back({static_cast<double>(point.utcSeconds), point.pain});
    }
    input.series.push_back(std::move(smooth));
    input.series.push_back(std::move(pain));

    // The kinds for the key, in order of first use. Their glyph and colour
    // come from the kind itself (core/treatment_style.h), never from this
    // order, so a kind looks the same on every knot's chart.
    for (const KnotTrendTreatment& treatment : trend.treatments) {
        if (std::none_of(kinds.begin(), kinds.end(),
                         [&](const std::string& code) { return code == treatment.kindCode; })) {
            kinds.push_back(treatment.kindCode);
        }
    }
    for (const KnotTrendTreatment& treatment : trend.treatments) {
        const TreatmentMarkerStyle style = treatmentMarkerStyle(look.colours(), treatment.kindCode);
        ChartMarker marker;
        marker.t = static_cast<double>(treatment.utcSeconds);
        // Hollow when given to the whole session rather than aimed at this knot.
        marker.outlined = treatment.wholeSession;
        marker.glyph = style.glyph;
        marker.colour = style.colour;
        std::string text = vocabularyName(vocabularies.treatments, treatment.kindCode);
        if (treatment.painBefore && treatment.painAfter) {
            text += ": " + std::to_string(*treatment.painBefore) + " \u2192 " +
                    std::to_string(*treatment.painAfter);
        }
        if (treatment.wholeSession) {
            text += " (whole session)";
        }
        marker.tooltip = text;
        input.markers.push_back(std::move(marker));
    }
    return input;
}

// The rows glyphKey will take at the current width (it wraps like text).
int glyphKeyRows(const std::vector<std::string>& kinds, const VocabularyLists& vocabularies,
                 const Appearance& look) {
    const float available = ImGui::GetContentRegionAvail().x;
    const float radius = look.px(5);
    int rows = 1;
    float x = 0.0f;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const std::string name = vocabularyName(vocabularies.treatments, kinds[i]);
        const float width = radius * 2 + look.px(6) + ImGui::CalcTextSize(name.c_str()).x;
        if (i > 0 && x + look.px(16) + width > available) {
            ++rows;
            x = 0.0f;
        } else if (i > 0) {
            x += look.px(16);
        }
        x += width;
    }
    return rows;
}

void glyphKey(const std::vector<std::string>& kinds, const VocabularyLists& vocabularies,
              const Appearance& look) {
    if (kinds.empty()) {
        textMuted("No treatments logged for this knot", look);
        return;
    }
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ChartColours colours = chartColours(look);
    const float radius = look.px(5);
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const std::string name = vocabularyName(vocabularies.treatments, kinds[i]);
        const float width = radius * 2 + look.px(6) + ImGui::CalcTextSize(name.c_str()).x;
        if (i > 0) {
            ImGui::SameLine(0, look.px(16));
            if (ImGui::GetCursorScreenPos().x + width > right) {
                ImGui::NewLine();
            }
        }
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float lineHeight = ImGui::GetTextLineHeight();
        const TreatmentMarkerStyle style = treatmentMarkerStyle(look.colours(), kinds[i]);
        drawGlyphWithHalo(drawList, ImVec2(at.x + radius, at.y + lineHeight * 0.5f), radius,
                          style.glyph, toU32(style.colour), colours.background);
        ImGui::SetCursorScreenPos(ImVec2(at.x + radius * 2 + look.px(6), at.y));
        textMuted(name, look);
    }
}

} // namespace

void drawKnotHistoryView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                         const Appearance& look) {
    const ClientEntry& client = *input.client;
    const std::optional<Id> knot = chosenKnot(input, state);
    viewTitle("Knot history", "", look);
    // The picker takes the room between the title and the Save button, up to
    // 320 px; where that leaves it under 200 px (too narrow for a knot's
    // name) Save PNG stays beside the title and the picker takes the next line.
    const float titleEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + look.px(16);
    const float saveStart = ImGui::GetWindowContentRegionMax().x - look.px(12) - savePngWidth();
    const float room = saveStart - titleEnd - look.px(12);
    if (room >= look.px(200)) {
        ImGui::SameLine(0, look.px(16));
        knotPicker(client, knot, state, std::min(room, look.px(320)));
        probeItem("knot-picker");
        savePngButton(state, look);
    } else {
        savePngButton(state, look);
        knotPicker(client, knot, state, std::min(ImGui::GetContentRegionAvail().x, look.px(320)));
        probeItem("knot-picker");
    }
    if (rangeChips("##knot-range", state.knotRange, look)) {
        state.knotChart.userAdjusted = false; // show the chosen span
    }
    if (!knot) {
        textMuted("No knots yet: click the body map to log one.", look);
        return;
    }
    const auto history = data.history(client.id);
    const auto trend = data.knotTrend(client.id, *knot);
    if (!history.value || !trend.value || trend.value->knotId != *knot) {
        waitingMessage(history.error + trend.error, look);
        return;
    }
    if (state.chartedKnot != knot) {
        state.knotChart = {}; // another knot: show its whole history
        state.chartedKnot = knot;
    }
    // The headline covers the period the chart shows; it goes beside the
    // chips when it fits, else under them.
    const std::vector<TimedRating> ratings = trendRatings(*trend.value);
    const RangeChange change =
        rangeChange(ratings, shownRange(ratings, state.knotRange, state.knotChart));
    const ImVec2 top = drawChangeHeadlineAfterChips(change, look);
    std::vector<std::string> kinds;
    TimeChartInput chart =
        chartInput(*trend.value, *history.value, *input.vocabularies, look, kinds);
    chart.defaultSpanSeconds = presetSeconds(state.knotRange);
    // Hollow markers need a word in the key: they are the whole session's.
    const bool anyHollow = std::any_of(chart.markers.begin(), chart.markers.end(),
                                       [](const ChartMarker& marker) { return marker.outlined; });
    const char* footnote = "Under the chart: filled, treated on this knot \u00B7 hollow, a "
                           "whole-session treatment";
    // The footnote wraps on a narrow pane: its height as wrapped.
    const float footnoteHeight =
        anyHollow
            ? ImGui::CalcTextSize(footnote, nullptr, false, ImGui::GetContentRegionAvail().x).y +
                  ImGui::GetStyle().ItemSpacing.y
            : 0.0f;
    const float keyHeight = ImGui::GetTextLineHeightWithSpacing() *
                                static_cast<float>(glyphKeyRows(kinds, *input.vocabularies, look)) +
                            footnoteHeight;
    (void)timeChart("knot-chart", chart, state.knotChart,
                    ImVec2(0, std::max(look.px(200), ImGui::GetContentRegionAvail().y - keyHeight)),
                    look);
    glyphKey(kinds, *input.vocabularies, look);
    if (anyHollow) {
        ImGui::PushTextWrapPos(0.0f);
        textMuted(footnote, look);
        ImGui::PopTextWrapPos();
        probeItem("knot-footnote");
    }
    requestPng(top,
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                      ImGui::GetCursorScreenPos().y),
               state);
}

} // namespace knotmap::ui
