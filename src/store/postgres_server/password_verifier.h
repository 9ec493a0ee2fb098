#pragma once

#include "crypto/secret.h"
#include "store/database_location.h"

#include <string>

namespace knotmap {

// What the server keeps for a login's password: a SCRAM-SHA-256 verifier,
// computed here by libpq (PQencryptPasswordConn) so the password itself never
// travels to the server, where a statement log could keep it. Opens a short
// connection to where (libpq wants one). Throws StoreError.
[[nodiscard]] std::string scramVerifier(const DatabaseLocation& where, const std::string& login,
                                        const crypto::Secret& password);

} // namespace knotmap
