#include "store/postgres_server/password_verifier.h"

#include "store/postgres_server/connection_failure.h"
#include "store/store_error.h"

#include <algorithm>
#include <libpq-fe.h>
#include <memory>

namespace knotmap {

std::string scramVerifier(const DatabaseLocation& where, const std::string& login,
                          const crypto::Secret& password) {
    const char* keywords[] = {"dbname", "password", nullptr};
    const char* values[] = {where.conninfo().c_str(),
                            where.password() ? where.password()->c_str() : nullptr, nullptr};
    const std::unique_ptr<PGconn, decltype(&PQfinish)> connection(
        PQconnectdbParams(keywords, values, /*expand_dbname=*/1), &PQfinish);
    if (!connection || PQstatus(connection.get()) != CONNECTION_OK) {
        throw StoreError(where.describe() + ": cannot connect: " +
                         explainConnectionFailure(connection ? PQerrorMessage(connection.get())
                                                             : "out of memory"));
    }
    // libpq wants a C string: a NUL-terminated copy in guarded memory.
    crypto::Secret text(password.size() + 1);
    std::copy_n(password.data(), password.size(), text.data());
    text.data()[password.size()] = 0;
    char* verifier =
        PQencryptPasswordConn(connection.get(), reinterpret_cast<const char*>(text.data()),
                              login.c_str(), "scram-sha-256");
    if (verifier == nullptr) {
        throw StoreError(where.describe() +
                         ": cannot prepare the password: " + PQerrorMessage(connection.get()));
    }
    std::string result(verifier);
    PQfreemem(verifier);
    return result;
}

} // namespace knotmap
