#include "ui/widgets/notice_banner.h"

#include "ui/widgets/widgets.h"

namespace knotmap::ui {

void drawNoticeBanner(NoticeState& notice, const Appearance& look) {
    if (!notice.visible) {
        return;
    }
    const ColourPair& tint = look.colours().notice;
    const char* buttonLabel = "Dismiss";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttonWidth = ImGui::CalcTextSize(buttonLabel).x + style.FramePadding.x * 2;
    const ImVec2 padding(look.px(14), look.px(10));

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    // Draw the text first on a separate channel so the background can be
    // sized to it and still be painted underneath.
    drawList->ChannelsSplit(2);
    drawList->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x + padding.x, topLeft.y + padding.y));
    ImGui::BeginGroup();
    const float textRight = topLeft.x + width - padding.x * 2 - buttonWidth;
    ImGui::PushTextWrapPos(textRight - ImGui::GetWindowPos().x + ImGui::GetScrollX());
    ImGui::PushStyleColor(ImGuiCol_Text, tint.text);
    textWithFont(notice.title, look.fonts.strong);
    ImGui::TextUnformatted(notice.message.c_str());
    if (!notice.detail.empty()) {
        ImGui::TextUnformatted(notice.detail.c_str());
    }
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float textBottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(
        ImVec2(topLeft.x + width - padding.x - buttonWidth, topLeft.y + padding.y));
    if (ImGui::Button(buttonLabel)) {
        notice.visible = false;
    }
    drawList->ChannelsSetCurrent(0);
    const ImVec2 bottomRight(topLeft.x + width, textBottom + padding.y);
    drawList->AddRectFilled(topLeft, bottomRight, ImGui::GetColorU32(tint.background), look.px(8));
    drawList->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x, bottomRight.y));
    ImGui::Dummy(ImVec2(width, look.px(12)));
}

} // namespace knotmap::ui
