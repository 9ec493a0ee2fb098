#pragma once

#include "app/gui.h"
#include "app/main_window.h"
#include "app/settings_keeper.h"
#include "store/database.h"
#include "store/practice/practice.h"

#include <optional>
#include <string>

// The window of a practice's front desk (docs/practice.md): its login may
// read only who the clients are and when they come, so the normal screen,
// which reads whole records, would be refused. This one reads and writes
// through store/practice/front_desk_records.h only.
namespace knotmap {

struct FrontDeskLogin {
    Database database;
    Practitioner person;
};

// The server database at where, opened, when its login is an enabled front
// desk of a practice there; none otherwise (a file, another role, or a
// database that does not open: the normal window then says why).
[[nodiscard]] std::optional<FrontDeskLogin> openFrontDesk(const DatabaseLocation& where);

// The window's life for the front desk, from the first frame to Quit; the
// settings (theme, text size) are kept through state and settings as the
// normal window keeps them.
void runFrontDesk(const GuiOptions& options, FrontDeskLogin login, MainWindow& window,
                  ui::MainScreenState& state, SettingsKeeper& settings);

// `knotmap screenshot` of the front desk's window: the client named client
// (ignoring case and accents; empty: the first), into capture.
void captureFrontDesk(FrontDeskLogin& login, ui::ThemeKind theme, const std::string& client,
                      FrameCapture& capture);

} // namespace knotmap
