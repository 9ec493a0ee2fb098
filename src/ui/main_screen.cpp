#include "ui/main_screen.h"

#include "ui/session_list_panel.h"
#include "ui/widgets.h"

#include <algorithm>

namespace knotmap::ui {
namespace {

void menuBar(const std::string& databasePath, MainScreenState& state, const Appearance& look) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(look.px(10), look.px(8)));
    const bool open = ImGui::BeginMainMenuBar();
    ImGui::PopStyleVar();
    if (!open) {
        return;
    }
    ImGui::PushFont(look.fonts.strong);
    textColoured("Knotmap", look.colours().accent);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(look.px(4), 0));
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Quit")) {
            state.quitRequested = true;
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        bool dark = state.theme == ThemeKind::Dark;
        if (ImGui::MenuItem("Dark theme", nullptr, &dark)) {
            state.theme = dark ? ThemeKind::Dark : ThemeKind::Light;
        }
        ImGui::EndMenu();
    }

    // The database in use, quietly at the trailing edge; the full path on hover.
    ImGui::PushFont(look.fonts.small);
    const float right = ImGui::GetWindowContentRegionMax().x - look.px(8);
    const float left = ImGui::GetCursorPosX() + look.px(48);
    const std::string shown = elideLeft(databasePath, right - left);
    const float width = ImGui::CalcTextSize(shown.c_str()).x;
    ImGui::SetCursorPosX(right - width);
    textMuted(shown, look);
    if (shown != databasePath && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", databasePath.c_str());
    }
    ImGui::PopFont();
    ImGui::EndMainMenuBar();
}

// A borderless child filling the given size, with its own padding and background.
bool beginPane(const char* id, ImVec2 size, ImVec2 padding, const ImVec4& background) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
    const bool visible =
        ImGui::BeginChild(id, size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    return visible;
}

void dataPanes(const AppViewModel& model, const std::string& databasePath, MainScreenState& state,
               const Appearance& look) {
    const ImVec2 contentPadding(look.px(28), look.px(22));
    if (model.clients.empty()) {
        if (beginPane("empty", ImVec2(0, 0), contentPadding, ImVec4(0, 0, 0, 0))) {
            drawNoticeBanner(state.notice, look);
            drawEmptyState(databasePath, state.emptyState, look);
        }
        ImGui::EndChild();
        return;
    }

    const float listWidth =
        std::clamp(ImGui::GetContentRegionAvail().x * 0.26f, look.px(220), look.px(288));
    if (beginPane("clients", ImVec2(listWidth, 0), ImVec2(look.px(12), look.px(22)),
                  look.colours().paneBackground)) {
        drawClientList(model, state.clientList, look);
    }
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    if (beginPane("sessions", ImVec2(0, 0), contentPadding, ImVec4(0, 0, 0, 0))) {
        drawNoticeBanner(state.notice, look);
        if (state.clientList.selectedClient) {
            if (const ClientEntry* client = findClient(model, *state.clientList.selectedClient)) {
                drawSessionList(*client, look);
            }
        }
    }
    ImGui::EndChild();
}

} // namespace

void drawMainScreen(const AppViewModel* model, const std::string& databasePath,
                    MainScreenState& state, const Appearance& look) {
    menuBar(databasePath, state, look);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Knotmap##main", nullptr, flags);
    ImGui::PopStyleVar(2);
    if (model != nullptr && !state.error) {
        dataPanes(*model, databasePath, state, look);
    }
    if (state.error) {
        drawErrorDialog(*state.error, look);
    }
    ImGui::End();
}

} // namespace knotmap::ui
