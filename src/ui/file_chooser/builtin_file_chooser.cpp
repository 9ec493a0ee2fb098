#include "ui/file_chooser/builtin_file_chooser.h"

#include "ui/file_chooser/chooser_folder_list.h"
#include "ui/file_chooser/chooser_path_bar.h"
#include "ui/shell/frame_requests.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <utility>

namespace knotmap::ui {
namespace {

constexpr const char* kPopup = "##file-chooser";

std::filesystem::path homeFolder() {
    const char* home = std::getenv("HOME");
    return home != nullptr && *home != '\0' ? std::filesystem::path(home)
                                            : std::filesystem::path("/");
}

const char* acceptLabel(FileChooserKind kind) {
    switch (kind) {
    case FileChooserKind::OpenFile:
        return "Open";
    case FileChooserKind::SaveFile:
        return "Save";
    case FileChooserKind::ChooseFolder:
        return "Choose folder";
    }
    return "Open";
}

const char* nameLabel(FileChooserKind kind) {
    return kind == FileChooserKind::SaveFile       ? "Name"
           : kind == FileChooserKind::ChooseFolder ? "Folder"
                                                   : "File";
}

bool keyPressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key));
}

} // namespace

void BuiltInFileChooser::request(const FileChooserRequest& request) {
    // A chooser left waiting when its dialog closed under it is not open any
    // more: the new request replaces it.
    if (m_waiting && (m_openPending || ImGui::IsPopupOpen(kPopup))) {
        return;
    }
    m_browser.start(request, request.startFolder, homeFolder());
    m_waiting = true;
    m_openPending = true;
    m_focusName = request.kind == FileChooserKind::SaveFile;
    m_replaceCandidate.reset();
    m_answer.reset();
}

std::optional<FileChooserAnswer> BuiltInFileChooser::takeAnswer() {
    if (!m_answer) {
        return std::nullopt;
    }
    m_waiting = false;
    return std::exchange(m_answer, std::nullopt);
}

void BuiltInFileChooser::finish(std::optional<std::filesystem::path> chosen) {
    m_answer = FileChooserAnswer{std::move(chosen)};
    m_replaceCandidate.reset();
    ImGui::CloseCurrentPopup();
}

void BuiltInFileChooser::follow(const BrowserStep& step) {
    if (step.outcome == BrowserOutcome::Picked) {
        finish(step.path);
    } else if (step.outcome == BrowserOutcome::AskReplace) {
        m_replaceCandidate = step.path;
    }
}

// The list's keys, while no text field has them: arrows and pages move the
// selection, Return opens or picks, Backspace goes up.
void BuiltInFileChooser::handleKeys() {
    if (ImGui::IsAnyItemActive() || m_replaceCandidate ||
        !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        return;
    }
    const int page = 10;
    const int count = static_cast<int>(m_browser.shownEntries().size());
    int delta = 0;
    if (keyPressed(ImGuiKey_DownArrow)) {
        delta = 1;
    } else if (keyPressed(ImGuiKey_UpArrow)) {
        delta = -1;
    } else if (keyPressed(ImGuiKey_PageDown)) {
        delta = page;
    } else if (keyPressed(ImGuiKey_PageUp)) {
        delta = -page;
    } else if (keyPressed(ImGuiKey_Home)) {
        delta = -count;
    } else if (keyPressed(ImGuiKey_End)) {
        delta = count;
    }
    if (delta != 0) {
        m_browser.moveSelection(delta);
        m_scrollToSelected = true;
    } else if (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter)) {
        follow(m_browser.activateSelected());
    } else if (keyPressed(ImGuiKey_Backspace)) {
        m_browser.goUp();
        m_scrollToSelected = true;
    }
}

void BuiltInFileChooser::replaceQuestion(const Appearance& look) {
    const std::filesystem::path& target = *m_replaceCandidate;
    ImGui::PushTextWrapPos(0.0f);
    textColoured("\u201c" + target.filename().string() + "\u201d already exists in " +
                     target.parent_path().string() + ". Replace it?",
                 look.colours().error.text);
    textMuted("Its contents are overwritten.", look);
    ImGui::PopTextWrapPos();
    probeItem("chooser-replace-question");
    const float buttons = ImGui::CalcTextSize("Replace").x + ImGui::CalcTextSize("Keep it").x +
                          ImGui::GetStyle().FramePadding.x * 2 + look.px(14) * 2 +
                          ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - buttons);
    if (ImGui::Button("Keep it") || keyPressed(ImGuiKey_Escape)) {
        m_replaceCandidate.reset();
        m_focusName = true;
        return;
    }
    probeItem("chooser-keep");
    ImGui::SameLine();
    if (primaryButton("Replace", look)) {
        finish(*m_replaceCandidate);
        return;
    }
    probeItem("chooser-replace");
}

