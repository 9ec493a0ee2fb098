#include "ui/widgets/widgets.h"

#include <algorithm>
#include <string>

namespace knotmap::ui {

void textColoured(std::string_view text, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void textMuted(std::string_view text, const Appearance& look) {
    textColoured(text, look.colours().textMuted);
}

void textWithFont(std::string_view text, ImFont* font) {
    ImGui::PushFont(font);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopFont();
}

void textRightAligned(std::string_view text) {
    const float width = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    const float available = ImGui::GetContentRegionAvail().x;
    if (available > width) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + available - width);
    }
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

bool primaryButton(const char* label, const Appearance& look) {
    const ImVec4 accent = look.colours().accent;
    ImGui::PushStyleColor(ImGuiCol_Button, accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          ImVec4(accent.x * 0.9f, accent.y * 0.9f, accent.z * 0.9f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                          ImVec4(accent.x * 0.8f, accent.y * 0.8f, accent.z * 0.8f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, look.colours().onAccent);
    // Wider than other buttons, but the same height so they line up in a row.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(look.px(14), ImGui::GetStyle().FramePadding.y));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    return pressed;
}

void painPill(std::optional<int> pain, const Appearance& look) {
    const Palette& colours = look.colours();
    if (!pain) {
        const float dashWidth = ImGui::CalcTextSize("\u2013").x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                             std::max(0.0f, (ImGui::GetContentRegionAvail().x - dashWidth) / 2));
        textMuted("\u2013", look);
        return;
    }
    const std::string label = std::to_string(*pain);
    ImGui::PushFont(look.fonts.strong);
    const ImVec2 textSize = ImGui::CalcTextSize(label.c_str());
    const float height = ImGui::GetTextLineHeight() + look.px(2);
    const float width = std::max(textSize.x + look.px(16), height * 1.7f);
    const float available = ImGui::GetContentRegionAvail().x;
    ImVec2 topLeft = ImGui::GetCursorScreenPos();
    topLeft.x += std::max(0.0f, (available - width) / 2);
    topLeft.y -= look.px(1);
    const ImVec2 bottomRight(topLeft.x + width, topLeft.y + height);
    const ColourPair& tint = painColours(colours, *pain);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->AddRectFilled(topLeft, bottomRight, ImGui::GetColorU32(tint.background), height / 2);
    drawList->AddText(
        ImVec2(topLeft.x + (width - textSize.x) / 2, topLeft.y + (height - textSize.y) / 2),
        ImGui::GetColorU32(tint.text), label.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(available, ImGui::GetTextLineHeight()));
}

std::string elideLeft(std::string_view text, float maxWidth) {
    const auto width = [](std::string_view s) {
        return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
    };
    if (width(text) <= maxWidth) {
        return std::string(text);
    }
    const std::string_view ellipsis = "\u2026";
    std::size_t start = 0;
    while (start < text.size()) {
        ++start;
        // Never cut inside a UTF-8 sequence.
        while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
            ++start;
        }
        const std::string candidate = std::string(ellipsis) + std::string(text.substr(start));
        if (width(candidate) <= maxWidth) {
            return candidate;
        }
    }
    return std::string(ellipsis);
}

} // namespace knotmap::ui
