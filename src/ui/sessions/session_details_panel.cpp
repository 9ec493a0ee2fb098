#include "ui/sessions/session_details_panel.h"

#include "core/validation.h"
#include "ui/dialogs/record_history_dialog.h"
#include "ui/sessions/session_dialogs.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/chips.h"
#include "ui/widgets/pain_slider.h"
#include "ui/widgets/signed_banner.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace knotmap::ui {
namespace {

std::size_t slot(SessionField field) {
    return static_cast<std::size_t>(field);
}

void sectionLabel(std::string_view text, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(6)));
    textWithFont(text, look.fonts.strong);
}

std::string formatTimeDraft(const LocalTimestamp& when) {
    const CivilDateTime local = when.local();
    char text[24];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", local.year, local.month, local.day,
                  local.hour, local.minute);
    return text;
}

std::optional<CivilDateTime> parseTimeDraft(const std::string& text) {
    CivilDateTime local;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%d %d:%d%c", &local.year, &local.month, &local.day,
                    &local.hour, &local.minute, &tail) != 5 ||
        !isValidCivil(local)) {
        return std::nullopt;
    }
    return local;
}

// Date and time as one text field, saved when it loses focus, in the
// session's own UTC offset.
void timeEditor(const SessionDetailsModel& model, SessionDetailsState& state,
                SessionDetailsEvents& events, const Appearance& look) {
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00 00:00").x + look.px(24));
    ImGui::InputText("##when", &state.timeDraft);
    if (ImGui::IsItemDeactivated()) {
        if (auto parsed = parseTimeDraft(state.timeDraft)) {
            state.timeError.clear();
            if (state.timeDraft != formatTimeDraft(model.session.startedAt)) {
                events.newTime = parsed;
            }
        } else {
            state.timeError = "Use YYYY-MM-DD HH:MM, e.g. 2026-03-14 09:30";
        }
    }
    ImGui::SameLine();
    textMuted("local time", look);
    if (!state.timeError.empty()) {
        textColoured(state.timeError, look.colours().error.text);
    }
}

// Overall pain on the pain ramp's slider, saved when it is let go (one undo
// step per drag).
void painRow(const SessionDetailsModel& model, SessionDetailsState& state,
             SessionDetailsEvents& events, const Appearance& look) {
    const std::optional<int> saved = model.session.overallPain;
    sectionLabel("Overall pain", look);
    ImGui::SameLine();
    textMuted(saved ? std::to_string(*saved) + " / 10" : std::string("not rated"), look);
    std::string& draft = state.drafts[slot(SessionField::OverallPain)];
    int value = draft.empty() ? 0 : std::stoi(draft);
    const PainSliderResult result = painSlider("##overall", value, look);
    if (result.changed) {
        draft = std::to_string(value);
    }
    if ((result.released || (result.changed && !result.dragging)) && draft != ratingText(saved)) {
        events.update = std::pair(SessionField::OverallPain, draft);
        events.updateBaseVersion = state.draftVersions[slot(SessionField::OverallPain)];
    }
}

// Stress and sleep side by side on plain sliders: they are not pain, so they
// do not borrow the pain colours (for sleep, high is good).
void moodRow(const SessionDetailsModel& model, SessionDetailsState& state,
             SessionDetailsEvents& events, const Appearance& look) {
    // A two-column table keeps both labels on one baseline.
    if (!ImGui::BeginTable("mood", 2, ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_NoPadOuterX,
                           ImVec2(ImGui::GetContentRegionAvail().x, 0))) {
        return;
    }
    constexpr std::array<SessionField, 2> kFields = {SessionField::Stress, SessionField::Sleep};
    // Labels in one row and sliders in the next: each row keeps one baseline.
    // The scale's hint goes beside its label where the column has room for
    // the wider pair, else under both labels.
    const auto width = [](const char* text, ImFont* font) {
        ImGui::PushFont(font);
        const float measured = ImGui::CalcTextSize(text).x;
        ImGui::PopFont();
        return measured;
    };
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool hintBeside = width("Sleep quality", look.fonts.strong) +
                                ImGui::GetStyle().ItemSpacing.x +
                                width("0 poor, 10 great", look.fonts.small) <=
                            ImGui::GetContentRegionAvail().x;
    for (const SessionField field : kFields) {
        if (field != kFields.front()) {
            ImGui::TableNextColumn();
        }
        textWithFont(field == SessionField::Stress ? "Stress" : "Sleep quality", look.fonts.strong);
        if (hintBeside) {
            ImGui::SameLine();
        }
        ImGui::PushFont(look.fonts.small);
        textMuted(field == SessionField::Stress ? "0 calm, 10 high" : "0 poor, 10 great", look);
        ImGui::PopFont();
    }
    ImGui::TableNextRow();
    for (const SessionField field : kFields) {
        ImGui::TableNextColumn();
        const std::optional<int> saved =
            field == SessionField::Stress ? model.session.stress : model.session.sleep;
        std::string& draft = state.drafts[slot(field)];
        int value = draft.empty() ? 0 : std::stoi(draft);
        ImGui::PushID(static_cast<int>(field));
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        const char* format = draft.empty() ? "not rated" : "%d";
        if (ImGui::SliderInt("##rating", &value, 0, 10, format, ImGuiSliderFlags_AlwaysClamp)) {
            draft = std::to_string(value);
        }
        ImGui::PopID();
        if (ImGui::IsItemDeactivated() && draft != ratingText(saved)) {
            events.update = std::pair(field, draft);
            events.updateBaseVersion = state.draftVersions[slot(field)];
        }
    }
    ImGui::EndTable();
}

