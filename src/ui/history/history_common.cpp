#include "ui/history/history_common.h"

#include "ui/shell/app_view_model.h"
#include "ui/shell/documents_folder.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <filesystem>

namespace knotmap::ui {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr float kChipsWidth = 260.0f; // 96-dpi pixels
constexpr const char* kSaveLabel = "Save PNG\u2026";

std::int64_t presetDays(RangePreset preset) {
    switch (preset) {
    case RangePreset::Days30:
        return 30;
    case RangePreset::Days90:
        return 90;
    case RangePreset::Year:
        return 365;
    case RangePreset::All:
        break;
    }
    return 0;
}

// Where a saved picture goes by default: ~/Pictures when it exists, else home.
std::string defaultPngPath(std::string_view viewName) {
    return (homeSubfolder("Pictures") /
            ("knotmap-" + std::string(viewName) + "-" + LocalTimestamp::now().localDate() + ".png"))
        .string();
}

} // namespace

UtcRange rangeFor(const ClientHistory& history, RangePreset preset) {
    if (history.sessions.empty()) {
        return {};
    }
    const std::int64_t last = history.sessions.back().startedAt.utcSeconds();
    const std::int64_t first = history.sessions.front().startedAt.utcSeconds();
    const std::int64_t days = presetDays(preset);
    return {days == 0 ? first : std::max(first, last - days * kDay), last};
}

bool rangeChips(const char* id, RangePreset& preset, const Appearance& look) {
    constexpr std::array<Segment, 4> kPresets{{
        {"30 days", "The 30 days up to the latest session"},
        {"90 days", "The 90 days up to the latest session"},
        {"1 year", "The year up to the latest session"},
        {"All", "The whole history"},
    }};
    int selected = static_cast<int>(preset);
    ImGui::BeginChild(id, ImVec2(look.px(kChipsWidth), ImGui::GetFrameHeight()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const bool changed = segmentedControl(id, kPresets, selected, look);
    ImGui::EndChild();
    if (changed) {
        preset = static_cast<RangePreset>(selected);
    }
    return changed;
}

double presetSeconds(RangePreset preset) {
    return static_cast<double>(presetDays(preset) * kDay);
}

std::string describeRange(const ClientHistory& history, UtcRange range) {
    if (history.sessions.empty()) {
        return "No sessions";
    }
    const int offset = history.sessions.back().startedAt.offsetMinutes();
    const std::string from =
        formatLongDate(LocalTimestamp(range.fromUtc, offset).local()).substr(4);
    const std::string to = formatLongDate(LocalTimestamp(range.toUtc, offset).local()).substr(4);
    return from + " \u2013 " + to;
}

void waitingMessage(const std::string& error, const Appearance& look) {
    if (!error.empty()) {
        probeValue("history-error", "1");
        // Wrapped: a server's name and reason are long, and cut off unread.
        ImGui::PushTextWrapPos(0.0f);
        textColoured("Couldn't read the history: " + error +
                         ". Knotmap tries again by itself in a few seconds.",
                     look.colours().error.text);
        ImGui::PopTextWrapPos();
        return;
    }
    textMuted("Reading the history\u2026", look);
}

namespace {

const char* viewFileName(HistoryTab tab) {
    switch (tab) {
    case HistoryTab::BodyMap:
        return "body-map";
    case HistoryTab::KnotHistory:
        return "knot-history";
    case HistoryTab::Overview:
        return "client-overview";
    case HistoryTab::Heat:
        return "heat-map";
    case HistoryTab::Compare:
        return "compare";
    case HistoryTab::Treatments:
        return "treatment-effect";
    case HistoryTab::Symptoms:
        break;
    }
    return "symptoms";
}

} // namespace

bool sameLineIfFits(float width, float spacing) {
    const float gap = spacing < 0.0f ? ImGui::GetStyle().ItemSpacing.x : spacing;
    const float lastEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    // Half a pixel of rounding is not overflow.
    if (lastEnd + gap + width > ImGui::GetWindowContentRegionMax().x + 0.5f) {
        return false;
    }
    ImGui::SameLine(0.0f, gap);
    return true;
}

float savePngWidth() {
    return ImGui::CalcTextSize(kSaveLabel).x + ImGui::GetStyle().FramePadding.x * 2;
}

void savePngButton(HistoryState& state, const Appearance& look) {
    // At the trailing edge: beside the last item when it ends before there,
    // else on a line of its own (never over the last item).
    const float at = ImGui::GetWindowContentRegionMax().x - savePngWidth();
    const float lastEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (lastEnd + ImGui::GetStyle().ItemSpacing.x <= at + 0.5f) {
        ImGui::SameLine(at);
    } else {
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), at));
    }
    const bool clicked = ImGui::Button(kSaveLabel);
    probeItem("save-png");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", state.pngStatus.empty() ? "Save this view as a PNG image"
                                                        : state.pngStatus.c_str());
    }
    savePngPopup(clicked, state, look);
}

void savePngPopup(bool open, HistoryState& state, const Appearance& look) {
    if (open) {
        state.pngPathText = defaultPngPath(viewFileName(state.tab));
        ImGui::OpenPopup("save-png");
    }
    if (ImGui::BeginPopup("save-png")) {
        textMuted("Save this view as a PNG image", look);
        ImGui::SetNextItemWidth(look.px(420));
        if (ImGui::IsWindowAppearing()) {
            ImGui::SetKeyboardFocusHere();
        }
        const bool entered = ImGui::InputText("##png-path", &state.pngPathText,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
        probeItem("png-path");
        if (primaryButton("Save", look) || entered) {
            state.pngPending = state.pngPathText;
            state.pngPendingFrame = ImGui::GetFrameCount();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void requestPng(ImVec2 min, ImVec2 max, HistoryState& state) {
    // The popup is still in the picture of the frame it closed in.
    if (state.pngPending && ImGui::GetFrameCount() > state.pngPendingFrame) {
        state.pngRequest = HistoryState::PngRequest{min, max, *state.pngPending};
        state.pngPending.reset();
    }
}

void viewTitle(std::string_view title, std::string_view subtitle, const Appearance& look) {
    ImGui::PushFont(look.fonts.heading);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopFont();
    if (!subtitle.empty()) {
        ImGui::SameLine(0, look.px(12));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + look.px(4));
        textMuted(subtitle, look);
    }
}

} // namespace knotmap::ui
