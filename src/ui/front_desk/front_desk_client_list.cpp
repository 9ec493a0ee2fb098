#include "ui/front_desk/front_desk_client_list.h"

#include "core/display_order.h"
#include "core/text_search.h"
#include "ui/front_desk/front_desk_client_form.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <string>

namespace knotmap::ui {
namespace {

// "Born 1984", "Archived", or what the contact notes begin with: the second
// line of a row, so two clients of one name can be told apart at a glance.
std::string rowSummary(const Client& client) {
    std::string text = client.birthYear ? "Born " + std::to_string(*client.birthYear) : "";
    if (client.archived) {
        text += text.empty() ? "Archived" : " \u00B7 archived";
    }
    if (text.empty()) {
        const std::string firstLine = client.notes.substr(0, client.notes.find('\n'));
        text = firstLine.empty() ? "No birth year" : visualOrder(firstLine);
    }
    return text;
}

// A rounded two-line row over an invisible button (as the main client list's).
bool clientRow(const Client& client, bool selected, const Appearance& look) {
    const Palette& colours = look.colours();
    const float scale = ImGui::GetIO().FontGlobalScale;
    const float nameHeight = look.fonts.strong->FontSize * scale;
    const float summaryHeight = look.fonts.small->FontSize * scale;
    const ImVec2 padding(look.px(12), look.px(8));
    const float height = padding.y * 2 + nameHeight + look.px(3) + summaryHeight;
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool clicked = ImGui::InvisibleButton("##row", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 bottomRight(topLeft.x + width, topLeft.y + height);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    if (selected || hovered) {
        drawList->AddRectFilled(topLeft, bottomRight,
                                selected ? ImGui::GetColorU32(colours.selection.background)
                                         : ImGui::GetColorU32(ImGuiCol_HeaderHovered),
                                look.px(8));
    }
    if (selected) { // not by colour alone: a bar at the leading edge
        drawList->AddRectFilled(ImVec2(topLeft.x, topLeft.y + look.px(8)),
                                ImVec2(topLeft.x + look.px(3), bottomRight.y - look.px(8)),
                                ImGui::GetColorU32(colours.accent), look.px(3));
    }
    const ImVec2 textAt(topLeft.x + padding.x, topLeft.y + padding.y);
    drawList->PushClipRect(topLeft, ImVec2(bottomRight.x - padding.x, bottomRight.y), true);
    const std::string name = visualOrder(client.name);
    const ImVec4& nameColour = client.archived ? colours.textMuted
                               : selected      ? colours.selection.text
                                               : colours.text;
    drawList->AddText(look.fonts.strong, nameHeight, textAt, ImGui::GetColorU32(nameColour),
                      name.c_str());
    const std::string summary = rowSummary(client);
    drawList->AddText(look.fonts.small, summaryHeight,
                      ImVec2(textAt.x, textAt.y + nameHeight + look.px(3)),
                      ImGui::GetColorU32(colours.textMuted), summary.c_str());
    drawList->PopClipRect();
    if (hovered && ImGui::CalcTextSize(name.c_str()).x > width - padding.x * 2) {
        ImGui::SetTooltip("%s", name.c_str());
    }
    return clicked;
}

void heading(const FrontDeskData& data, const FrontDeskScreenState& state, const Appearance& look) {
    std::size_t active = 0;
    std::size_t shown = 0;
    for (const Client& client : data.clients) {
        active += client.archived ? 0 : 1;
        shown += !client.archived && matchesSearch(client.name, state.search) ? 1 : 0;
    }
    ImGui::Indent(look.px(12));
    textWithFont("Clients", look.fonts.heading);
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (look.fonts.heading->FontSize - look.fonts.body->FontSize) * 0.6f);
    textMuted(shown == active ? std::to_string(active)
                              : std::to_string(shown) + " of " + std::to_string(active),
              look);
    ImGui::Unindent(look.px(12));
    ImGui::Dummy(ImVec2(0, look.px(4)));
}

void searchField(FrontDeskScreenState& state, const Appearance& look) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(look.px(10), look.px(7)));
    ImGui::InputTextWithHint("##search", "Search clients", &state.search);
    probeItem("front-desk-search");
    ImGui::PopStyleVar();
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        state.search.clear();
    }
    ImGui::Dummy(ImVec2(0, look.px(6)));
}

// The rows of the clients the search leaves; their names go to the test
// report as "front-desk-clients-shown NAME|NAME".
void rows(const FrontDeskData& data, FrontDeskScreenState& state, bool archived,
          const Appearance& look) {
    std::string shown;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, look.px(2)));
    for (const Client& client : data.clients) {
        if (client.archived != archived || !matchesSearch(client.name, state.search)) {
            continue;
        }
        shown += (shown.empty() ? "" : "|") + client.name;
        ImGui::PushID(static_cast<int>(client.id));
        if (clientRow(client, !state.creating && state.selected == client.id, look)) {
            // What was typed into the form is saved first.
            leaveFrontDeskDraft(state, {FrontDeskLeave::To::Client, client.id});
        }
        if (testProbeActive()) {
            probeItem("front-desk-client-" + std::to_string(client.id));
        }
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    if (!archived) {
        if (testProbeActive()) {
            probeValue("front-desk-clients-shown", shown);
        }
        if (shown.empty() && !state.search.empty()) {
            ImGui::Indent(look.px(12));
            ImGui::PushTextWrapPos(0.0f);
            textMuted("No client matches \u201C" + state.search + "\u201D.", look);
            ImGui::PopTextWrapPos();
            ImGui::Unindent(look.px(12));
        }
    }
}

void archivedSection(const FrontDeskData& data, FrontDeskScreenState& state,
                     const Appearance& look) {
    const auto count = std::count_if(data.clients.begin(), data.clients.end(),
                                     [](const Client& client) { return client.archived; });
    if (count == 0) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(10)));
    ImGui::Indent(look.px(4));
    ImGui::Checkbox(("Show archived (" + std::to_string(count) + ")").c_str(), &state.showArchived);
    ImGui::Unindent(look.px(4));
    if (state.showArchived) {
        ImGui::Dummy(ImVec2(0, look.px(2)));
        rows(data, state, true, look);
    }
}

} // namespace

void startFrontDeskNewClient(FrontDeskScreenState& state) {
    state.creating = true;
    state.draft = ClientDraft{};
    state.draft.name = state.search; // most likely the person to add
    state.draft.focusName = true;
}

void drawFrontDeskClientList(const FrontDeskData& data, FrontDeskScreenState& state,
                             const Appearance& look) {
    heading(data, state, look);
    searchField(state, look);
    rows(data, state, false, look);
    ImGui::Dummy(ImVec2(0, look.px(8)));
    if (ImGui::Button("+ New client")) {
        leaveFrontDeskDraft(state, {FrontDeskLeave::To::NewClient});
    }
    probeItem("front-desk-new-client");
    archivedSection(data, state, look);
}

} // namespace knotmap::ui
