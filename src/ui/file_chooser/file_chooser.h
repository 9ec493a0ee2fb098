#pragma once

#include "ui/file_chooser/file_type_filter.h"
#include "ui/style/appearance.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotmap::ui {

enum class FileChooserKind {
    OpenFile,    // an existing file
    SaveFile,    // a new name, or an existing file once the person agrees to replace it
    ChooseFolder // a folder (one that does not exist yet may be typed: the caller creates it)
};

struct FileChooserRequest {
    FileChooserKind kind = FileChooserKind::OpenFile;
    std::string title;                   // "Export observations to"
    std::vector<FileTypeFilter> filters; // the first is selected at the start
    std::string suggestedName;           // SaveFile: the name field's text at the start
    std::filesystem::path startFolder;   // empty or missing: the last folder chosen
    // SaveFile: an existing file cannot be chosen (a backup never replaces one).
    bool refuseExisting = false;
};

// How a request ended: the path, or nothing when the person cancelled.
struct FileChooserAnswer {
    std::optional<std::filesystem::path> chosen;
};

// The one seam the dialogs ask for files through: the desktop's own chooser
// (the XDG portal) or the built-in one, whichever fileChooserBackend() chose.
// A request is answered later, on some frame: the dialog polls takeAnswer().
class FileChooser {
public:
    FileChooser() = default;
    virtual ~FileChooser() = default;
    FileChooser(const FileChooser&) = delete;
    FileChooser& operator=(const FileChooser&) = delete;

    // Starts a request; ignored while one is waiting for its answer.
    virtual void request(const FileChooserRequest& request) = 0;
    // True from request() until the answer is taken.
    [[nodiscard]] virtual bool waiting() const = 0;
    // Draws what the chooser shows in the window (the built-in modal; the
    // portal's runs in its own window). Call every frame from inside the
    // asking dialog's popup, so the chooser stacks above it.
    virtual void draw(const Appearance& look) = 0;
    // The answer, once, on a frame after the person gave it.
    [[nodiscard]] virtual std::optional<FileChooserAnswer> takeAnswer() = 0;
};

} // namespace knotmap::ui
