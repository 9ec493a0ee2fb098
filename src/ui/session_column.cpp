#include "ui/session_column.h"

#include "ui/session_list_panel.h"
#include "ui/test_probe.h"

#include <algorithm>

namespace knotmap::ui {

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
    // The timeline gets about a third of the column; the details need the rest.
    const float listHeight = std::max(look.px(170), ImGui::GetContentRegionAvail().y * 0.34f);
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
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    if (treatments != nullptr) {
        const bool treatmentsOpen = ImGui::BeginTabItem("Treatments");
        probeItem("treatments-tab");
        if (treatmentsOpen) {
            if (ImGui::BeginChild("session-treatments", ImVec2(0, 0))) {
                treatments->draw(*shown, look);
            }
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
}

} // namespace knotmap::ui
