#include "ui/dialogs/export_dialog.h"

#include "core/calendar_day.h"
#include "core/timestamp.h"
#include "ui/file_chooser/file_chooser_slot.h"
#include "ui/shell/documents_folder.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>

namespace knotmap::ui {
namespace {

// Not "Export CSV": the same dialog writes FHIR.
constexpr const char* kPopup = "Export";

bool oneClientOnly(const ExportDialogState& state, const ExportClients& clients) {
    return clients.currentId && (!state.everyone || clients.count <= 1);
}

// The CSV choices a FHIR export has no use for are kept, not applied.
bool encrypting(const ExportDialogState& state) {
    return state.format == ExportFormat::Csv && state.encrypt;
}

// The path names a folder: all CSV tables in plain files, or NDJSON.
bool writesFolder(const ExportDialogState& state) {
    return state.format == ExportFormat::FhirNdjson ||
           (state.format == ExportFormat::Csv && state.allTables && !state.encrypt);
}

// What the default name says the export holds: its table, "export" for
// all of them, "fhir" for every record type as FHIR.
std::string defaultNameSubject(const ExportDialogState& state) {
    if (isFhir(state.format)) {
        return "fhir";
    }
    return state.allTables ? std::string("export")
                           : std::string(exportTableNames()[static_cast<std::size_t>(state.table)]);
}

// The default name's extension; none for a folder.
const char* defaultNameExtension(const ExportDialogState& state) {
    if (writesFolder(state)) {
        return "";
    }
    if (state.format == ExportFormat::FhirBundle) {
        return ".json";
    }
    return encrypting(state) ? ".kme" : ".csv";
}

// Not among ui/file_chooser's shared filters: only this dialog writes JSON.
FileTypeFilter jsonFilesFilter() {
    return {"JSON files", {"*.json"}};
}

// Follows the choices while the path is still the default one.
void updateDefaultPath(ExportDialogState& state, const ExportClients& clients) {
    const std::string fresh = defaultExportPath(state, clients);
    if (state.pathText == state.defaultPath) {
        state.pathText = fresh;
    }
    state.defaultPath = fresh;
}

// The date fields as the export's day bounds, or an error naming the field.
struct DateRange {
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    std::string error;
    const char* field = ""; // the field the error is about, for window tests
};

DateRange checkDates(const ExportDialogState& state) {
    DateRange range;
    if (!state.fromText.empty() && !(range.from = parseCalendarDay(state.fromText))) {
        range.error =
            "From: expected a date like 2026-03-14, not \u201c" + state.fromText + "\u201d";
        range.field = "from";
    } else if (!state.toText.empty() && !(range.to = parseCalendarDay(state.toText))) {
        range.error = "To: expected a date like 2026-03-14, not \u201c" + state.toText + "\u201d";
        range.field = "to";
    } else if (range.from && range.to && *range.from > *range.to) {
        range.error = "From (" + state.fromText + ") is after To (" + state.toText + ")";
        range.field = "from-after-to";
    }
    return range;
}

ExportRequest makeRequest(ExportDialogState& state, const ExportClients& clients,
                          const DateRange& dates) {
    ExportRequest request;
    request.format = state.format;
    if (state.format == ExportFormat::Csv && !state.allTables) {
        request.table =
            exportTableFromName(exportTableNames()[static_cast<std::size_t>(state.table)]);
    }
    request.path = state.pathText;
    if (oneClientOnly(state, clients)) {
        request.options.clientId = clients.currentId;
    }
    request.options.fromDay = dates.from;
    request.options.toDay = dates.to;
    request.options.bom = state.bom;
    request.options.neutralise = state.neutralise;
    if (encrypting(state)) {
        request.passphrase = std::make_shared<const crypto::Secret>(state.passphrase.take());
    }
    return request;
}

// A label in the left column, level with the widgets beside it.
void rowLabel(const char* label, const Appearance& look) {
    ImGui::AlignTextToFramePadding();
    textMuted(label, look);
    ImGui::SameLine(look.px(84));
}

// A bold title and wrapped text on a tinted strip the width of the dialog
// (the notice banner's look).
void tintedStrip(const char* title, const char* text, const ColourPair& tint,
                 const Appearance& look) {
    const ImVec2 padding(look.px(12), look.px(9));
    const ImVec2 topLeft = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSplit(2);
    drawList->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x + padding.x, topLeft.y + padding.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - padding.x * 2);
    ImGui::PushStyleColor(ImGuiCol_Text, tint.text);
    textWithFont(title, look.fonts.strong);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + padding.y;
    drawList->ChannelsSetCurrent(0);
    drawList->AddRectFilled(topLeft, ImVec2(topLeft.x + width, bottom),
                            ImGui::GetColorU32(tint.background), look.px(6));
    drawList->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x, bottom));
    ImGui::Dummy(ImVec2(width, look.px(4)));
}

