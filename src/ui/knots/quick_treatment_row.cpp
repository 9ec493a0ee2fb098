#include "ui/knots/quick_treatment_row.h"

#include "core/validation.h"
#include "core/whole_number.h"
#include "ui/charts/chart_glyphs.h"
#include "ui/charts/chart_style.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/chips.h"
#include "ui/widgets/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace knotmap::ui {
namespace {

// A treatment longer than a day is a typing slip, not a session.
constexpr int kMaxMinutes = 24 * 60;

// A whole number from digits alone, within [low, high]; empty when the text is not one.
std::optional<int> parseWhole(const std::string& text, int low, int high) {
    const auto value = parseWholeNumber(text);
    if (!value || *value < low || *value > high) {
        return std::nullopt;
    }
    return value;
}

// A glyph in the kind's colour, then the line: as the Treatments tab shows them.
void givenLine(const std::string& kindCode, const std::string& line, const Appearance& look) {
    const float radius = look.px(4.5f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const TreatmentMarkerStyle style = treatmentMarkerStyle(look.colours(), kindCode);
    drawGlyphWithHalo(ImGui::GetWindowDrawList(),
                      ImVec2(at.x + radius, at.y + ImGui::GetTextLineHeight() * 0.5f), radius,
                      style.glyph, toU32(style.colour), ImGui::GetColorU32(ImGuiCol_WindowBg));
    ImGui::Dummy(ImVec2(radius * 2, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, look.px(6));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopTextWrapPos();
}

// The kinds as chips: the recent ones (or, for a new client, the first few),
// then the rest in a "More" menu, which shows the picked kind when it is one of those.
void kindPicker(const QuickTreatmentModel& model, QuickTreatmentState& state,
                const Appearance& look) {
    const std::size_t chips = std::min(
        model.kinds.size(), std::max<std::size_t>(model.recentCount, kRecentTreatmentKinds));
    ChipFlow flow;
    for (std::size_t i = 0; i < chips; ++i) {
        const NamedCode& kind = model.kinds[i];
        if (toggleChip(flow, "treat-" + kind.code, kind.name, state.kindCode == kind.code, look)) {
            state.kindCode = state.kindCode == kind.code ? std::string() : kind.code;
            state.focusMinutes = !state.kindCode.empty();
        }
        probeItem(("treat-kind-" + kind.code).c_str());
    }
    if (chips == model.kinds.size()) {
        return;
    }
    const auto picked =
        std::find_if(model.kinds.begin() + static_cast<std::ptrdiff_t>(chips), model.kinds.end(),
                     [&](const NamedCode& kind) { return kind.code == state.kindCode; });
    const std::string preview = picked != model.kinds.end() ? picked->name : "More\u2026";
    const float width =
        std::min(ImGui::CalcTextSize(preview.c_str()).x + look.px(40), look.px(220));
    flow.place(width);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("##treat-more", preview.c_str())) {
        for (auto kind = model.kinds.begin() + static_cast<std::ptrdiff_t>(chips);
             kind != model.kinds.end(); ++kind) {
            if (ImGui::Selectable(kind->name.c_str(), kind->code == state.kindCode)) {
                state.kindCode = kind->code;
                state.focusMinutes = true;
            }
        }
        ImGui::EndCombo();
    }
    probeItem("treat-more");
}

} // namespace

std::optional<NewTreatment> drawQuickTreatmentRow(const QuickTreatmentModel& model,
                                                  Id observationId, Id knotId, int ratingPain,
                                                  QuickTreatmentState& state,
                                                  const Appearance& look) {
    if (state.observationId != observationId) {
        state = QuickTreatmentState{};
        state.observationId = observationId;
    }
    kindPicker(model, state, look);

    // Minutes, pain after and Add on one line; Enter walks through them.
    const float fieldWidth = look.px(44);
    ImGui::AlignTextToFramePadding();
    textMuted("Minutes", look);
    ImGui::SameLine(0, look.px(6));
    ImGui::SetNextItemWidth(fieldWidth);
    if (state.focusMinutes) {
        ImGui::SetKeyboardFocusHere();
        state.focusMinutes = false;
    }
    const ImGuiInputTextFlags digits =
        ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_EnterReturnsTrue;
    if (ImGui::InputTextWithHint("##treat-minutes", "\u2013", &state.minutes, digits)) {
        state.focusPainAfter = true;
    }
    probeItem("treat-minutes");
    ImGui::SameLine(0, look.px(12));
    textMuted("Pain after", look);
    ImGui::SameLine(0, look.px(6));
    ImGui::SetNextItemWidth(fieldWidth);
    if (state.focusPainAfter) {
        ImGui::SetKeyboardFocusHere();
        state.focusPainAfter = false;
    }
    bool add = ImGui::InputTextWithHint("##treat-pain-after", "\u2013", &state.painAfter, digits);
    probeItem("treat-pain-after");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Pain before is this rating's: %d", ratingPain);
    }
    ImGui::SameLine(0, look.px(12));
    ImGui::BeginDisabled(state.kindCode.empty());
    add = ImGui::Button("Add") || add;
    probeItem("treat-add");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && state.kindCode.empty()) {
        ImGui::SetTooltip("Pick what you did first");
    }

    std::optional<NewTreatment> result;
    if (add && !state.kindCode.empty()) {
        const auto minutes = parseWhole(state.minutes, 0, kMaxMinutes);
        const auto painAfter = parseWhole(state.painAfter, 0, kMaxRating);
        if (!state.minutes.empty() && !minutes) {
            state.problem =
                "Minutes must be a whole number from 0 to " + std::to_string(kMaxMinutes) + ".";
        } else if (!state.painAfter.empty() && !painAfter) {
            state.problem = "Pain after must be a whole number from 0 to 10.";
        } else {
            NewTreatment treatment;
            treatment.sessionId = model.sessionId;
            treatment.kindCode = state.kindCode;
            treatment.minutes = minutes;
            treatment.targets.push_back({knotId, ratingPain, painAfter});
            result = std::move(treatment);
            state = QuickTreatmentState{};
            state.observationId = observationId;
            ImGui::ClearActiveID(); // the fields show their emptied text at once
        }
    }
    if (!state.problem.empty()) {
        ImGui::PushFont(look.fonts.small);
        ImGui::PushTextWrapPos(0.0f);
        textColoured(state.problem, look.colours().error.text);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    ImGui::PushFont(look.fonts.small);
    for (std::size_t i = 0; i < model.given.size(); ++i) {
        givenLine(model.givenKindCodes[i], model.given[i], look);
    }
    ImGui::PopFont();
    return result;
}

} // namespace knotmap::ui
