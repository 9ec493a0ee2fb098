#pragma once

#include "app/sample_loader.h"
#include "store/database_location.h"
#include "ui/shell/main_screen.h"

#include <filesystem>
#include <memory>
#include <string>

namespace knotmap {

// The welcome's "Load sample data" and the banner's "Back to my database":
// starts the loader when asked, shows its progress on the welcome, and says
// when the window should switch to the sample database or back.
class SampleSwitch {
public:
    explicit SampleSwitch(DatabaseLocation userDatabase) : m_user(std::move(userDatabase)) {}

    // Call after each frame; true when the window should now close the open
    // database and open target() instead.
    [[nodiscard]] bool afterFrame(ui::MainScreenState& state);

    [[nodiscard]] const DatabaseLocation& target() const { return m_target; }
    // The person opened another database of their own (File > Open): the
    // sample goes beside it, and "Back to my database" returns to it.
    void setUserDatabase(DatabaseLocation database) { m_user = std::move(database); }
    // The sample is being written (its progress is on the welcome).
    [[nodiscard]] bool loading() const { return m_loader != nullptr; }

private:
    DatabaseLocation m_user;
    DatabaseLocation m_target;
    std::unique_ptr<SampleLoader> m_loader; // while writing
};

// The --test-report lines of this part of the window, for end-to-end tests:
//   theme light|dark
//   database PATH        (or the server's description)
//   button load-sample|back-to-own MINX MINY MAXX MAXY   (when drawn this frame)
// Clears the button positions, so the next frame reports only what it draws.
[[nodiscard]] std::string takeFeelTestReportLines(ui::MainScreenState& state,
                                                  const DatabaseLocation& database);

} // namespace knotmap
