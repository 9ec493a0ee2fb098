#include "core/session_comparison.h"
#include "ui/body_map/body_map_panel.h"
#include "ui/charts/chart_style.h"
#include "ui/history/history_common.h"
#include "ui/history/history_views.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>

namespace knotmap::ui {
namespace {

std::optional<std::size_t> indexOf(const ClientHistory& history, std::optional<Id> session) {
    if (!session) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < history.sessions.size(); ++i) {
        if (history.sessions[i].id == *session) {
            return i;
        }
    }
    return std::nullopt;
}

// What B is usually compared with: a visit with the visit before it (the
// therapist's "since last time"); a check-in with where things stood about a
// month earlier, as day-to-day ratings barely move.
std::size_t defaultEarlier(const ClientHistory& history, std::size_t later) {
    const HistorySession& b = history.sessions[later];
    constexpr std::int64_t kMonth = 28LL * 86400;
    for (std::size_t i = later; i-- > 0;) {
        const HistorySession& candidate = history.sessions[i];
        const bool visits = b.kind == SessionKind::TherapyVisit;
        if (visits ? candidate.kind == SessionKind::TherapyVisit
                   : b.startedAt.utcSeconds() - candidate.startedAt.utcSeconds() >= kMonth) {
            return i;
        }
    }
    return later > 0 ? later - 1 : 0;
}

std::string sessionLabel(const HistorySession& session) {
    return formatLongDate(session.startedAt.local()) + " \u00B7 " +
           std::string(session.kind == SessionKind::TherapyVisit ? "visit" : "check-in");
}

// A combo of the client's sessions, newest first.
void sessionPicker(const char* id, const ClientHistory& history, std::size_t shown,
                   std::optional<Id>& choice, float width) {
    ImGui::SetNextItemWidth(width);
    if (!ImGui::BeginCombo(id, sessionLabel(history.sessions[shown]).c_str())) {
        return;
    }
    for (std::size_t i = history.sessions.size(); i-- > 0;) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(sessionLabel(history.sessions[i]).c_str(), i == shown)) {
            choice = history.sessions[i].id;
        }
        if (i == shown) {
            ImGui::SetItemDefaultFocus();
        }
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

// The two choosers on one line, narrowed to share the pane's width; where
// even that is too tight, B goes under A.
void sessionPickers(const ClientHistory& history, std::size_t a, std::size_t b, HistoryState& state,
                    const Appearance& look) {
    const char* between = "compared with";
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    const float shared = (available - ImGui::CalcTextSize(between).x - 2.0f * spacing) * 0.5f;
    const bool oneLine = shared >= look.px(190);
    const float width =
        oneLine ? std::min(shared, look.px(230)) : std::min(available, look.px(230));
    sessionPicker("##compare-a", history, a, state.compareA, width);
    probeItem("compare-a");
    if (oneLine) {
        ImGui::SameLine();
    }
    textMuted(between, look);
    ImGui::SameLine();
    const float widthB = oneLine ? width : std::min(ImGui::GetContentRegionAvail().x, width);
    sessionPicker("##compare-b", history, b, state.compareB, widthB);
    probeItem("compare-b");
}

ImVec4 statusColour(ComparisonStatus status, const Appearance& look) {
    const ChartColours colours = chartColours(look);
    switch (status) {
    case ComparisonStatus::Better:
    case ComparisonStatus::Gone:
        return ImGui::ColorConvertU32ToFloat4(colours.improvement);
    case ComparisonStatus::Worse:
    case ComparisonStatus::New:
        return ImGui::ColorConvertU32ToFloat4(colours.worsening);
    case ComparisonStatus::Unchanged:
        break;
    }
    return ImVec4(0.62f, 0.62f, 0.60f, 1.0f);
}

void legend(const Appearance& look) {
    const std::array<std::pair<ComparisonStatus, const char*>, 3> entries{{
        {ComparisonStatus::Better, "Better (or gone)"},
        {ComparisonStatus::Worse, "Worse (or new)"},
        {ComparisonStatus::Unchanged, "Unchanged"},
    }};
    constexpr std::array<const char*, 3> kProbes{
        {"compare-legend-better", "compare-legend-worse", "compare-legend-unchanged"}};
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const float size = ImGui::GetTextLineHeight() * 0.8f;
        // An entry that does not fit the line flows onto the next.
        if (i > 0) {
            (void)sameLineIfFits(size + look.px(6) + ImGui::CalcTextSize(entries[i].second).x,
                                 look.px(18));
        }
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float inset = (ImGui::GetTextLineHeight() - size) * 0.5f;
        drawList->AddRectFilled(
            ImVec2(at.x, at.y + inset), ImVec2(at.x + size, at.y + inset + size),
            ImGui::GetColorU32(statusColour(entries[i].first, look)), look.px(3));
        ImGui::SetCursorScreenPos(ImVec2(at.x + size + look.px(6), at.y));
        textMuted(entries[i].second, look);
        probeItem(kProbes[i]);
    }
}

std::string painText(std::optional<int> pain) {
    return pain ? std::to_string(*pain) : "\u2013";
}

