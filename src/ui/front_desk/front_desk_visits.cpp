#include "ui/front_desk/front_desk_visits.h"

#include "ui/front_desk/visit_time_input.h"
#include "ui/shell/app_view_model.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/text_field.h"
#include "ui/widgets/widgets.h"

#include <imgui.h>

#include <array>
#include <cstdio>

namespace knotmap::ui {
namespace {

constexpr std::array<Segment, 2> kKinds{{
    {"Therapy visit", ""},
    {"Self check-in", ""},
}};

std::string clockText(const CivilDateTime& local) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", local.hour, local.minute);
    return text;
}

void booking(FrontDeskScreenState& state, Id clientId, const Appearance& look) {
    VisitBooking& form = state.booking;
    if (form.clientId != clientId) { // another client's: afresh
        form = VisitBooking{};
        form.clientId = clientId;
    }
    if (form.date.empty() && form.time.empty()) {
        VisitTimeText next = nextWholeHour();
        form.date = std::move(next.date);
        form.time = std::move(next.time);
    }
    textWithFont("Book a visit", look.fonts.strong);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    const VisitBooking before = form;
    ImGui::SetNextItemWidth(look.px(128));
    limitedInputTextWithHint("##date", "YYYY-MM-DD", form.date, 10);
    probeItem("front-desk-visit-date");
    ImGui::SameLine(0, look.px(8));
    ImGui::SetNextItemWidth(look.px(72));
    limitedInputTextWithHint("##time", "HH:MM", form.time, 5);
    probeItem("front-desk-visit-time");
    if (testProbeActive()) { // what was typed, so a test can tell its keys arrived
        probeValue("front-desk-visit-when", form.date + "T" + form.time);
    }
    ImGui::Dummy(ImVec2(0, look.px(4)));
    segmentedControl("front-desk-kind", kKinds, form.kind, look);
    probeItem("front-desk-visit-kind");
    if (form.date != before.date || form.time != before.time || form.kind != before.kind) {
        form.problem.clear();
        form.booked.clear();
    }
    ImGui::Dummy(ImVec2(0, look.px(4)));
    if (primaryButton("Book visit", look)) {
        const VisitTimeInput at = parseVisitTime(form.date, form.time);
        form.problem = at.problem;
        if (at.at) {
            state.requests.bookVisit =
                VisitRequest{clientId, *at.at,
                             form.kind == 1 ? SessionKind::SelfCheckIn : SessionKind::TherapyVisit};
        }
    }
    probeItem("front-desk-book-visit");
    ImGui::PushTextWrapPos(0.0f);
    if (!form.problem.empty()) {
        textColoured(form.problem, look.colours().error.text);
        probeValue("front-desk-visit-problem", form.problem);
    } else if (!form.booked.empty()) {
        textMuted(form.booked, look);
    }
    // Past times may be booked (a visit already made), but not by mistake.
    const std::string passed = visitTimePassedNote(parseVisitTime(form.date, form.time),
                                                   LocalTimestamp::now().utcSeconds());
    if (!passed.empty()) {
        textMuted(passed, look);
        probeValue("front-desk-visit-passed", passed);
    }
    ImGui::PopTextWrapPos();
}

void visitTable(const FrontDeskData& data, const Appearance& look) {
    const std::int64_t now = LocalTimestamp::now().utcSeconds();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuterH;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(look.px(10), look.px(7)));
    const bool open = ImGui::BeginTable("visits", 3, flags, ImVec2(0, 0));
    ImGui::PopStyleVar();
    if (!open) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, look.px(56));
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const FrontDeskVisit& visit : data.visits) {
        const CivilDateTime local = visit.startedAt.local();
        // Visits still to come stand out from the ones past.
        const bool upcoming = visit.startedAt.utcSeconds() > now;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (upcoming) {
            textWithFont(formatLongDate(local), look.fonts.strong);
        } else {
            ImGui::TextUnformatted(formatLongDate(local).c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(clockText(local).c_str());
        ImGui::TableNextColumn();
        textMuted(displayName(visit.kind), look);
    }
    ImGui::EndTable();
}

} // namespace

void resetVisitBooking(VisitBooking& form) {
    VisitTimeText next = nextWholeHour();
    form.date = std::move(next.date);
    form.time = std::move(next.time);
    form.kind = 0;
}

void drawFrontDeskVisits(const FrontDeskData& data, FrontDeskScreenState& state, Id clientId,
                         const Appearance& look) {
    booking(state, clientId, look);
    ImGui::Dummy(ImVec2(0, look.px(14)));
    textWithFont("Visits", look.fonts.strong);
    ImGui::SameLine();
    const bool read = data.visitsOf == clientId;
    textMuted(read ? std::to_string(data.visits.size()) : "", look);
    probeValue("front-desk-visit-count", read ? std::to_string(data.visits.size()) : "-");
    ImGui::Dummy(ImVec2(0, look.px(2)));
    if (read && data.visits.empty()) {
        textMuted("No visits yet.", look);
    } else if (read) {
        visitTable(data, look);
    }
}

} // namespace knotmap::ui
