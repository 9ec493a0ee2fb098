#include "ui/file_chooser/remembered_folder.h"

#include <mutex>

namespace knotmap::ui {
namespace {

// One per process, like the person's sense of "where I was": the dialogs
// that share it do not know of each other. Guarded, since the app may read
// it from another thread while saving its settings.
struct Remembered {
    std::mutex mutex;
    std::filesystem::path folder;
};

Remembered& remembered() {
    static Remembered instance;
    return instance;
}

} // namespace

std::filesystem::path lastChosenFolder() {
    Remembered& memory = remembered();
    const std::lock_guard lock(memory.mutex);
    return memory.folder;
}

void setLastChosenFolder(const std::filesystem::path& folder) {
    Remembered& memory = remembered();
    const std::lock_guard lock(memory.mutex);
    memory.folder = folder;
}

} // namespace knotmap::ui
