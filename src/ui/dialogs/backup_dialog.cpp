#include "ui/dialogs/backup_dialog.h"

#include "core/timestamp.h"
#include "ui/shell/documents_folder.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <filesystem>

namespace knotmap::ui {
namespace {

constexpr const char* kPopup = "Back up now";
constexpr float kLabelWidth = 96.0f;

bool choosingFile(const BackupDialogState& state) {
    return state.toFile || state.folder.empty();
}

// ~/Documents/knotmap-backup-2026-12-05.db (.db.sealed when encrypted),
// followed while the person has not typed a path of their own.
void updateDefaultPath(BackupDialogState& state) {
    const std::string fresh =
        (std::filesystem::path(state.defaultFolder) /
         ("knotmap-backup-" + state.today + (state.encrypt ? ".db.sealed" : ".db")))
            .string();
    if (state.pathText == state.defaultPath) {
        state.pathText = fresh;
    }
    state.defaultPath = fresh;
}

void helpLine(const char* text, const Appearance& look) {
    ImGui::PushFont(look.fonts.small);
    ImGui::PushTextWrapPos(0.0f);
    textMuted(text, look);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void whereRows(BackupDialogState& state, const Appearance& look) {
    const float labelWidth = look.px(kLabelWidth);
    ImGui::AlignTextToFramePadding();
    textMuted("Into", look);
    ImGui::SameLine(labelWidth);
    if (!state.folder.empty()) {
        if (ImGui::RadioButton("The backups folder##backup-folder", !state.toFile)) {
            state.toFile = false;
        }
        probeItem("backup-into-folder");
        ImGui::SameLine(0, look.px(16));
        if (ImGui::RadioButton("A file I choose##backup-file", state.toFile)) {
            state.toFile = true;
        }
        probeItem("backup-into-file");
    } else {
        ImGui::TextUnformatted("A Knotmap database file");
    }
    ImGui::SetCursorPosX(labelWidth);
    if (!choosingFile(state)) {
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(0.0f);
        textWithFont(state.folder, look.fonts.small);
        ImGui::PopTextWrapPos();
        helpLine("Named with today's date and time. Knotmap also backs up by itself once a "
                 "day, and keeps 7 daily, 4 weekly and 12 monthly backups here.",
                 look);
        ImGui::EndGroup();
        return;
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - chooseButtonWidth() -
                            ImGui::GetStyle().ItemSpacing.x);
    ImGui::InputText("##backup-path", &state.pathText);
    probeItem("backup-path");
    ImGui::SameLine();
    if (chooseButton("backup-choose")) {
        const std::filesystem::path current(state.pathText);
        FileChooserRequest request;
        request.kind = FileChooserKind::SaveFile;
        request.title = state.encrypt ? "Save an encrypted backup" : "Save a backup";
        request.filters = {state.encrypt ? sealedBackupsFilter() : knotmapDatabasesFilter(),
                           allFilesFilter()};
        request.suggestedName = current.filename().string();
        if (state.pathText != state.defaultPath) {
            request.startFolder = current.parent_path();
        }
        // A backup is written only where nothing is: the chooser says so
        // before the backup would fail.
        request.refuseExisting = true;
        state.chooser.ask(request);
    }
    ImGui::SetCursorPosX(labelWidth);
    ImGui::BeginGroup();
    helpLine(state.folder.empty()
                 ? "Every record on the server, copied into a database file Knotmap opens like "
                   "any other: an offline copy for the clinic. The file must not exist yet."
                 : "A USB stick or another disk, say. The file must not exist yet.",
             look);
    ImGui::EndGroup();
}

} // namespace

void drawBackupDialog(BackupDialogState& state, const Appearance& look) {
    if (state.openRequested) {
        state.openRequested = false;
        state.succeeded = false;
        state.error.clear();
        state.pathText.clear();
        state.defaultPath.clear();
        state.defaultFolder = documentsFolder().string();
        state.today = LocalTimestamp::now().localDate();
        ImGui::OpenPopup(kPopup);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(look.px(560), 0),
                                        ImVec2(look.px(560), viewport->WorkSize.y - look.px(16)));
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    const bool busy = state.running || state.request.has_value();
    if (state.succeeded && !busy) {
        state.succeeded = false;
        state.passphrase.wipe();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    updateDefaultPath(state);
    ImGui::PushTextWrapPos(0.0f);
    textMuted("A snapshot of the whole database, checked before it is kept. Saves go on while "
              "it is taken.",
              look);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(6)));
    ImGui::BeginDisabled(busy);
    whereRows(state, look);
    ImGui::Dummy(ImVec2(0, look.px(2)));
    if (ImGui::Checkbox("Encrypt with a passphrase", &state.encrypt) && !state.encrypt) {
        state.passphrase.wipe();
    }
    probeItem("backup-encrypt");
    if (state.encrypt) {
        drawNewPassphraseFields(state.passphrase, "backup", look.px(kLabelWidth), look);
    }
    ImGui::EndDisabled();
    if (!state.error.empty()) {
        ImGui::Dummy(ImVec2(0, look.px(2)));
        ImGui::PushTextWrapPos(0.0f);
        textColoured(state.error, look.colours().error.text);
        ImGui::PopTextWrapPos();
        probeItem("backup-error");
    }
    ImGui::Dummy(ImVec2(0, look.px(6)));
    if (busy) {
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, look.colours().accent);
        // No byte count to show: SQLite copies the pages in one step.
        ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()),
                           ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetFrameHeight()),
                           state.encrypt ? "Backing up and encrypting\u2026" : "Backing up\u2026");
        ImGui::PopStyleColor();
        probeItem("backup-progress");
    } else {
        const bool ready = (!choosingFile(state) || !state.pathText.empty()) &&
                           (!state.encrypt || state.passphrase.confirmed());
        ImGui::BeginDisabled(!ready);
        if (primaryButton("Back up", look)) {
            BackupRequest request;
            request.path = choosingFile(state) ? state.pathText : std::string();
            if (state.encrypt) {
                request.passphrase =
                    std::make_shared<const crypto::Secret>(state.passphrase.take());
            }
            state.request = std::move(request);
            state.error.clear();
        }
        probeItem("backup-start");
        ImGui::EndDisabled();
        ImGui::SameLine();
        // Escape belongs to the chooser while it is open over the dialog.
        if (ImGui::Button("Close") || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) &&
                                       !state.chooser.waiting())) {
            state.passphrase.wipe();
            ImGui::CloseCurrentPopup();
        }
        probeItem("backup-close");
    }
    if (const auto chosen = state.chooser.drawAndTakeChoice(look)) {
        state.pathText = chosen->string();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