void helpLine(const char* text, const Appearance& look) {
    ImGui::PushFont(look.fonts.small);
    ImGui::PushTextWrapPos(0.0f);
    textMuted(text, look);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void formatRadio(ExportDialogState& state, const char* label, ExportFormat format,
                 const char* probe) {
    if (ImGui::RadioButton(label, state.format == format)) {
        state.format = format;
    }
    probeItem(probe);
}

void formatRow(ExportDialogState& state, const Appearance& look) {
    rowLabel("Format", look);
    formatRadio(state, "CSV##export-format", ExportFormat::Csv, "export-format-csv");
    ImGui::SameLine(0, look.px(16));
    formatRadio(state, "FHIR R4 Bundle (.json)##export-format", ExportFormat::FhirBundle,
                "export-format-fhir");
    ImGui::SameLine(0, look.px(16));
    formatRadio(state, "FHIR R4 NDJSON (a folder)##export-format", ExportFormat::FhirNdjson,
                "export-format-fhir-ndjson");
}

// In the table row's place for FHIR, at its height: there is nothing to
// choose, and saying so beats a row of disabled table choices.
void fhirRecordsRow(const Appearance& look) {
    rowLabel("Records", look);
    // Wrapped, for large font scales: the lines stay right of the label.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Every record type: clients, knots, sessions, observations and "
                           "treatments");
    ImGui::PopTextWrapPos();
}

void tableRow(ExportDialogState& state, const Appearance& look) {
    rowLabel("Table", look);
    if (ImGui::RadioButton("One table##export-one", !state.allTables)) {
        state.allTables = false;
    }
    probeItem("export-one-table");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(look.px(150));
    ImGui::BeginDisabled(state.allTables);
    const auto& names = exportTableNames();
    const std::string shown(names[static_cast<std::size_t>(state.table)]);
    if (ImGui::BeginCombo("##export-table", shown.c_str())) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string name(names[i]);
            if (ImGui::Selectable(name.c_str(), static_cast<int>(i) == state.table)) {
                state.table = static_cast<int>(i);
            }
            probeItem("export-table-" + name);
        }
        ImGui::EndCombo();
    }
    probeItem("export-table");
    ImGui::EndDisabled();
    ImGui::SameLine(0, look.px(16));
    if (ImGui::RadioButton("All tables, into a folder##export-all", state.allTables)) {
        state.allTables = true;
    }
    probeItem("export-all-tables");
}

void clientRow(ExportDialogState& state, const ExportClients& clients, const Appearance& look) {
    rowLabel("Client", look);
    if (!clients.currentId || clients.count <= 1) {
        // Nothing to choose: the one client, or everyone when none is shown.
        ImGui::TextUnformatted(clients.currentId ? clients.currentName.c_str() : "Everyone");
        return;
    }
    if (ImGui::RadioButton((clients.currentName + "##export-client").c_str(), !state.everyone)) {
        state.everyone = false;
    }
    probeItem("export-client");
    ImGui::SameLine(0, look.px(16));
    const std::string everyone = "Everyone (" + std::to_string(clients.count) + " clients)";
    if (ImGui::RadioButton((everyone + "##export-everyone").c_str(), state.everyone)) {
        state.everyone = true;
    }
    probeItem("export-everyone");
}

void datesRow(ExportDialogState& state, const DateRange& dates, const Appearance& look) {
    rowLabel("Dates", look);
    textMuted("from", look);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(look.px(112));
    ImGui::InputTextWithHint("##export-from", "YYYY-MM-DD", &state.fromText);
    probeItem("export-from");
    ImGui::SameLine();
    textMuted("to", look);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(look.px(112));
    ImGui::InputTextWithHint("##export-to", "YYYY-MM-DD", &state.toText);
    probeItem("export-to");
    ImGui::SetCursorPosX(look.px(84));
    ImGui::BeginGroup();
    if (!dates.error.empty()) {
        textColoured(dates.error, look.colours().error.text);
        probeItem(std::string("export-date-error-") + dates.field);
    } else {
        helpLine("Both optional: sessions on these local dates, both included. Knots and "
                 "clients are not filtered by date.",
                 look);
    }
    ImGui::EndGroup();
}

