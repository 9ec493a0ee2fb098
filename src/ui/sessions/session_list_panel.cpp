#include "ui/sessions/session_list_panel.h"

#include "core/display_order.h"
#include "ui/clients/client_facts.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <string>

namespace knotmap::ui {
namespace {

enum Column { Date, Time, Kind, Pain, Knots, Treatments, ColumnCount };

// Column widths, measured from their widest expected content in the current fonts.
struct ColumnWidths {
    float date = 0;
    float time = 0;
    float kind = 0;
    float pain = 0;
    float knots = 0;
    float treatments = 0;
    // For a column beside the body map: the time is hidden and labels are
    // short, but every count the timeline promises (knots, treatments) stays.
    bool compact = false;
    float compactKind = 0;
    float compactDate = 0;
    float compactPain = 0;

    // The narrowest table that shows every shown cell unclipped.
    [[nodiscard]] float total() const {
        const int columns = compact ? ColumnCount - 1 : ColumnCount;
        const float padding = ImGui::GetStyle().CellPadding.x * 2 * static_cast<float>(columns);
        return knots + treatments + padding +
               (compact ? compactDate + compactKind + compactPain : date + time + kind + pain);
    }
};

ColumnWidths measureColumns(const Appearance& look) {
    const auto text = [](const char* sample) {
        return ImGui::CalcTextSize(sample).x;
    };
    ColumnWidths widths;
    widths.date = text("Wed 30 Sep 2026") + look.px(12);
    widths.time = text("00:00") + look.px(8);
    widths.kind = text("Therapy visit") + look.px(12);
    // Compact rows show the kind by its mark alone (ring: check-in, dot:
    // visit, check: signed visit); the details below name it in full.
    widths.compactKind = text("Kind") + look.px(12);
    widths.compactDate = text("30 Sep 2026") + look.px(12);
    ImGui::PushFont(look.fonts.small);
    const float headerPain = text("Overall pain");
    widths.knots = text("Knots") + look.px(8);
    widths.treatments = text("Treatments") + look.px(8);
    ImGui::PopFont();
    widths.pain = std::max(headerPain, look.px(48));
    widths.compactPain = look.px(48);
    return widths;
}

void setUpColumns(const ColumnWidths& widths) {
    // Date and kind share the spare width in proportion to their needs, so a
    // table at least widths.total() wide never clips them.
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch,
                            widths.compact ? widths.compactDate : widths.date);
    const ImGuiTableColumnFlags hiddenWhenCompact =
        widths.compact ? ImGuiTableColumnFlags_Disabled : 0;
    ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed | hiddenWhenCompact,
                            widths.time);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch,
                            widths.compact ? widths.compactKind : widths.kind);
    ImGui::TableSetupColumn(widths.compact ? "Pain" : "Overall pain",
                            ImGuiTableColumnFlags_WidthFixed,
                            widths.compact ? widths.compactPain : widths.pain);
    ImGui::TableSetupColumn("Knots", ImGuiTableColumnFlags_WidthFixed, widths.knots);
    ImGui::TableSetupColumn("Treatments", ImGuiTableColumnFlags_WidthFixed, widths.treatments);
    ImGui::TableSetupScrollFreeze(0, 1);
}

// Header labels in the muted colour, numeric columns aligned like their cells.
void headerRow(const Appearance& look) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::PushStyleColor(ImGuiCol_Text, look.colours().textMuted);
    ImGui::PushFont(look.fonts.small);
    for (int column = 0; column < ColumnCount; ++column) {
        ImGui::TableSetColumnIndex(column);
        const char* name = ImGui::TableGetColumnName(column);
        if (column == Knots || column == Treatments) {
            textRightAligned(name);
            if (column == Treatments) {
                probeItem("sessions-treatments-column"); // clipped when it scrolls off
            }
        } else if (column == Pain) {
            const float width = ImGui::CalcTextSize(name).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                                 (ImGui::GetContentRegionAvail().x - width) / 2);
            ImGui::TextUnformatted(name);
        } else {
            ImGui::TextUnformatted(name);
        }
    }
    ImGui::PopFont();
    ImGui::PopStyleColor();
}

