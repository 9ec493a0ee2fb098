#include "ui/dialogs/database_files.h"

#include "ui/dialogs/centred_modal.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui.h>

#include <system_error>

namespace knotmap::ui {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDropPopup = "Open the dropped database?##knotmap";

// "clinic.db  ~/Documents/Knotmap": the name first, where it is after.
std::string recentLabel(const fs::path& path) {
    return path.filename().string() + "   \u2014   " + path.parent_path().string();
}

} // namespace

void askForDatabaseToOpen(DatabaseFilesState& state) {
    FileChooserRequest request;
    request.kind = FileChooserKind::OpenFile;
    request.title = "Open a database";
    request.filters = {knotmapDatabasesFilter(), allFilesFilter()};
    state.creating = false;
    state.chooser.ask(request);
}

void drawDatabaseMenuItems(DatabaseFilesState& state) {
    if (ImGui::MenuItem("New database\u2026")) {
        FileChooserRequest request;
        request.kind = FileChooserKind::SaveFile;
        request.title = "Create a new database";
        request.filters = {knotmapDatabasesFilter()};
        request.suggestedName = "knotmap.db";
        request.refuseExisting = true; // a new database never replaces a file
        state.creating = true;
        state.chooser.ask(request);
    }
    probeItem("menu-new-database");
    if (ImGui::MenuItem("Open database\u2026", "Ctrl+O")) {
        askForDatabaseToOpen(state);
    }
    probeItem("menu-open-database");
    const bool recentMenu = ImGui::BeginMenu("Open recent", !state.recent.empty());
    probeItem("menu-open-recent");
    if (!recentMenu) {
        return;
    }
    for (std::size_t i = 0; i < state.recent.size(); ++i) {
        const fs::path path(state.recent[i]);
        std::error_code ignored;
        const bool here = fs::exists(path, ignored);
        const bool open = state.recent[i] == state.openNow;
        // A file moved or deleted since stays listed, greyed: the person
        // sees where it was rather than wondering where it went.
        if (ImGui::MenuItem((recentLabel(path) + "##recent-" + std::to_string(i)).c_str(), nullptr,
                            open, here && !open)) {
            state.creating = false;
            state.switchTo = path;
        }
        probeItem("menu-recent-" + std::to_string(i));
    }
    ImGui::EndMenu();
}

void drawDatabaseFiles(DatabaseFilesState& state, const Appearance& look) {
    if (const auto chosen = state.chooser.drawAndTakeChoice(look)) {
        state.switchTo = *chosen;
    }
    if (!state.dropped) {
        return;
    }
    if (!beginCentredModal(kDropPopup, look)) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    textWithFont("Open this database?", look.fonts.heading);
    textWithFont(state.dropped->string(), look.fonts.strong);
    textMuted("The database open now is closed first, once every change in it is saved.", look);
    ImGui::PopTextWrapPos();
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* cancelLabel = "Cancel";
    const char* openLabel = "Open";
    const float width = ImGui::CalcTextSize(cancelLabel).x + style.FramePadding.x * 2 +
                        ImGui::CalcTextSize(openLabel).x + look.px(14) * 2 + style.ItemSpacing.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
    bool decided = false;
    if (ImGui::Button(cancelLabel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        decided = true;
    }
    probeItem("drop-open-cancel");
    ImGui::SameLine();
    if (primaryButton(openLabel, look) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
        state.creating = false;
        state.switchTo = *state.dropped;
        decided = true;
    }
    probeItem("drop-open");
    if (decided) {
        state.dropped.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
