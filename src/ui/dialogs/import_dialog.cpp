#include "ui/dialogs/import_dialog.h"

#include "ui/dialogs/export_dialog.h"
#include "ui/dialogs/import_sheet_rows.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace knotmap::ui {
namespace {

constexpr const char* kPopup = "Import";
constexpr float kWidth = 600.0f;
constexpr float kSheetWidth = 720.0f;

bool busy(const ImportDialogState& state) {
    return state.request.has_value() || state.stage == ImportStage::Checking ||
           state.stage == ImportStage::Importing;
}

// Another path: a mapping of columns, and the choice about unmapped areas,
// were for the file before.
void forgetSheet(ImportDialogState& state) {
    state.columns.reset();
    state.header.clear();
    state.leaveUnmappedOut = false;
}

void startCheck(ImportDialogState& state) {
    // Unmapped areas left out, so that the preview can list them; the write
    // leaves them out only if the person then chooses to.
    state.request = ImportRequest{state.pathText, state.clientName, false, state.columns, true};
    state.stage = ImportStage::Checking;
    state.fraction = -1.0f;
    state.areasHeight = 0.0f;
    state.areasLimit = 0.0f;
    state.error.clear();
    state.outcome.clear();
    state.problems.clear();
    state.problemCount = 0;
}

void wrapped(std::string_view text, const Appearance& look) {
    ImGui::PushTextWrapPos(0.0f);
    textMuted(text, look);
    ImGui::PopTextWrapPos();
}

// The path field with File… and Folder… beside it: an import reads one CSV
// file or the folder `export --all` wrote.
void fromRow(ImportDialogState& state, const Appearance& look) {
    ImGui::AlignTextToFramePadding();
    textMuted("From", look);
    ImGui::SameLine(look.px(kImportLabelWidth));
    const float buttons = ImGui::CalcTextSize("File\u2026Folder\u2026").x +
                          ImGui::GetStyle().FramePadding.x * 4 +
                          ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - buttons);
    if (ImGui::InputText("##import-path", &state.pathText)) {
        state.stage = ImportStage::Choose; // what was checked is not what is typed now
        forgetSheet(state);
    }
    probeItem("import-path");
    ImGui::SameLine();
    if (ImGui::Button("File\u2026")) {
        FileChooserRequest request;
        request.kind = FileChooserKind::OpenFile;
        request.title = "Import a CSV or FHIR file";
        request.filters = {csvFilesFilter(), fhirFilesFilter(), allFilesFilter()};
        state.chooser.ask(request);
    }
    probeItem("import-choose-file");
    ImGui::SameLine();
    if (ImGui::Button("Folder\u2026")) {
        FileChooserRequest request;
        request.kind = FileChooserKind::ChooseFolder;
        request.title = "Import the folder an export wrote";
        state.chooser.ask(request);
    }
    probeItem("import-choose-folder");
}

void progressRow(ImportDialogState& state, const char* doing, const Appearance& look) {
    const char* cancel = "Cancel";
    const float cancelWidth = ImGui::CalcTextSize(cancel).x + ImGui::GetStyle().FramePadding.x * 2;
    const bool known = state.fraction >= 0.0f;
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, known ? "%s %d%%" : "%s", doing,
                  static_cast<int>(state.fraction * 100.0f + 0.5f));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, look.colours().accent);
    ImGui::ProgressBar(
        known ? std::clamp(state.fraction, 0.0f, 1.0f)
              : -1.0f * static_cast<float>(ImGui::GetTime()),
        ImVec2(ImGui::GetContentRegionAvail().x - cancelWidth - ImGui::GetStyle().ItemSpacing.x,
               ImGui::GetFrameHeight()),
        overlay);
    ImGui::PopStyleColor();
    probeItem("import-progress");
    ImGui::SameLine();
    ImGui::BeginDisabled(state.cancelRequested);
    if (ImGui::Button(cancel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        state.cancelRequested = true; // Escape too: the dialog cannot close while it works
    }
    probeItem("import-cancel");
    ImGui::EndDisabled();
}

