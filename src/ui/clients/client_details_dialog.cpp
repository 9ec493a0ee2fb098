#include "ui/clients/client_details_dialog.h"

#include "core/birth_year.h"
#include "core/validation.h"
#include "ui/clients/client_name_check.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace knotmap::ui {
namespace {

constexpr const char* kNewPopup = "New client###client-details";
constexpr const char* kEditPopup = "Edit client###client-details";

void fieldLabel(const char* label, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(4)));
    textMuted(label, look);
}

void fieldError(const std::string& error, const char* probeName, const Appearance& look) {
    if (error.empty()) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushFont(look.fonts.small);
    textColoured(error, look.colours().error.text);
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    probeValue(probeName, error);
}

// Runs the form's checks, setting each field's message; the details to save
// when all pass.
std::optional<Client> checked(const AppViewModel& model, ClientForm& form) {
    form.nameError.clear();
    form.birthYearError.clear();
    if (std::string problem = clientNameProblem(model, form.name, form.clientId);
        !problem.empty()) {
        form.nameError = "Name: " + problem + ".";
    }
    const BirthYearInput year = parseBirthYear(form.birthYear, currentLocalYear());
    if (!year.problem.empty()) {
        form.birthYearError = "Birth year: " + year.problem + ".";
    }
    if (!form.nameError.empty() || !form.birthYearError.empty()) {
        return std::nullopt;
    }
    Client client;
    client.id = form.clientId.value_or(0);
    client.version = form.version;
    client.name = form.name;
    client.birthYear = year.year;
    client.notes = form.notes;
    return client;
}

} // namespace

ClientForm newClientForm(std::string name) {
    ClientForm form;
    form.name = std::move(name);
    return form;
}

ClientForm editClientForm(const ClientEntry& client) {
    ClientForm form;
    form.clientId = client.id;
    form.version = client.version;
    form.name = client.name;
    form.birthYear = client.birthYear ? std::to_string(*client.birthYear) : std::string();
    form.notes = client.notes;
    return form;
}

std::optional<Client> drawClientDetailsDialog(const AppViewModel& model,
                                              std::optional<ClientForm>& form,
                                              const Appearance& look) {
    if (!form) {
        return std::nullopt;
    }
    const char* popup = form->clientId ? kEditPopup : kNewPopup;
    if (form->openRequested) {
        ImGui::OpenPopup(popup);
        form->openRequested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // As wide as comfortable, never wider than a small screen; as tall as its
    // fields and messages (it grows when a message appears beneath a field).
    const float width = std::min(look.px(460), viewport->WorkSize.x - look.px(40));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    if (!ImGui::BeginPopupModal(
            popup, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        form.reset(); // closed by ImGui (e.g. another modal took over)
        return std::nullopt;
    }
    const bool appearing = ImGui::IsWindowAppearing();
    // Fixed, not the region left: an auto-resizing window would feed back.
    const float fieldWidth = width - ImGui::GetStyle().WindowPadding.x * 2.0f;

    fieldLabel("Name", look);
    if (form->clientId) {
        // At the end of the first label's line, out of the fields' way.
        ImGui::SameLine(ImGui::GetCursorPosX() + fieldWidth - historyButtonWidth());
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().FramePadding.y);
        form->historyWanted |=
            historyButton("client-history", "Who changed this client's details, and when");
    }
    ImGui::SetNextItemWidth(fieldWidth);
    if (appearing) {
        ImGui::SetKeyboardFocusHere();
    }
    bool save = limitedInputText("##client-name", form->name, kMaxNameBytes,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem("client-name");
    fieldError(form->nameError, "client-name-error", look);

    fieldLabel("Birth year (optional)", look);
    ImGui::SetNextItemWidth(std::min(fieldWidth, look.px(140)));
    save |= limitedInputTextWithHint("##client-birth-year", "e.g. 1984", form->birthYear, 8,
                                     ImGuiInputTextFlags_EnterReturnsTrue |
                                         ImGuiInputTextFlags_CharsDecimal);
    probeItem("client-birth-year");
    fieldError(form->birthYearError, "client-birth-year-error", look);

    fieldLabel(form->inPractice ? "Notes (the front desk sees these)" : "Notes (optional)", look);
    limitedInputTextMultiline("##client-notes", form->notes, kMaxNoteBytes,
                              ImVec2(fieldWidth, look.px(110)));
    probeItem("client-notes");

    ImGui::Dummy(ImVec2(0, look.px(8)));
    save |= primaryButton(form->clientId ? "Save" : "Add client", look);
    probeItem("client-save");
    ImGui::SameLine();
    // Esc over the History dialog closes that dialog only.
    const bool cancel =
        ImGui::Button("Cancel") ||
        (!form->history.openRequested && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)));
    probeItem("client-cancel");
    drawRecordHistoryDialog(form->history, look);

    std::optional<Client> result;
    if (cancel) {
        ImGui::CloseCurrentPopup();
        form.reset();
    } else if (save) {
        result = checked(model, *form);
        if (result) {
            ImGui::CloseCurrentPopup();
            form.reset();
        }
    }
    ImGui::EndPopup();
    return result;
}

} // namespace knotmap::ui
