#include "ui/file_chooser/file_chooser_slot.h"

#include "ui/file_chooser/chooser_paths.h"
#include "ui/file_chooser/file_chooser_backend.h"
#include "ui/file_chooser/remembered_folder.h"
#include "ui/shell/documents_folder.h"
#include "ui/shell/test_probe.h"

#include <imgui.h>

#include <string>

namespace knotmap::ui {
namespace {

constexpr const char* kChooseLabel = "Choose\u2026";

} // namespace

void FileChooserSlot::ask(FileChooserRequest request) {
    if (!m_chooser) {
        m_chooser = makeFileChooser();
    }
    request.startFolder =
        firstExistingFolder({request.startFolder, lastChosenFolder(), documentsFolder()});
    m_kind = request.kind;
    m_chooser->request(request);
}

bool FileChooserSlot::waiting() const {
    return m_chooser && m_chooser->waiting();
}

std::optional<std::filesystem::path> FileChooserSlot::drawAndTakeChoice(const Appearance& look) {
    if (!m_chooser) {
        return std::nullopt;
    }
    m_chooser->draw(look);
    std::optional<FileChooserAnswer> answer = m_chooser->takeAnswer();
    if (!answer || !answer->chosen) {
        return std::nullopt;
    }
    setLastChosenFolder(m_kind == FileChooserKind::ChooseFolder ? *answer->chosen
                                                                : answer->chosen->parent_path());
    return answer->chosen;
}

bool chooseButton(const char* probeName) {
    const bool pressed = ImGui::Button((std::string(kChooseLabel) + "##" + probeName).c_str());
    probeItem(probeName);
    return pressed;
}

float chooseButtonWidth() {
    return ImGui::CalcTextSize(kChooseLabel).x + ImGui::GetStyle().FramePadding.x * 2;
}

} // namespace knotmap::ui
