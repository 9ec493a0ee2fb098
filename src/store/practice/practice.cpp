#include "store/practice/practice.h"

#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <array>
#include <functional>

namespace knotmap {
namespace {

struct RoleText {
    PracticeRole role;
    std::string_view code;
    std::string_view name;
};

constexpr std::array<RoleText, 3> kRoles{{
    {PracticeRole::Owner, "owner", "owner"},
    {PracticeRole::Practitioner, "practitioner", "practitioner"},
    {PracticeRole::FrontDesk, "front_desk", "front desk"},
}};

Practitioner readPractitioner(sql::Statement& query) {
    Practitioner person;
    person.id = query.getColumn(0).getInt64();
    person.login = query.getColumn(1).getString();
    person.name = query.getColumn(2).getString();
    person.role = roleFromCode(query.getColumn(3).view()).value_or(PracticeRole::Practitioner);
    person.enabled = query.getColumn(4).getInt() != 0;
    person.createdUtc = query.getColumn(5).getInt64();
    return person;
}

// Runs one of 007's practice functions in a transaction of its own; the
// server's message (who may not do what) is the error's.
void callPractice(sql::Connection& db, const std::string& sql,
                  const std::function<void(sql::Statement&)>& bind) {
    try {
        WriteTransaction transaction(db);
        sql::Statement call(db, sql);
        bind(call);
        call.executeStep();
        transaction.commit();
    } catch (const sql::Error& error) {
        throw StoreError(error.what());
    }
}

void grant(sql::Connection& db, std::int64_t clientId, const std::string& login,
           const char* access) {
    callPractice(db, "SELECT knotmap_practice_grant(?, ?, ?)", [&](sql::Statement& call) {
        call.bind(1, clientId);
        call.bind(2, login);
        call.bind(3, std::string(access));
    });
}

void enrol(sql::Connection& db, const char* function, const NewPractitioner& person) {
    callPractice(db, std::string("SELECT ") + function + "(?, ?, ?, ?)", [&](sql::Statement& call) {
        call.bind(1, person.login);
        call.bind(2, person.name);
        call.bind(3, std::string(roleCode(person.role)));
        if (person.passwordVerifier) {
            call.bind(4, *person.passwordVerifier);
        } else {
            call.bind(4);
        }
    });
}

} // namespace

std::string_view roleCode(PracticeRole role) {
    for (const RoleText& entry : kRoles) {
        if (entry.role == role) {
            return entry.code;
        }
    }
    return "practitioner";
}

std::optional<PracticeRole> roleFromCode(std::string_view code) {
    std::string folded(code);
    for (char& c : folded) {
        if (c == '-' || c == ' ') {
            c = '_';
        }
    }
    for (const RoleText& entry : kRoles) {
        if (entry.code == folded) {
            return entry.role;
        }
    }
    return std::nullopt;
}

std::string_view roleName(PracticeRole role) {
    for (const RoleText& entry : kRoles) {
        if (entry.role == role) {
            return entry.name;
        }
    }
    return "practitioner";
}

bool isPractice(sql::Connection& db) {
    return db.dialect() == sql::Dialect::PostgreSQL && db.tableExists("practice") &&
           db.execAndGet("SELECT count(*) FROM practice").getInt64() > 0;
}

std::optional<Practitioner> signedInPractitioner(sql::Connection& db) {
    if (!isPractice(db)) {
        return std::nullopt;
    }
    sql::Statement query(db, "SELECT id, login, name, role, enabled, created_utc FROM practitioner "
                             "WHERE login = session_user AND enabled = 1");
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return readPractitioner(query);
}

std::vector<Practitioner> practitioners(sql::Connection& db) {
    std::vector<Practitioner> people;
    if (!isPractice(db)) {
        return people;
    }
    sql::Statement query(db, "SELECT id, login, name, role, enabled, created_utc FROM practitioner "
                             "ORDER BY name, login");
    while (query.executeStep()) {
        people.push_back(readPractitioner(query));
    }
    return people;
}

void initPractice(sql::Connection& db, const NewPractitioner& owner) {
    if (db.dialect() != sql::Dialect::PostgreSQL) {
        throw StoreError(db.describe() + ": a practice needs a server database (PostgreSQL); "
                                         "a file database belongs to one person");
    }
    callPractice(db, "SELECT knotmap_practice_init(?, ?, ?)", [&](sql::Statement& call) {
        call.bind(1, owner.login);
        call.bind(2, owner.name);
        if (owner.passwordVerifier) {
            call.bind(3, *owner.passwordVerifier);
        } else {
            call.bind(3);
        }
    });
}

void addPractitioner(sql::Connection& db, const NewPractitioner& person) {
    enrol(db, "knotmap_practice_add", person);
}

void setPractitionerEnabled(sql::Connection& db, const std::string& login, bool enabled) {
    callPractice(db, "SELECT knotmap_practice_set_enabled(?, CAST(? AS boolean))",
                 [&](sql::Statement& call) {
                     call.bind(1, login);
                     call.bind(2, std::string(enabled ? "true" : "false"));
                 });
}

void assignClient(sql::Connection& db, std::int64_t clientId, const std::string& login) {
    grant(db, clientId, login, "assigned");
}

void shareClient(sql::Connection& db, std::int64_t clientId, const std::string& login) {
    grant(db, clientId, login, "shared");
}

void unshareClient(sql::Connection& db, std::int64_t clientId, const std::string& login) {
    callPractice(db, "SELECT knotmap_practice_unshare(?, ?)", [&](sql::Statement& call) {
        call.bind(1, clientId);
        call.bind(2, login);
    });
}

std::vector<ClientAccess> clientAccess(sql::Connection& db) {
    std::vector<ClientAccess> rows;
    if (!isPractice(db)) {
        return rows;
    }
    sql::Statement query(db, "SELECT a.client_id, p.login, p.name, a.kind FROM client_access a "
                             "JOIN practitioner p ON p.id = a.practitioner_id "
                             "ORDER BY a.client_id, a.kind, p.name");
    while (query.executeStep()) {
        ClientAccess row;
        row.clientId = query.getColumn(0).getInt64();
        row.login = query.getColumn(1).getString();
        row.name = query.getColumn(2).getString();
        row.assigned = query.getColumn(3).view() == "assigned";
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace knotmap
