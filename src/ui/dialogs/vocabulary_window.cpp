#include "ui/dialogs/vocabulary_window.h"

#include "core/text_search.h"
#include "core/text_trim.h"
#include "core/validation.h"
#include "store/vocabulary_commands.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <memory>

namespace knotmap::ui {
namespace {

struct Tab {
    Vocabulary vocabulary;
    const char* title;
    const char* addHint;
};

constexpr std::array<Tab, 3> kTabs = {{
    {Vocabulary::Symptom, "Symptoms", "New symptom, e.g. Jaw clenching"},
    {Vocabulary::TreatmentKind, "Treatments", "New treatment, e.g. Cupping"},
    {Vocabulary::Trigger, "Triggers", "New trigger, e.g. Long drives"},
}};

// Checked on Enter so the reason shows beside the field; the store checks
// again (VocabularyRepository::requireNewName). Names are compared folded,
// case and accents ignored, in every script (core/text_search.h).
std::string nameProblem(const std::vector<VocabularyItem>& items, const std::string& name,
                        std::optional<Id> except) {
    const std::string wanted(trimmed(name));
    if (wanted.empty()) {
        return "Type a name first.";
    }
    const std::string folded = foldForSearch(wanted);
    const auto same = [&](const VocabularyItem& item) {
        return item.id != except && foldForSearch(item.name) == folded;
    };
    const auto clash = std::find_if(items.begin(), items.end(), same);
    if (clash == items.end()) {
        return {};
    }
    return "\u201C" + clash->name + "\u201D is already in the list" +
           (clash->hidden ? " (hidden: show it instead)." : ".");
}

void fieldError(const VocabularyWindowState& state, const Appearance& look) {
    if (state.fieldError.empty()) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(look.fonts.small);
    textColoured(state.fieldError, look.colours().error.text);
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
}

void addRow(const Tab& tab, const std::vector<VocabularyItem>& items, VocabularyWindowState& state,
            Workspace& workspace, const Appearance& look) {
    const float buttonWidth = ImGui::CalcTextSize("Add").x + ImGui::GetStyle().FramePadding.x * 4;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - buttonWidth -
                            ImGui::GetStyle().ItemSpacing.x);
    bool add = limitedInputTextWithHint("##add", tab.addHint, state.newName, kMaxNameBytes,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    const bool typedEnter = add;
    ImGui::SameLine();
    add = primaryButton("Add", look) || add;
    if (add) {
        state.renaming.reset();
        state.fieldError = nameProblem(items, state.newName, std::nullopt);
        if (state.fieldError.empty() &&
            workspace.execute(std::make_unique<AddVocabularyEntryCommand>(
                workspace.database().sql(), tab.vocabulary, state.newName))) {
            state.newName.clear();
        }
        if (typedEnter) {
            // Keep the cursor in the field for the next entry.
            ImGui::SetKeyboardFocusHere(-1);
        }
    }
    if (!state.renaming) {
        fieldError(state, look);
    }
}

// The name cell while renaming: Enter saves, Esc or clicking away cancels.
void renameCell(const VocabularyItem& item, const std::vector<VocabularyItem>& items,
                const Tab& tab, VocabularyWindowState& state, Workspace& workspace,
                const Appearance& look) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (state.focusField) {
        ImGui::SetKeyboardFocusHere();
        state.focusField = false;
    }
    const bool entered =
        limitedInputText("##rename", state.renameText, kMaxNameBytes,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        state.renaming.reset();
        state.fieldError.clear();
        return;
    }
    if (entered) {
        state.fieldError = nameProblem(items, state.renameText, item.id);
        if (state.fieldError.empty()) {
            if (trimmed(state.renameText) != item.name) {
                workspace.execute(std::make_unique<RenameVocabularyEntryCommand>(
                    workspace.database().sql(), tab.vocabulary, item.id, state.renameText));
            }
            state.renaming.reset();
        } else {
            state.focusField = true;
        }
    } else if (ImGui::IsItemDeactivated()) {
        state.renaming.reset();
        state.fieldError.clear();
    }
    if (state.renaming) {
        fieldError(state, look);
    }
}

void itemRow(const VocabularyItem& item, const std::vector<VocabularyItem>& items, const Tab& tab,
             VocabularyWindowState& state, Workspace& workspace, const Appearance& look) {
    ImGui::PushID(static_cast<int>(item.id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (state.renaming == item.id) {
        renameCell(item, items, tab, state, workspace, look);
    } else {
        ImGui::AlignTextToFramePadding();
        if (item.hidden) {
            textMuted(item.name, look);
            ImGui::SameLine();
            ImGui::PushFont(look.fonts.small);
            textMuted("hidden", look);
            ImGui::PopFont();
        } else {
            ImGui::TextUnformatted(item.name.c_str());
        }
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(look.fonts.small);
    textMuted(item.builtin ? "Built-in" : "Custom", look);
    ImGui::PopFont();
    ImGui::TableNextColumn();
    if (ImGui::SmallButton("Rename")) {
        state.renaming = item.id;
        state.renameText = item.name;
        state.focusField = true;
        state.fieldError.clear();
    }
    ImGui::SameLine();
    // Hiding keeps the entry on old records; it is only no longer offered.
    if (ImGui::SmallButton(item.hidden ? "Show" : "Hide")) {
        workspace.execute(std::make_unique<HideVocabularyEntryCommand>(
            workspace.database().sql(), tab.vocabulary, item.id, !item.hidden));
    }
    ImGui::PopID();
}

void tabContents(const Tab& tab, const VocabularyLists& lists, VocabularyWindowState& state,
                 Workspace& workspace, const Appearance& look) {
    if (state.shown != tab.vocabulary) {
        // Fields typed into belong to the tab they were typed in.
        state.shown = tab.vocabulary;
        state.newName.clear();
        state.renaming.reset();
        state.fieldError.clear();
    }
    const std::vector<VocabularyItem>& items = lists.of(tab.vocabulary);
    ImGui::Dummy(ImVec2(0, look.px(4)));
    addRow(tab, items, state, workspace, look);
    ImGui::Dummy(ImVec2(0, look.px(6)));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(look.px(8), look.px(5)));
    if (ImGui::BeginTable("entries", 3, flags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, look.px(70));
        // Wide enough for both small buttons side by side, whichever label "Hide" has.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float actionsWidth = ImGui::CalcTextSize("Rename").x + ImGui::CalcTextSize("Show").x +
                                   style.FramePadding.x * 4 + style.ItemSpacing.x + look.px(4);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, actionsWidth);
        ImGui::TableHeadersRow();
        for (const VocabularyItem& item : items) {
            itemRow(item, items, tab, state, workspace, look);
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
}

} // namespace

void drawVocabularyWindow(const VocabularyLists& lists, VocabularyWindowState& state,
                          Workspace& workspace, const Appearance& look) {
    if (!state.open) {
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(
        ImVec2(look.px(560), std::min(look.px(660), viewport->WorkSize.y - look.px(48))),
        ImGuiCond_Appearing);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(look.px(18), look.px(14)));
    // A floating window over panes of nearly the same colour needs an edge.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, look.colours().border);
    const bool visible =
        ImGui::Begin("Vocabularies", &state.open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (visible) {
        // Esc in a field cancels that field (read before the fields run this
        // frame); Esc anywhere else in the window closes it, like a dialog.
        if (!ImGui::IsAnyItemActive() &&
            ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            state.open = false;
        }
        ImGui::PushTextWrapPos(0.0f);
        textMuted("The choices offered when you log knots and sessions. Hidden entries are no "
                  "longer offered; records that already use them keep them.",
                  look);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, look.px(4)));
        if (ImGui::BeginTabBar("vocabularies")) {
            for (const Tab& tab : kTabs) {
                if (ImGui::BeginTabItem(tab.title)) {
                    tabContents(tab, lists, state, workspace, look);
                    ImGui::EndTabItem();
                }
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

} // namespace knotmap::ui
