#include "core/text_trim.h"
#include "core/validation.h"
#include "ui/practice/practice_tabs.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>
#include <cfloat>

namespace knotmap::ui {
namespace {

// The role control's segments, in NewPersonForm::role's order.
constexpr std::array<PracticeRole, 3> kFormRoles{PracticeRole::Owner, PracticeRole::Practitioner,
                                                 PracticeRole::FrontDesk};
constexpr std::array<Segment, 3> kRoleSegments{{
    {"Owner", "Sees everything; manages people and clients"},
    {"Practitioner", "Sees the clients assigned to them or shared with them"},
    {"Front desk", "Sees every client's name, birth year and contact notes and their visit "
                   "times, never pain, knots, visit notes or treatments"},
}};

void smallMuted(std::string_view text, const Appearance& look) {
    ImGui::PushFont(look.fonts.small);
    textMuted(text, look);
    ImGui::PopFont();
}

void personRow(const Practitioner& person, PracticeWindowState& state, const Appearance& look) {
    ImGui::PushID(person.login.c_str());
    ImGui::TableNextRow();
    // A disabled person's row is greyed as a whole; the status says why.
    const auto cell = [&](const std::string& text) {
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (person.enabled) {
            ImGui::TextUnformatted(text.c_str());
        } else {
            textMuted(text, look);
        }
    };
    cell(person.name);
    if (testProbeActive()) {
        probeItem("practice-person-" + person.login);
    }
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    textMuted(person.login, look);
    cell(std::string(roleName(person.role)));
    cell(person.enabled ? "Enabled" : "Disabled");
    if (testProbeActive()) {
        probeValue("practice-status-" + person.login, person.enabled ? "enabled" : "disabled");
    }
    ImGui::TableNextColumn();
    // The owner cannot lock themselves out (the server refuses it too).
    if (person.login == state.ownLogin) {
        ImGui::AlignTextToFramePadding();
        textMuted("you", look);
    } else {
        const bool enable = !person.enabled;
        if (ImGui::Button(enable ? "Enable" : "Disable", ImVec2(-FLT_MIN, 0))) {
            PracticeRequest request;
            request.kind = enable ? PracticeRequest::Kind::Enable : PracticeRequest::Kind::Disable;
            request.login = person.login;
            request.personName = person.name;
            state.request = std::move(request);
        }
        if (testProbeActive()) {
            probeItem((enable ? "practice-enable-" : "practice-disable-") + person.login);
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(enable ? "Let %s sign in again"
                                     : "Stop %s signing in; their records, signatures and "
                                       "clients stay",
                              person.name.c_str());
        }
    }
    ImGui::PopID();
}

void peopleTable(PracticeWindowState& state, const Appearance& look) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_ScrollY;
    // As tall as its rows, up to nearly half the window: the form below
    // stays in view, and a large practice scrolls in the table.
    const float cellPadding = look.px(3);
    const float rowHeight = ImGui::GetFrameHeight() + cellPadding * 2;
    const float headerHeight = ImGui::GetTextLineHeight() + cellPadding * 2;
    const auto rows = static_cast<float>(state.view.people.size());
    const float height = std::min(headerHeight + rows * rowHeight + look.px(2),
                                  std::max(look.px(160), ImGui::GetWindowHeight() * 0.45f));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(look.px(8), cellPadding));
    if (ImGui::BeginTable("people", 5, flags, ImVec2(0, height))) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float button = ImGui::CalcTextSize("Disable").x + style.FramePadding.x * 2;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Login", ImGuiTableColumnFlags_WidthFixed, look.px(96));
        ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("practitioner").x + look.px(8));
        ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("Disabled").x + look.px(8));
        ImGui::TableSetupColumn("##action", ImGuiTableColumnFlags_WidthFixed, button);
        ImGui::TableHeadersRow();
        for (const Practitioner& person : state.view.people) {
            personRow(person, state, look);
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
}

// A label in the form's first column, its field after it.
void formLabel(const char* label, float fieldX, const Appearance& look) {
    ImGui::AlignTextToFramePadding();
    textMuted(label, look);
    ImGui::SameLine(fieldX);
}

void passwordField(const char* id, std::array<char, 256>& buffer, float width) {
    ImGui::SetNextItemWidth(width);
    ImGui::InputText(id, buffer.data(), buffer.size(), ImGuiInputTextFlags_Password);
}

