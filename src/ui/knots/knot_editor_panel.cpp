#include "ui/knots/knot_editor_panel.h"

#include "core/colour_ramp.h"
#include "core/domain_codes.h"
#include "core/validation.h"
#include "ui/dialogs/record_history_dialog.h"
#include "ui/knots/knot_kind_segments.h"
#include "ui/knots/signed_rating_view.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/chips.h"
#include "ui/widgets/pain_slider.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <string>

namespace knotmap::ui {
namespace {

// An edit of what the editor shows, based on the rating's version it read.
ObservationEdit based(const KnotEditorModel& model, ObservationEdit edit) {
    edit.baseVersion = model.observation.version;
    return edit;
}

void sectionLabel(std::string_view text, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(6)));
    textWithFont(text, look.fonts.strong);
}

// The pain rating typed this frame: the digits 0-9 as characters, so the
// keyboard layout decides what a digit is and a press shorter than a frame
// is not lost (ImGui 1.86 only sees key state once per frame); 10 is Shift
// with the 0 key, one press, so a "1" never waits to see whether a "0" follows.
std::optional<int> painFromKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) {
        return std::nullopt;
    }
    if (io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_0, false)) {
        return kMaxRating;
    }
    std::optional<int> pain;
    for (const ImWchar typed : io.InputQueueCharacters) {
        if (typed >= '0' && typed <= '9') {
            pain = static_cast<int>(typed - '0'); // the last digit typed wins
        }
    }
    return pain;
}

// Title and session on the left; History and a close button on the right.
bool header(const KnotEditorModel& model, KnotEditorEvents& events, const Appearance& look) {
    const float closeSize = ImGui::GetFrameHeight();
    const float historyWidth = historyButtonWidth();
    const float textWidth =
        ImGui::GetContentRegionAvail().x - closeSize - historyWidth - look.px(12);
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textWidth);
    textWithFont(model.title, look.fonts.heading);
    ImGui::PushFont(look.fonts.small);
    textMuted(model.subtitle, look);
    if (!model.previous.empty()) {
        textMuted(model.previous, look);
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    const ImVec2 end = ImGui::GetCursorPos();

    ImGui::SetCursorPos(ImVec2(start.x + textWidth + look.px(8), start.y));
    if (historyButton("knot-history", "Who changed this rating, and when")) {
        events.showHistory = true;
    }
    ImGui::SameLine(0, look.px(4));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    const bool close = ImGui::Button("\u00D7##close", ImVec2(closeSize, closeSize));
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Close the editor (Esc)");
    }
    ImGui::PopStyleColor();
    ImGui::SetCursorPos(end);
    return close;
}

void painSection(const KnotEditorModel& model, KnotEditorEvents& events, const Appearance& look) {
    const int saved = model.observation.pain;
    // Label on the left; the rating, large and tinted, with its band on the right.
    sectionLabel("Pain", look);
    const std::string number = std::to_string(saved);
    const std::string band(displayName(painBand(saved)));
    ImGui::PushFont(look.fonts.heading);
    const float numberWidth = ImGui::CalcTextSize(number.c_str()).x;
    const float numberHeight = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    ImGui::PushFont(look.fonts.small);
    const float bandWidth = ImGui::CalcTextSize(band.c_str()).x;
    ImGui::PopFont();
    const float gap = look.px(6);
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    ImGui::SameLine();
    const float lineY = ImGui::GetCursorPosY();
    const float labelHeight = ImGui::GetTextLineHeight();
    // Sit the number's baseline on the label's.
    const float numberY = lineY - (numberHeight - labelHeight) * 0.75f;
    ImGui::SetCursorPos(ImVec2(right - bandWidth - gap - numberWidth, numberY));
    ImGui::PushFont(look.fonts.heading);
    textColoured(number, painColours(look.colours(), saved).text);
    ImGui::PopFont();
    ImGui::SameLine(0, gap);
    ImGui::SetCursorPosY(lineY + look.px(2));
    ImGui::PushFont(look.fonts.small);
    textMuted(band, look);
    ImGui::PopFont();

    int pain = saved;
    const PainSliderResult slider = painSlider("##pain", pain, look);
    if (slider.changed && pain != saved) {
        events.edit = based(model, ObservationEdit::setPain(model.observationId, pain));
        events.editContinues = slider.dragging;
    }
    events.gestureEnded = slider.released;
    if (const auto keyed = painFromKeys(); keyed && *keyed != saved && !slider.dragging) {
        events.edit = based(model, ObservationEdit::setPain(model.observationId, *keyed));
        events.editContinues = false;
    }
    ImGui::PushFont(look.fonts.small);
    textMuted("Keys 0\u20139 set pain, Shift+0 sets 10", look);
    ImGui::PopFont();
}

