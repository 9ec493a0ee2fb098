#include "ui/treatments/treatment_form.h"

#include "core/domain_codes.h"
#include "core/text_trim.h"
#include "core/validation.h"
#include "core/whole_number.h"
#include "ui/dialogs/record_history_dialog.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <array>

namespace knotmap::ui {
namespace {

constexpr std::array<Intensity, 4> kIntensities = {Intensity::Light, Intensity::Medium,
                                                   Intensity::Firm, Intensity::Deep};
constexpr const char* kMedicationCode = "medication";
constexpr std::string_view kMassagePrefix = "Massage: ";

std::optional<int> painOrUnknown(int value) {
    return value == kUnknownPain ? std::nullopt : std::optional<int>(value);
}

int painField(std::optional<int> pain) {
    return pain.value_or(kUnknownPain);
}

std::optional<int> parseMinutes(const std::string& text) {
    const auto minutes = parseWholeNumber(text);
    if (!minutes || *minutes < 0) {
        return std::nullopt;
    }
    return minutes;
}

void sectionLabel(std::string_view text, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(4)));
    textWithFont(text, look.fonts.strong);
}

const TreatmentKindChoice* findKind(const TreatmentPanelModel& model, const std::string& code) {
    const auto found = std::find_if(model.kinds.begin(), model.kinds.end(),
                                    [&](const TreatmentKindChoice& k) { return k.code == code; });
    return found != model.kinds.end() ? &*found : nullptr;
}

// The vocabulary as a drop-down: the massage kinds under one heading, then the rest.
void kindPicker(const TreatmentPanelModel& model, TreatmentFormState& form) {
    const TreatmentKindChoice* current = findKind(model, form.kindCode);
    ImGui::SetNextItemWidth(-1);
    const bool open =
        ImGui::BeginCombo("##kind", current != nullptr ? current->name.c_str() : "Choose\u2026",
                          ImGuiComboFlags_HeightLarge);
    probeItem("treatment-kind");
    if (!open) {
        return;
    }
    bool massageHeading = false;
    bool othersStarted = false;
    for (const TreatmentKindChoice& kind : model.kinds) {
        std::string_view label = kind.name;
        std::string shown; // a capital the label needs, followed by label
        if (kind.massage) {
            if (!massageHeading) {
                ImGui::TextDisabled("Massage");
                massageHeading = true;
            }
            if (label.substr(0, kMassagePrefix.size()) == kMassagePrefix) {
                label.remove_prefix(kMassagePrefix.size());
            }
            // Under the "Massage" heading "Deep tissue" reads as an item of its own.
            if (!label.empty() && label.front() >= 'a' && label.front() <= 'z') {
                shown = std::string(1, static_cast<char>(label.front() - 'a' + 'A'));
                label.remove_prefix(1);
            }
            ImGui::Indent();
        } else if (massageHeading && !othersStarted) {
            ImGui::Separator();
            othersStarted = true;
        }
        const std::string id =
            shown + std::string(label) + (kind.hidden ? " (hidden)" : "") + "##" + kind.code;
        if (ImGui::Selectable(id.c_str(), kind.code == form.kindCode)) {
            form.kindCode = kind.code;
        }
        if (testProbeActive()) {
            probeItem("treatment-kind-" + kind.code);
        }
        if (kind.massage) {
            ImGui::Unindent();
        }
    }
    ImGui::EndCombo();
}

// A 0-10 rating or "not rated" as a short drop-down: two clicks reach any
// value, and the number stays legible (a slider's grab covers it). probeName
// names it and its items (probeName-3, probeName-none) in a test report.
void painPicker(const char* id, const char* probeName, int& value, float width) {
    const std::string preview = value == kUnknownPain ? "\u2013" : std::to_string(value);
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLargest);
    probeItem(probeName);
    if (!open) {
        return;
    }
    for (int pain = kUnknownPain; pain <= kMaxRating; ++pain) {
        const std::string label = pain == kUnknownPain ? "not rated" : std::to_string(pain);
        if (ImGui::Selectable(label.c_str(), pain == value)) {
            value = pain;
        }
        if (testProbeActive()) {
            probeItem(std::string(probeName) + "-" +
                      (pain == kUnknownPain ? std::string("none") : label));
        }
    }
    ImGui::EndCombo();
}

