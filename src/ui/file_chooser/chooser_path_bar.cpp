#include "ui/file_chooser/chooser_path_bar.h"

#include "ui/file_chooser/chooser_paths.h"
#include "ui/shell/documents_folder.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <string>

namespace knotmap::ui {
namespace {

constexpr const char* kSeparator = "\u203a";

float buttonWidth(const std::string& label) {
    return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
}

// A segment: flat until hovered, like a link in a path.
bool segmentButton(const std::string& label, int index, bool current, const Appearance& look) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (current) {
        ImGui::PushFont(look.fonts.strong);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
    }
    const bool pressed = ImGui::Button((label + "##crumb-" + std::to_string(index)).c_str());
    if (current) {
        ImGui::PopFont();
    } else {
        ImGui::PopStyleColor();
    }
    ImGui::PopStyleColor();
    probeItem("chooser-crumb-" + std::to_string(index));
    return pressed;
}

void shortcutButtons(FolderBrowser& browser, const Appearance& look) {
    const bool atTop = parentFolder(browser.folder()) == browser.folder();
    ImGui::BeginDisabled(atTop);
    if (ImGui::Button("\u2191 Up")) {
        browser.goUp();
    }
    probeItem("chooser-up");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("The folder above (Backspace)");
    }
    ImGui::SameLine();
    if (ImGui::Button("Home")) {
        browser.openFolder(browser.home());
    }
    probeItem("chooser-home");
    ImGui::SameLine();
    if (ImGui::Button("Documents")) {
        browser.openFolder(documentsFolder());
    }
    probeItem("chooser-documents");
    ImGui::SameLine(0, look.px(14));
}

} // namespace

void drawChooserPathBar(FolderBrowser& browser, const Appearance& look) {
    shortcutButtons(browser, look);
    const std::vector<PathSegment> segments = breadcrumbSegments(browser.folder(), browser.home());
    const float separatorWidth = ImGui::CalcTextSize(kSeparator).x;
    const float spacing = look.px(2);
    const float available = ImGui::GetContentRegionAvail().x;
    // Which segments fit, keeping the deepest: they say where "here" is.
    std::size_t first = segments.size();
    float used = 0.0f;
    while (first > 0) {
        const float width = buttonWidth(segments[first - 1].label) + separatorWidth + spacing * 2;
        if (used + width > available - buttonWidth("\u2026")) {
            break;
        }
        used += width;
        --first;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                        ImVec2(spacing, ImGui::GetStyle().ItemSpacing.y));
    if (first > 0) {
        ImGui::AlignTextToFramePadding();
        textMuted("\u2026", look);
        ImGui::SameLine();
    }
    std::optional<std::filesystem::path> next;
    for (std::size_t i = first; i < segments.size(); ++i) {
        if (i > first) {
            ImGui::AlignTextToFramePadding();
            textMuted(kSeparator, look);
            ImGui::SameLine();
        }
        if (segmentButton(segments[i].label, static_cast<int>(i), i + 1 == segments.size(), look)) {
            next = segments[i].path;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopStyleVar();
    // Moved after the loop: the segments belong to the folder being drawn.
    if (next) {
        browser.openFolder(*next);
    }
}

} // namespace knotmap::ui