void optionRows(ExportDialogState& state, const Appearance& look) {
    ImGui::Checkbox("Add byte order mark for Excel", &state.bom);
    probeItem("export-bom");
    ImGui::Checkbox("Protect against spreadsheet formulas", &state.neutralise);
    probeItem("export-neutralise");
    ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    helpLine("Names, labels and notes starting with = + - or @ get a leading apostrophe, so a "
             "spreadsheet shows them as text instead of running them as formulas.",
             look);
    ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    if (ImGui::Checkbox("Encrypt with a passphrase", &state.encrypt) && !state.encrypt) {
        state.passphrase.wipe();
    }
    probeItem("export-encrypt");
    if (state.encrypt) {
        drawNewPassphraseFields(state.passphrase, "export", look.px(84), look);
    }
}

// What Choose… asks for: a folder for all tables, else a file of the
// export's type, starting where the path already points when it was
// chosen or typed (the default path's folder is the chooser's own default).
FileChooserRequest chooserRequest(const ExportDialogState& state) {
    FileChooserRequest request;
    const std::filesystem::path current(state.pathText);
    if (state.pathText != state.defaultPath) {
        request.startFolder = current.parent_path();
    }
    if (writesFolder(state)) {
        request.kind = FileChooserKind::ChooseFolder;
        request.title = state.format == ExportFormat::FhirNdjson
                            ? "Export FHIR NDJSON into a folder"
                            : "Export all tables into a folder";
        return request;
    }
    request.kind = FileChooserKind::SaveFile;
    request.suggestedName = current.filename().string();
    if (encrypting(state)) {
        request.title = "Export an encrypted archive";
        request.filters = {encryptedExportsFilter(), allFilesFilter()};
    } else if (state.format == ExportFormat::FhirBundle) {
        request.title = "Export a FHIR Bundle";
        request.filters = {jsonFilesFilter(), allFilesFilter()};
    } else {
        const std::string table(exportTableNames()[static_cast<std::size_t>(state.table)]);
        request.title = "Export " + table + " as CSV";
        request.filters = {csvFilesFilter(), allFilesFilter()};
    }
    return request;
}

// Returns true when Return was pressed in the path field.
// The line under the path, when what it names needs saying; else null.
const char* pathHelp(const ExportDialogState& state) {
    if (state.format == ExportFormat::FhirNdjson) {
        return "Patient.ndjson, Encounter.ndjson, Observation.ndjson and a file for each other "
               "resource type are written into it; it is created if missing.";
    }
    if (state.format == ExportFormat::FhirBundle) {
        return nullptr;
    }
    if (state.encrypt) {
        return "One encrypted archive; knotmap decrypt turns it back into CSV files.";
    }
    return state.allTables ? "observations.csv, sessions.csv, treatments.csv, knots.csv and "
                             "clients.csv are written into it; it is created if missing."
                           : nullptr;
}

bool pathRow(ExportDialogState& state, const Appearance& look) {
    rowLabel(writesFolder(state) ? "Folder" : "File", look);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - chooseButtonWidth() -
                            ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    // Still editable beside Choose…: typing a path stays the quick way.
    const bool entered =
        ImGui::InputText("##export-path", &state.pathText, ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem("export-path");
    probeValue("export-path", state.pathText);
    ImGui::SameLine();
    if (chooseButton("export-choose")) {
        state.chooser.ask(chooserRequest(state));
    }
    if (const char* help = pathHelp(state)) {
        ImGui::SetCursorPosX(look.px(84));
        ImGui::BeginGroup();
        helpLine(help, look);
        ImGui::EndGroup();
    }
    return entered;
}

// The bar and its Cancel button while the worker writes.
// FHIR counts records (a session with its ratings and note is one), not
// rows: app/export_job.h.
void progressRow(ExportDialogState& state, const Appearance& look) {
    const std::string unit = isFhir(state.format) ? "records" : "rows";
    std::string overlay = "Counting " + unit + "\u2026";
    float fraction = 0.0f;
    if (state.rowsTotal >= 0) {
        overlay =
            groupedDigits(state.rowsDone) + " of " + groupedDigits(state.rowsTotal) + " " + unit;
        fraction = state.rowsTotal > 0
                       ? static_cast<float>(state.rowsDone) / static_cast<float>(state.rowsTotal)
                       : 1.0f;
    }
    const char* cancel = "Cancel export";
    const float cancelWidth = ImGui::CalcTextSize(cancel).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, look.colours().accent);
    ImGui::ProgressBar(
        std::clamp(fraction, 0.0f, 1.0f),
        ImVec2(ImGui::GetContentRegionAvail().x - cancelWidth - ImGui::GetStyle().ItemSpacing.x,
               ImGui::GetFrameHeight()),
        overlay.c_str());
    ImGui::PopStyleColor();
    probeItem("export-progress");
    ImGui::SameLine();
    ImGui::BeginDisabled(state.cancelRequested);
    if (ImGui::Button(cancel)) {
        state.cancelRequested = true;
    }
    probeItem("export-cancel");
    ImGui::EndDisabled();
}

