#include "ui/dialogs/import_sheet_rows.h"

#include "ui/dialogs/export_dialog.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace knotmap::ui {
namespace {

std::string lowered(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string entriesText(std::int64_t count) {
    return groupedDigits(count) + (count == 1 ? " entry" : " entries");
}

void wrappedText(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void wrappedSmall(std::string_view text, const ImVec4& colour, const Appearance& look) {
    ImGui::PushFont(look.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrappedText(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

std::string unmappedDetail(const PreviewUnmappedArea& area) {
    return entriesText(area.rows) + ", the first on line " + std::to_string(area.firstLine);
}

// The table's columns: the area as written, what it became (with how, in
// small type below), and its ratings.
struct AreaColumns {
    float file = 0;
    float became = 0;
    float count = 0;
};

AreaColumns areaColumns(const Appearance& look) {
    AreaColumns columns;
    columns.file = look.px(150);
    columns.count = look.px(64);
    // What the stretched column gets: the table's width less the others and
    // each column's padding on both sides (a little less, if anything, so
    // that the height below is not underestimated).
    const float padding = look.px(8) * 2 * 3;
    columns.became = std::max(look.px(80), ImGui::GetContentRegionAvail().x - columns.file -
                                               columns.count - padding);
    return columns;
}

float wrappedHeight(std::string_view text, float width, ImFont* font) {
    ImGui::PushFont(font);
    const float height =
        ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, width).y;
    ImGui::PopFont();
    return height;
}

// How tall the table would be unscrolled: a long list (Flaredown names
// dozens of areas) scrolls instead of pushing Import off the screen.
float areasHeight(const ImportPreview& preview, const AreaColumns& columns,
                  const Appearance& look) {
    const float cellPadding = look.px(4) * 2;
    float height = ImGui::GetTextLineHeight() + cellPadding; // the header row
    const auto row = [&](std::string_view text, std::string_view became, std::string_view small) {
        const float first = wrappedHeight(text, columns.file, look.fonts.body);
        const float second = wrappedHeight(became, columns.became, look.fonts.body) +
                             wrappedHeight(small, columns.became, look.fonts.small);
        height += std::max(first, second) + cellPadding;
    };
    for (const PreviewArea& area : preview.areas) {
        row(area.text, area.regions, "by " + area.how);
    }
    for (const PreviewUnmappedArea& area : preview.unmapped) {
        row(area.text, "Not mapped: " + area.why, unmappedDetail(area));
    }
    return height;
}

void areasTable(const ImportPreview& preview, float limit, const Appearance& look) {
    const Palette& colours = look.colours();
    const AreaColumns columns = areaColumns(look);
    const float wanted = areasHeight(preview, columns, look);
    float most = ImGui::GetMainViewport()->WorkSize.y / 3.0f;
    if (limit > 0.0f) {
        most = std::min(most, limit);
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_PadOuterX;
    if (wanted > most) {
        flags |= ImGuiTableFlags_ScrollY;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(look.px(8), look.px(4)));
    const bool table =
        ImGui::BeginTable("##import-areas", 3, flags, ImVec2(0, wanted > most ? most : 0.0f));
    ImGui::PopStyleVar();
    if (!table) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("In the file", ImGuiTableColumnFlags_WidthFixed, columns.file);
    ImGui::TableSetupColumn("Became", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Ratings", ImGuiTableColumnFlags_WidthFixed, columns.count);
    // Headers drawn by hand, so that "Ratings" lines up with its numbers.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    textMuted("In the file", look);
    ImGui::TableNextColumn();
    textMuted("Became", look);
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, colours.textMuted);
    textRightAligned("Ratings");
    ImGui::PopStyleColor();
    for (const PreviewArea& area : preview.areas) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        wrappedText(area.text);
        ImGui::TableNextColumn();
        wrappedText(area.regions);
        wrappedSmall("by " + area.how, colours.textMuted, look);
        ImGui::TableNextColumn();
        textRightAligned(groupedDigits(area.rows));
    }
    // Unmapped areas in the error colours: these ratings are not imported.
    for (const PreviewUnmappedArea& area : preview.unmapped) {
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1,
                               ImGui::GetColorU32(colours.error.background));
        ImGui::PushStyleColor(ImGuiCol_Text, colours.error.text);
        ImGui::TableNextColumn();
        wrappedText(area.text);
        ImGui::TableNextColumn();
        wrappedText("Not mapped: " + area.why);
        wrappedSmall(unmappedDetail(area), colours.error.text, look);
        ImGui::TableNextColumn();
        textRightAligned(groupedDigits(area.rows));
        ImGui::PopStyleColor();
    }
    ImGui::EndTable();
}

// Empty header names are shown by their place, so that each can be picked.
std::string columnLabel(const std::vector<std::string>& header, std::size_t index) {
    return header[index].empty() ? "(column " + std::to_string(index + 1) + ", no name)"
                                 : header[index];
}

void columnCombo(const char* label, const char* role, int& pick, bool optional,
                 const std::vector<std::string>& header, const Appearance& look) {
    ImGui::AlignTextToFramePadding();
    textMuted(label, look);
    ImGui::SameLine(look.px(kImportLabelWidth));
    const std::string name = std::string("import-map-") + role;
    const std::string shown = pick != ColumnPicks::kNone
                                  ? columnLabel(header, static_cast<std::size_t>(pick))
                              : optional ? std::string("None")
                                         : std::string("Choose a column");
    ImGui::SetNextItemWidth(look.px(240));
    if (ImGui::BeginCombo(("##" + name).c_str(), shown.c_str())) {
        if (optional) {
            if (ImGui::Selectable("None", pick == ColumnPicks::kNone)) {
                pick = ColumnPicks::kNone;
            }
            probeItem(name + "-none");
        }
        for (std::size_t i = 0; i < header.size(); ++i) {
            const int index = static_cast<int>(i);
            const std::string item = columnLabel(header, i) + "##" + std::to_string(i);
            if (ImGui::Selectable(item.c_str(), pick == index)) {
                pick = index;
            }
            probeItem(name + "-" + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    probeItem(name);
    if (optional) {
        ImGui::SameLine();
        textMuted("optional", look);
    }
}

} // namespace

ColumnPicks guessColumnPicks(const std::vector<std::string>& header) {
    std::vector<std::string> names;
    names.reserve(header.size());
    for (const std::string& column : header) {
        names.push_back(lowered(column));
    }
    std::vector<bool> taken(header.size(), false);
    // Words in the order they are trusted: a "Date" column before a
    // "Weekday" one. A few short names only count whole ("At" is a time,
    // but "Weather" merely contains it).
    const auto guess = [&](std::initializer_list<std::string_view> inside,
                           std::initializer_list<std::string_view> whole) {
        for (const std::string_view word : inside) {
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (!taken[i] && names[i].find(word) != std::string::npos) {
                    taken[i] = true;
                    return static_cast<int>(i);
                }
            }
        }
        for (const std::string_view word : whole) {
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (!taken[i] && names[i] == word) {
                    taken[i] = true;
                    return static_cast<int>(i);
                }
            }
        }
        return ColumnPicks::kNone;
    };
    ColumnPicks picks;
    picks.date = guess({"date", "day"}, {"when"});
    picks.region = guess({"region", "area", "where", "location", "body", "site"}, {});
    picks.pain = guess({"pain", "level", "intensity", "severity"}, {});
    picks.time = guess({"time", "hour", "clock"}, {"at"});
    picks.notes = guess({"note", "comment"}, {});
    return picks;
}

ColumnMap columnMapOf(const ColumnPicks& picks, const std::vector<std::string>& header) {
    // The import finds a column by its name, the first of that name: an
    // empty name, or one used twice, is named by its number instead.
    const auto named = [&](int pick) -> std::string {
        if (pick == ColumnPicks::kNone) {
            return {};
        }
        const auto index = static_cast<std::size_t>(pick);
        const std::string key = lowered(header[index]);
        const bool unique =
            !key.empty() && std::count_if(header.begin(), header.end(), [&](const auto& other) {
                                return lowered(other) == key;
                            }) == 1;
        return unique ? header[index] : std::to_string(index + 1);
    };
    return ColumnMap{named(picks.date), named(picks.region), named(picks.pain), named(picks.time),
                     named(picks.notes)};
}

void drawSheetAreas(ImportDialogState& state, const Appearance& look) {
    const ImportPreview& preview = state.preview;
    if (preview.areas.empty() && preview.unmapped.empty()) {
        return;
    }
    ImGui::Dummy(ImVec2(0, look.px(4)));
    textWithFont("Body areas", look.fonts.strong);
    areasTable(preview, state.areasLimit, look);
    probeItem("import-areas");
    state.areasHeight = ImGui::GetItemRectSize().y;
    if (!preview.unmapped.empty()) {
        // The person decides: these ratings are left out, or nothing is
        // imported (Close).
        const std::string label =
            preview.unmappedEntries == 1
                ? std::string("Leave this entry out")
                : "Leave these " + entriesText(preview.unmappedEntries) + " out";
        ImGui::Checkbox(label.c_str(), &state.leaveUnmappedOut);
        probeItem("import-skip-unmapped");
        probeValue("import-skip-unmapped", state.leaveUnmappedOut ? "1" : "0");
        if (!state.leaveUnmappedOut) {
            ImGui::SameLine(0.0f, look.px(16));
            textMuted("Import waits for this choice; Close imports nothing.", look);
        }
    }
    if (!preview.otherEntries.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textMuted(preview.otherEntries, look);
        ImGui::PopTextWrapPos();
    }
}

void fitSheetAreas(ImportDialogState& state, const Appearance& look) {
    const float overflow = ImGui::GetScrollMaxY();
    if (state.stage != ImportStage::Preview || state.areasHeight <= 0.0f || overflow <= 0.0f) {
        return;
    }
    // A few rows stay in sight, however small the screen.
    const float least = look.px(120);
    const float limit = std::max(least, state.areasHeight - overflow);
    if (state.areasLimit <= 0.0f || limit < state.areasLimit) {
        state.areasLimit = limit;
    }
}

bool drawColumnMapping(ImportDialogState& state, const Appearance& look) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("This sheet is not a format Knotmap knows (its own export, the simple "
                           "format, or a Bearable, Flaredown or CrisisCore export). Say which of "
                           "its columns holds what:");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(2)));
    ColumnPicks& picks = state.picks;
    columnCombo("Date", "date", picks.date, false, state.header, look);
    columnCombo("Body area", "region", picks.region, false, state.header, look);
    columnCombo("Pain (0\u201310)", "pain", picks.pain, false, state.header, look);
    columnCombo("Time", "time", picks.time, true, state.header, look);
    columnCombo("Notes", "notes", picks.notes, true, state.header, look);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    std::array<int, 5> chosen = {picks.date, picks.region, picks.pain, picks.time, picks.notes};
    const bool required = picks.date != ColumnPicks::kNone && picks.region != ColumnPicks::kNone &&
                          picks.pain != ColumnPicks::kNone;
    std::sort(chosen.begin(), chosen.end());
    const bool distinct = std::adjacent_find(chosen.begin(), chosen.end(), [](int a, int b) {
                              return a == b && a != ColumnPicks::kNone;
                          }) == chosen.end();
    ImGui::PushTextWrapPos(0.0f);
    if (!required) {
        textColoured("Choose the columns of the date, the body area and the pain.",
                     look.colours().error.text);
    } else if (!distinct) {
        textColoured("Each column can hold one thing only: two roles name the same column.",
                     look.colours().error.text);
    } else {
        textMuted("Pain is a whole number from 0 to 10; dates like 2026-03-14 or 14 Mar 2026. "
                  "Columns not chosen are left out.",
                  look);
    }
    ImGui::PopTextWrapPos();
    probeValue("import-map-can-check", required && distinct ? "1" : "0");
    return required && distinct;
}

} // namespace knotmap::ui
