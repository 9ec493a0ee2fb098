#include "ui/widgets/status_pill.h"

#include "ui/widgets/widgets.h"

#include <string>

namespace knotmap::ui {

void drawStatusPill(std::string_view label, std::string_view tooltip, const ColourPair& tint,
                    const Appearance& look) {
    const std::string text(label);
    const ImVec2 padding(look.px(10), look.px(3));
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetFrameHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(topLeft.x, topLeft.y + look.px(3)),
        ImVec2(topLeft.x + size.x + padding.x * 2, topLeft.y + height - look.px(3)),
        ImGui::GetColorU32(tint.background), look.px(6));
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x + padding.x, topLeft.y));
    ImGui::AlignTextToFramePadding();
    textColoured(text, tint.text);
    if (!tooltip.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(look.px(420));
        ImGui::TextUnformatted(tooltip.data(), tooltip.data() + tooltip.size());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::Dummy(ImVec2(padding.x, 0));
}

} // namespace knotmap::ui
