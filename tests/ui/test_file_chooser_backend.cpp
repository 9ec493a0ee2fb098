#include "support/temp_folder.h"
#include "ui/file_chooser/file_chooser_backend.h"
#include "ui/file_chooser/portal_detection.h"
#include "ui/file_chooser/remembered_folder.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

using namespace knotmap::ui;

namespace {

// Sets (or, with nullptr, unsets) an environment variable for a scope.
class EnvironmentScope {
public:
    EnvironmentScope(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) {
            m_saved = old;
        }
        if (value != nullptr) {
            setenv(name, value, 1);
        } else {
            unsetenv(name);
        }
    }
    ~EnvironmentScope() {
        if (m_saved) {
            setenv(m_name, m_saved->c_str(), 1);
        } else {
            unsetenv(m_name);
        }
    }
    EnvironmentScope(const EnvironmentScope&) = delete;
    EnvironmentScope& operator=(const EnvironmentScope&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_saved;
};

} // namespace

TEST_CASE("file chooser backend: without a session bus the built-in chooser is used") {
    knotmap::testing::TempFolder runtime; // a runtime folder with no bus socket in it
    const EnvironmentScope bus("DBUS_SESSION_BUS_ADDRESS", nullptr);
    const EnvironmentScope runtimeDir("XDG_RUNTIME_DIR", runtime.path().c_str());
    CHECK(sessionBusAddress().empty());
    CHECK_FALSE(desktopPortalAvailable());
    CHECK(detectFileChooserBackend() == FileChooserBackend::BuiltIn);
}

TEST_CASE("file chooser backend: autolaunch is never a bus, a dead bus has no portal") {
    knotmap::testing::TempFolder runtime;
    const EnvironmentScope runtimeDir("XDG_RUNTIME_DIR", runtime.path().c_str());
    {
        const EnvironmentScope bus("DBUS_SESSION_BUS_ADDRESS", "autolaunch:");
        CHECK(sessionBusAddress().empty());
        CHECK(detectFileChooserBackend() == FileChooserBackend::BuiltIn);
    }
    const std::string dead = "unix:path=" + (runtime.path() / "no-bus-here").string();
    const EnvironmentScope bus("DBUS_SESSION_BUS_ADDRESS", dead.c_str());
    CHECK(sessionBusAddress() == dead);
    CHECK_FALSE(desktopPortalAvailable());
    CHECK(detectFileChooserBackend() == FileChooserBackend::BuiltIn);
}

TEST_CASE("file chooser: the last folder chosen is remembered for the app to keep") {
    const std::filesystem::path before = lastChosenFolder();
    setLastChosenFolder("/srv/exports");
    CHECK(lastChosenFolder() == std::filesystem::path("/srv/exports"));
    setLastChosenFolder(before);
}
