#pragma once

#include <string>

namespace knotmap {

// libpq's reason for a failed connection, said the way a person can act on
// it ("the server is not running, or not listening there"), followed by
// libpq's own words for whoever looks into it.
[[nodiscard]] std::string explainConnectionFailure(const std::string& libpqMessage);

} // namespace knotmap
