#include "ui/practice/practice_tabs.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/chips.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <cfloat>

namespace knotmap::ui {
namespace {

const Practitioner* findPerson(const PracticeView& view, const std::string& login) {
    const auto found = std::find_if(view.people.begin(), view.people.end(),
                                    [&](const Practitioner& p) { return p.login == login; });
    return found == view.people.end() ? nullptr : &*found;
}

PracticeRequest accessRequest(PracticeRequest::Kind kind, const PracticeClientRow& client,
                              const std::string& login, const std::string& name) {
    PracticeRequest request;
    request.kind = kind;
    request.login = login;
    request.personName = name;
    request.clientId = client.id;
    request.clientName = client.name;
    return request;
}

std::string probeName(const char* what, const PracticeClientRow& client) {
    return std::string("practice-") + what + "-" + std::to_string(client.id);
}

// Who the client is assigned to, as a choice among the people who can hold
// clients. Nobody can be unassigned here: assigning moves the client.
void assignCell(const PracticeClientRow& client, PracticeWindowState& state) {
    std::string preview = "Nobody";
    if (!client.assignedLogin.empty()) {
        const Practitioner* assigned = findPerson(state.view, client.assignedLogin);
        preview = shownName(client.assignedName, assigned == nullptr || assigned->enabled);
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool open = ImGui::BeginCombo("##assign", preview.c_str());
    if (testProbeActive()) {
        probeItem(probeName("assign", client));
    }
    if (!open) {
        return;
    }
    for (const Practitioner& person : state.view.people) {
        if (!canHoldClients(person)) {
            continue;
        }
        const bool current = person.login == client.assignedLogin;
        if (ImGui::Selectable(person.name.c_str(), current) && !current) {
            state.request =
                accessRequest(PracticeRequest::Kind::Assign, client, person.login, person.name);
        }
        if (testProbeActive()) {
            probeItem(probeName("assign", client) + "-" + person.login);
        }
    }
    ImGui::EndCombo();
}

// The people the client is shared with, each a chip whose click stops the
// sharing, then a choice of whom to share it with next.
void shareCell(const PracticeClientRow& client, PracticeWindowState& state,
               const Appearance& look) {
    ChipFlow flow;
    for (const ClientAccess& shared : client.shared) {
        const Practitioner* person = findPerson(state.view, shared.login);
        const std::string label = shownName(shared.name, person == nullptr || person->enabled);
        if (removableChip(flow, shared.login, label, look)) {
            state.request =
                accessRequest(PracticeRequest::Kind::Unshare, client, shared.login, shared.name);
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("Stop sharing %s with %s", client.name.c_str(), shared.name.c_str());
        }
        if (testProbeActive()) {
            probeItem(probeName("unshare", client) + "-" + shared.login);
        }
    }
    const std::vector<const Practitioner*> candidates = shareCandidates(state.view, client);
    if (candidates.empty()) {
        if (client.shared.empty()) {
            ImGui::AlignTextToFramePadding();
            textMuted("\u2014", look);
        }
        return;
    }
    // A light "+ Share" rather than a second full combo box on every row.
    const char* label = "+ Share";
    const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    flow.place(width);
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::GetStyleColorVec4(ImGuiCol_Button));
    const bool open = ImGui::BeginCombo("##share", label, ImGuiComboFlags_NoArrowButton);
    ImGui::PopStyleColor();
    if (testProbeActive()) {
        probeItem(probeName("share", client));
    }
    if (!open) {
        return;
    }
    for (const Practitioner* person : candidates) {
        if (ImGui::Selectable(person->name.c_str())) {
            state.request =
                accessRequest(PracticeRequest::Kind::Share, client, person->login, person->name);
        }
        if (testProbeActive()) {
            probeItem(probeName("share", client) + "-" + person->login);
        }
    }
    ImGui::EndCombo();
}

void clientRow(const PracticeClientRow& client, PracticeWindowState& state,
               const Appearance& look) {
    ImGui::PushID(static_cast<int>(client.id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (client.archived) {
        textMuted(client.name, look);
        ImGui::SameLine();
        ImGui::PushFont(look.fonts.small);
        textMuted("archived", look);
        ImGui::PopFont();
    } else {
        ImGui::TextUnformatted(client.name.c_str());
    }
    ImGui::TableNextColumn();
    assignCell(client, state);
    ImGui::TableNextColumn();
    shareCell(client, state, look);
    ImGui::PopID();
}

} // namespace

void drawPracticeClients(PracticeWindowState& state, const Appearance& look) {
    ImGui::PushTextWrapPos(0.0f);
    textMuted("A practitioner sees the clients assigned to them or shared with them; the front "
              "desk sees every client's name, birth year and contact notes and their visit "
              "times, never pain, knots, visit notes or treatments.",
              look);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(4)));
    if (state.view.clients.empty()) {
        textMuted("No clients yet.", look);
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_ScrollY;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(look.px(8), look.px(4)));
    if (ImGui::BeginTable("clients", 3, flags, ImVec2(0, 0))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Client", ImGuiTableColumnFlags_WidthStretch, 0.75f);
        ImGui::TableSetupColumn("Assigned to", ImGuiTableColumnFlags_WidthFixed, look.px(180));
        ImGui::TableSetupColumn("Shared with", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableHeadersRow();
        for (const PracticeClientRow& client : state.view.clients) {
            clientRow(client, state, look);
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
}

} // namespace knotmap::ui
