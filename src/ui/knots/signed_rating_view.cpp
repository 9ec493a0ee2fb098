#include "ui/knots/signed_rating_view.h"

#include "core/colour_ramp.h"
#include "core/domain_codes.h"
#include "core/text_trim.h"
#include "core/validation.h"
#include "ui/knots/knot_kind_segments.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/chips.h"
#include "ui/widgets/pain_slider.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/signed_banner.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>

namespace knotmap::ui {
namespace {

constexpr const char* kAmendPopup = "Amend rating";

// A label in the muted colour above its value, wrapped to the column.
void readOnlyRow(std::string_view label, const std::string& value, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(4)));
    ImGui::PushFont(look.fonts.small);
    textMuted(label, look);
    ImGui::PopFont();
    ImGui::TextUnformatted(value.c_str());
}

std::string joinedNames(const std::vector<NamedCode>& choices,
                        const std::vector<std::string>& codes) {
    std::string text;
    for (const std::string& code : codes) {
        const auto found = std::find_if(choices.begin(), choices.end(),
                                        [&](const NamedCode& c) { return c.code == code; });
        text += (text.empty() ? "" : ", ") + (found != choices.end() ? found->name : code);
    }
    return text.empty() ? std::string("None") : text;
}

void openAmendDialog(const KnotEditorModel& model, KnotEditorState& state) {
    state.amendOpen = true;
    state.amendDraft = model.observation;
    state.amendAuthor = model.signer;
    state.amendReason.clear();
}