void knotTable(const SessionComparison& comparison, const ClientEntry& client, const Atlas& atlas,
               const Appearance& look) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("compare-knots", 4, flags, ImVec2(0, 0))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Knot", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Before", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("After", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (const KnotComparison& knot : comparison.knots) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const auto marker =
            std::find_if(client.markers.begin(), client.markers.end(),
                         [&](const BodyMapMarker& m) { return m.knotId == knot.knotId; });
        std::string name = marker != client.markers.end() ? marker->title : "Knot";
        if (marker == client.markers.end() && knot.regionIndex >= 0) {
            name = atlas.regions()[static_cast<std::size_t>(knot.regionIndex)].displayName;
        }
        ImGui::TextUnformatted(name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(painText(knot.painA).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(painText(knot.painB).c_str());
        ImGui::TableNextColumn();
        std::string change(displayName(knot.status));
        if (knot.painA && knot.painB && knot.difference != 0) {
            change = (knot.difference > 0 ? "+" : "\u2212") +
                     std::to_string(std::abs(knot.difference)) + " \u00B7 " + change;
        }
        textColoured(change, statusColour(knot.status, look));
    }
    ImGui::EndTable();
}

} // namespace

void drawCompareView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                     const Appearance& look) {
    const ClientEntry& client = *input.client;
    viewTitle("Compare two sessions", "", look);
    savePngButton(state, look);
    const auto history = data.history(client.id);
    if (!history.value || !history.current) {
        waitingMessage(history.error, look);
        return;
    }
    const ClientHistory& sessions = *history.value;
    if (sessions.sessions.size() < 2) {
        textMuted("Two sessions are needed to compare: log another one first.", look);
        return;
    }
    const std::size_t last = sessions.sessions.size() - 1;
    const std::size_t b = indexOf(sessions, state.compareB).value_or(last);
    const std::size_t a = indexOf(sessions, state.compareA).value_or(defaultEarlier(sessions, b));
    sessionPickers(sessions, a, b, state, look);
    const auto comparison = data.comparison(client.id, a, b);
    if (!comparison.value) {
        waitingMessage(comparison.error, look);
        return;
    }
    const ImVec2 top = ImGui::GetCursorScreenPos();
    legend(look);
    // Front or back for both maps, at the legend's trailing edge (or under
    // the legend where the pane is too narrow for both).
    constexpr std::array<Segment, 2> kViews{{{"Front", ""}, {"Back", ""}}};
    int view = state.compareView == BodyView::Front ? 0 : 1;
    const float right = ImGui::GetWindowContentRegionMax().x - look.px(150);
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + look.px(12) <= right) {
        ImGui::SameLine(right);
    }
    ImGui::BeginChild("##compare-view", ImVec2(look.px(150), ImGui::GetFrameHeight()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (segmentedControl("compare-view", kViews, view, look)) {
        state.compareView = view == 0 ? BodyView::Front : BodyView::Back;
    }
    ImGui::EndChild();
    probeItem("compare-view");
    // Both maps colour each region by the change; A's map shows where it was.
    std::vector<std::optional<ImVec4>> colours(data.atlas().regions().size());
    std::vector<std::string> notes(colours.size());
    for (const RegionComparison& region : comparison.value->regions) {
        const auto index = static_cast<std::size_t>(region.regionIndex);
        colours[index] = statusColour(region.status, look);
        notes[index] = std::string(displayName(region.status)) + ": " + painText(region.painA) +
                       " \u2192 " + painText(region.painB);
    }
    const float tableHeight = std::max(look.px(140), ImGui::GetContentRegionAvail().y * 0.32f);
    const float mapHeight = std::max(look.px(200), ImGui::GetContentRegionAvail().y - tableHeight);
    const float half = (ImGui::GetContentRegionAvail().x - look.px(12)) * 0.5f;
    // Each map's markers carry the knot's rating in that session.
    const auto markersFor = [&](bool first) {
        std::vector<BodyMapMarker> markers;
        for (const KnotComparison& knot : comparison.value->knots) {
            const std::optional<int> pain = first ? knot.painA : knot.painB;
            const auto marker =
                std::find_if(client.markers.begin(), client.markers.end(),
                             [&](const BodyMapMarker& m) { return m.knotId == knot.knotId; });
            if (!pain || marker == client.markers.end()) {
                continue;
            }
            BodyMapMarker shown = *marker;
            shown.pain = pain;
            shown.resolved = false;
            shown.detail = "Pain " + std::to_string(*pain) + " in this session";
            markers.push_back(std::move(shown));
        }
        return markers;
    };
    const std::vector<BodyMapMarker> markersA = markersFor(true);
    const std::vector<BodyMapMarker> markersB = markersFor(false);
    const auto drawMap = [&](const char* id, std::size_t session, BodyMapState& mapState,
                             const std::vector<BodyMapMarker>& markers) {
        ImGui::BeginChild(id, ImVec2(half, mapHeight), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PushFont(look.fonts.strong);
        ImGui::TextUnformatted(sessionLabel(sessions.sessions[session]).c_str());
        ImGui::PopFont();
        mapState.mode =
            state.compareView == BodyView::Front ? BodyMapMode::Front : BodyMapMode::Back;
        BodyMapInput map;
        map.atlas = &data.atlas();
        map.regionColours = colours;
        map.regionNotes = notes;
        map.markers = markers;
        map.showToolbar = false;
        map.showLegend = false;
        (void)drawBodyMap(map, mapState, look);
        ImGui::EndChild();
    };
    drawMap("compare-a", a, state.compareMapA, markersA);
    ImGui::SameLine(0, look.px(12));
    drawMap("compare-b", b, state.compareMapB, markersB);
    const ImVec2 bottom(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                        ImGui::GetItemRectMax().y);
    knotTable(*comparison.value, client, data.atlas(), look);
    requestPng(top, bottom, state);
}

} // namespace knotmap::ui