// A muted label, then its text wrapping in the field column.
void labelledText(const char* label, const std::string& text, const char* probe,
                  const Appearance& look) {
    textMuted(label, look);
    ImGui::SameLine(look.px(kImportLabelWidth));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    probeItem(probe);
}

void countsTable(const ImportDialogState& state, const Appearance& look) {
    ImGui::Dummy(ImVec2(0, look.px(4)));
    ImGui::PushFont(look.fonts.strong);
    ImGui::TextUnformatted("Will be added");
    ImGui::PopFont();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingFixedFit;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(look.px(8), look.px(4)));
    if (ImGui::BeginTable("##import-counts", 2, flags, ImVec2(look.px(300), 0))) {
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed, look.px(90));
        for (const auto& [what, count] : state.preview.counts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what.c_str());
            ImGui::TableNextColumn();
            const std::string number = groupedDigits(count);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                                 ImGui::CalcTextSize(number.c_str()).x);
            ImGui::TextUnformatted(number.c_str());
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    probeItem("import-counts");
}

void previewBody(ImportDialogState& state, const Appearance& look) {
    const ImportPreview& preview = state.preview;
    labelledText("Recognised", preview.format, "import-format", look);
    if (!preview.scaleRule.empty()) {
        labelledText("Ratings", preview.scaleRule, "import-rule", look);
    }
    if (!preview.summary.empty()) {
        // A sheet's counts in one line: its body areas need the room.
        labelledText("Will add", preview.summary, "import-counts", look);
        drawSheetAreas(state, look);
    } else {
        countsTable(state, look);
    }
    for (const std::string& note : state.preview.notes) {
        ImGui::Bullet();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(note.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, look.px(2)));
    wrapped("Nothing has been written yet.", look);
}

// Simple format: whose ratings these are, picked from the clients there are
// (a pick checks again at once) or typed for a new client (checked with
// Check again: a typo must not quietly become a new client).
void whoseRow(ImportDialogState& state, const Appearance& look) {
    ImGui::AlignTextToFramePadding();
    textMuted("Whose", look);
    ImGui::SameLine(look.px(kImportLabelWidth));
    const char* newLabel = "A new client\u2026";
    const std::string shown = state.newClient            ? std::string(newLabel)
                              : state.clientName.empty() ? std::string("The only client")
                                                         : state.clientName;
    ImGui::SetNextItemWidth(look.px(240));
    if (ImGui::BeginCombo("##import-whose", shown.c_str())) {
        for (std::size_t i = 0; i < state.clientNames.size(); ++i) {
            const std::string& name = state.clientNames[i];
            if (ImGui::Selectable((name + "##whose-" + std::to_string(i)).c_str(),
                                  !state.newClient && name == state.clientName)) {
                state.newClient = false;
                state.clientName = name;
                startCheck(state);
            }
            probeItem("import-whose-" + std::to_string(i));
        }
        if (ImGui::Selectable(newLabel, state.newClient)) {
            state.newClient = true;
            state.clientName.clear();
        }
        probeItem("import-whose-new");
        ImGui::EndCombo();
    }
    probeItem("import-whose");
    if (state.newClient) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        ImGui::InputTextWithHint("##import-client", "the new client's name", &state.clientName);
        probeItem("import-client");
    }
}

// The name asked for differs from the one checked: Import would write
// something else than the preview shows.
bool needsCheckAgain(const ImportDialogState& state) {
    return state.simpleFormat && state.clientName != state.checkedClient;
}