void triggerChips(const SessionDetailsModel& model, SessionDetailsEvents& events,
                  const Appearance& look) {
    sectionLabel("Triggers", look);
    ChipFlow flow;
    const auto& codes = model.session.triggerCodes;
    for (const VocabularyItem& trigger : model.triggers) {
        const bool on = std::find(codes.begin(), codes.end(), trigger.code) != codes.end();
        if (toggleChip(flow, trigger.code, trigger.name, on, look)) {
            std::vector<std::string> next;
            for (const VocabularyItem& item : model.triggers) { // keeps vocabulary order
                const bool wasOn = std::find(codes.begin(), codes.end(), item.code) != codes.end();
                if (item.code == trigger.code ? !on : wasOn) {
                    next.push_back(item.code);
                }
            }
            Session scratch;
            scratch.triggerCodes = next;
            events.update =
                std::pair(SessionField::Triggers, fieldText(scratch, SessionField::Triggers));
            events.updateBaseVersion = model.session.version;
        }
    }
}

void textField(SessionField field, int lines, const SessionDetailsModel& model,
               SessionDetailsState& state, SessionDetailsEvents& events, const Appearance& look) {
    sectionLabel(displayName(field), look);
    std::string& draft = state.drafts[slot(field)];
    ImGui::PushID(static_cast<int>(field));
    if (lines <= 1) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        limitedInputText("##text", draft, maxTextBytes(field));
    } else {
        const float height =
            ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(lines) + look.px(12);
        limitedInputTextMultiline("##text", draft, maxTextBytes(field),
                                  ImVec2(ImGui::GetContentRegionAvail().x, height));
    }
    ImGui::PopID();
    if (ImGui::IsItemDeactivated() && draft != fieldText(model.session, field)) {
        events.update = std::pair(field, draft);
        events.updateBaseVersion = state.draftVersions[slot(field)];
    }
}

// A signed visit's field: its value as it reads now, with its amendments
// (the original labelled and struck through) and an Amend button.
void readOnlyField(SessionField field, const SessionDetailsModel& model, SessionDetailsState& state,
                   const Appearance& look) {
    sectionLabel(displayName(field), look);
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(field));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                         ImGui::CalcTextSize("Amend").x - ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::SmallButton("Amend")) {
        openAmendDialog(field, model, state);
    }
    ImGui::PopID();
    ImGui::PushTextWrapPos(0.0f);
    std::string shown = displayValue(field, fieldText(model.session, field), model.triggers);
    if (isRating(field) && shown != "(empty)") {
        shown += " / 10";
    }
    if (shown == "(empty)") {
        textMuted("\u2014", look);
    } else {
        ImGui::TextUnformatted(shown.c_str());
    }
    ImGui::PopTextWrapPos();
    drawAmendmentsOf(field, model, look);
}

// Amendments of the visit's ratings and treatments: the schema applies them
// to the rows, so the knots and the Treatments tab show the corrected values;
// here is what they were, who changed them, when and why.
void recordAmendments(const SessionDetailsModel& model, const Appearance& look) {
    if (model.recordAmendments.empty()) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(8)));
    textWithFont("Amended ratings and treatments", look.fonts.strong);
    ImGui::PushTextWrapPos(0.0f);
    for (const RecordAmendmentLine& line : model.recordAmendments) {
        ImGui::Dummy(ImVec2(0, look.px(2)));
        ImGui::TextUnformatted((line.subject + " \u00B7 " + line.change).c_str());
        ImGui::PushFont(look.fonts.small);
        textMuted(line.byline, look);
        ImGui::PopFont();
    }
    ImGui::PopTextWrapPos();
}