// "Before [5]  After [–]" on one line.
void painPair(const char* id, int& before, int& after, const Appearance& look) {
    ImGui::PushID(id);
    const float pickerWidth = look.px(72);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Before");
    ImGui::SameLine();
    painPicker("##before", "treatment-pain-before", before, pickerWidth);
    ImGui::SameLine(0, look.px(14));
    ImGui::TextUnformatted("After");
    ImGui::SameLine();
    painPicker("##after", "treatment-pain-after", after, pickerWidth);
    ImGui::PopID();
}

std::string knotName(const TreatmentPanelModel& model, Id knotId) {
    for (const TreatmentKnotChoice& knot : model.knots) {
        if (knot.knotId == knotId) {
            return knot.name;
        }
    }
    return "Knot " + std::to_string(knotId);
}

// Knots may be logged or deleted while the form is open (the map stays live):
// keep one entry per knot of the model, in its order, keeping what was entered.
void syncKnots(const TreatmentPanelModel& model, TreatmentFormState& form) {
    std::vector<TreatmentFormKnot> synced;
    synced.reserve(model.knots.size());
    for (const TreatmentKnotChoice& choice : model.knots) {
        const auto entered =
            std::find_if(form.knots.begin(), form.knots.end(),
                         [&](const TreatmentFormKnot& k) { return k.knotId == choice.knotId; });
        synced.push_back(
            entered != form.knots.end()
                ? *entered
                : TreatmentFormKnot{choice.knotId, false, choice.observedPain, kUnknownPain});
    }
    form.knots = std::move(synced);
}

// Who corrects a signed visit's treatment, and why: kept with the amendment.
void amendmentSection(const TreatmentPanelModel& model, TreatmentFormState& form,
                      const Appearance& look) {
    sectionLabel("Amended by", look);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    signerNameField("##amend-author", form.author, model.practiceName);
    sectionLabel("Reason", look);
    limitedInputTextMultiline("##amend-reason", form.reason, kMaxNoteBytes,
                              ImVec2(ImGui::GetContentRegionAvail().x,
                                     ImGui::GetTextLineHeightWithSpacing() * 2 + look.px(8)));
    probeItem("treatment-amend-reason");
}

void targetSection(const TreatmentPanelModel& model, TreatmentFormState& form,
                   const Appearance& look) {
    sectionLabel("Given to", look);
    if (form.editing) {
        // One saved row is one target; a new target is a new treatment.
        textMuted(form.editing->knotId ? knotName(model, *form.editing->knotId) : "Whole session",
                  look);
        if (form.wholeSession) {
            painPair("session", form.sessionPainBefore, form.sessionPainAfter, look);
        } else {
            painPair("knot", form.knots.front().painBefore, form.knots.front().painAfter, look);
        }
        return;
    }
    if (model.knots.empty()) {
        form.wholeSession = true;
        ImGui::PushFont(look.fonts.small);
        textMuted("The whole session \u2014 no knots are logged in it yet.", look);
        ImGui::PopFont();
    } else {
        const std::array<Segment, 2> targets = {Segment{"Whole session", ""}, Segment{"Knots", ""}};
        int selected = form.wholeSession ? 0 : 1;
        if (segmentedControl("target", targets, selected, look)) {
            form.wholeSession = selected == 0;
        }
    }
    if (form.wholeSession) {
        painPair("session", form.sessionPainBefore, form.sessionPainAfter, look);
        return;
    }
    syncKnots(model, form);
    for (std::size_t i = 0; i < form.knots.size(); ++i) {
        TreatmentFormKnot& knot = form.knots[i];
        ImGui::PushID(static_cast<int>(knot.knotId));
        ImGui::Checkbox(model.knots[i].name.c_str(), &knot.selected);
        probeItem("treatment-knot");
        if (knot.selected) {
            ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
            painPair("pain", knot.painBefore, knot.painAfter, look);
            ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        }
        ImGui::PopID();
    }
}