// A small filled circle for a therapy visit, a ring for a self check-in:
// the kind reads by shape as well as by the words beside it.
void kindMark(bool visit, const Appearance& look) {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 centre(at.x + size * 0.35f, at.y + size * 0.5f);
    const ImU32 colour = ImGui::GetColorU32(look.colours().accent);
    if (visit) {
        ImGui::GetWindowDrawList()->AddCircleFilled(centre, look.px(4), colour);
    } else {
        ImGui::GetWindowDrawList()->AddCircle(centre, look.px(4), colour, 0, look.px(1.5f));
    }
    ImGui::Dummy(ImVec2(size * 0.8f, size));
    ImGui::SameLine(0, look.px(4));
}

// A signed visit's mark in place of the dot: a check drawn as lines (the UI
// font has no check glyph), explained by a tooltip.
void signedCheck(const Appearance& look) {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 points[] = {
        ImVec2(at.x + size * 0.08f, at.y + size * 0.50f),
        ImVec2(at.x + size * 0.28f, at.y + size * 0.70f),
        ImVec2(at.x + size * 0.64f, at.y + size * 0.30f),
    };
    ImGui::GetWindowDrawList()->AddPolyline(points, 3, ImGui::GetColorU32(look.colours().accent), 0,
                                            look.px(2));
    ImGui::Dummy(ImVec2(size * 0.8f, size));
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Signed: read-only, corrected by amendments");
    }
    ImGui::SameLine(0, look.px(4));
}

// Returns true when the row was clicked.
// sharesDay: another session is on the same date, so a compact row (which
// has no time column) names its time instead of the year: "4 Dec · 14:05".
bool sessionRow(const SessionRow& row, bool selected, bool scrollTo, bool compact, bool sharesDay,
                const Appearance& look) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(Date);
    // The whole row is one selectable; the cells draw over it.
    ImGui::PushID(static_cast<int>(row.id));
    const bool clicked = ImGui::Selectable("##row", selected,
                                           ImGuiSelectableFlags_SpanAllColumns |
                                               ImGuiSelectableFlags_AllowItemOverlap,
                                           ImVec2(0, ImGui::GetTextLineHeight()));
    ImGui::PopID();
    if (selected && scrollTo) {
        ImGui::SetScrollHereY(0.5f);
    }
    ImGui::SameLine(0, 0);
    // Compact rows drop the weekday ("Sat 21 Nov 2026" -> "21 Nov 2026").
    const std::size_t space = row.date.find(' ');
    const bool dropWeekday = compact && space != std::string::npos;
    const std::size_t yearSpace = row.date.rfind(' ');
    if (dropWeekday && sharesDay && yearSpace > space) {
        const std::string dayMonth = row.date.substr(space + 1, yearSpace - space - 1);
        ImGui::TextUnformatted((dayMonth + " \u00B7 " + row.time).c_str());
    } else {
        ImGui::TextUnformatted(dropWeekday ? row.date.c_str() + space + 1 : row.date.c_str());
    }
    ImGui::TableSetColumnIndex(Time);
    textMuted(row.time, look);
    ImGui::TableSetColumnIndex(Kind);
    if (row.isSigned) {
        signedCheck(look);
    } else {
        kindMark(row.kind == "Therapy visit", look);
    }
    if (!compact) {
        ImGui::TextUnformatted(row.kind.c_str());
    }
    ImGui::TableSetColumnIndex(Pain);
    painPill(row.overallPain, look);
    ImGui::TableSetColumnIndex(Knots);
    textRightAligned(std::to_string(row.knots));
    ImGui::TableSetColumnIndex(Treatments);
    textRightAligned(std::to_string(row.treatments));
    return clicked;
}

