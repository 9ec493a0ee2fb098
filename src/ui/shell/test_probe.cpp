#include "ui/shell/test_probe.h"

#include <imgui.h>

#include <cstdio>

namespace knotmap::ui {
namespace {

TestProbe* installedProbe() {
    return ImGui::GetCurrentContext() != nullptr ? static_cast<TestProbe*>(ImGui::GetIO().UserData)
                                                 : nullptr;
}

} // namespace

void TestProbe::record(std::string_view name, float minX, float minY, float maxX, float maxY) {
    char rect[96];
    std::snprintf(rect, sizeof rect, " %.1f %.1f %.1f %.1f\n", minX, minY, maxX, maxY);
    m_lines += "item ";
    m_lines += name;
    m_lines += rect;
}

void TestProbe::recordValue(std::string_view name, std::string_view value) {
    m_lines += "value ";
    m_lines += name;
    m_lines += ' ';
    m_lines += value;
    m_lines += '\n';
}

void TestProbe::recordClipped(std::string_view name) {
    m_lines += "clipped ";
    m_lines += name;
    m_lines += "\n";
}

std::string TestProbe::takeLines() {
    std::string lines;
    lines.swap(m_lines);
    return lines;
}

TestProbeScope::TestProbeScope(TestProbe* probe) {
    ImGui::GetIO().UserData = probe;
}

TestProbeScope::~TestProbeScope() {
    if (ImGui::GetCurrentContext() != nullptr) {
        ImGui::GetIO().UserData = nullptr;
    }
}

bool testProbeActive() {
    return installedProbe() != nullptr;
}

void probeItem(std::string_view name) {
    if (TestProbe* probe = installedProbe()) {
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 max = ImGui::GetItemRectMax();
        probe->record(name, min.x, min.y, max.x, max.y);
        // The region the current window shows (its pane, less scrolled-away
        // parts); half a pixel of rounding is not clipping.
        const ImDrawList* drawList = ImGui::GetWindowDrawList();
        const ImVec2 clipMin = drawList->GetClipRectMin();
        const ImVec2 clipMax = drawList->GetClipRectMax();
        constexpr float kSlack = 0.5f;
        if (min.x < clipMin.x - kSlack || min.y < clipMin.y - kSlack ||
            max.x > clipMax.x + kSlack || max.y > clipMax.y + kSlack) {
            probe->recordClipped(name);
        }
    }
}

void probeValue(std::string_view name, std::string_view value) {
    if (TestProbe* probe = installedProbe()) {
        probe->recordValue(name, value);
    }
}

} // namespace knotmap::ui
