#include "ui/front_desk/front_desk_client_form.h"

#include "core/birth_year.h"
#include "core/text_trim.h"
#include "core/validation.h"
#include "ui/front_desk/front_desk_client_list.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <utility>

namespace knotmap::ui {
namespace {

void fieldLabel(const char* label, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(6)));
    textMuted(label, look);
}

// The details to save, or none with draft.problem saying why not.
std::optional<Client> checked(ClientDraft& draft) {
    const BirthYearInput year = parseBirthYear(draft.birthYear, currentLocalYear());
    if (!year.problem.empty()) {
        draft.problem = "Birth year: " + year.problem + ".";
        return std::nullopt;
    }
    Client client;
    client.id = draft.clientId;
    // After a conflict, Save again replaces the version that refused it.
    client.version = draft.conflict && draft.theirVersion != 0 ? draft.theirVersion : draft.version;
    client.name = draft.name;
    client.birthYear = year.year;
    client.notes = draft.notes;
    return client;
}

// Nothing typed worth keeping: a new client's form left blank.
bool blank(const ClientDraft& draft) {
    return isBlank(draft.name) && isBlank(draft.birthYear) && isBlank(draft.notes);
}

// The conflict's sentence and Discard, which shows their version instead
// (read again by prepareFrontDeskScreen from the next frame).
void conflictNote(ClientDraft& draft, float width, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(2)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    textColoured(kFrontDeskConflictText, look.colours().error.text);
    ImGui::PopTextWrapPos();
    probeValue("front-desk-client-conflict", kFrontDeskConflictText);
    if (ImGui::Button("Discard")) {
        draft.edited = false;
        draft.conflict = false;
        draft.theirVersion = 0;
        draft.version = -1; // filled in from the client as read
        draft.problem.clear();
        draft.saved.clear();
    }
    probeItem("front-desk-discard-client");
}

} // namespace

void finishFrontDeskLeave(FrontDeskScreenState& state, const FrontDeskLeave& to) {
    switch (to.to) {
    case FrontDeskLeave::To::Client:
        state.selected = to.clientId;
        state.creating = false;
        break;
    case FrontDeskLeave::To::NewClient:
        startFrontDeskNewClient(state);
        break;
    case FrontDeskLeave::To::Quit:
        state.quitRequested = true;
        break;
    }
}

void leaveFrontDeskDraft(FrontDeskScreenState& state, FrontDeskLeave to) {
    if (to.to == FrontDeskLeave::To::Client && !state.creating && state.selected == to.clientId) {
        return; // already shown
    }
    ClientDraft& draft = state.draft;
    const bool creating = state.creating;
    const bool unsaved =
        draft.edited && !(creating && blank(draft)) && (creating || draft.clientId != 0);
    if (!unsaved || (to.to == FrontDeskLeave::To::Quit && state.quitUnsaved)) {
        finishFrontDeskLeave(state, to);
        return;
    }
    if (state.afterSave) {
        state.afterSave = to; // a save is on its way already; then this
        return;
    }
    if (auto details = checked(draft)) {
        (creating ? state.requests.addClient : state.requests.saveClient) = std::move(details);
        state.afterSave = to;
    } else if (to.to == FrontDeskLeave::To::Quit) {
        state.quitUnsaved = true;
    }
}

void fillClientDraft(ClientDraft& draft, const Client& client) {
    draft = ClientDraft{};
    draft.clientId = client.id;
    draft.version = client.version;
    draft.name = client.name;
    draft.birthYear = client.birthYear ? std::to_string(*client.birthYear) : std::string();
    draft.notes = client.notes;
}

void drawFrontDeskClientForm(FrontDeskScreenState& state, float width, const Appearance& look) {
    ClientDraft& draft = state.draft;
    const bool creating = draft.clientId == 0;
    // Edits are told by comparing: with EnterReturnsTrue a field reports Enter only.
    const ClientDraft before = draft;
    constexpr ImGuiInputTextFlags kEnterSaves = ImGuiInputTextFlags_EnterReturnsTrue;

    fieldLabel("Name", look);
    ImGui::SetNextItemWidth(width);
    if (std::exchange(draft.focusName, false)) {
        ImGui::SetKeyboardFocusHere();
    }
    bool save = limitedInputText("##name", draft.name, kMaxNameBytes, kEnterSaves);
    probeItem("front-desk-client-name");
    if (testProbeActive()) { // what was typed, so a test can tell its keys arrived
        probeValue("front-desk-client-name-text", draft.name);
    }

    fieldLabel("Birth year (optional)", look);
    ImGui::SetNextItemWidth(std::min(width, look.px(140)));
    save |= limitedInputTextWithHint("##birth-year", "e.g. 1984", draft.birthYear, 8,
                                     kEnterSaves | ImGuiInputTextFlags_CharsDecimal);
    probeItem("front-desk-client-birth-year");

    fieldLabel("Contact notes (optional)", look);
    limitedInputTextMultiline("##notes", draft.notes, kMaxNoteBytes, ImVec2(width, look.px(120)));
    probeItem("front-desk-client-notes");
    if (testProbeActive()) { // on one line of the report, line breaks as "\n"
        std::string oneLine;
        for (const char c : draft.notes) {
            oneLine += c == '\n' ? std::string("\\n") : std::string(1, c);
        }
        probeValue("front-desk-client-notes-text", oneLine);
    }
    if (draft.name != before.name || draft.birthYear != before.birthYear ||
        draft.notes != before.notes) {
        draft.edited = true;
        state.quitUnsaved = false;
        draft.problem.clear();
        draft.saved.clear();
    }

    ImGui::Dummy(ImVec2(0, look.px(8)));
    save |= primaryButton(creating ? "Add client" : "Save", look);
    probeItem("front-desk-save-client");
    if (creating) {
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) &&
                                        !ImGui::IsAnyItemActive())) {
            state.creating = false;
            draft = ClientDraft{};
        }
        probeItem("front-desk-cancel-client");
    } else if (!draft.saved.empty()) {
        ImGui::SameLine(0, look.px(12));
        ImGui::AlignTextToFramePadding();
        textMuted(draft.saved, look);
    }
    if (!draft.problem.empty()) {
        ImGui::Dummy(ImVec2(0, look.px(2)));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        textColoured(draft.problem, look.colours().error.text);
        ImGui::PopTextWrapPos();
        probeValue("front-desk-client-problem", draft.problem);
    }
    if (draft.conflict && !creating) {
        conflictNote(draft, width, look);
    }
    if (state.quitUnsaved && draft.edited) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        textMuted("Not saved. Quit again to close without saving it.", look);
        ImGui::PopTextWrapPos();
    }
    if (save && state.creating == creating) {
        if (auto details = checked(draft)) {
            (creating ? state.requests.addClient : state.requests.saveClient) = std::move(details);
        }
    }
}

} // namespace knotmap::ui
