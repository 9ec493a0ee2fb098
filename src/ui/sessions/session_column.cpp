#include "ui/sessions/session_column.h"

#include "ui/sessions/session_list_panel.h"
#include "ui/shell/test_probe.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

// The height of what the current child window drew, padding included,
// however far it is scrolled.
float contentHeight() {
    return ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
}

} // namespace

void drawSessionColumn(const ClientEntry& client, SessionController& sessions,
                       TreatmentController* treatments, const Appearance& look) {
    sessions.handleShortcuts(client);
    const std::optional<Id> shown = sessions.shownSession(client);
    const bool scroll = sessions.takeShownChanged(client);
    if (!shown) {
        const SessionListEvents events = drawSessionList(client, shown, scroll, look);
        if (events.create) {
            sessions.newSession(client, *events.create);
        }
        return;
    }
    // The timeline gets at least a third of the column, and whatever the
    // details (or treatments) below leave free on a tall window, measured
    // in the frame before, so no empty band is left under them.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID belowKey = ImGui::GetID("below-list-height");
    const float available = ImGui::GetContentRegionAvail().y;
    const float tabRow =
        look.px(6) + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2.0f;
    // The list's child holds the client's heading too: room for it and a
    // handful of rows at the least.
    const float shortest = std::max(look.px(300), available * 0.4f);
    const float below = storage->GetFloat(belowKey, 0.0f);
    const float listHeight = below > 0.0f ? std::clamp(available - tabRow - below, shortest,
                                                       std::max(shortest, available * 0.7f))
                                          : shortest;
    SessionListEvents events;
    if (ImGui::BeginChild("session-list", ImVec2(0, listHeight))) {
        events = drawSessionList(client, shown, scroll, look);
    }
    ImGui::EndChild();
    if (events.clicked) {
        sessions.select(*events.clicked);
        // The table scrolls in a window of its own that ImGui would navigate
        // with the same arrow keys; without focus there, only ours move.
        ImGui::SetWindowFocus(nullptr);
    }
    if (events.create) {
        sessions.newSession(client, *events.create);
    }
    ImGui::Dummy(ImVec2(0, look.px(6)));
    if (!ImGui::BeginTabBar("session-tabs")) {
        return;
    }
    if (ImGui::BeginTabItem("Details")) {
        if (ImGui::BeginChild("session-details", ImVec2(0, 0))) {
            sessions.drawDetails(client, look);
            storage->SetFloat(belowKey, contentHeight());
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (treatments != nullptr) {
        const bool treatmentsOpen = ImGui::BeginTabItem("Treatments");
        probeItem("treatments-tab");
        if (treatmentsOpen) {
            if (ImGui::BeginChild("session-treatments", ImVec2(0, 0))) {
                treatments->draw(look);
                storage->SetFloat(belowKey, contentHeight());
            }
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
}

} // namespace knotmap::ui