void kindSection(const KnotEditorModel& model, KnotEditorEvents& events, const Appearance& look) {
    sectionLabel("Kind", look);
    std::array<Segment, kKnotKinds.size()> segments;
    int selected = 0;
    for (std::size_t i = 0; i < kKnotKinds.size(); ++i) {
        segments[i] = {kKnotKindLabels[i], displayName(kKnotKinds[i])};
        if (kKnotKinds[i] == model.observation.kind) {
            selected = static_cast<int>(i);
        }
    }
    if (segmentedControl("kind", segments, selected, look)) {
        events.edit =
            based(model, ObservationEdit::setKind(model.observationId,
                                                  kKnotKinds[static_cast<std::size_t>(selected)]));
    }
}

void symptomsSection(const KnotEditorModel& model, KnotEditorEvents& events,
                     const Appearance& look) {
    sectionLabel("Symptoms", look);
    const std::vector<std::string>& chosen = model.observation.symptomCodes;
    ChipFlow flow;
    for (const NamedCode& symptom : model.symptomChoices) {
        const bool selected = std::find(chosen.begin(), chosen.end(), symptom.code) != chosen.end();
        if (toggleChip(flow, symptom.code, symptom.name, selected, look)) {
            events.edit = based(model, ObservationEdit::setSymptoms(
                                           model.observationId, toggledCode(chosen, symptom.code)));
        }
    }
}

void referredSection(const KnotEditorModel& model, KnotEditorState& state, KnotEditorEvents& events,
                     const Appearance& look) {
    sectionLabel("Referred pain", look);
    const char* label = state.pickingRegions ? "Done picking" : "Pick on map";
    // primaryButton pads wider than a plain button; both end at the right edge.
    const float padding = state.pickingRegions ? look.px(14) : ImGui::GetStyle().FramePadding.x;
    const float buttonWidth = ImGui::CalcTextSize(label).x + padding * 2;
    ImGui::SameLine(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - buttonWidth);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().FramePadding.y);
    const bool toggled = state.pickingRegions ? primaryButton(label, look) : ImGui::Button(label);
    if (toggled) {
        state.pickingRegions = !state.pickingRegions;
    }
    if (state.pickingRegions) {
        ImGui::PushFont(look.fonts.small);
        textMuted("Click regions on the map to add or remove them.", look);
        ImGui::PopFont();
    }
    if (model.referredRegions.empty()) {
        if (!state.pickingRegions) {
            textMuted("None", look);
        }
        return;
    }
    ChipFlow flow;
    for (const NamedCode& region : model.referredRegions) {
        if (removableChip(flow, region.code, region.name, look)) {
            events.edit =
                based(model, ObservationEdit::setReferredRegions(
                                 model.observationId,
                                 toggledCode(model.observation.referredRegionCodes, region.code)));
        }
    }
}

void notesSection(const KnotEditorModel& model, KnotEditorState& state, KnotEditorEvents& events,
                  const Appearance& look) {
    sectionLabel("Notes", look);
    // Three lines fit beside the map at the default window size; longer notes scroll.
    const float height = ImGui::GetTextLineHeightWithSpacing() * 3 + look.px(12);
    if (limitedInputTextMultiline("##notes", state.notesDraft, kMaxNoteBytes,
                                  ImVec2(ImGui::GetContentRegionAvail().x, height))) {
        if (!state.notesDirty) {
            state.notesBaseVersion = model.observation.version;
        }
        state.notesDirty = state.notesDraft != model.observation.notes;
    }
    probeItem("knot-notes");
    if (ImGui::IsItemDeactivated() && state.notesDirty) {
        events.edit = ObservationEdit::setNotes(model.observationId, state.notesDraft);
        events.edit->baseVersion = state.notesBaseVersion;
        state.notesDirty = false;
    }
}

