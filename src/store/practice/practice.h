#pragma once

#include "store/sql/connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A clinic practice on a PostgreSQL server (db/postgresql/007): who works
// there, in which role, and whose clients they see. The server enforces all
// of it (row-level security, grants, SECURITY DEFINER functions that check
// who calls); these calls only ask it. A file database is never a practice.
namespace knotmap {

enum class PracticeRole { Owner, Practitioner, FrontDesk };

// "owner", "practitioner", "front_desk": as the database stores them.
[[nodiscard]] std::string_view roleCode(PracticeRole role);
// Also accepts "front-desk" and "front desk", as people type it.
[[nodiscard]] std::optional<PracticeRole> roleFromCode(std::string_view code);
// "owner", "practitioner", "front desk": for people.
[[nodiscard]] std::string_view roleName(PracticeRole role);

struct Practitioner {
    std::int64_t id = 0;
    std::string login; // the database login they sign in as
    std::string name;  // as signatures and the audit trail show it
    PracticeRole role = PracticeRole::Practitioner;
    bool enabled = true;
    std::int64_t createdUtc = 0;
};

struct NewPractitioner {
    std::string login;
    std::string name;
    PracticeRole role = PracticeRole::Practitioner;
    // A SCRAM verifier for a new login (postgres_server/password_verifier.h);
    // none: the login exists already or signs in some other way.
    std::optional<std::string> passwordVerifier;
};

// Whether `knotmap practice init` has made this database a practice.
[[nodiscard]] bool isPractice(sql::Connection& db);
// The signed-in login as an enabled practitioner of this practice.
[[nodiscard]] std::optional<Practitioner> signedInPractitioner(sql::Connection& db);
// Everyone, enabled or not, by name.
[[nodiscard]] std::vector<Practitioner> practitioners(sql::Connection& db);

// Each throws StoreError with the server's one-line reason (not the owner,
// an unknown login...) and changes nothing then.
void initPractice(sql::Connection& db, const NewPractitioner& owner);
void addPractitioner(sql::Connection& db, const NewPractitioner& person);
void setPractitionerEnabled(sql::Connection& db, const std::string& login, bool enabled);
void assignClient(sql::Connection& db, std::int64_t clientId, const std::string& login);
void shareClient(sql::Connection& db, std::int64_t clientId, const std::string& login);
void unshareClient(sql::Connection& db, std::int64_t clientId, const std::string& login);

struct ClientAccess {
    std::int64_t clientId = 0;
    std::string login;
    std::string name;
    bool assigned = false; // else shared
};
// Who sees which client (what the signed-in login may see of it).
[[nodiscard]] std::vector<ClientAccess> clientAccess(sql::Connection& db);

} // namespace knotmap