void problemsBody(ImportDialogState& state, const Appearance& look) {
    ImGui::PushTextWrapPos(0.0f);
    if (!state.error.empty()) {
        textColoured(state.error, look.colours().error.text);
        ImGui::PopTextWrapPos();
        probeItem("import-error");
        return;
    }
    const std::string title = "Nothing can be imported: " + groupedDigits(state.problemCount) +
                              (state.problemCount == 1 ? " problem" : " problems");
    textColoured(title, look.colours().error.text);
    ImGui::PopTextWrapPos();
    probeItem("import-problems-title");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    const ImVec2 cellPadding(look.px(8), look.px(4));
    // Messages wrap over a few lines: room for about two lines a problem,
    // up to a third of the window, then a scroll bar.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float wanted = line * (2.2f * static_cast<float>(state.problems.size()) + 1.6f);
    const float height = std::min(wanted, ImGui::GetMainViewport()->WorkSize.y / 3.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, cellPadding);
    const bool table = ImGui::BeginTable("##import-problems", 4, flags, ImVec2(0, height));
    ImGui::PopStyleVar();
    if (table) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthFixed, look.px(120));
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, look.px(48));
        ImGui::TableSetupColumn("Column", ImGuiTableColumnFlags_WidthFixed, look.px(96));
        ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (const ImportProblem& problem : state.problems) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(problem.file.c_str());
            ImGui::TableNextColumn();
            if (problem.line > 0) {
                ImGui::Text("%lld", static_cast<long long>(problem.line));
            }
            ImGui::TableNextColumn();
            if (problem.column > 0) {
                const std::string column =
                    std::to_string(problem.column) +
                    (problem.columnName.empty() ? std::string() : " (" + problem.columnName + ")");
                ImGui::TextUnformatted(column.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(problem.message.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }
    probeItem("import-problems");
    const auto listed = static_cast<std::int64_t>(state.problems.size());
    if (state.problemCount > listed) {
        textMuted("\u2026 and " + groupedDigits(state.problemCount - listed) + " more", look);
    }
    wrapped("Fix the file and check it again. Nothing was written.", look);
}

// Import, once the person chose about unmapped body areas: they are listed,
// and Import waits until their entries are to be left out.
void importButton(ImportDialogState& state, const Appearance& look) {
    const bool waits = !state.preview.unmapped.empty() && !state.leaveUnmappedOut;
    ImGui::BeginDisabled(waits);
    if (primaryButton("Import", look)) {
        state.request = ImportRequest{state.pathText, state.clientName, true, state.columns,
                                      state.leaveUnmappedOut};
        state.stage = ImportStage::Importing;
        state.fraction = -1.0f;
    }
    probeItem("import-start");
    ImGui::EndDisabled();
    probeValue("import-can-write", waits ? "0" : "1");
    if (waits && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("Some body areas match no atlas region: tick the box above to leave "
                          "their entries out and import the rest.");
    }
}

// A sheet read through columns the person mapped: the form again, to pick
// others.
void mapAgainButton(ImportDialogState& state) {
    if (!state.columns || state.header.empty()) {
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button("Map columns\u2026")) {
        state.stage = ImportStage::MapColumns;
    }
    probeItem("import-map-again");
}

bool closeButton(ImportDialogState& state) {
    const bool pressed = ImGui::Button("Close");
    probeItem("import-close");
    // Escape belongs to the chooser while it is open over the dialog.
    return pressed ||
           (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !state.chooser.waiting());
}

} // namespace