// Shown when a click on the marker reopened a rating made earlier today:
// editing it changes that rating, so a new one is offered first (L).
void logAgainOffer(const KnotEditorModel& model, KnotEditorEvents& events, const Appearance& look) {
    const ColourPair& info = look.colours().selection;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad = look.px(10);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSplit(2);
    drawList->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
    textColoured("Already rated today at " + model.sessionTime +
                     ". The values below edit that rating.",
                 info.text);
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, ImGui::GetCursorScreenPos().y));
    if (primaryButton("Log again now", look) ||
        (!ImGui::GetIO().WantTextInput && !ImGui::GetIO().KeyCtrl && !ImGui::GetIO().KeyAlt &&
         ImGui::IsKeyPressed(GLFW_KEY_L, false))) {
        events.logAgain = true;
    }
    probeItem("log-again");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("A new rating at the current time, in a new check-in,\n"
                          "starting from these values (L)");
    }
    ImGui::SameLine(0, look.px(8));
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(look.fonts.small);
    textMuted("or edit it below", look);
    ImGui::PopFont();
    const float bottom = ImGui::GetCursorScreenPos().y + pad - style.ItemSpacing.y;
    drawList->ChannelsSetCurrent(0);
    drawList->AddRectFilled(start, ImVec2(start.x + width, bottom),
                            ImGui::GetColorU32(info.background), look.px(6));
    drawList->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + style.ItemSpacing.y));
    ImGui::Dummy(ImVec2(width, 0));
}

void treatmentSection(const KnotEditorModel& model, KnotEditorState& state,
                      KnotEditorEvents& events, const Appearance& look) {
    sectionLabel("Treated it", look);
    events.addTreatment = drawQuickTreatmentRow(model.treatment, model.observationId, model.knotId,
                                                model.observation.pain, state.treatment, look);
}

// A rule across the content width (ImGui's separator runs past the padding).
void divider(const Appearance& look) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + width, at.y),
                                        ImGui::GetColorU32(ImGuiCol_Separator), look.px(1));
    ImGui::Dummy(ImVec2(width, look.px(1)));
}

bool deleteButton(const Appearance& look) {
    const ColourPair& danger = look.colours().error;
    ImGui::PushStyleColor(ImGuiCol_Text, danger.text);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, danger.background);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, danger.background);
    const bool pressed = ImGui::Button("Delete knot");
    ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Removes this knot with its whole history (Delete key).\n"
                          "Ctrl+Z brings it back.");
    }
    return pressed;
}

// Escape first ends region picking, then closes; never while a mouse button
// is held (the map uses Escape to cancel a drag) or a dialog is open.
void closeOnEscape(KnotEditorState& state, KnotEditorEvents& events) {
    if (ImGui::GetIO().WantTextInput || ImGui::IsAnyMouseDown() ||
        ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) ||
        !ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        return;
    }
    if (state.pickingRegions) {
        state.pickingRegions = false;
    } else {
        events.close = true;
    }
}

} // namespace

std::optional<ObservationEdit> takePendingNotes(KnotEditorState& state) {
    if (!state.notesDirty) {
        return std::nullopt;
    }
    state.notesDirty = false;
    ObservationEdit edit = ObservationEdit::setNotes(state.notesObservation, state.notesDraft);
    edit.baseVersion = state.notesBaseVersion;
    return edit;
}

KnotEditorEvents drawKnotEditor(const KnotEditorModel& model, KnotEditorState& state,
                                const Appearance& look) {
    KnotEditorEvents events;
    if (state.notesObservation != model.observationId) {
        // Another observation: notes typed for the previous one are the
        // caller's to save (takePendingNotes) before this is drawn.
        state.notesObservation = model.observationId;
        state.notesDirty = false;
        state.pickingRegions = false;
    }
    if (!state.notesDirty) {
        // Follows saves, undo and redo while the user is not typing.
        state.notesDraft = model.observation.notes;
    }

    events.close = header(model, events, look);
    if (state.offerLogAgainFor == model.observationId && !model.signedVisit) {
        logAgainOffer(model, events, look);
    }
    if (model.signedVisit) {
        drawSignedRating(model, state, events, look);
        closeOnEscape(state, events);
        return events;
    }
    painSection(model, events, look);
    kindSection(model, events, look);
    // Above the longer sections, so "foam roller, 10 min, 6 -> 3" is at hand
    // without scrolling on a small screen.
    treatmentSection(model, state, events, look);
    symptomsSection(model, events, look);
    referredSection(model, state, events, look);
    notesSection(model, state, events, look);
    ImGui::Dummy(ImVec2(0, look.px(6)));
    divider(look);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    if (model.knotLocked) {
        // Its ratings in a signed visit are part of that record.
        ImGui::PushFont(look.fonts.small);
        ImGui::PushTextWrapPos(0.0f);
        textMuted("Rated in a signed visit: this knot keeps its place and is not deleted.", look);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    } else {
        events.deleteKnot = deleteButton(look);
    }
    closeOnEscape(state, events);
    return events;
}

} // namespace knotmap::ui
