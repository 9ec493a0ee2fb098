#include "ui/client_list_panel.h"

#include "core/text_search.h"
#include "core/validation.h"
#include "ui/client_name_check.h"
#include "ui/text_field.h"
#include "ui/widgets.h"

#include <imgui_stdlib.h>

#include <cfloat>
#include <string>

namespace knotmap::ui {
namespace {

// A two-line row: the name, and the session summary beneath it.
bool clientRow(const ClientEntry& client, bool selected, const Appearance& look) {
    const Palette& colours = look.colours();
    const float fontScale = ImGui::GetIO().FontGlobalScale;
    const float nameHeight = look.fonts.strong->FontSize * fontScale;
    const float summaryHeight = look.fonts.small->FontSize * fontScale;
    const float gap = look.px(3);
    const ImVec2 padding(look.px(12), look.px(9));
    const float rowHeight = padding.y * 2 + nameHeight + gap + summaryHeight;

    // Selectable draws square corners in ImGui 1.86, so the row paints its own
    // rounded background over an invisible button.
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool clicked = ImGui::InvisibleButton("##client", ImVec2(width, rowHeight));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 bottomRight(topLeft.x + width, topLeft.y + rowHeight);
    if (selected || hovered) {
        const ImU32 fill =
            selected ? ImGui::GetColorU32(colours.selection.background)
                     : ImGui::GetColorU32(held ? ImGuiCol_HeaderActive : ImGuiCol_HeaderHovered);
        drawList->AddRectFilled(topLeft, bottomRight, fill, look.px(8));
    }
    // A name too long for the pane is cut at the row's inner edge.
    drawList->PushClipRect(topLeft, ImVec2(bottomRight.x - padding.x, bottomRight.y), true);
    const ImVec2 textAt(topLeft.x + padding.x, topLeft.y + padding.y);
    const ImVec4& nameColour = selected ? colours.selection.text : colours.text;
    drawList->AddText(look.fonts.strong, nameHeight, textAt, ImGui::GetColorU32(nameColour),
                      client.name.c_str());
    drawList->AddText(look.fonts.small, summaryHeight,
                      ImVec2(textAt.x, textAt.y + nameHeight + gap),
                      ImGui::GetColorU32(colours.textMuted), client.sessionSummary.c_str());
    drawList->PopClipRect();
    if (hovered) {
        const float nameWidth =
            look.fonts.strong->CalcTextSizeA(nameHeight, FLT_MAX, 0.0f, client.name.c_str()).x;
        if (textAt.x + nameWidth > bottomRight.x - padding.x) {
            ImGui::SetTooltip("%s", client.name.c_str());
        }
    }
    if (selected) {
        // An accent bar at the row's leading edge marks the selection without colour alone.
        const float barWidth = look.px(3);
        drawList->AddRectFilled(ImVec2(topLeft.x, topLeft.y + look.px(8)),
                                ImVec2(topLeft.x + barWidth, topLeft.y + rowHeight - look.px(8)),
                                ImGui::GetColorU32(colours.accent), barWidth);
    }
    return clicked;
}

void closeFields(ClientListState& state) {
    state.newClientName.reset();
    state.renaming.reset();
    state.fieldError.clear();
}

// An inline name field filling the row. Returns true when Enter was pressed;
// Esc, or clicking elsewhere, closes it without a change.
bool inlineNameField(const char* id, const char* hint, std::string& text, ClientListState& state,
                     const Appearance& look) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    // The field's text starts where the rows' names do.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(look.px(12), look.px(9)));
    if (state.focusEditField) {
        ImGui::SetKeyboardFocusHere();
        state.focusEditField = false;
    }
    const bool entered = limitedInputTextWithHint(id, hint, text, kMaxNameBytes,
                                                  ImGuiInputTextFlags_EnterReturnsTrue |
                                                      ImGuiInputTextFlags_AutoSelectAll);
    ImGui::PopStyleVar();
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        closeFields(state);
        return false;
    }
    if (!entered && ImGui::IsItemDeactivated()) {
        closeFields(state); // focus went elsewhere: the user changed their mind
        return false;
    }
    if (!state.fieldError.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::PushFont(look.fonts.small);
        textColoured(state.fieldError, look.colours().error.text);
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
    }
    return entered;
}

// "Clients 8", or "Clients 3 of 8" while a search leaves out some.
void heading(const AppViewModel& model, const ClientListState& state, const Appearance& look) {
    // The heading lines up with the names inside the rows.
    ImGui::Indent(look.px(12));
    textWithFont("Clients", look.fonts.heading);
    ImGui::SameLine();
    ImGui::PushFont(look.fonts.body);
    // Align the count with the heading's baseline.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (look.fonts.heading->FontSize - look.fonts.body->FontSize) * 0.6f);
    std::size_t shown = 0;
    for (const ClientEntry& client : model.clients) {
        shown += matchesSearch(client.name, state.search) ? 1 : 0;
    }
    const std::string total = std::to_string(model.clients.size());
    textMuted(shown == model.clients.size() ? total : std::to_string(shown) + " of " + total, look);
    ImGui::PopFont();
    ImGui::Unindent(look.px(12));
    ImGui::Dummy(ImVec2(0, look.px(4)));
}