// Minutes and intensity share a row: a short number beside the segments.
void doseSection(TreatmentFormState& form, const Appearance& look) {
    const float minutesWidth = look.px(80);
    const float gap = look.px(16);
    const float left = ImGui::GetCursorPosX();
    ImGui::Dummy(ImVec2(0, look.px(4)));
    textWithFont("Minutes", look.fonts.strong);
    ImGui::SameLine(left + minutesWidth + gap);
    textWithFont("Intensity", look.fonts.strong);
    ImGui::SetNextItemWidth(minutesWidth);
    ImGui::InputTextWithHint("##minutes", "\u2013", &form.minutes,
                             ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine(left + minutesWidth + gap);
    const std::array<Segment, 5> segments = {Segment{"\u2013", "Not recorded"},
                                             Segment{"Light", ""}, Segment{"Medium", ""},
                                             Segment{"Firm", ""}, Segment{"Deep", ""}};
    segmentedControl("intensity", segments, form.intensity, look);
    if (form.kindCode == kMedicationCode) {
        sectionLabel("Medication", look);
        ImGui::SetNextItemWidth(-1);
        limitedInputTextWithHint("##medication", "Name and dose, e.g. Ibuprofen 400 mg",
                                 form.medication, kMaxNameBytes);
    }
    sectionLabel("Notes", look);
    limitedInputTextMultiline("##notes", form.notes, kMaxNoteBytes,
                              ImVec2(-1, ImGui::GetTextLineHeight() * 3 + look.px(10)));
}

} // namespace

void openNewTreatmentForm(TreatmentFormState& form, const TreatmentPanelModel& model) {
    form = TreatmentFormState{};
    form.open = true;
    form.sessionId = model.sessionId;
    for (const TreatmentKnotChoice& knot : model.knots) {
        form.knots.push_back({knot.knotId, false, knot.observedPain, kUnknownPain});
    }
    // With exactly one knot there is nothing to choose: it is the likely target.
    if (form.knots.size() == 1) {
        form.wholeSession = false;
        form.knots.front().selected = true;
    }
}

void openEditTreatmentForm(TreatmentFormState& form, const TreatmentPanelModel& model,
                           const Treatment& treatment) {
    form = TreatmentFormState{};
    form.open = true;
    form.editing = treatment;
    form.sessionId = model.sessionId;
    form.kindCode = treatment.kindCode;
    form.wholeSession = !treatment.knotId;
    if (treatment.knotId) {
        form.knots.push_back({*treatment.knotId, true, painField(treatment.painBefore),
                              painField(treatment.painAfter)});
    } else {
        form.sessionPainBefore = painField(treatment.painBefore);
        form.sessionPainAfter = painField(treatment.painAfter);
    }
    form.minutes = treatment.minutes ? std::to_string(*treatment.minutes) : std::string();
    form.intensity = 0;
    for (std::size_t i = 0; i < kIntensities.size(); ++i) {
        if (treatment.intensity == kIntensities[i]) {
            form.intensity = static_cast<int>(i) + 1;
        }
    }
    form.medication = treatment.medication;
    form.notes = treatment.notes;
    form.amending = model.signedVisit;
    form.author = model.signer;
}

