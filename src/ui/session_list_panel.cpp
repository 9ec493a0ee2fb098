#include "ui/session_list_panel.h"

#include "ui/widgets.h"

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
    // Time and treatments hidden, for a column beside the body map.
    bool compact = false;

    // The narrowest table that shows every shown cell unclipped.
    [[nodiscard]] float total() const {
        const int columns = compact ? ColumnCount - 2 : ColumnCount;
        const float padding = ImGui::GetStyle().CellPadding.x * 2 * static_cast<float>(columns);
        return date + kind + pain + knots + padding + (compact ? 0 : time + treatments);
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
    ImGui::PushFont(look.fonts.small);
    const float headerPain = text("Overall pain");
    widths.knots = text("Knots") + look.px(8);
    widths.treatments = text("Treatments") + look.px(8);
    ImGui::PopFont();
    widths.pain = std::max(headerPain, look.px(48));
    return widths;
}

void setUpColumns(const ColumnWidths& widths) {
    // Date and kind share the spare width in proportion to their needs, so a
    // table at least widths.total() wide never clips them.
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, widths.date);
    const ImGuiTableColumnFlags optional = widths.compact ? ImGuiTableColumnFlags_Disabled : 0;
    ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed | optional, widths.time);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, widths.kind);
    ImGui::TableSetupColumn("Overall pain", ImGuiTableColumnFlags_WidthFixed, widths.pain);
    ImGui::TableSetupColumn("Knots", ImGuiTableColumnFlags_WidthFixed, widths.knots);
    ImGui::TableSetupColumn("Treatments", ImGuiTableColumnFlags_WidthFixed | optional,
                            widths.treatments);
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

void sessionRow(const SessionRow& row, const Appearance& look) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(Date);
    ImGui::TextUnformatted(row.date.c_str());
    ImGui::TableSetColumnIndex(Time);
    textMuted(row.time, look);
    ImGui::TableSetColumnIndex(Kind);
    ImGui::TextUnformatted(row.kind.c_str());
    ImGui::TableSetColumnIndex(Pain);
    painPill(row.overallPain, look);
    ImGui::TableSetColumnIndex(Knots);
    textRightAligned(std::to_string(row.knots));
    ImGui::TableSetColumnIndex(Treatments);
    textRightAligned(std::to_string(row.treatments));
}

} // namespace

void drawSessionList(const ClientEntry& client, const Appearance& look) {
    textWithFont(client.name, look.fonts.heading);
    textMuted(client.sessionSummary, look);
    ImGui::Dummy(ImVec2(0, look.px(6)));

    if (client.sessions.empty()) {
        return; // the summary above already says so
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
        return;
    }
    setUpColumns(widths);
    headerRow(look);
    // Only the visible rows are laid out: a long history costs nothing per frame.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(client.sessions.size()));
    while (clipper.Step()) {
        for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) {
            sessionRow(client.sessions[static_cast<std::size_t>(index)], look);
        }
    }
    ImGui::EndTable();
    ImGui::PopID();
}

} // namespace knotmap::ui