// Filters as the user types; Esc clears it, Enter switches to the only
// client left, if the search leaves just one.
void searchField(const AppViewModel& model, ClientListState& state, const Appearance& look) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (state.focusSearch) {
        ImGui::SetKeyboardFocusHere();
        state.focusSearch = false;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(look.px(10), look.px(7)));
    const bool entered = ImGui::InputTextWithHint(
        "##search", "Search clients (Ctrl+F)", &state.search, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopStyleVar();
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        state.search.clear();
    }
    if (entered) {
        const ClientEntry* only = nullptr;
        int matches = 0;
        for (const ClientEntry& client : model.clients) {
            if (matchesSearch(client.name, state.search)) {
                only = &client;
                ++matches;
            }
        }
        if (matches == 1) {
            state.selectedClient = only->id;
        }
    }
    ImGui::Dummy(ImVec2(0, look.px(6)));
}

void activeRows(const AppViewModel& model, ClientListState& state, ClientListActions& actions,
                const Appearance& look) {
    int shown = 0;
    for (const ClientEntry& client : model.clients) {
        if (!matchesSearch(client.name, state.search)) {
            continue;
        }
        ++shown;
        ImGui::PushID(static_cast<int>(client.id));
        if (state.renaming == client.id) {
            if (inlineNameField("##rename", "Name", state.renameText, state, look)) {
                state.fieldError = clientNameProblem(model, state.renameText, client.id);
                if (state.fieldError.empty()) {
                    actions.rename = client.id;
                    actions.newName = state.renameText;
                    closeFields(state);
                } else {
                    state.focusEditField = true;
                }
            }
            ImGui::PopID();
            continue;
        }
        if (clientRow(client, state.selectedClient == client.id, look)) {
            state.selectedClient = client.id;
        }
        // The placeholder "Me" is not saved yet: nothing to rename or archive.
        const bool saved = client.id != 0;
        const bool startRename =
            saved && ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
        bool renameChosen = false;
        if (ImGui::BeginPopupContextItem("##clientmenu")) {
            renameChosen = ImGui::MenuItem("Rename", nullptr, false, saved);
            // Archiving the last active client would leave the window on the
            // unsaved placeholder "Me"; add or unarchive someone first.
            if (ImGui::MenuItem("Archive", nullptr, false, saved && model.clients.size() > 1)) {
                actions.archive = client.id;
            }
            ImGui::EndPopup();
        }
        if (startRename || renameChosen) {
            closeFields(state);
            state.renaming = client.id;
            state.renameText = client.name;
            state.focusEditField = true;
        }
        ImGui::PopID();
    }
    if (shown == 0) {
        ImGui::Indent(look.px(12));
        ImGui::PushTextWrapPos(0.0f);
        textMuted("No client matches \u201C" + state.search + "\u201D.", look);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(look.px(12));
    }
}

void newClientRow(const AppViewModel& model, ClientListState& state, ClientListActions& actions,
                  const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(6)));
    if (!state.newClientName) {
        if (ImGui::Button("+ New client")) {
            startNewClient(state);
            // A name typed into the search is most likely the person to add.
            *state.newClientName = state.search;
        }
        return;
    }
    if (inlineNameField("##newclient", "New client's name, then Enter", *state.newClientName, state,
                        look)) {
        state.fieldError = clientNameProblem(model, *state.newClientName, std::nullopt);
        if (state.fieldError.empty()) {
            actions.create = *state.newClientName;
            closeFields(state);
            state.search.clear(); // so the new client is in view
        } else {
            state.focusEditField = true;
        }
    }
}

void archivedSection(const AppViewModel& model, ClientListState& state, ClientListActions& actions,
                     const Appearance& look) {
    if (model.archivedClients.empty()) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(10)));
    const std::string label =
        "Show archived (" + std::to_string(model.archivedClients.size()) + ")";
    ImGui::Checkbox(label.c_str(), &state.showArchived);
    if (!state.showArchived) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(2)));
    for (const ArchivedClient& client : model.archivedClients) {
        if (!matchesSearch(client.name, state.search)) {
            continue;
        }
        ImGui::PushID(static_cast<int>(client.id));
        ImGui::AlignTextToFramePadding();
        ImGui::Indent(look.px(12));
        textMuted(client.name, look);
        ImGui::Unindent(look.px(12));
        const float buttonWidth =
            ImGui::CalcTextSize("Unarchive").x + ImGui::GetStyle().FramePadding.x * 2.0f;
        ImGui::SameLine(ImGui::GetContentRegionMax().x - buttonWidth);
        if (ImGui::SmallButton("Unarchive")) {
            actions.unarchive = client.id;
        }
        ImGui::PopID();
    }
}

} // namespace

bool clientListWanted(const AppViewModel& model, const ClientListState& state, bool therapistMode) {
    return therapistMode || model.clients.size() + model.archivedClients.size() > 1 ||
           state.newClientName.has_value();
}

void startNewClient(ClientListState& state) {
    closeFields(state);
    state.newClientName = std::string();
    state.focusEditField = true;
}

ClientListActions drawClientList(const AppViewModel& model, ClientListState& state,
                                 const Appearance& look) {
    if (state.selectedClient && findClient(model, *state.selectedClient) == nullptr) {
        state.selectedClient.reset();
    }
    if (!state.selectedClient && !model.clients.empty()) {
        state.selectedClient = model.clients.front().id;
    }

    ClientListActions actions;
    heading(model, state, look);
    searchField(model, state, look);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, look.px(2)));
    activeRows(model, state, actions, look);
    ImGui::PopStyleVar();
    newClientRow(model, state, actions, look);
    archivedSection(model, state, actions, look);
    return actions;
}

} // namespace knotmap::ui
