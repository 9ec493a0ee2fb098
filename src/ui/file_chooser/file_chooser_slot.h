#pragma once

#include "ui/file_chooser/file_chooser.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace knotmap::ui {

// What a dialog keeps for its Choose… button: the chooser (made at the
// first press, of the run's backend), the start folder filled in, and the
// folder of each answer remembered for the next chooser.
class FileChooserSlot {
public:
    // Asks for a file or folder. An empty or missing startFolder becomes
    // the last folder chosen (remembered_folder.h), else ~/Documents.
    void ask(FileChooserRequest request);
    // True while a chooser is open: the dialog under it leaves Escape alone.
    [[nodiscard]] bool waiting() const;
    // Draws the chooser; call every frame inside the dialog's popup. The
    // path chosen, on the frame it is chosen; nothing otherwise or when
    // the person cancelled.
    [[nodiscard]] std::optional<std::filesystem::path> drawAndTakeChoice(const Appearance& look);

private:
    std::unique_ptr<FileChooser> m_chooser;
    FileChooserKind m_kind = FileChooserKind::OpenFile;
};

// The "Choose…" button beside a path field, recorded for window tests as
// probeName; and its width, for the field beside it.
[[nodiscard]] bool chooseButton(const char* probeName);
[[nodiscard]] float chooseButtonWidth();

} // namespace knotmap::ui
