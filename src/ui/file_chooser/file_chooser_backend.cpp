#include "ui/file_chooser/file_chooser_backend.h"

#include "ui/file_chooser/builtin_file_chooser.h"
#include "ui/file_chooser/portal_detection.h"
#include "ui/file_chooser/portal_file_chooser.h"
#include "ui/shell/frame_requests.h"

namespace knotmap::ui {

FileChooserBackend detectFileChooserBackend() {
    return desktopPortalAvailable() ? FileChooserBackend::DesktopPortal
                                    : FileChooserBackend::BuiltIn;
}

FileChooserBackend fileChooserBackend() {
    // Asked once: the bus round trip is not repeated per dialog, and a
    // portal appearing mid-run does not change the look halfway.
    static const FileChooserBackend backend = detectFileChooserBackend();
    return backend;
}

std::unique_ptr<FileChooser> makeFileChooser() {
    if (fileChooserBackend() == FileChooserBackend::DesktopPortal) {
        return std::make_unique<PortalFileChooser>([] { wakeWindow(); });
    }
    return std::make_unique<BuiltInFileChooser>();
}

} // namespace knotmap::ui
