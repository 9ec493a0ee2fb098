#include "ui/dialogs/create_database_prompt.h"

#include "ui/dialogs/centred_modal.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

namespace knotmap::ui {

CreateDatabaseChoice drawCreateDatabasePrompt(const std::string& path, const Appearance& look) {
    const char* popupId = "Create a database?##knotmap";
    if (!beginCentredModal(popupId, look)) {
        return CreateDatabaseChoice::Undecided;
    }
    ImGui::PushTextWrapPos(0.0f);
    textWithFont("No Knotmap database here yet", look.fonts.heading);
    ImGui::TextUnformatted("Knotmap was asked to open:");
    textWithFont(path, look.fonts.strong);
    textMuted("Nothing is there. Create a new, empty database at this place? If the path is "
              "mistyped, quit and start Knotmap again with the right one.",
              look);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(2)));

    const ImGuiStyle& style = ImGui::GetStyle();
    const char* quitLabel = "Quit";
    const char* createLabel = "Create database";
    const float quitWidth = ImGui::CalcTextSize(quitLabel).x + style.FramePadding.x * 2;
    const float createWidth = ImGui::CalcTextSize(createLabel).x + look.px(14) * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - quitWidth -
                         createWidth - style.ItemSpacing.x);
    CreateDatabaseChoice choice = CreateDatabaseChoice::Undecided;
    if (ImGui::Button(quitLabel)) {
        choice = CreateDatabaseChoice::Quit;
    }
    probeItem("create-database-quit");
    ImGui::SameLine();
    if (primaryButton(createLabel, look)) {
        choice = CreateDatabaseChoice::Create;
    }
    probeItem("create-database-create");
    ImGui::SetItemDefaultFocus();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
        choice = CreateDatabaseChoice::Create;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        choice = CreateDatabaseChoice::Quit;
    }
    if (choice != CreateDatabaseChoice::Undecided) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return choice;
}

} // namespace knotmap::ui
