#include "ui/dialogs/centred_modal.h"

#include <imgui.h>

#include <algorithm>

namespace knotmap::ui {

bool beginCentredModal(const char* popupId, const Appearance& look) {
    if (!ImGui::IsPopupOpen(popupId)) {
        ImGui::OpenPopup(popupId);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(look.px(560), viewport->WorkSize.x - look.px(48));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(look.px(24), look.px(22)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(look.px(10), look.px(12)));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    const bool open = ImGui::BeginPopupModal(popupId, nullptr, flags);
    ImGui::PopStyleVar(2);
    return open;
}

} // namespace knotmap::ui
