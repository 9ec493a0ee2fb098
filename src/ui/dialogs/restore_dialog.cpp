#include "ui/dialogs/restore_dialog.h"

#include "crypto/seal_reader.h"
#include "crypto/sealed_format.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <fstream>

namespace knotmap::ui {
namespace {

constexpr const char* kPopup = "Restore a backup";

std::string countText(const std::optional<std::int64_t>& count) {
    return count ? std::to_string(*count) : std::string("\u2013");
}

// True when the file at path is a sealed backup (its header says so; a
// missing or other file is left to the restore itself to judge).
bool sealedBackup(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const auto content = crypto::SealReader::peek(in);
    return content && *content == crypto::sealed::Content::DatabaseBackup;
}

void backupTable(RestoreDialogState& state, const Appearance& look) {
    if (state.choices.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textMuted("No backups of this database yet in " + state.folder + ".", look);
        ImGui::PopTextWrapPos();
        probeItem("restore-none");
        return;
    }
    // Up to six rows show; more scroll under the header.
    const ImVec2 cellPadding(look.px(8), look.px(6));
    const float rowHeight = ImGui::GetTextLineHeight() + cellPadding.y * 2;
    const float rows = static_cast<float>(std::min<std::size_t>(state.choices.size(), 6));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, cellPadding);
    const bool table = ImGui::BeginTable("##restore-list", 5, flags,
                                         ImVec2(0, rowHeight * (rows + 1) + look.px(2)));
    ImGui::PopStyleVar();
    if (!table) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Taken", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, look.px(72));
    ImGui::TableSetupColumn("Clients", ImGuiTableColumnFlags_WidthFixed, look.px(60));
    ImGui::TableSetupColumn("Sessions", ImGuiTableColumnFlags_WidthFixed, look.px(70));
    ImGui::TableSetupColumn("##kind", ImGuiTableColumnFlags_WidthFixed, look.px(76));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < state.choices.size(); ++i) {
        const RestoreChoice& choice = state.choices[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const bool selected = state.selected == static_cast<int>(i);
        if (ImGui::Selectable((choice.taken + "##restore-" + std::to_string(i)).c_str(), selected,
                              ImGuiSelectableFlags_SpanAllColumns)) {
            state.selected = static_cast<int>(i);
            state.otherPath.clear();
        }
        probeItem("restore-row-" + std::to_string(i));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(choice.size.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(countText(choice.clients).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(countText(choice.sessions).c_str());
        ImGui::TableNextColumn();
        if (choice.encrypted) {
            textMuted("encrypted", look);
        }
    }
    ImGui::EndTable();
}

void chooseStep(RestoreDialogState& state, const Appearance& look) {
    ImGui::PushTextWrapPos(0.0f);
    textMuted("Puts a backup in place of the database. The database as it is now is backed up "
              "first, so this too can be undone.",
              look);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(4)));
    backupTable(state, look);
    ImGui::Dummy(ImVec2(0, look.px(4)));
    ImGui::AlignTextToFramePadding();
    textMuted("Or a file", look);
    ImGui::SameLine(look.px(84));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - chooseButtonWidth() -
                            ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::InputTextWithHint("##restore-other", "a backup kept elsewhere (.db or .db.sealed)",
                                 &state.otherPath) &&
        !state.otherPath.empty()) {
        state.selected = -1;
    }
    probeItem("restore-other");
    ImGui::SameLine();
    if (chooseButton("restore-choose")) {
        FileChooserRequest request;
        request.kind = FileChooserKind::OpenFile;
        request.title = "Restore a backup kept elsewhere";
        request.filters = {{"Knotmap backups", {"*.db", "*.db.sealed"}}, allFilesFilter()};
        request.startFolder = state.otherPath.empty()
                                  ? std::filesystem::path()
                                  : std::filesystem::path(state.otherPath).parent_path();
        state.chooser.ask(request);
    }
    ImGui::Dummy(ImVec2(0, look.px(6)));
    const bool chosen = state.selected >= 0 || !state.otherPath.empty();
    ImGui::BeginDisabled(!chosen);
    if (primaryButton("Restore\u2026", look)) {
        state.confirming = true;
        state.otherEncrypted = state.selected < 0 && sealedBackup(state.otherPath);
        state.passphrase.wipe();
    }
    probeItem("restore-next");
    ImGui::EndDisabled();
    ImGui::SameLine();
    // Escape belongs to the chooser while it is open over the dialog.
    if (ImGui::Button("Close") ||
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !state.chooser.waiting())) {
        ImGui::CloseCurrentPopup();
    }
    probeItem("restore-close");
}

