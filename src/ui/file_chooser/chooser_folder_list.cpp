#include "ui/file_chooser/chooser_folder_list.h"

#include "ui/file_chooser/chooser_icons.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_internal.h>

#include <string>

namespace knotmap::ui {
namespace {

// A probe name for a row: names may hold spaces, probe names may not.
std::string rowProbeName(const std::string& name) {
    std::string probe = "chooser-row-" + name;
    for (char& c : probe) {
        if (c == ' ' || c == '\t' || c == '\n') {
            c = '_';
        }
    }
    return probe;
}

// Where the rows would be: a muted explanation, centred in the list's box.
void listNote(const std::string& title, const std::string& detail, const Appearance& look) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0, look.px(24)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - look.px(24));
    ImGui::Indent(look.px(24));
    textWithFont(title, look.fonts.strong);
    if (!detail.empty()) {
        textMuted(detail, look);
    }
    ImGui::Unindent(look.px(24));
    ImGui::PopTextWrapPos();
}

// Draws one row; true when it was double-clicked.
bool drawRow(FolderBrowser& browser, int index, bool scrollToSelected, const Appearance& look) {
    const FolderEntry& entry = browser.shownEntries()[static_cast<std::size_t>(index)];
    bool doubleClicked = false;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const float iconSize = ImGui::GetTextLineHeight();
    const ImVec2 iconAt = ImGui::GetCursorScreenPos();
    const bool selected = browser.selected() == index;
    // Rows are not ImGui navigation targets: the chooser moves its own
    // selection with the arrow keys, so a key never moves two things.
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + iconSize + look.px(8));
    const std::string label = entry.name + "##row-" + std::to_string(index);
    if (ImGui::Selectable(label.c_str(), selected,
                          ImGuiSelectableFlags_SpanAllColumns |
                              ImGuiSelectableFlags_AllowDoubleClick)) {
        browser.select(index);
        doubleClicked = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    }
    ImGui::PopItemFlag();
    probeItem(rowProbeName(entry.name));
    if (selected && scrollToSelected) {
        ImGui::SetScrollHereY(0.5f);
    }
    const ImU32 iconColour =
        ImGui::GetColorU32(entry.folder ? look.colours().accent : look.colours().textMuted);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    if (entry.folder) {
        drawFolderIcon(drawList, iconAt, iconSize, iconColour);
    } else {
        drawFileIcon(drawList, iconAt, iconSize, iconColour);
    }
    ImGui::TableNextColumn();
    if (entry.size) {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
        textRightAligned(readableSize(*entry.size));
        ImGui::PopStyleColor();
    }
    ImGui::TableNextColumn();
    if (entry.modifiedSeconds) {
        textMuted(localModifiedText(*entry.modifiedSeconds), look);
    }
    return doubleClicked;
}

} // namespace

BrowserStep drawChooserFolderList(FolderBrowser& browser, float height, bool scrollToSelected,
                                  const Appearance& look) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(look.px(8), look.px(5)));
    const bool table = ImGui::BeginTable("##chooser-list", 3, flags, ImVec2(0, height));
    ImGui::PopStyleVar();
    probeItem("chooser-list");
    if (!table) {
        return {};
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, look.px(80));
    ImGui::TableSetupColumn("Modified", ImGuiTableColumnFlags_WidthFixed, look.px(132));
    ImGui::TableHeadersRow();
    bool activate = false;
    if (!browser.folderError().empty()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        listNote("This folder can\u2019t be opened", browser.folderError() + ".", look);
        probeItem("chooser-folder-error");
    } else if (browser.shownEntries().empty()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        listNote(browser.request().kind == FileChooserKind::ChooseFolder
                     ? "No folders here"
                     : "Nothing of this type here",
                 "", look);
        probeItem("chooser-empty");
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(browser.shownEntries().size()));
        // The selected row must be laid out to be scrolled to.
        if (scrollToSelected && browser.selected() >= 0) {
            clipper.ForceDisplayRangeByIndices(browser.selected(), browser.selected() + 1);
        }
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                activate = drawRow(browser, i, scrollToSelected, look) || activate;
            }
        }
    }
    ImGui::EndTable();
    // After the rows: opening a folder replaces the entries they were drawn from.
    return activate ? browser.activateSelected() : BrowserStep{};
}

} // namespace knotmap::ui