// Checks the form; the request to add the person when it can be sent. Empty
// password fields are never taken as "no password": that needs the box.
void submit(PracticeWindowState& state) {
    NewPersonForm& form = state.form;
    form.problem = newPersonProblem(form.name, form.login, state.view.people);
    const bool typed = !form.password.empty() || form.password.second[0] != '\0';
    if (form.problem.empty() && !form.noPassword) {
        if (!typed) {
            form.problem = "Type a password twice, or tick \u201CNo password: they already have "
                           "a login or sign in another way\u201D.";
        } else if (!form.password.confirmed()) {
            form.problem = "The two passwords differ: type the same password twice.";
        }
    }
    if (!form.problem.empty()) {
        return;
    }
    PracticeRequest request;
    request.kind = PracticeRequest::Kind::Add;
    request.login = form.login;
    request.personName = std::string(trimmed(form.name));
    request.role = kFormRoles[static_cast<std::size_t>(std::clamp(form.role, 0, 2))];
    request.noPassword = form.noPassword;
    state.request = std::move(request);
}

void addForm(PracticeWindowState& state, const Appearance& look) {
    NewPersonForm& form = state.form;
    textWithFont("Add a person", look.fonts.strong);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    const float fieldX = ImGui::GetCursorPosX() + ImGui::CalcTextSize("Password").x + look.px(16);
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    const float fieldWidth = right - fieldX;

    formLabel("Name", fieldX, look);
    ImGui::SetNextItemWidth(fieldWidth);
    limitedInputTextWithHint("##new-name", "As their signatures will show it, e.g. Ivy Chen",
                             form.name, kMaxNameBytes);
    probeItem("practice-new-name");

    formLabel("Login", fieldX, look);
    ImGui::SetNextItemWidth(fieldWidth);
    limitedInputTextWithHint("##new-login", "What they sign in as, e.g. ivy", form.login, 63,
                             ImGuiInputTextFlags_CharsNoBlank);
    probeItem("practice-new-login");

    formLabel("Role", fieldX, look);
    segmentedControl("new-role", kRoleSegments, form.role, look);
    probeItem("practice-new-role");

    formLabel("Password", fieldX, look);
    const float gap = look.px(12);
    const float againLabel = ImGui::CalcTextSize("Again").x + look.px(8);
    const float half = (fieldWidth - gap - againLabel) / 2;
    ImGui::BeginDisabled(form.noPassword);
    passwordField("##new-password", form.password.first, half);
    probeItem("practice-new-password");
    ImGui::SameLine(0, gap);
    textMuted("Again", look);
    ImGui::SameLine(0, look.px(8));
    passwordField("##new-password-again", form.password.second, ImGui::GetContentRegionAvail().x);
    probeItem("practice-new-password-again");
    ImGui::EndDisabled();

    ImGui::SetCursorPosX(fieldX);
    if (ImGui::Checkbox("No password (they already have a login, or sign in another way)",
                        &form.noPassword) &&
        form.noPassword) {
        form.password.wipe(); // nothing typed is kept, or sent
    }
    probeItem("practice-new-no-password");

    ImGui::SetCursorPosX(fieldX);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0.0f);
    if (!form.noPassword && form.password.second[0] != '\0' && !form.password.confirmed()) {
        ImGui::PushFont(look.fonts.small);
        textColoured("The two differ: type the same password twice.", look.colours().error.text);
        ImGui::PopFont();
    } else if (!form.noPassword) {
        smallMuted("Only a verifier made from it here reaches the server.", look);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    ImGui::Dummy(ImVec2(0, look.px(2)));
    ImGui::SetCursorPosX(fieldX);
    if (primaryButton("Add person", look)) {
        submit(state);
    }
    probeItem("practice-add");
    if (!form.problem.empty()) {
        ImGui::SameLine(0, look.px(12));
        ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(0.0f);
        textColoured(form.problem, look.colours().error.text);
        ImGui::PopTextWrapPos();
        probeValue("practice-new-problem", form.problem);
    }
}

} // namespace

void drawPracticePeople(PracticeWindowState& state, const Appearance& look) {
    peopleTable(state, look);
    ImGui::Dummy(ImVec2(0, look.px(4)));
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, look.px(4)));
    addForm(state, look);
}

} // namespace knotmap::ui