void confirmStep(RestoreDialogState& state, const Appearance& look) {
    const RestoreChoice* choice =
        state.selected >= 0 ? &state.choices[static_cast<std::size_t>(state.selected)] : nullptr;
    const bool encrypted = choice != nullptr ? choice->encrypted : state.otherEncrypted;
    ImGui::PushTextWrapPos(0.0f);
    textWithFont("Replace the database with this backup?", look.fonts.strong);
    if (choice != nullptr) {
        std::string what = "The backup taken " + choice->taken + " (" + choice->size;
        if (choice->clients && choice->sessions) {
            what += ", " + std::to_string(*choice->clients) + " clients, " +
                    std::to_string(*choice->sessions) + " sessions";
        }
        ImGui::TextUnformatted((what + ") goes in place of:").c_str());
    } else {
        ImGui::TextUnformatted(("The backup " + state.otherPath + " goes in place of:").c_str());
    }
    textWithFont(state.database, look.fonts.small);
    textMuted("Every change made since that backup leaves the database. The database as it is "
              "now is kept in the backups folder first; Knotmap closes it and opens the "
              "restored one.",
              look);
    ImGui::PopTextWrapPos();
    bool entered = false;
    if (encrypted) {
        ImGui::Dummy(ImVec2(0, look.px(2)));
        if (ImGui::IsWindowAppearing() || state.passphrase.empty()) {
            if (!ImGui::IsAnyItemActive()) {
                ImGui::SetKeyboardFocusHere();
            }
        }
        entered = drawPassphraseField(state.passphrase, "restore", look.px(96), look);
    }
    ImGui::Dummy(ImVec2(0, look.px(6)));
    const bool ready = !encrypted || !state.passphrase.empty();
    ImGui::BeginDisabled(!ready);
    if (primaryButton("Restore", look) || (entered && ready)) {
        RestoreRequest request;
        request.path = choice != nullptr ? choice->path : state.otherPath;
        if (encrypted) {
            request.passphrase = std::make_shared<const crypto::Secret>(state.passphrase.take());
        }
        state.request = std::move(request);
        state.confirming = false;
        ImGui::CloseCurrentPopup();
    }
    probeItem("restore-confirm");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Back") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        state.confirming = false;
        state.passphrase.wipe();
    }
    probeItem("restore-back");
}

} // namespace

void drawRestoreDialog(RestoreDialogState& state, const Appearance& look) {
    if (state.openRequested && state.listed) {
        state.openRequested = false;
        state.listed = false; // listed again at the next opening
        state.selected = -1;
        state.otherPath.clear();
        state.confirming = false;
        state.passphrase.wipe();
        ImGui::OpenPopup(kPopup);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(look.px(600), 0),
                                        ImVec2(look.px(600), viewport->WorkSize.y - look.px(16)));
    if (!ImGui::BeginPopupModal(kPopup, nullptr,
                                ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_AlwaysAutoResize)) {
        return;
    }
    if (state.confirming) {
        confirmStep(state, look);
    } else {
        chooseStep(state, look);
    }
    if (const auto chosen = state.chooser.drawAndTakeChoice(look)) {
        state.otherPath = chosen->string();
        state.selected = -1;
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
