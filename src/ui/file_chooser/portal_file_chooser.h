#pragma once

#include "ui/file_chooser/builtin_file_chooser.h"
#include "ui/file_chooser/file_chooser.h"

#include <functional>
#include <memory>
#include <thread>

namespace knotmap::ui {

// The desktop's own chooser through the XDG desktop portal (libportal).
// Each request runs on a worker thread with its own GLib main context, so
// the window keeps drawing (or sleeping) while the portal's window is open;
// the answer is handed over under a lock and wake() is called so an idle
// window notices it. Where the portal cannot help (choosing a folder, which
// libportal 0.6 cannot ask for) or fails, the built-in chooser takes the
// request.
class PortalFileChooser final : public FileChooser {
public:
    explicit PortalFileChooser(std::function<void()> wake);
    ~PortalFileChooser() override;

    void request(const FileChooserRequest& request) override;
    [[nodiscard]] bool waiting() const override { return m_waiting; }
    void draw(const Appearance& look) override;
    [[nodiscard]] std::optional<FileChooserAnswer> takeAnswer() override;

    // What the worker and the window share; public for the worker's functions.
    struct Exchange;

private:
    std::function<void()> m_wake;
    std::shared_ptr<Exchange> m_exchange;
    std::thread m_worker;
    BuiltInFileChooser m_fallback;
    FileChooserRequest m_request;
    bool m_waiting = false;
    bool m_usingFallback = false;
    bool m_portalFailed = false; // once failed, the portal is not asked again
};

} // namespace knotmap::ui
