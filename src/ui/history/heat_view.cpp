#include "core/region_heat.h"
#include "ui/body_map/body_map_panel.h"
#include "ui/charts/chart_style.h"
#include "ui/history/history_common.h"
#include "ui/history/history_views.h"
#include "ui/shell/frame_requests.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>

namespace knotmap::ui {
namespace {

// The animation walks through any range in about this long.
constexpr double kPlaySeconds = 12.0;
constexpr double kStepSeconds = 1.0 / 12.0;

void modeSwitch(HistoryState& state, const Appearance& look) {
    constexpr std::array<Segment, 2> kModes{{
        {"Average", "The mean of every rating in the range: how it has generally been"},
        {"Peak", "The highest rating in the range: how bad it got"},
    }};
    int mode = state.heatMode == HeatMode::Average ? 0 : 1;
    ImGui::BeginChild("##heat-mode", ImVec2(look.px(170), ImGui::GetFrameHeight()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (segmentedControl("heat-mode", kModes, mode, look)) {
        state.heatMode = mode == 0 ? HeatMode::Average : HeatMode::Peak;
        state.heatSession.reset();
        state.playing = false;
    }
    ImGui::EndChild();
    probeItem("heat-mode");
}

// Play / pause, a slider over the range's sessions and the date shown.
void scrubber(const ClientHistory& history, const std::vector<std::size_t>& sessions,
              HistoryState& state, const Appearance& look) {
    if (sessions.empty()) {
        return;
    }
    const bool toggled = ImGui::Button(state.playing ? "Pause" : "Play", ImVec2(look.px(72), 0));
    probeItem("heat-play");
    if (toggled) {
        state.playing = !state.playing;
        state.playClock = 0.0;
        // Play starts over from the first session once it reached the end.
        if (state.playing && (!state.heatSession || *state.heatSession >= sessions.back())) {
            state.heatSession = sessions.front();
        }
    }
    ImGui::SameLine();
    const auto position =
        std::find(sessions.begin(), sessions.end(), state.heatSession.value_or(sessions.back()));
    int index = static_cast<int>(position != sessions.end() ? position - sessions.begin()
                                                            : sessions.size() - 1);
    const std::string date =
        state.heatSession
            ? formatLongDate(
                  history.sessions[sessions[static_cast<std::size_t>(index)]].startedAt.local())
            : "Whole range";
    const float trailing = look.px(140);
    ImGui::SetNextItemWidth(std::max(look.px(120), ImGui::GetContentRegionAvail().x - trailing));
    if (ImGui::SliderInt("##scrub", &index, 0, static_cast<int>(sessions.size()) - 1, "")) {
        state.heatSession = sessions[static_cast<std::size_t>(index)];
        state.playing = false;
    }
    ImGui::SameLine();
    if (state.heatSession) {
        ImGui::TextUnformatted(date.c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("Each knot's latest rating as of this session (kept up to 30 days)");
        }
    } else {
        textMuted(date, look);
    }
    if (!state.playing) {
        return;
    }
    state.playClock += ImGui::GetIO().DeltaTime;
    if (state.playClock < kStepSeconds) {
        requestFrameIn(std::chrono::duration_cast<FrameClock::duration>(
            std::chrono::duration<double>(kStepSeconds - state.playClock)));
        return;
    }
    requestFrameIn(std::chrono::duration_cast<FrameClock::duration>(
        std::chrono::duration<double>(kStepSeconds)));
    state.playClock = 0.0;
    const auto step =
        std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(sessions.size()) *
                                                          kStepSeconds / kPlaySeconds));
    const auto next = static_cast<std::size_t>(index) + step;
    if (next >= sessions.size()) {
        state.heatSession = sessions.back();
        state.playing = false;
    } else {
        state.heatSession = sessions[next];
    }
}

} // namespace

void drawHeatView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                  const Appearance& look) {
    const ClientEntry& client = *input.client;
    viewTitle("Heat over time", "", look);
    savePngButton(state, look);
    // Average / Peak beside the range, or under it where the pane is narrow.
    const bool modeBeside = ImGui::GetContentRegionAvail().x >= look.px(260 + 12 + 170);
    if (rangeChips("##heat-range", state.heatRange, look)) {
        state.heatSession.reset();
        state.playing = false;
    }
    if (modeBeside) {
        ImGui::SameLine(0, look.px(12));
    }
    modeSwitch(state, look);
    const auto history = data.history(client.id);
    if (!history.value || !history.current) {
        waitingMessage(history.error, look);
        return;
    }
    const UtcRange range = rangeFor(*history.value, state.heatRange);
    const std::vector<std::size_t> sessions =
        sessionsInRange(*history.value, range.fromUtc, range.toUtc);
    if (state.heatSession &&
        std::find(sessions.begin(), sessions.end(), *state.heatSession) == sessions.end()) {
        state.heatSession.reset();
    }
    const auto heat = state.heatSession ? data.heatAt(client.id, *state.heatSession)
                                        : data.heat(client.id, range, state.heatMode);
    const std::string what = state.heatSession ? "As it stood at the chosen session"
                             : state.heatMode == HeatMode::Average ? "Average pain per muscle"
                                                                   : "Peak pain per muscle";
    // Wrapped: at the narrowest the range's dates would run past the edge.
    const std::string caption = what + " \u00B7 " + describeRange(*history.value, range) +
                                " \u00B7 " + std::to_string(sessions.size()) +
                                (sessions.size() == 1 ? " session" : " sessions");
    ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
    ImGui::TextWrapped("%s", caption.c_str());
    ImGui::PopStyleColor();

    const ImVec2 top = ImGui::GetCursorScreenPos();
    BodyMapInput map;
    map.atlas = &data.atlas();
    std::vector<std::string> notes;
    if (heat.value) {
        map.regionPain = *heat.value;
        const char* label = state.heatSession                     ? "Pain then: "
                            : state.heatMode == HeatMode::Average ? "Average pain: "
                                                                  : "Peak pain: ";
        notes.resize(heat.value->size());
        for (std::size_t i = 0; i < notes.size(); ++i) {
            if (const auto& pain = (*heat.value)[i]) {
                notes[i] = label + formatChartValue(*pain);
            }
        }
        map.regionNotes = notes;
    }
    map.showToolbar = true;
    const float scrubberHeight = ImGui::GetFrameHeightWithSpacing() + look.px(6);
    ImGui::BeginChild("heat-map", ImVec2(0, -scrubberHeight), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    state.heatMap.heat = true;
    (void)drawBodyMap(map, state.heatMap, look);
    ImGui::EndChild();
    const ImVec2 mapBottom(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                           ImGui::GetItemRectMax().y);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    scrubber(*history.value, sessions, state, look);
    requestPng(top, mapBottom, state);
}

} // namespace knotmap::ui
