#include "ui/front_desk/front_desk_client_form.h"

#include "core/birth_year.h"
#include "core/validation.h"
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
    client.version = draft.version;
    client.name = draft.name;
    client.birthYear = year.year;
    client.notes = draft.notes;
    return client;
}

} // namespace

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
    if (draft.name != before.name || draft.birthYear != before.birthYear ||
        draft.notes != before.notes) {
        draft.edited = true;
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
    if (save && state.creating == creating) {
        if (auto details = checked(draft)) {
            (creating ? state.requests.addClient : state.requests.saveClient) = std::move(details);
        }
    }
}

} // namespace knotmap::ui