void amendDialog(const KnotEditorModel& model, KnotEditorState& state, KnotEditorEvents& events,
                 const Appearance& look) {
    if (state.amendOpen) {
        ImGui::OpenPopup(kAmendPopup);
        state.amendOpen = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // A fixed height that fits the screen: the fields scroll, the buttons stay
    // in view under them on a short screen too.
    const float height = std::min(look.px(760), viewport->WorkSize.y - look.px(32));
    ImGui::SetNextWindowSize(ImVec2(look.px(480), height), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kAmendPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    Observation& draft = state.amendDraft;
    // Under the fields: a gap, the spacing around it, the buttons' row; the
    // dialog itself then never needs a scrollbar of its own.
    const float footer =
        ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y + look.px(6);
    ImGui::BeginChild("##amend-fields", ImVec2(0, -footer));
    ImGui::PushTextWrapPos(0.0f);
    textMuted("The rating stays on record as signed; each field you change is saved as an "
              "amendment with its original value, who made it, when and why.",
              look);
    ImGui::PopTextWrapPos();

    ImGui::Dummy(ImVec2(0, look.px(6)));
    textWithFont("Pain", look.fonts.strong);
    ImGui::SameLine();
    textColoured(std::to_string(draft.pain), painColours(look.colours(), draft.pain).text);
    painSlider("##amend-pain", draft.pain, look);

    textWithFont("Kind", look.fonts.strong);
    std::array<Segment, kKnotKinds.size()> segments;
    int selected = 0;
    for (std::size_t i = 0; i < kKnotKinds.size(); ++i) {
        segments[i] = {kKnotKindLabels[i], displayName(kKnotKinds[i])};
        if (kKnotKinds[i] == draft.kind) {
            selected = static_cast<int>(i);
        }
    }
    if (segmentedControl("amend-kind", segments, selected, look)) {
        draft.kind = kKnotKinds[static_cast<std::size_t>(selected)];
    }

    ImGui::Dummy(ImVec2(0, look.px(4)));
    textWithFont("Symptoms", look.fonts.strong);
    ChipFlow symptoms;
    for (const NamedCode& symptom : model.symptomChoices) {
        const bool on = std::find(draft.symptomCodes.begin(), draft.symptomCodes.end(),
                                  symptom.code) != draft.symptomCodes.end();
        if (toggleChip(symptoms, symptom.code, symptom.name, on, look)) {
            draft.symptomCodes = toggledCode(draft.symptomCodes, symptom.code);
        }
    }

    if (!model.referredRegions.empty()) {
        ImGui::Dummy(ImVec2(0, look.px(4)));
        textWithFont("Referred pain", look.fonts.strong);
        ChipFlow regions;
        for (const NamedCode& region : model.referredRegions) {
            const bool on =
                std::find(draft.referredRegionCodes.begin(), draft.referredRegionCodes.end(),
                          region.code) != draft.referredRegionCodes.end();
            if (toggleChip(regions, region.code, region.name, on, look)) {
                draft.referredRegionCodes = toggledCode(draft.referredRegionCodes, region.code);
            }
        }
    }

    ImGui::Dummy(ImVec2(0, look.px(4)));
    textWithFont("Notes", look.fonts.strong);
    const float width = ImGui::GetContentRegionAvail().x;
    limitedInputTextMultiline("##amend-notes", draft.notes, kMaxNoteBytes,
                              ImVec2(width, ImGui::GetTextLineHeightWithSpacing() * 3));
    probeItem("rating-amend-notes");
    textWithFont("Amended by", look.fonts.strong);
    ImGui::SetNextItemWidth(width);
    signerNameField("##amend-author", state.amendAuthor, model.practiceName);
    textWithFont("Reason", look.fonts.strong);
    limitedInputTextMultiline("##amend-reason", state.amendReason, kMaxNoteBytes,
                              ImVec2(width, ImGui::GetTextLineHeightWithSpacing() * 2));
    probeItem("rating-amend-reason");
    ImGui::EndChild();

    const std::vector<RecordAmendment> changes =
        ratingAmendments(model.observation, draft, state.amendAuthor, state.amendReason,
                         LocalTimestamp::now().utcSeconds());
    const char* problem = changes.empty()              ? "Change a value to amend it."
                          : isBlank(state.amendAuthor) ? "Say who is amending."
                          : isBlank(state.amendReason) ? "Give the reason for the amendment."
                                                       : "";
    ImGui::Dummy(ImVec2(0, look.px(6)));
    ImGui::BeginDisabled(*problem != '\0');
    const bool save = primaryButton("Save amendment", look);
    probeItem("rating-amend-save");
    ImGui::EndDisabled();
    if (save) {
        events.amendments = changes;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::CloseCurrentPopup();
    }
    if (*problem != '\0') {
        ImGui::SameLine(0, look.px(12));
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(look.fonts.small);
        textMuted(problem, look);
        ImGui::PopFont();
    }
    ImGui::EndPopup();
}

} // namespace

void drawSignedRating(const KnotEditorModel& model, KnotEditorState& state,
                      KnotEditorEvents& events, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(4)));
    signedBanner(model.signedLine,
                 "This rating is part of the signed visit and is read-only. Amend it to "
                 "correct it; the original stays on record.",
                 look);
    // Under the banner, where it is in view on a short screen too.
    ImGui::Dummy(ImVec2(0, look.px(4)));
    const bool amend = ImGui::Button("Amend rating\u2026");
    probeItem("rating-amend");
    if (amend) {
        openAmendDialog(model, state);
    }
    const Observation& observation = model.observation;
    ImGui::PushTextWrapPos(0.0f);
    readOnlyRow("Pain",
                std::to_string(observation.pain) + " \u00B7 " +
                    std::string(displayName(painBand(observation.pain))),
                look);
    readOnlyRow("Kind", std::string(displayName(observation.kind)), look);
    readOnlyRow("Symptoms", joinedNames(model.symptomChoices, observation.symptomCodes), look);
    readOnlyRow("Referred pain",
                joinedNames(model.referredRegions, observation.referredRegionCodes), look);
    readOnlyRow("Notes", observation.notes.empty() ? std::string("None") : observation.notes, look);
    if (!model.amendmentLines.empty()) {
        ImGui::Dummy(ImVec2(0, look.px(8)));
        textWithFont("Amendments", look.fonts.strong);
        for (std::size_t i = 0; i < model.amendmentLines.size(); ++i) {
            ImGui::TextUnformatted(model.amendmentLines[i].c_str());
            ImGui::PushFont(look.fonts.small);
            textMuted(model.amendmentBylines[i], look);
            ImGui::PopFont();
        }
    }
    ImGui::PopTextWrapPos();
    amendDialog(model, state, events, look);
}

} // namespace knotmap::ui
