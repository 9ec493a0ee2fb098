#include "ui/clients/client_list_panel.h"

#include "core/display_order.h"
#include "core/text_search.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <string>

namespace knotmap::ui {
namespace {

// What the row's tooltip says: the full name, born, and the notes' start.
std::string rowTooltip(const ClientEntry& client) {
    std::string text = visualOrder(client.name);
    if (client.birthYear) {
        text += "\nBorn " + std::to_string(*client.birthYear);
    }
    if (!client.notes.empty()) {
        // A tooltip is a glance: a long note is cut, the header shows it all.
        constexpr std::size_t kShown = 240;
        std::string notes = client.notes.substr(0, kShown);
        while (!notes.empty() && notes.size() < client.notes.size() &&
               (static_cast<unsigned char>(client.notes[notes.size()]) & 0xC0u) == 0x80u) {
            notes.pop_back(); // never cut a UTF-8 character in two
        }
        text += "\n\n" + visualOrderByLine(notes) +
                (notes.size() < client.notes.size() ? "\u2026" : "");
    }
    return text;
}

float textWidth(ImFont* font, float size, const std::string& text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
}

// A two-line row: the name, and beneath it the session count with the last
// session's date right-aligned, so the dates line up as a column. When the
// row is too narrow for both, the date wins and the count is cut.
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
    const float innerRight = bottomRight.x - padding.x;
    const ImVec2 textAt(topLeft.x + padding.x, topLeft.y + padding.y);
    const float summaryY = textAt.y + nameHeight + gap;
    const ImU32 muted = ImGui::GetColorU32(colours.textMuted);
    // A name too long for the pane is cut at the row's inner edge.
    drawList->PushClipRect(topLeft, ImVec2(innerRight, bottomRight.y), true);
    const ImVec4& nameColour = selected ? colours.selection.text : colours.text;
    // Hebrew and Arabic names drawn in visual order, Arabic letters joined.
    const std::string shownName = visualOrder(client.name);
    drawList->AddText(look.fonts.strong, nameHeight, textAt, ImGui::GetColorU32(nameColour),
                      shownName.c_str());
    float countRight = innerRight;
    if (!client.lastSessionDate.empty()) {
        const float dateWidth = textWidth(look.fonts.small, summaryHeight, client.lastSessionDate);
        const float dateX = std::max(textAt.x, innerRight - dateWidth);
        drawList->AddText(look.fonts.small, summaryHeight, ImVec2(dateX, summaryY), muted,
                          client.lastSessionDate.c_str());
        countRight = dateX - look.px(8);
    }
    drawList->PopClipRect();
    drawList->PushClipRect(topLeft, ImVec2(std::max(topLeft.x, countRight), bottomRight.y), true);
    drawList->AddText(look.fonts.small, summaryHeight, ImVec2(textAt.x, summaryY), muted,
                      client.sessionCount.c_str());
    drawList->PopClipRect();
    if (hovered) {
        const bool cut =
            textAt.x + textWidth(look.fonts.strong, nameHeight, shownName) > innerRight ||
            textAt.x + textWidth(look.fonts.small, summaryHeight, client.sessionCount) > countRight;
        if (cut || client.birthYear || !client.notes.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(look.px(360));
            ImGui::TextUnformatted(rowTooltip(client).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
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
    probeItem("client-search");
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
    std::string shownNames; // for the test report: which rows the search left
    for (const ClientEntry& client : model.clients) {
        if (!matchesSearch(client.name, state.search)) {
            continue;
        }
        shownNames += (shownNames.empty() ? "" : "|") + client.name;
        ImGui::PushID(static_cast<int>(client.id));
        if (clientRow(client, state.selectedClient == client.id, look)) {
            state.selectedClient = client.id;
        }
        if (testProbeActive()) {
            probeItem("client-row-" + std::to_string(client.id));
        }
        // The placeholder "Me" is not saved yet: nothing to edit or archive.
        const bool saved = client.id != 0;
        const bool startEdit =
            saved && ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
        bool editChosen = false;
        if (ImGui::BeginPopupContextItem("##clientmenu")) {
            editChosen = ImGui::MenuItem("Edit details...", nullptr, false, saved);
            probeItem("client-edit-details");
            // Archiving the last active client would leave the window on the
            // unsaved placeholder "Me"; add or unarchive someone first.
            if (ImGui::MenuItem("Archive", nullptr, false, saved && model.clients.size() > 1)) {
                actions.archive = client.id;
            }
            ImGui::EndPopup();
        }
        if (startEdit || editChosen) {
            state.form = editClientForm(client);
        }
        ImGui::PopID();
    }
    if (testProbeActive()) {
        probeValue("clients-shown", shownNames);
    }
    if (shownNames.empty()) {
        ImGui::Indent(look.px(12));
        ImGui::PushTextWrapPos(0.0f);
        textMuted("No client matches \u201C" + state.search + "\u201D.", look);
        ImGui::PopTextWrapPos();
        ImGui::Unindent(look.px(12));
    }
}

void newClientRow(ClientListState& state, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(6)));
    if (ImGui::Button("+ New client")) {
        // A name typed into the search is most likely the person to add.
        state.form = newClientForm(state.search);
    }
    probeItem("new-client");
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
        textMuted(visualOrder(client.name), look);
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

bool clientListWanted(const AppViewModel& model, const ClientListState& /*state*/,
                      bool therapistMode) {
    return therapistMode || model.clients.size() + model.archivedClients.size() > 1;
}

void startNewClient(ClientListState& state) {
    state.form = newClientForm();
}

void drawClientForm(const AppViewModel& model, ClientListState& state, ClientListActions& actions,
                    const Appearance& look) {
    const bool creating = state.form && !state.form->clientId;
    if (state.form && state.form->historyWanted && state.form->clientId) {
        state.form->historyWanted = false;
        actions.showHistory = state.form->clientId;
        const ClientEntry* client = findClient(model, *state.form->clientId);
        actions.historyTitle =
            "History of " + (client != nullptr ? client->name : state.form->name);
    }
    if (auto details = drawClientDetailsDialog(model, state.form, look)) {
        if (creating) {
            actions.create = std::move(*details);
            state.search.clear(); // so the new client is in view
        } else {
            actions.edit = std::move(*details);
        }
    }
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
    newClientRow(state, look);
    archivedSection(model, state, actions, look);
    return actions;
}

} // namespace knotmap::ui
