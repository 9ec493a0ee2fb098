#include "ui/sessions/session_dialogs.h"

#include "core/text_trim.h"
#include "core/validation.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <cfloat>
#include <vector>

namespace knotmap::ui {
namespace {

constexpr const char* kSignPopup = "Sign this visit?";
constexpr const char* kAmendPopup = "Amend signed visit";

void centreNextPopup(const Appearance& look) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(look.px(460), 0), ImGuiCond_Appearing);
}

// Draws wrapped text with a line through every line of it: a value that an
// amendment replaced, still readable.
void struckText(const std::string& text, const Appearance& look) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float wrapWidth = ImGui::GetContentRegionAvail().x;
    const ImU32 colour = ImGui::GetColorU32(look.colours().textMuted);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::BeginGroup();
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    while (begin < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(1.0f, begin, end, wrapWidth);
        if (lineEnd == begin) {
            ++lineEnd; // a word wider than the column still moves on
        }
        const ImVec2 at = ImGui::GetCursorScreenPos();
        textColoured(std::string_view(begin, static_cast<std::size_t>(lineEnd - begin)),
                     look.colours().textMuted);
        const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, lineEnd).x;
        const float y = at.y + ImGui::GetTextLineHeight() * 0.55f;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, y), ImVec2(at.x + width, y), colour,
                                            look.px(1));
        begin = lineEnd;
        while (begin < end && (*begin == ' ' || *begin == '\n')) {
            ++begin; // like ImGui's own wrapping, a line does not start with blanks
        }
    }
    ImGui::EndGroup();
    ImGui::PopStyleVar();
}

} // namespace

void openAmendDialog(SessionField field, const SessionDetailsModel& model,
                     SessionDetailsState& state) {
    state.amending = field;
    state.amendValue = fieldText(model.session, field);
    if (state.amendAuthor.empty()) {
        state.amendAuthor = model.signature ? model.signature->signedBy : model.session.therapist;
    }
    state.amendReason.clear();
}

void drawSignDialog(const SessionDetailsModel& model, SessionDetailsState& state,
                    SessionDetailsEvents& events, const Appearance& look) {
    if (state.signOpen) {
        ImGui::OpenPopup(kSignPopup);
        state.signOpen = false;
    }
    centreNextPopup(look);
    if (!ImGui::BeginPopupModal(kSignPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("A signed visit becomes read-only. Later corrections are recorded "
                           "as amendments, with the original kept visible. Signing cannot be "
                           "undone.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(6)));
    textMuted("Therapist", look);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    const bool entered = signerNameField("##signer", state.signer, model.practiceName,
                                         ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem("sign-visit-signer");
    ImGui::Dummy(ImVec2(0, look.px(6)));
    ImGui::BeginDisabled(isBlank(state.signer));
    if (primaryButton("Sign visit", look) || (entered && !isBlank(state.signer))) {
        events.signAs = state.signer;
        ImGui::CloseCurrentPopup();
    }
    probeItem("sign-visit-confirm");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawAmendDialog(const SessionDetailsModel& model, SessionDetailsState& state,
                     SessionDetailsEvents& events, const Appearance& look) {
    if (state.amending && !ImGui::IsPopupOpen(kAmendPopup)) {
        ImGui::OpenPopup(kAmendPopup);
    }
    centreNextPopup(look);
    if (!ImGui::BeginPopupModal(kAmendPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    const SessionField field = state.amending.value_or(SessionField::Notes);
    textWithFont(displayName(field), look.fonts.strong);
    ImGui::PushTextWrapPos(0.0f);
    textMuted("Now: " + displayValue(field, fieldText(model.session, field), model.triggers), look);
    ImGui::PopTextWrapPos();
    if (isRating(field)) {
        textMuted("New value (0-10, empty for not rated)", look);
    } else if (field == SessionField::Triggers) {
        textMuted("New value (trigger codes, comma-separated)", look);
    } else {
        textMuted("New value", look);
    }
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    limitedInputTextMultiline("##value", state.amendValue, maxTextBytes(field),
                              ImVec2(ImGui::GetContentRegionAvail().x, look.px(80)));
    textMuted("Reason", look);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    limitedInputText("##reason", state.amendReason, kMaxNoteBytes);
    textMuted("Author", look);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    signerNameField("##author", state.amendAuthor, model.practiceName);
    ImGui::Dummy(ImVec2(0, look.px(6)));
    ImGui::BeginDisabled(isBlank(state.amendAuthor) ||
                         state.amendValue == fieldText(model.session, field));
    if (primaryButton("Save amendment", look)) {
        SessionAmendment amendment;
        amendment.sessionId = model.session.id;
        amendment.field = field;
        amendment.newValue = state.amendValue;
        amendment.author = state.amendAuthor;
        amendment.amendedUtc = LocalTimestamp::now().utcSeconds();
        amendment.reason = state.amendReason;
        events.amend = amendment;
        state.amending.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        state.amending.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawAmendmentsOf(SessionField field, const SessionDetailsModel& model,
                      const Appearance& look) {
    // Newest first, under the value as it reads now: who changed it, when and
    // why, then what it said before; the last "before" is the signed original.
    std::vector<const AmendmentLine*> lines;
    for (const AmendmentLine& line : model.amendments) {
        if (line.field == field) {
            lines.insert(lines.begin(), &line);
        }
    }
    if (lines.empty()) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(2)));
    ImGui::Indent(look.px(12));
    ImGui::PushFont(look.fonts.small);
    ImGui::PushTextWrapPos(0.0f);
    for (std::size_t index = 0; index < lines.size(); ++index) {
        textColoured("Amended by " + lines[index]->byline, look.colours().accent);
        const bool original = index + 1 == lines.size();
        textMuted(original ? "Original, as signed:" : "Before:", look);
        ImGui::Indent(look.px(8));
        struckText(lines[index]->original, look);
        ImGui::Unindent(look.px(8));
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Unindent(look.px(12));
}

} // namespace knotmap::ui
