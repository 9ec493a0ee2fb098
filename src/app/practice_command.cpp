#include "app/practice_command.h"

#include "app/database_path.h"
#include "crypto/passphrase.h"
#include "store/client_lookup.h"
#include "store/database.h"
#include "store/postgres_server/password_verifier.h"
#include "store/practice/practice.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <optional>

namespace knotmap {
namespace {

void addDb(CLI::App& command, PracticeArguments& arguments) {
    command.add_option("--db", arguments.db, kDbOptionHelp)->required();
}

void addPasswordOptions(CLI::App& command, PracticeArguments& arguments) {
    command.add_option("--password-file", arguments.passwordFile,
                       "A new login's password: the first line of FILE (else "
                       "KNOTMAP_NEW_PASSWORD, else asked twice on the terminal)");
    command.add_flag("--no-password", arguments.noPassword,
                     "The login exists already or signs in without a password (peer, "
                     "certificate)");
}

// The verifier for a new login's password, asked for as a passphrase is;
// none with --no-password.
std::optional<std::string> passwordFor(const DatabaseLocation& where,
                                       const PracticeArguments& arguments,
                                       const std::string& login) {
    if (arguments.noPassword) {
        return std::nullopt;
    }
    crypto::PassphraseRequest request;
    request.file = arguments.passwordFile;
    request.confirm = true;
    request.noun = "password for " + login;
    request.variable = "KNOTMAP_NEW_PASSWORD";
    request.fileOption = "--password-file (or --no-password)";
    const crypto::Secret password = crypto::readPassphrase(request);
    return scramVerifier(where, login, password);
}

PracticeRole requireRole(const std::string& text) {
    const auto role = roleFromCode(text);
    if (!role) {
        throw CLI::ValidationError("--role", "expected owner, practitioner or front-desk, got '" +
                                                 text + "'");
    }
    return *role;
}

void printPractice(Database& database) {
    std::map<std::string, std::vector<std::string>> clientsOf;
    for (const ClientAccess& access : clientAccess(database.sql())) {
        const std::string client =
            database.sql()
                .execAndGet("SELECT name FROM client WHERE id = " + std::to_string(access.clientId))
                .getString();
        clientsOf[access.login].push_back(client + (access.assigned ? "" : " (shared)"));
    }
    for (const Practitioner& person : practitioners(database.sql())) {
        std::cout << person.name << " (" << person.login << "): " << roleName(person.role)
                  << (person.enabled ? "" : ", disabled");
        const auto& clients = clientsOf[person.login];
        if (!clients.empty()) {
            std::cout << "; clients:";
            for (std::size_t i = 0; i < clients.size(); ++i) {
                std::cout << (i == 0 ? " " : ", ") << clients[i];
            }
        }
        std::cout << "\n";
    }
}

} // namespace

CLI::App* addPracticeCommand(CLI::App& app, PracticeArguments& arguments) {
    CLI::App* practice = app.add_subcommand(
        "practice", "A clinic on a PostgreSQL server: practitioners, roles and client access");
    practice->require_subcommand(1);

    CLI::App* init = practice->add_subcommand(
        "init", "Make a server database a practice and create its owner (run as the login "
                "that owns Knotmap's tables)");
    addDb(*init, arguments);
    init->add_option("--login", arguments.login, "The owner's login (made if it does not exist)")
        ->required();
    init->add_option("--name", arguments.name, "The owner's name as signatures show it")
        ->required();
    addPasswordOptions(*init, arguments);

    CLI::App* add = practice->add_subcommand("add", "Add a practitioner (owner only)");
    addDb(*add, arguments);
    add->add_option("login", arguments.login, "Their login (made if it does not exist)")
        ->required();
    add->add_option("--name", arguments.name, "Their name as signatures show it")->required();
    add->add_option("--role", arguments.role, "owner, practitioner (default) or front-desk");
    addPasswordOptions(*add, arguments);

    for (const char* verb : {"disable", "enable"}) {
        CLI::App* command = practice->add_subcommand(
            verb, std::string(verb == std::string("disable")
                                  ? "Stop a practitioner signing in; their records stay"
                                  : "Let a disabled practitioner sign in again") +
                      " (owner only)");
        addDb(*command, arguments);
        command->add_option("login", arguments.login, "Their login")->required();
    }
    struct Access {
        const char* verb;
        const char* option;
        const char* help;
    };
    for (const Access& access :
         {Access{"assign", "--to", "Assign a client to a practitioner (owner only)"},
          Access{"share", "--with", "Share a client with another practitioner"},
          Access{"unshare", "--with", "Stop sharing a client with a practitioner"}}) {
        CLI::App* command = practice->add_subcommand(access.verb, access.help);
        addDb(*command, arguments);
        command->add_option("client", arguments.client, "The client's name")->required();
        command->add_option(access.option, arguments.login, "The practitioner's login")->required();
    }
    CLI::App* list = practice->add_subcommand("list", "List practitioners, roles and clients");
    addDb(*list, arguments);
    return practice;
}

int runPractice(const CLI::App& command, const PracticeArguments& arguments) {
    const DatabaseLocation where = resolveDatabase(arguments.db);
    if (!where.isServer()) {
        std::cerr << "knotmap practice: " << where.describe()
                  << " is a file; a practice needs a server database (PostgreSQL), where "
                     "each person signs in as themselves\n";
        return 2;
    }
    const auto ran = [&](const char* name) {
        return command.got_subcommand(name);
    };
    PracticeRole role = PracticeRole::Practitioner;
    if (ran("add")) {
        role = requireRole(arguments.role);
    }
    Database database = Database::open(where);
    sql::Connection& db = database.sql();
    const auto clientId = [&] {
        return requireClientNamed(db, arguments.client, database.describe()).id;
    };
    if (ran("init")) {
        initPractice(db, {arguments.login, arguments.name, PracticeRole::Owner,
                          passwordFor(where, arguments, arguments.login)});
        std::cout << database.describe() << " is a practice; " << arguments.name << " ("
                  << arguments.login << ") is its owner\n";
    } else if (ran("add")) {
        addPractitioner(db, {arguments.login, arguments.name, role,
                             passwordFor(where, arguments, arguments.login)});
        std::cout << "Added " << arguments.name << " (" << arguments.login << ") as "
                  << roleName(role) << "\n";
    } else if (ran("disable") || ran("enable")) {
        const bool enable = ran("enable");
        setPractitionerEnabled(db, arguments.login, enable);
        std::cout << (enable ? "Enabled " : "Disabled ") << arguments.login
                  << (enable ? "" : ": they can no longer sign in; their records stay") << "\n";
    } else if (ran("assign")) {
        assignClient(db, clientId(), arguments.login);
        std::cout << "Assigned " << arguments.client << " to " << arguments.login << "\n";
    } else if (ran("share")) {
        shareClient(db, clientId(), arguments.login);
        std::cout << "Shared " << arguments.client << " with " << arguments.login << "\n";
    } else if (ran("unshare")) {
        unshareClient(db, clientId(), arguments.login);
        std::cout << "Stopped sharing " << arguments.client << " with " << arguments.login << "\n";
    } else {
        if (!isPractice(db)) {
            std::cout << database.describe() << " is not a practice (knotmap practice init)\n";
            return 0;
        }
        printPractice(database);
    }
    return 0;
}

} // namespace knotmap
