#include "ui/history/history_panel.h"

#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <string>

namespace knotmap::ui {
namespace {

struct TabInfo {
    HistoryTab tab;
    const char* label;
    const char* probe; // the name tests find the tab by
};

constexpr std::array<TabInfo, 7> kTabs{{
    {HistoryTab::BodyMap, "Body map", "tab-body-map"},
    {HistoryTab::KnotHistory, "Knot", "tab-knot-history"},
    {HistoryTab::Overview, "Overview", "tab-overview"},
    {HistoryTab::Heat, "Heat", "tab-heat"},
    {HistoryTab::Compare, "Compare", "tab-compare"},
    {HistoryTab::Treatments, "Treatments", "tab-treatments"},
    {HistoryTab::Symptoms, "Symptoms", "tab-symptoms"},
}};

// The tabs' own padding: snug, so all seven fit beside the sessions at 1280 px.
float tabPadding(const Appearance& look) {
    return look.px(5);
}

// The width the seven tabs take at full length (ImGui sizes a tab as its
// label, its padding either side and a pixel, with the inner spacing between).
float tabRowWidth(const Appearance& look) {
    float width = 0.0f;
    for (const TabInfo& info : kTabs) {
        width += ImGui::CalcTextSize(info.label).x + 2.0f * tabPadding(look) + 1.0f;
    }
    return width + static_cast<float>(kTabs.size() - 1) * ImGui::GetStyle().ItemInnerSpacing.x;
}

// Where the tabs would not all fit (a narrow window, or the client list
// beside the sessions), one combo names the view shown and lists them all,
// rather than hiding tabs behind scroll arrows. Same height as the tabs.
void viewCombo(HistoryState& state, const Appearance& look) {
    // The tab bar, when it comes back, is told which tab to select.
    state.tabShown.reset();
    const TabInfo* shown = &kTabs.front();
    for (const TabInfo& info : kTabs) {
        if (info.tab == state.tab) {
            shown = &info;
        }
    }
    ImGui::AlignTextToFramePadding();
    textMuted("View", look);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, look.px(190)));
    const bool open = ImGui::BeginCombo("##history-view", shown->label);
    probeItem("history-view");
    if (!open) {
        return;
    }
    for (std::size_t i = 0; i < kTabs.size(); ++i) {
        const std::string shortcut = "Ctrl+" + std::to_string(i + 1);
        if (ImGui::MenuItem(kTabs[i].label, shortcut.c_str(), kTabs[i].tab == state.tab)) {
            state.tab = kTabs[i].tab;
        }
    }
    ImGui::EndCombo();
}

} // namespace

float historyTabRowHeight() {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y;
}

void drawHistoryTabsPlaceholder(const Appearance& look) {
    const float top = ImGui::GetCursorPosY();
    ImGui::PushFont(look.fonts.small);
    ImGui::SetCursorPosY(top + (ImGui::GetFrameHeight() - ImGui::GetTextLineHeight()) * 0.5f);
    textMuted("Charts of your history open here once a knot is saved", look);
    ImGui::PopFont();
    ImGui::SetCursorPosY(top + historyTabRowHeight());
}

std::string vocabularyName(const std::vector<VocabularyItem>& items, const std::string& code) {
    for (const VocabularyItem& item : items) {
        if (item.code == code) {
            return item.name;
        }
    }
    return code;
}

HistoryTab drawHistoryTabs(HistoryState& state, const Appearance& look) {
    // Ctrl+1..7 jump between the views, as in a browser's tabs.
    const ImGuiIO& io = ImGui::GetIO();
    // A tab chosen outside the bar (a key, a command-line option) is
    // selected in ImGui's bar too.
    std::optional<HistoryTab> jump;
    if (state.tabShown != state.tab) {
        jump = state.tab;
    }
    if (io.KeyCtrl && !io.KeyShift && !io.KeyAlt && !io.WantTextInput) {
        for (std::size_t i = 0; i < kTabs.size(); ++i) {
            if (ImGui::IsKeyPressed(GLFW_KEY_1 + static_cast<int>(i), false)) {
                jump = kTabs[i].tab;
            }
        }
    }
    if (jump) {
        state.tab = *jump;
    }
    if (tabRowWidth(look) > ImGui::GetContentRegionAvail().x) {
        viewCombo(state, look);
        return state.tab;
    }
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(tabPadding(look), padding.y));
    if (!ImGui::BeginTabBar("history-tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        ImGui::PopStyleVar();
        return state.tab;
    }
    for (const TabInfo& info : kTabs) {
        const ImGuiTabItemFlags flags =
            jump == info.tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        const bool open = ImGui::BeginTabItem(info.label, nullptr, flags);
        probeItem(info.probe);
        if (open) {
            // ImGui only reports the new tab a frame after SetSelected.
            if (!jump || jump == info.tab) {
                state.tab = info.tab;
                state.tabShown = info.tab;
            }
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
    ImGui::PopStyleVar();
    return state.tab;
}

void drawHistoryView(const HistoryViewInput& input, HistoryData& data, HistoryState& state,
                     const Appearance& look) {
    if (input.client == nullptr || input.vocabularies == nullptr) {
        return;
    }
    if (state.client != input.client->id) {
        // Another client: their own knots, sessions and spans.
        const HistoryTab tab = state.tab;
        const int lag = state.lagDays;
        releaseGraphics(state);
        state = HistoryState{};
        state.tab = tab;
        state.lagDays = lag;
        state.client = input.client->id;
    }
    if (state.tab != HistoryTab::Heat) {
        state.playing = false; // the animation is only watched on its own tab
    }
    switch (state.tab) {
    case HistoryTab::BodyMap:
        return;
    case HistoryTab::KnotHistory:
        drawKnotHistoryView(input, data, state, look);
        return;
    case HistoryTab::Overview:
        drawClientOverviewView(input, data, state, look);
        return;
    case HistoryTab::Heat:
        drawHeatView(input, data, state, look);
        return;
    case HistoryTab::Compare:
        drawCompareView(input, data, state, look);
        return;
    case HistoryTab::Treatments:
        drawTreatmentEffectView(input, data, state, look);
        return;
    case HistoryTab::Symptoms:
        drawSymptomView(input, data, state, look);
        return;
    }
}

} // namespace knotmap::ui
