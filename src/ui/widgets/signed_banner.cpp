#include "ui/widgets/signed_banner.h"

#include "ui/widgets/widgets.h"

namespace knotmap::ui {

// The background goes on a channel under the text, once the text's height is
// known.
void signedBanner(const std::string& signedLine, const std::string& hint, const Appearance& look) {
    const float pad = look.px(10);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad * 2);
    textWithFont(signedLine, look.fonts.strong);
    ImGui::PushFont(look.fonts.small);
    textMuted(hint, look);
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(start, ImVec2(start.x + width, bottom),
                        ImGui::GetColorU32(look.colours().notice.background), look.px(6));
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
    ImGui::Dummy(ImVec2(width, look.px(2)));
}

} // namespace knotmap::ui
