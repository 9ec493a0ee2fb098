#pragma once

#include "core/domain.h"
#include "core/undo_stack.h"
#include "store/sql/connection.h"

#include <cstdint>
#include <optional>
#include <string>

// The undoable actions of the client list. Each apply and revert is one
// transaction. Redo puts a created client back under the id it first got, so
// later commands on the stack that name it (a knot logged for the new client)
// stay valid.
namespace knotmap {

// Throws ValidationError with a message for the user when another client
// (other than except) already has this name, ignoring case and accents
// (foldForSearch, core/text_search.h). That is stricter than the NOCASE
// unique index on client.name, which folds ASCII only: "Anna" and "Änna"
// would pass the index but are refused here, so that a name typed in any
// case and with or without accents (--client, the search) finds one client.
void requireUniqueClientName(sql::Connection& db, const std::string& name,
                             std::optional<Id> except = std::nullopt);

// Throws ValidationError naming the field when details cannot be saved for a
// client: a name is needed and must be new (requireUniqueClientName); a birth
// year must be from 1900 to this year (core/birth_year.h); text within limits.
void requireValidClientDetails(sql::Connection& db, const Client& details,
                               std::optional<Id> except);

class CreateClientCommand : public Command {
public:
    CreateClientCommand(sql::Connection& db, std::string name);
    // A client with its birth year and notes (details.id is ignored).
    CreateClientCommand(sql::Connection& db, Client details);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "New client"; }
    // The new client's id once applied.
    [[nodiscard]] Id clientId() const { return m_client.id; }

private:
    sql::Connection& m_db;
    Client m_client;
    std::int64_t m_createdUtc = 0; // kept so redo restores the row exactly
    bool m_applied = false;
};

class RenameClientCommand : public Command {
public:
    RenameClientCommand(sql::Connection& db, Id clientId, std::string name);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Rename client"; }

private:
    void setName(const std::string& name);

    sql::Connection& m_db;
    Id m_clientId;
    std::string m_name;
    std::optional<std::string> m_previousName;
};

// Changes a client's name, birth year and notes together (the client
// details form); the archived flag stays as it is.
class EditClientCommand : public Command {
public:
    // details.id names the client; details.version is the one the person
    // saw, and the save is refused when somebody else changed the client since.
    EditClientCommand(sql::Connection& db, Client details);
    void apply() override;
    void revert() override;
    void forgetSeenVersion() override { m_expectedVersion = 0; }
    [[nodiscard]] std::string description() const override { return "Edit client"; }

private:
    void write(const Client& details);

    sql::Connection& m_db;
    Client m_details;
    std::optional<Client> m_previous;
    int m_expectedVersion = 0; // seen, then last written (store/row_version.h)
};

// Archiving hides a client from the list without losing anything; the same
// command with archived = false brings one back.
class ArchiveClientCommand : public Command {
public:
    ArchiveClientCommand(sql::Connection& db, Id clientId, bool archived = true);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override {
        return m_archived ? "Archive client" : "Unarchive client";
    }

private:
    void setArchived(bool archived);

    sql::Connection& m_db;
    Id m_clientId;
    bool m_archived;
    std::optional<bool> m_previous;
};

} // namespace knotmap
