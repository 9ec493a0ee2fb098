#include "ui/widgets/pain_slider.h"

#include "core/colour_ramp.h"
#include "core/domain.h"

namespace knotmap::ui {

ImVec4 painRampImColour(int pain) {
    const Srgb colour = painRampColour(pain);
    return ImVec4(static_cast<float>(colour.r), static_cast<float>(colour.g),
                  static_cast<float>(colour.b), 1.0f);
}

PainSliderResult painSlider(const char* id, int& pain, const Appearance& look) {
    const ImVec4 grab = painRampImColour(pain);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, grab);
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, grab);
    // A wide grab is easier to hit and shows the ramp colour clearly.
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, look.px(28));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabRounding, look.px(5));
    ImGui::SetNextItemWidth(width);
    PainSliderResult result;
    // The number is shown large beside the label; the slider itself stays quiet.
    result.changed = ImGui::SliderInt(id, &pain, kMinRating, kMaxRating, "",
                                      ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
    result.dragging = ImGui::IsItemActive();
    result.released = ImGui::IsItemDeactivated();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);

    // The ramp under the track, one step per rating, lined up with where the
    // grab sits for that rating.
    const ImVec2 frameMin = ImGui::GetItemRectMin();
    const ImVec2 frameMax = ImGui::GetItemRectMax();
    const float grabWidth = look.px(28);
    // ImGui's slider keeps its grab this many (unscaled) pixels inside the frame.
    constexpr float inset = 2.0f;
    const float travelLeft = frameMin.x + inset + grabWidth / 2;
    const float travelRight = frameMax.x - inset - grabWidth / 2;
    const float step = (travelRight - travelLeft) / static_cast<float>(kMaxRating);
    const float top = frameMax.y + look.px(5);
    const float height = look.px(5);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    for (int rating = kMinRating; rating <= kMaxRating; ++rating) {
        const float centre = travelLeft + step * static_cast<float>(rating);
        const float left = rating == kMinRating ? frameMin.x : centre - step / 2;
        const float right = rating == kMaxRating ? frameMax.x : centre + step / 2;
        ImDrawFlags corners = ImDrawFlags_RoundCornersNone;
        if (rating == kMinRating) {
            corners = ImDrawFlags_RoundCornersLeft;
        } else if (rating == kMaxRating) {
            corners = ImDrawFlags_RoundCornersRight;
        }
        drawList->AddRectFilled(ImVec2(left, top), ImVec2(right, top + height),
                                ImGui::GetColorU32(painRampImColour(rating)), height / 2, corners);
    }
    ImGui::Dummy(ImVec2(width, look.px(10)));
    return result;
}

} // namespace knotmap::ui
