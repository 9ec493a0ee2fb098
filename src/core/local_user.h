#pragma once

#include <string>

namespace knotmap {

// The login of the person running Knotmap: the password database's name for
// the effective user, else $USER, else "unknown". A file has no logins of its
// own, so this is who its audit trail names (store/audit_recording.h).
[[nodiscard]] std::string localUserLogin();

} // namespace knotmap
