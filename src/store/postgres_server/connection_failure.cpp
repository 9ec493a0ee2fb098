#include "store/postgres_server/connection_failure.h"

#include <array>
#include <utility>

namespace knotmap {
namespace {

bool has(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

} // namespace

std::string explainConnectionFailure(const std::string& libpqMessage) {
    // libpq's words, from the most specific; the first found explains.
    static const std::array<std::pair<const char*, const char*>, 8> reasons{{
        {"no password supplied",
         "the server asks for a password (give it through PGPASSWORD, ~/.pgpass or a "
         "service file, never on the command line)"},
        {"password authentication failed", "the password was refused"},
        {"does not exist", "no such database or user on the server"},
        {"could not translate host name", "no such host"},
        {"Connection refused", "the server is not running, or not listening there"},
        {"No such file or directory", "the server is not running, or not listening there"},
        {"timeout expired", "the server did not answer in time"},
        {"SSL", "the secure (TLS) connection could not be made"},
    }};
    std::string detail = libpqMessage;
    // libpq puts the reason after the last "failed: ".
    if (const std::size_t at = detail.rfind("failed: "); at != std::string::npos) {
        detail = detail.substr(at + 8);
    }
    if (detail.rfind("FATAL:  ", 0) == 0) {
        detail = detail.substr(8);
    }
    for (const auto& [words, reason] : reasons) {
        if (has(libpqMessage, words)) {
            return std::string(reason) + " (" + detail + ")";
        }
    }
    return detail;
}

} // namespace knotmap
