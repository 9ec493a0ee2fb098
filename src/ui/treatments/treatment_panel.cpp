#include "ui/treatments/treatment_panel.h"

#include "ui/charts/chart_glyphs.h"
#include "ui/charts/chart_style.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <string>

namespace knotmap::ui {
namespace {

// Small quiet buttons at the trailing edge of a line: Edit, then ×.
struct LineActions {
    bool edit = false;
    bool remove = false;
};

// A signed visit's treatment is corrected by an amendment, never deleted.
LineActions signedLineActions() {
    LineActions actions;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize("Amend\u2026").x + style.FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    actions.edit = ImGui::Button("Amend\u2026");
    probeItem("treatment-amend");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Correct this treatment of the signed visit; the original stays on "
                          "record");
    }
    ImGui::PopStyleColor();
    return actions;
}

LineActions lineActions(const Appearance& look) {
    LineActions actions;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float editWidth = ImGui::CalcTextSize("Edit").x + style.FramePadding.x * 2;
    const float removeWidth = ImGui::GetFrameHeight();
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(right - editWidth - removeWidth - look.px(4));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    actions.edit = ImGui::Button("Edit");
    probeItem("treatment-edit");
    ImGui::SameLine(0, look.px(4));
    actions.remove = ImGui::Button("\u00D7", ImVec2(removeWidth, 0));
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Delete this treatment (Ctrl+Z brings it back)");
    }
    ImGui::PopStyleColor();
    return actions;
}

void drawGroup(const TreatmentPanelModel& model, const TreatmentGroup& group,
               TreatmentPanelState& state, TreatmentPanelEvents& events, const Appearance& look) {
    // The kind's glyph in its colour, as its treatments are marked on the
    // Knot chart and keyed in the history views.
    const float radius = look.px(5);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const TreatmentMarkerStyle style = treatmentMarkerStyle(look.colours(), group.kindCode);
    drawGlyphWithHalo(ImGui::GetWindowDrawList(),
                      ImVec2(at.x + radius, at.y + ImGui::GetTextLineHeight() * 0.5f), radius,
                      style.glyph, toU32(style.colour), ImGui::GetColorU32(ImGuiCol_WindowBg));
    ImGui::Dummy(ImVec2(radius * 2, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, look.px(6));
    textWithFont(group.kindName, look.fonts.strong);
    if (!group.details.empty()) {
        ImGui::SameLine(0, look.px(10));
        textMuted(group.details, look);
    }
    if (!group.medication.empty()) {
        ImGui::TextUnformatted(group.medication.c_str());
    }
    for (const TreatmentLine& line : group.lines) {
        ImGui::PushID(static_cast<int>(line.treatment.id));
        ImGui::AlignTextToFramePadding();
        ImGui::Bullet();
        ImGui::TextUnformatted(line.target.c_str());
        if (!line.pain.empty()) {
            ImGui::SameLine(0, look.px(10));
            textMuted(line.pain, look);
        }
        const LineActions actions = model.signedVisit ? signedLineActions() : lineActions(look);
        if (actions.edit) {
            openEditTreatmentForm(state.form, model, line.treatment);
        }
        if (actions.remove) {
            events.remove = line.treatment.id;
        }
        ImGui::PopID();
    }
    if (!group.notes.empty()) {
        ImGui::PushFont(look.fonts.small);
        ImGui::PushTextWrapPos(0.0f);
        textMuted(group.notes, look);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
}

} // namespace

TreatmentPanelEvents drawTreatmentPanel(const TreatmentPanelModel& model,
                                        TreatmentPanelState& state, const Appearance& look) {
    TreatmentPanelEvents events;
    ImGui::PushID("treatments");
    // A form left open for another session (or a treatment that is gone) closes.
    if (state.form.open && state.form.sessionId != model.sessionId) {
        state.form = TreatmentFormState{};
    }

    // The count first (the tab or section above already says "Treatments"),
    // then which session they belong to.
    const std::string count = model.treatmentCount == 0 ? std::string("No treatments yet")
                              : model.treatmentCount == 1
                                  ? std::string("1 treatment")
                                  : std::to_string(model.treatmentCount) + " treatments";
    textWithFont(count, look.fonts.strong);
    ImGui::SameLine(0, look.px(10));
    textMuted(model.sessionTitle, look);
    ImGui::Dummy(ImVec2(0, look.px(6)));
    for (std::size_t i = 0; i < model.groups.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) {
            ImGui::Dummy(ImVec2(0, look.px(2)));
            ImGui::Separator();
            ImGui::Dummy(ImVec2(0, look.px(2)));
        }
        drawGroup(model, model.groups[i], state, events, look);
        ImGui::PopID();
    }

    ImGui::Dummy(ImVec2(0, look.px(8)));
    if (!state.form.open && model.signedVisit) {
        ImGui::PushFont(look.fonts.small);
        ImGui::PushTextWrapPos(0.0f);
        textMuted("Signed visit: its treatments are read-only. Amend one to correct it; the "
                  "original stays on record.",
                  look);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    } else if (!state.form.open) {
        const bool add = ImGui::Button("+ Add treatment");
        probeItem("add-treatment");
        if (add) {
            openNewTreatmentForm(state.form, model);
        }
    } else {
        ImGui::Separator();
        ImGui::Dummy(ImVec2(0, look.px(4)));
        const TreatmentFormResult result = drawTreatmentForm(model, state.form, look);
        events.add = result.add;
        events.update = result.update;
        if (result.showHistory && state.form.editing) {
            events.showHistory = state.form.editing->id;
        }
        if (result.cancelled) {
            state.form = TreatmentFormState{};
        }
    }
    ImGui::PopID();
    return events;
}

} // namespace knotmap::ui
