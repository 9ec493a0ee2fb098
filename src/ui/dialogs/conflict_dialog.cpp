#include "ui/dialogs/conflict_dialog.h"

#include "ui/dialogs/centred_modal.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

namespace knotmap::ui {

void drawConflictDialog(Workspace& workspace, const Appearance& look) {
    const auto& conflict = workspace.conflict();
    if (!conflict) {
        return;
    }
    if (!beginCentredModal("Changed by someone else##conflict", look)) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    textWithFont("Changed by someone else", look.fonts.heading);
    ImGui::TextUnformatted(conflict->message.c_str());
    textMuted("Your change (\u201C" + conflict->change +
                  "\u201D) was not saved. The screen now shows theirs.",
              look);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(2)));

    // Theirs is the safe choice: nothing of anybody's is lost by it, and the
    // person can still type theirs again.
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* mineLabel = "Save mine over theirs";
    const char* theirsLabel = "Keep theirs";
    const float mineWidth = ImGui::CalcTextSize(mineLabel).x + style.FramePadding.x * 2;
    const float theirsWidth = ImGui::CalcTextSize(theirsLabel).x + look.px(14) * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - mineWidth -
                         theirsWidth - style.ItemSpacing.x);
    const bool mine = ImGui::Button(mineLabel);
    probeItem("conflict-keep-mine");
    ImGui::SameLine();
    const bool theirs = primaryButton(theirsLabel, look) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    probeItem("conflict-use-theirs");
    ImGui::SetItemDefaultFocus();
    if (mine || theirs) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    if (mine) {
        workspace.keepMine();
    } else if (theirs) {
        workspace.useTheirs();
    }
}

} // namespace knotmap::ui