// The title, with History at the end of its first line.
void header(const SessionDetailsModel& model, SessionDetailsEvents& events,
            const Appearance& look) {
    const float gap = look.px(8);
    const float textWidth = ImGui::GetContentRegionAvail().x - historyButtonWidth() - gap;
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::PushTextWrapPos(start.x + textWidth);
    textWithFont(model.title, look.fonts.heading);
    ImGui::PopTextWrapPos();
    const ImVec2 end = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + textWidth + gap, start.y));
    const char* tooltip = model.session.kind == SessionKind::TherapyVisit
                              ? "Who changed this visit, and when"
                              : "Who changed this check-in, and when";
    events.showHistory = historyButton("visit-history", tooltip);
    ImGui::SetCursorPos(end);
}

void footer(const SessionDetailsModel& model, SessionDetailsState& state,
            SessionDetailsEvents& events, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(12)));
    if (model.session.kind == SessionKind::TherapyVisit && !model.signature) {
        if (primaryButton("Sign visit\u2026", look)) {
            state.signOpen = true;
            state.signer = model.session.therapist;
        }
        probeItem("sign-visit");
        ImGui::SameLine();
    }
    if (model.signature) {
        return; // a signed visit stays part of the record: no delete
    }
    const ColourPair& danger = look.colours().error;
    ImGui::PushStyleColor(ImGuiCol_Text, danger.text);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, danger.background);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, danger.background);
    events.deleteSession = ImGui::Button("Delete session");
    ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Removes this session with its knot ratings and treatments;\n"
                          "the knots stay. Ctrl+Z brings it back.");
    }
}

} // namespace

void resetDrafts(const SessionDetailsModel& model, SessionDetailsState& state) {
    const bool sameVisit = state.draftsFor == model.session.id;
    state.draftsFor = model.session.id;
    for (const SessionField field : kAllSessionFields) {
        const std::size_t i = slot(field);
        const std::string saved = fieldText(model.session, field);
        const bool typing =
            sameVisit && state.drafts[i] != state.draftsReadFrom[i] && state.drafts[i] != saved;
        if (!typing) {
            state.drafts[i] = saved;
            state.draftsReadFrom[i] = saved;
            state.draftVersions[i] = model.session.version;
        }
    }
    if (!sameVisit) {
        state.timeDraft = formatTimeDraft(model.session.startedAt);
        state.timeError.clear();
    } else if (state.timeError.empty()) {
        state.timeDraft = formatTimeDraft(model.session.startedAt);
    }
}

SessionDetailsEvents drawSessionDetails(const SessionDetailsModel& model,
                                        SessionDetailsState& state, const Appearance& look) {
    SessionDetailsEvents events;
    header(model, events, look);
    const bool isVisit = model.session.kind == SessionKind::TherapyVisit;
    // A visit reads like a clinical note: therapist and SOAP first, then the
    // ratings the client gave; a check-in starts with the ratings.
    std::vector<SessionField> order;
    if (isVisit) {
        order = {SessionField::Therapist, SessionField::Subjective, SessionField::Objective,
                 SessionField::Assessment, SessionField::Plan};
    }
    for (const SessionField field :
         {SessionField::OverallPain, SessionField::Stress, SessionField::Sleep,
          SessionField::Triggers, SessionField::Notes}) {
        order.push_back(field);
    }
    if (model.signature) {
        textMuted(formatTimeDraft(model.session.startedAt), look);
        ImGui::Dummy(ImVec2(0, look.px(4)));
        signedBanner(model.signedLine,
                     "Read-only, with its ratings and treatments. Corrections are amendments; "
                     "the signed values stay visible.",
                     look);
        for (const SessionField field : order) {
            readOnlyField(field, model, state, look);
        }
        recordAmendments(model, look);
    } else {
        timeEditor(model, state, events, look);
        for (const SessionField field : order) {
            if (field == SessionField::OverallPain) {
                painRow(model, state, events, look);
            } else if (field == SessionField::Stress) {
                moodRow(model, state, events, look); // stress and sleep together
            } else if (field == SessionField::Triggers) {
                triggerChips(model, events, look);
            } else if (field != SessionField::Sleep) {
                const int lines = field == SessionField::Therapist ? 1
                                  : field == SessionField::Notes   ? 3
                                                                   : 2;
                textField(field, lines, model, state, events, look);
            }
        }
    }
    footer(model, state, events, look);
    drawSignDialog(model, state, events, look);
    drawAmendDialog(model, state, events, look);
    return events;
}

} // namespace knotmap::ui