void drawImportDialog(ImportDialogState& state, const Appearance& look) {
    const bool dropped = state.dropped && !busy(state);
    if (dropped) {
        state.pathText = std::exchange(state.dropped, std::nullopt)->string();
        state.openRequested = true;
    }
    if (state.openRequested) {
        state.openRequested = false;
        if (!busy(state)) {
            state.stage = ImportStage::Choose;
            state.outcome.clear();
            // A sheet of ratings is most likely the client on screen's.
            state.clientName = state.shownClient;
            state.newClient = false;
            forgetSheet(state);
        }
        ImGui::OpenPopup(kPopup);
    }
    if (dropped) {
        startCheck(state);
    }
    // Centred on every frame: the dialog grows and shrinks with its stage,
    // and must stay inside the window, its buttons reachable.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    // Wider for a sheet's preview: its body areas' regions read on one line.
    const bool sheetPreview = state.stage == ImportStage::Preview && !state.preview.summary.empty();
    const float width =
        std::min(look.px(sheetPreview ? kSheetWidth : kWidth), viewport->WorkSize.x - look.px(16));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                        ImVec2(width, viewport->WorkSize.y - look.px(16)));
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    probeItem("import-dialog");
    // What an import reads, while a path is being chosen; once it is
    // checked, the room goes to what the check found.
    if (state.stage == ImportStage::Choose || state.stage == ImportStage::Checking ||
        state.stage == ImportStage::Problems) {
        wrapped("Knotmap's own export (the folder Export writes for all tables, "
                "observations.csv, or a FHIR Bundle or NDJSON), a sheet with date, region and "
                "pain columns, or the CSV export of Bearable, Flaredown or CrisisCore. "
                "Everything is checked before anything is written, and then all of it is "
                "written or none.",
                look);
        ImGui::Dummy(ImVec2(0, look.px(6)));
    }
    ImGui::BeginDisabled(busy(state) || state.stage == ImportStage::Done);
    fromRow(state, look);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, look.px(6)));
    switch (state.stage) {
    case ImportStage::Choose:
        if (!state.outcome.empty()) {
            wrapped(state.outcome, look);
        }
        ImGui::BeginDisabled(state.pathText.empty());
        if (primaryButton("Check", look)) {
            startCheck(state);
        }
        probeItem("import-check");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (closeButton(state)) {
            ImGui::CloseCurrentPopup();
        }
        break;
    case ImportStage::Checking:
        progressRow(state, "Checking\u2026", look);
        break;
    case ImportStage::Preview:
        previewBody(state, look);
        if (state.simpleFormat) {
            whoseRow(state, look);
        }
        ImGui::Dummy(ImVec2(0, look.px(6)));
        if (needsCheckAgain(state)) {
            ImGui::BeginDisabled(state.newClient && state.clientName.empty());
            if (primaryButton("Check again", look)) {
                startCheck(state);
            }
            probeItem("import-check-again");
            ImGui::EndDisabled();
        } else {
            importButton(state, look);
        }
        mapAgainButton(state);
        ImGui::SameLine();
        if (closeButton(state)) {
            ImGui::CloseCurrentPopup();
        }
        break;
    case ImportStage::Problems:
        problemsBody(state, look);
        if (state.simpleFormat) {
            whoseRow(state, look);
        }
        ImGui::Dummy(ImVec2(0, look.px(6)));
        if (primaryButton("Check again", look)) {
            startCheck(state);
        }
        probeItem("import-check-again");
        mapAgainButton(state);
        ImGui::SameLine();
        if (closeButton(state)) {
            ImGui::CloseCurrentPopup();
        }
        break;
    case ImportStage::MapColumns: {
        const bool ready = drawColumnMapping(state, look);
        ImGui::Dummy(ImVec2(0, look.px(6)));
        ImGui::BeginDisabled(!ready);
        if (primaryButton("Check", look)) {
            state.columns = columnMapOf(state.picks, state.header);
            state.leaveUnmappedOut = false;
            startCheck(state);
        }
        probeItem("import-map-check");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (closeButton(state)) {
            ImGui::CloseCurrentPopup();
        }
        break;
    }
    case ImportStage::Importing:
        progressRow(state, "Importing\u2026", look);
        wrapped("Cancel rolls it all back: nothing of it stays.", look);
        break;
    case ImportStage::Done:
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(state.outcome.c_str());
        ImGui::PopTextWrapPos();
        probeItem("import-outcome");
        ImGui::Dummy(ImVec2(0, look.px(6)));
        if (closeButton(state)) {
            state.stage = ImportStage::Choose;
            state.outcome.clear();
            ImGui::CloseCurrentPopup();
        }
        break;
    }
    if (const auto chosen = state.chooser.drawAndTakeChoice(look)) {
        state.pathText = chosen->string();
        state.stage = ImportStage::Choose;
        forgetSheet(state);
    }
    fitSheetAreas(state, look);
    ImGui::EndPopup();
}

} // namespace knotmap::ui
