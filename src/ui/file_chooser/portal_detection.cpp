#include "ui/file_chooser/portal_detection.h"

#include <cstdlib>
#include <filesystem>
#include <gio/gio.h>

namespace knotmap::ui {
namespace {

constexpr const char* kPortalName = "org.freedesktop.portal.Desktop";
// A bus that does not answer in this time is as good as none: the person
// pressed a button and is waiting.
constexpr int kTimeoutMs = 1500;

bool environmentSet(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

// Calls a method of the bus itself (org.freedesktop.DBus) and returns its
// reply, or nullptr.
GVariant* askBus(GDBusConnection* bus, const char* method, GVariant* parameters,
                 const GVariantType* replyType) {
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_sync(
        bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", method,
        parameters, replyType, G_DBUS_CALL_FLAGS_NO_AUTO_START, kTimeoutMs, nullptr, &error);
    g_clear_error(&error);
    return reply;
}

bool nameHasOwner(GDBusConnection* bus) {
    GVariant* reply =
        askBus(bus, "NameHasOwner", g_variant_new("(s)", kPortalName), G_VARIANT_TYPE("(b)"));
    if (reply == nullptr) {
        return false;
    }
    gboolean owned = FALSE;
    g_variant_get(reply, "(b)", &owned);
    g_variant_unref(reply);
    return owned != FALSE;
}

bool activatable(GDBusConnection* bus) {
    GVariant* reply = askBus(bus, "ListActivatableNames", nullptr, G_VARIANT_TYPE("(as)"));
    if (reply == nullptr) {
        return false;
    }
    GVariantIter* names = nullptr;
    g_variant_get(reply, "(as)", &names);
    bool found = false;
    const gchar* name = nullptr;
    while (!found && g_variant_iter_next(names, "&s", &name)) {
        found = g_strcmp0(name, kPortalName) == 0;
    }
    g_variant_iter_free(names);
    g_variant_unref(reply);
    return found;
}

} // namespace

std::string sessionBusAddress() {
    if (environmentSet("DBUS_SESSION_BUS_ADDRESS")) {
        const std::string address = std::getenv("DBUS_SESSION_BUS_ADDRESS");
        return address.rfind("autolaunch:", 0) == 0 ? std::string() : address;
    }
    if (environmentSet("XDG_RUNTIME_DIR")) {
        const std::filesystem::path socket =
            std::filesystem::path(std::getenv("XDG_RUNTIME_DIR")) / "bus";
        std::error_code error;
        if (std::filesystem::is_socket(socket, error)) {
            return "unix:path=" + socket.string();
        }
    }
    return {};
}

bool desktopPortalAvailable() {
    const std::string address = sessionBusAddress();
    if (address.empty()) {
        return false;
    }
    GError* error = nullptr;
    GDBusConnection* bus = g_dbus_connection_new_for_address_sync(
        address.c_str(),
        static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                          G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
        nullptr, nullptr, &error);
    if (bus == nullptr) {
        g_clear_error(&error);
        return false;
    }
    const bool available = nameHasOwner(bus) || activatable(bus);
    g_dbus_connection_close_sync(bus, nullptr, nullptr);
    g_object_unref(bus);
    return available;
}

} // namespace knotmap::ui