std::string treatmentFormProblem(const TreatmentFormState& form) {
    if (form.kindCode.empty()) {
        return "Choose what was done.";
    }
    if (!form.wholeSession && std::none_of(form.knots.begin(), form.knots.end(),
                                           [](const TreatmentFormKnot& k) { return k.selected; })) {
        return "Choose at least one knot.";
    }
    if (!form.minutes.empty() && !parseMinutes(form.minutes)) {
        return "Minutes must be a whole number.";
    }
    if (form.amending && isBlank(form.author)) {
        return "Say who is amending.";
    }
    if (form.amending && isBlank(form.reason)) {
        return "Give the reason for the amendment.";
    }
    return {};
}

NewTreatment newTreatmentFromForm(const TreatmentFormState& form) {
    NewTreatment request;
    request.sessionId = form.sessionId;
    request.kindCode = form.kindCode;
    request.minutes = parseMinutes(form.minutes);
    if (form.intensity > 0) {
        request.intensity = kIntensities[static_cast<std::size_t>(form.intensity - 1)];
    }
    // Medication text only belongs to the medication kind, even if typed before switching.
    request.medication = form.kindCode == kMedicationCode ? form.medication : std::string();
    request.notes = form.notes;
    if (form.wholeSession) {
        request.painBefore = painOrUnknown(form.sessionPainBefore);
        request.painAfter = painOrUnknown(form.sessionPainAfter);
        return request;
    }
    for (const TreatmentFormKnot& knot : form.knots) {
        if (knot.selected) {
            request.targets.push_back(
                {knot.knotId, painOrUnknown(knot.painBefore), painOrUnknown(knot.painAfter)});
        }
    }
    return request;
}

Treatment editedTreatmentFromForm(const TreatmentFormState& form) {
    const NewTreatment fields = newTreatmentFromForm(form);
    Treatment treatment = form.editing.value_or(Treatment{});
    treatment.kindCode = fields.kindCode;
    treatment.minutes = fields.minutes;
    treatment.intensity = fields.intensity;
    treatment.medication = fields.medication;
    treatment.notes = fields.notes;
    if (fields.targets.empty()) {
        treatment.painBefore = fields.painBefore;
        treatment.painAfter = fields.painAfter;
    } else {
        treatment.painBefore = fields.targets.front().painBefore;
        treatment.painAfter = fields.targets.front().painAfter;
    }
    return treatment;
}

TreatmentFormResult drawTreatmentForm(const TreatmentPanelModel& model, TreatmentFormState& form,
                                      const Appearance& look) {
    TreatmentFormResult result;
    ImGui::PushID("treatment-form");
    const float titleY = ImGui::GetCursorPosY();
    textWithFont(form.amending  ? "Amend treatment"
                 : form.editing ? "Edit treatment"
                                : "Add treatment",
                 look.fonts.strong);
    if (form.editing) {
        // At the title line's end, as in the knot editor.
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SameLine(ImGui::GetContentRegionMax().x - historyButtonWidth());
        ImGui::SetCursorPosY(titleY);
        result.showHistory =
            historyButton("treatment-history", "Who changed this treatment, and when");
        ImGui::SetCursorPos(after);
    }
    sectionLabel("What was done", look);
    kindPicker(model, form);
    targetSection(model, form, look);
    doseSection(form, look);
    if (form.amending) {
        amendmentSection(model, form, look);
    }

    ImGui::Dummy(ImVec2(0, look.px(6)));
    const std::string problem = treatmentFormProblem(form);
    ImGui::BeginDisabled(!problem.empty());
    const bool confirmed = primaryButton(form.amending  ? "Save amendment"
                                         : form.editing ? "Save changes"
                                                        : "Add treatment",
                                         look);
    probeItem("treatment-confirm");
    if (confirmed) {
        if (form.editing) {
            result.update = editedTreatmentFromForm(form);
        } else {
            result.add = newTreatmentFromForm(form);
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        result.cancelled = true;
    }
    if (!problem.empty()) {
        ImGui::SameLine(0, look.px(12));
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(look.fonts.small);
        textMuted(problem, look);
        ImGui::PopFont();
    }
    ImGui::PopID();
    return result;
}

} // namespace knotmap::ui
