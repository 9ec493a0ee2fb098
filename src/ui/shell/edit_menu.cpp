#include "ui/shell/edit_menu.h"

#include <imgui.h>

#include <string>

namespace knotmap::ui {

void drawEditMenu(Workspace& workspace, KnotLogController* knotLog) {
    if (!ImGui::BeginMenu("Edit")) {
        return;
    }
    const UndoStack& history = workspace.history();
    const std::string undo =
        history.canUndo() ? "Undo " + history.undoDescription() : std::string("Undo");
    const std::string redo =
        history.canRedo() ? "Redo " + history.redoDescription() : std::string("Redo");
    // The ## suffix keeps each item's id stable while its label changes.
    if (ImGui::MenuItem((undo + "##undo").c_str(), "Ctrl+Z", false, history.canUndo())) {
        workspace.undo();
    }
    if (ImGui::MenuItem((redo + "##redo").c_str(), "Ctrl+Shift+Z", false, history.canRedo())) {
        workspace.redo();
    }
    ImGui::Separator();
    const auto knot = knotLog != nullptr ? knotLog->selectedKnot() : std::nullopt;
    if (ImGui::MenuItem("Delete knot", "Delete", false, knot.has_value())) {
        knotLog->deleteKnot(*knot);
    }
    ImGui::EndMenu();
}

} // namespace knotmap::ui
