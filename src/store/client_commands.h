#pragma once

#include "core/domain.h"
#include "core/undo_stack.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>

// The undoable actions of the client list. Each apply and revert is one
// transaction. Redo puts a created client back under the id it first got, so
// later commands on the stack that name it (a knot logged for the new client)
// stay valid.
namespace knotmap {

// Throws ValidationError with a message for the user when another client
// (other than except) already has this name, ignoring case.
void requireUniqueClientName(SQLite::Database& db, const std::string& name,
                             std::optional<Id> except = std::nullopt);

class CreateClientCommand : public Command {
public:
    CreateClientCommand(SQLite::Database& db, std::string name);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "New client"; }
    // The new client's id once applied.
    [[nodiscard]] Id clientId() const { return m_client.id; }

private:
    SQLite::Database& m_db;
    Client m_client;
    std::int64_t m_createdUtc = 0; // kept so redo restores the row exactly
    bool m_applied = false;
};

class RenameClientCommand : public Command {
public:
    RenameClientCommand(SQLite::Database& db, Id clientId, std::string name);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override { return "Rename client"; }

private:
    void setName(const std::string& name);

    SQLite::Database& m_db;
    Id m_clientId;
    std::string m_name;
    std::optional<std::string> m_previousName;
};

// Archiving hides a client from the list without losing anything; the same
// command with archived = false brings one back.
class ArchiveClientCommand : public Command {
public:
    ArchiveClientCommand(SQLite::Database& db, Id clientId, bool archived = true);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override {
        return m_archived ? "Archive client" : "Unarchive client";
    }

private:
    void setArchived(bool archived);

    SQLite::Database& m_db;
    Id m_clientId;
    bool m_archived;
    std::optional<bool> m_previous;
};

} // namespace knotmap
