#include "ui/client_list_panel.h"

#include "ui/widgets.h"

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
    ImGui::PushID(static_cast<int>(client.id));
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool clicked = ImGui::InvisibleButton("##client", ImVec2(width, rowHeight));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();

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

} // namespace

void drawClientList(const AppViewModel& model, ClientListState& state, const Appearance& look) {
    if (state.selectedClient && findClient(model, *state.selectedClient) == nullptr) {
        state.selectedClient.reset();
    }
    if (!state.selectedClient && !model.clients.empty()) {
        state.selectedClient = model.clients.front().id;
    }

    // The heading lines up with the names inside the rows.
    ImGui::Indent(look.px(12));
    textWithFont("Clients", look.fonts.heading);
    ImGui::SameLine();
    ImGui::PushFont(look.fonts.body);
    // Align the count with the heading's baseline.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (look.fonts.heading->FontSize - look.fonts.body->FontSize) * 0.6f);
    textMuted(std::to_string(model.clients.size()), look);
    ImGui::PopFont();
    ImGui::Unindent(look.px(12));
    ImGui::Dummy(ImVec2(0, look.px(4)));

    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, look.px(2)));
    for (const ClientEntry& client : model.clients) {
        if (clientRow(client, state.selectedClient == client.id, look)) {
            state.selectedClient = client.id;
        }
    }
    ImGui::PopStyleVar();
}

} // namespace knotmap::ui
