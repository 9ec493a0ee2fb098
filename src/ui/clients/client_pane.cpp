#include "ui/clients/client_pane.h"

#include "ui/clients/client_list_actions.h"
#include "ui/dialogs/vocabulary_window.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace knotmap::ui {

void drawNewClientMenuItem(MainScreenState& state) {
    if (ImGui::MenuItem("New client...", nullptr, false, state.workspace != nullptr)) {
        startNewClient(state.clientList);
    }
}

void drawClientMenuItems(MainScreenState& state) {
    // Read-only (no workspace to change): nothing to edit, so no Edit menu at all.
    const bool canEdit = state.workspace != nullptr;
    if (canEdit && ImGui::BeginMenu("Edit")) {
        ImGui::Separator();
        if (ImGui::MenuItem("Vocabularies...", nullptr, false, canEdit)) {
            state.vocabularies.open = true;
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        ImGui::MenuItem("Therapist mode", nullptr, &state.therapistMode);
        ImGui::EndMenu();
    }
}

bool clientPaneShown(const AppViewModel& model, const MainScreenState& state) {
    return clientListWanted(model, state.clientList, state.therapistMode);
}

void drawClientPane(const AppViewModel& model, MainScreenState& state, const Appearance& look) {
    const ClientListActions actions = drawClientList(model, state.clientList, look);
    if (state.workspace != nullptr) {
        applyClientListActions(actions, state.clientList, *state.workspace);
    }
}

void finishClientFrame(const AppViewModel& model, MainScreenState& state, const Appearance& look) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.KeyShift && !io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_F, false) &&
        clientPaneShown(model, state)) {
        state.clientList.focusSearch = true;
    }
    if (state.workspace != nullptr) {
        // The details form shows whether or not the list does (File > New client...).
        ClientListActions actions;
        if (state.clientList.form) {
            state.clientList.form->inPractice = state.workspace->practiceRole().has_value();
        }
        drawClientForm(model, state.clientList, actions, look);
        applyClientListActions(actions, state.clientList, *state.workspace);
        drawVocabularyWindow(model.vocabularies, state.vocabularies, *state.workspace, look);
    }
}

} // namespace knotmap::ui