// The dialog's first line: what the format is for.
const char* introText(ExportFormat format) {
    if (isFhir(format)) {
        return "Every record as FHIR R4 resources (Patient, Encounter, Observation\u2026) for "
               "another health record system; the same as knotmap export --format fhir.";
    }
    return "Comma-separated tables for a spreadsheet, pandas or R; the same choices as "
           "knotmap export on the command line.";
}

} // namespace

std::string defaultExportPath(const ExportDialogState& state, const ExportClients& clients) {
    std::string name = "knotmap-" + defaultNameSubject(state);
    if (oneClientOnly(state, clients) && clients.count > 1) {
        name += "-" + clientFileLabel(*clients.currentId, clients.currentName);
    }
    name += "-" + state.today + defaultNameExtension(state);
    return (std::filesystem::path(state.defaultFolder) / name).string();
}

std::string groupedDigits(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), ",");
    }
    return value < 0 ? "-" + digits : digits;
}

void drawExportDialog(ExportDialogState& state, const ExportClients& clients,
                      const Appearance& look) {
    if (state.openRequested) {
        state.openRequested = false;
        state.outcome.reset();
        state.pathText.clear();
        state.defaultPath.clear();
        state.defaultFolder = documentsFolder().string();
        state.today = LocalTimestamp::now().localDate();
        ImGui::OpenPopup(kPopup);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    // A fixed width, for the wrapped lines, and a height that follows the
    // content as the folder hint, the progress bar or a message come and go.
    // Never taller than the window: past that, the dialog scrolls.
    ImGui::SetNextWindowSizeConstraints(ImVec2(look.px(620), 0),
                                        ImVec2(look.px(620), viewport->WorkSize.y - look.px(16)));
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    // A request not yet taken by the app counts as running: no second one.
    const bool busy = state.running || state.request.has_value();
    if (state.outcome && state.outcome->succeeded && !busy) {
        state.outcome.reset();
        state.passphrase.wipe();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    updateDefaultPath(state, clients);
    const DateRange dates = checkDates(state);

    ImGui::PushTextWrapPos(0.0f);
    textMuted(introText(state.format), look);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(6)));
    ImGui::BeginDisabled(busy);
    formatRow(state, look);
    if (isFhir(state.format)) {
        fhirRecordsRow(look);
    } else {
        tableRow(state, look);
    }
    clientRow(state, clients, look);
    datesRow(state, dates, look);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    if (!isFhir(state.format)) {
        optionRows(state, look);
        ImGui::Dummy(ImVec2(0, look.px(2)));
    }
    const bool entered = pathRow(state, look);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0, look.px(4)));
    // Encrypted, the passphrase's own line says what matters.
    if (!encrypting(state)) {
        // A folder gets several files (all tables, NDJSON): said as such.
        const bool several = writesFolder(state);
        tintedStrip(several ? "The exported files are not encrypted"
                            : "The exported file is not encrypted",
                    several ? "They hold health information as plain text: store them and share "
                              "them as carefully as the records themselves."
                            : "It holds health information as plain text: store it and share it "
                              "as carefully as the records themselves.",
                    look.colours().painModerate, look);
    }
    if (state.outcome && !state.outcome->succeeded) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured(state.outcome->message, state.outcome->cancelled ? look.colours().textMuted
                                                                      : look.colours().error.text);
        ImGui::PopTextWrapPos();
    }
    ImGui::Dummy(ImVec2(0, look.px(4)));
    if (busy) {
        progressRow(state, look);
    } else {
        const bool ready = dates.error.empty() && !state.pathText.empty() &&
                           (!encrypting(state) || state.passphrase.confirmed());
        ImGui::BeginDisabled(!ready);
        if (primaryButton("Export", look) || (entered && ready)) {
            state.request = makeRequest(state, clients, dates);
            state.outcome.reset();
            state.cancelRequested = false;
        }
        probeItem("export-start");
        ImGui::EndDisabled();
        ImGui::SameLine();
        // Escape belongs to the chooser while it is open over the dialog.
        if (ImGui::Button("Close") || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) &&
                                       !state.chooser.waiting())) {
            state.passphrase.wipe();
            ImGui::CloseCurrentPopup();
        }
        probeItem("export-close");
    }
    if (const auto chosen = state.chooser.drawAndTakeChoice(look)) {
        state.pathText = chosen->string();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
