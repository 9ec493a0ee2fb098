#include "ui/practice/practice_window.h"

#include "ui/practice/practice_tabs.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

// The last change's outcome, or the server's refusal, above the tabs: seen
// whichever tab the change was made in. Below it, why the practice could not
// be read (the lists show what was read last), until a read succeeds.
void outcomeLine(const PracticeWindowState& state, const Appearance& look) {
    if (state.error.empty() && state.outcome.empty() && state.readError.empty()) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(2)));
    ImGui::PushTextWrapPos(0.0f);
    if (!state.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().error.text);
        textWithFont(state.error, look.fonts.strong);
        ImGui::PopStyleColor();
        probeValue("practice-error", state.error);
    } else if (!state.outcome.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().accent);
        textWithFont(state.outcome, look.fonts.strong);
        ImGui::PopStyleColor();
        probeValue("practice-outcome", state.outcome);
    }
    if (!state.readError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().error.text);
        textWithFont(state.readError, look.fonts.strong);
        ImGui::PopStyleColor();
        probeValue("practice-read-error", state.readError);
    }
    ImGui::PopTextWrapPos();
}

void tab(const char* title, PracticeTab which, const char* probe, PracticeWindowState& state,
         const Appearance& look) {
    const ImGuiTabItemFlags flags =
        state.requestedTab == which ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    const bool selected = ImGui::BeginTabItem(title, nullptr, flags);
    probeItem(probe);
    if (!selected) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(4)));
    if (which == PracticeTab::People) {
        drawPracticePeople(state, look);
    } else {
        drawPracticeClients(state, look);
    }
    ImGui::EndTabItem();
}

} // namespace

std::string shownName(const std::string& name, bool enabled) {
    return enabled ? name : name + " (disabled)";
}

void drawPracticeWindow(PracticeWindowState& state, const Appearance& look) {
    if (!state.open) {
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(look.px(760), viewport->WorkSize.x - look.px(48)),
                                    std::min(look.px(760), viewport->WorkSize.y - look.px(48))),
                             ImGuiCond_Appearing);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(look.px(18), look.px(14)));
    // A floating window over panes of nearly the same colour needs an edge.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, look.colours().border);
    const bool visible =
        ImGui::Begin("Practice###practice", &state.open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (visible) {
        // Esc in a field leaves the field; Esc anywhere else closes the
        // window, like a dialog.
        if (!ImGui::IsAnyItemActive() &&
            ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            state.open = false;
        }
        ImGui::PushTextWrapPos(0.0f);
        textMuted("Who works in this practice and whose clients they see. The server enforces "
                  "it: each person signs in as their own login and sees only what their role "
                  "allows.",
                  look);
        ImGui::PopTextWrapPos();
        outcomeLine(state, look);
        ImGui::Dummy(ImVec2(0, look.px(4)));
        if (ImGui::BeginTabBar("practice-tabs")) {
            tab("People", PracticeTab::People, "practice-tab-people", state, look);
            tab("Clients", PracticeTab::Clients, "practice-tab-clients", state, look);
            ImGui::EndTabBar();
        }
        state.requestedTab.reset();
    }
    ImGui::End();
}

} // namespace knotmap::ui