// "New session" with its two kinds in a small menu, at the heading's trailing edge.
std::optional<SessionKind> newSessionButton(const Appearance& look) {
    const char* label = "+ New session";
    // primaryButton pads 14 px on each side.
    const float width = ImGui::CalcTextSize(label).x + look.px(28);
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
    if (primaryButton(label, look)) {
        ImGui::OpenPopup("new-session");
    }
    probeItem("new-session");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("N starts a self check-in now");
    }
    std::optional<SessionKind> kind;
    if (ImGui::BeginPopup("new-session")) {
        if (ImGui::MenuItem("Self check-in", "N")) {
            kind = SessionKind::SelfCheckIn;
        }
        if (ImGui::MenuItem("Therapy visit")) {
            kind = SessionKind::TherapyVisit;
        }
        probeItem("new-session-visit");
        ImGui::EndPopup();
    }
    return kind;
}

} // namespace

float sessionListMinWidth(const Appearance& look) {
    ColumnWidths widths = measureColumns(look);
    widths.compact = true;
    return widths.total() + ImGui::GetStyle().ScrollbarSize;
}

SessionListEvents drawSessionList(const ClientEntry& client, std::optional<Id> selected,
                                  bool scrollToSelected, const Appearance& look, bool canCreate) {
    SessionListEvents events;
    textWithFont(visualOrder(client.name), look.fonts.heading); // Hebrew, Arabic: visual order
    if (client.id != 0 && canCreate) { // the placeholder "Me" is saved with its first knot
        events.create = newSessionButton(look);
    }
    textMuted(client.sessionSummary, look);
    drawClientFacts(client, look); // born, notes
    ImGui::Dummy(ImVec2(0, look.px(6)));

    if (client.id != 0 && !client.detailed && !client.lastSessionDate.empty()) {
        // The details are read before each frame, so they are missing only
        // when that read failed (a server gone): the summary counts
        // sessions that the table cannot show, so say why in their place.
        ImGui::PushTextWrapPos(0.0f); // a narrow column wraps it, as the notes above
        textMuted("This client's sessions could not be read. Knotmap keeps trying.", look);
        ImGui::PopTextWrapPos();
        probeItem("sessions-unread");
        return events;
    }
    if (client.sessions.empty()) {
        return events; // the summary above already says so
    }

    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_NoSavedSettings |
                            ImGuiTableFlags_PadOuterX;
    // A narrow column first hides the time and treatment count; narrower
    // still, the table scrolls sideways rather than clip its cells.
    ColumnWidths widths = measureColumns(look);
    const float scrollbarAllowance = ImGui::GetStyle().ScrollbarSize;
    const float available = ImGui::GetContentRegionAvail().x - scrollbarAllowance;
    widths.compact = available < widths.total();
    float innerWidth = 0.0f;
    if (available < widths.total()) {
        flags |= ImGuiTableFlags_ScrollX;
        innerWidth = widths.total();
    }
    // One table per client, so each keeps its own scroll position.
    ImGui::PushID(static_cast<int>(client.id));
    if (!ImGui::BeginTable("sessions", ColumnCount, flags, ImVec2(0, 0), innerWidth)) {
        ImGui::PopID();
        return events;
    }
    setUpColumns(widths);
    headerRow(look);
    // Only the visible rows are laid out: a long history costs nothing per
    // frame. The selected row is always laid out so it can scroll into view.
    int selectedIndex = -1;
    for (std::size_t index = 0; selected && index < client.sessions.size(); ++index) {
        if (client.sessions[index].id == *selected) {
            selectedIndex = static_cast<int>(index);
        }
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(client.sessions.size()));
    if (scrollToSelected && selectedIndex >= 0) {
        clipper.ForceDisplayRangeByIndices(selectedIndex, selectedIndex + 1);
    }
    while (clipper.Step()) {
        for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) {
            const auto at = static_cast<std::size_t>(index);
            const SessionRow& row = client.sessions[at];
            const bool sharesDay =
                (at > 0 && client.sessions[at - 1].date == row.date) ||
                (at + 1 < client.sessions.size() && client.sessions[at + 1].date == row.date);
            if (sessionRow(row, index == selectedIndex, scrollToSelected, widths.compact, sharesDay,
                           look)) {
                events.clicked = row.id;
            }
        }
    }
    ImGui::EndTable();
    ImGui::PopID();
    return events;
}

} // namespace knotmap::ui