void BuiltInFileChooser::bottomRows(const Appearance& look) {
    const FileChooserRequest& request = m_browser.request();
    bool hidden = m_browser.showHidden();
    if (ImGui::Checkbox("Show hidden files", &hidden)) {
        m_browser.setShowHidden(hidden);
    }
    probeItem("chooser-hidden");
    if (request.kind != FileChooserKind::ChooseFolder) {
        const float comboWidth = look.px(240);
        ImGui::SameLine(ImGui::GetContentRegionMax().x - comboWidth);
        ImGui::SetNextItemWidth(comboWidth);
        const std::string shown =
            request.filters[static_cast<std::size_t>(m_browser.filterIndex())].comboLabel();
        if (ImGui::BeginCombo("##chooser-filter", shown.c_str())) {
            for (std::size_t i = 0; i < request.filters.size(); ++i) {
                const bool current = static_cast<int>(i) == m_browser.filterIndex();
                if (ImGui::Selectable(request.filters[i].comboLabel().c_str(), current)) {
                    m_browser.setFilter(static_cast<int>(i));
                }
                probeItem("chooser-filter-" + std::to_string(i));
            }
            ImGui::EndCombo();
        }
        probeItem("chooser-filter");
    }
    ImGui::AlignTextToFramePadding();
    textMuted(nameLabel(request.kind), look);
    ImGui::SameLine(look.px(64));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (m_focusName) {
        ImGui::SetKeyboardFocusHere();
        m_focusName = false;
    }
    const char* hint = request.kind == FileChooserKind::ChooseFolder
                           ? "the folder selected above, or type a path"
                           : "a name, or a path such as ~/exports/file";
    if (ImGui::InputTextWithHint("##chooser-name", hint, &m_browser.nameText,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        follow(m_browser.submit());
        if (!m_answer) {
            m_focusName = true; // keep typing after a message or a folder change
        }
    }
    probeItem("chooser-name");
    if (!m_browser.message().empty()) {
        ImGui::SetCursorPosX(look.px(64) + ImGui::GetStyle().WindowPadding.x);
        textColoured(m_browser.message(), look.colours().error.text);
        probeItem("chooser-message");
    }
    ImGui::Dummy(ImVec2(0, look.px(2)));
    const char* accept = acceptLabel(request.kind);
    const float buttons = ImGui::CalcTextSize(accept).x + ImGui::CalcTextSize("Cancel").x +
                          ImGui::GetStyle().FramePadding.x * 2 + look.px(14) * 2 +
                          ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - buttons);
    if (ImGui::Button("Cancel") || (keyPressed(ImGuiKey_Escape) && !m_answer)) {
        finish(std::nullopt);
        return;
    }
    probeItem("chooser-cancel");
    ImGui::SameLine();
    if (primaryButton(accept, look)) {
        follow(m_browser.submit());
    }
    probeItem("chooser-accept");
}

void BuiltInFileChooser::draw(const Appearance& look) {
    if (!m_waiting || m_answer) {
        return;
    }
    if (m_openPending) {
        m_openPending = false;
        ImGui::OpenPopup(kPopup);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 size(std::min(look.px(760), viewport->WorkSize.x - look.px(48)),
                      std::min(look.px(560), viewport->WorkSize.y - look.px(48)));
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(look.px(20), look.px(18)));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoNavInputs;
    const bool open = ImGui::BeginPopupModal(kPopup, nullptr, flags);
    ImGui::PopStyleVar();
    if (!open) {
        // Closed from outside (the dialog under it went away): a cancel.
        m_answer = FileChooserAnswer{};
        return;
    }
    textWithFont(m_browser.request().title, look.fonts.heading);
    probeValue("chooser-folder", m_browser.folder().string());
    drawChooserPathBar(m_browser, look);
    handleKeys();
    // The rows below the list: filter and hidden, name, message, buttons.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rowHeight = ImGui::GetFrameHeightWithSpacing();
    const float below =
        rowHeight * 3 + look.px(2) + style.ItemSpacing.y +
        (m_browser.message().empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing());
    const float listHeight =
        std::max(look.px(120), ImGui::GetContentRegionAvail().y - below - style.ItemSpacing.y);
    follow(drawChooserFolderList(m_browser, listHeight, m_scrollToSelected, look));
    m_scrollToSelected = false;
    const auto listed = std::make_tuple(m_browser.folder(), m_browser.filterIndex(),
                                        m_browser.showHidden(), m_browser.shownEntries().size());
    if (!m_answer) {
        if (m_replaceCandidate) {
            replaceQuestion(look);
        } else {
            bottomRows(look);
        }
    }
    // The rows below the list can change what the list shows (the type, a
    // typed folder) after it was drawn: draw once more rather than leave a
    // window that sleeps when idle showing the old list.
    if (listed != std::make_tuple(m_browser.folder(), m_browser.filterIndex(),
                                  m_browser.showHidden(), m_browser.shownEntries().size())) {
        requestFrame();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
