#pragma once

#include <string>

namespace knotmap::ui {

// The session bus's address, or empty when there is no bus to ask:
// DBUS_SESSION_BUS_ADDRESS, else the socket $XDG_RUNTIME_DIR/bus when it
// exists (where GLib looks next). Never "autolaunch:": without a bus,
// choosing a file must not start one.
[[nodiscard]] std::string sessionBusAddress();

// True when the XDG desktop portal answers on the session bus: its name
// (org.freedesktop.portal.Desktop) has an owner, or the bus can start it
// (it is activatable, as desktops install it). Asks the bus itself only,
// so nothing is started by the question. False without a bus.
[[nodiscard]] bool desktopPortalAvailable();

} // namespace knotmap::ui
