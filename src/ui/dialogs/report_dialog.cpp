#include "ui/dialogs/report_dialog.h"

#include "core/timestamp.h"
#include "ui/shell/documents_folder.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/segmented_control.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <array>

namespace knotmap::ui {

std::string defaultReportPath(const std::filesystem::path& folder, Id clientId,
                              std::string_view clientName, const std::string& today) {
    return (folder /
            ("knotmap-report-" + clientFileLabel(clientId, clientName) + "-" + today + ".pdf"))
        .string();
}

ReportRequest reportRequest(const ReportDialogState& state, Id clientId) {
    ReportRequest request{clientId, state.pathText, state.paper == 1};
    request.checkIns = state.checkIns == 1   ? ReportCheckIns::Full
                       : state.checkIns == 2 ? ReportCheckIns::None
                                             : ReportCheckIns::Weekly;
    return request;
}

void drawReportDialog(ReportDialogState& state, Id clientId, const std::string& clientName,
                      const Appearance& look) {
    if (state.openRequested) {
        state.openRequested = false;
        state.pathText = defaultReportPath(documentsFolder(), clientId, clientName,
                                           LocalTimestamp::now().localDate());
        ImGui::OpenPopup("client-report");
    }
    if (!ImGui::BeginPopup("client-report")) {
        return;
    }
    textWithFont("Client report for " + clientName, look.fonts.strong);
    textMuted("Summary, body maps, pain trends, treatment effect and therapy visits, as a PDF",
              look);
    ImGui::SetNextItemWidth(look.px(440) - chooseButtonWidth() - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    const bool entered =
        ImGui::InputText("##report-path", &state.pathText, ImGuiInputTextFlags_EnterReturnsTrue);
    probeItem("report-path");
    ImGui::SameLine();
    if (chooseButton("report-choose")) {
        const std::filesystem::path current(state.pathText);
        FileChooserRequest request;
        request.kind = FileChooserKind::SaveFile;
        request.title = "Save the report for " + clientName;
        request.filters = {pdfFilter(), allFilesFilter()};
        request.suggestedName = current.filename().string();
        request.startFolder = current.parent_path();
        state.chooser.ask(request);
    }
    constexpr std::array<Segment, 2> kPapers{{{"A4", ""}, {"Letter", "US Letter"}}};
    ImGui::BeginChild("##report-paper", ImVec2(look.px(160), ImGui::GetFrameHeight()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    (void)segmentedControl("report-paper", kPapers, state.paper, look);
    ImGui::EndChild();
    textMuted("Self check-ins (therapy visits are always in full)", look);
    constexpr std::array<Segment, 3> kCheckIns{{
        {"Weekly summary", "One row per week: check-ins, pain range and mean, main regions"},
        {"In full", "Every check-in with its notes"},
        {"Leave out", "Only a count of the check-ins"},
    }};
    ImGui::BeginChild("##report-checkins", ImVec2(look.px(360), ImGui::GetFrameHeight()), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    (void)segmentedControl("report-checkins", kCheckIns, state.checkIns, look);
    ImGui::EndChild();
    probeItem("report-checkins");
    ImGui::BeginDisabled(state.running || state.pathText.empty());
    if (primaryButton("Create report", look) || (entered && !state.running)) {
        state.request = reportRequest(state, clientId);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        ImGui::CloseCurrentPopup();
    }
    if (state.running) {
        textMuted("A report is being written\u2026", look);
    }
    if (const auto chosen = state.chooser.drawAndTakeChoice(look)) {
        state.pathText = chosen->string();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
