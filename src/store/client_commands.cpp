#include "store/client_commands.h"

#include "core/birth_year.h"
#include "core/text_trim.h"
#include "core/validation.h"
#include "store/client_lookup.h"
#include "store/client_repository.h"
#include "store/row_version.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/store_error.h"
#include "store/write_transaction.h"

#include <utility>

namespace knotmap {
namespace {

Client requireClient(sql::Connection& db, Id clientId) {
    auto client = ClientRepository(db).get(clientId);
    if (!client) {
        throw StoreError("client " + std::to_string(clientId) + " no longer exists");
    }
    return std::move(*client);
}

} // namespace

void requireUniqueClientName(sql::Connection& db, const std::string& name,
                             std::optional<Id> except) {
    const auto existing = clientNameClash(db, name, except);
    if (existing) {
        // Archived clients keep their names too: say so, or the clash is a puzzle.
        throw ValidationError("A client named \u201C" + existing->name + "\u201D already exists" +
                              (existing->archived ? " (archived)" : "") +
                              ". Names must differ in more than case and accents.");
    }
}

void requireValidClientDetails(sql::Connection& db, const Client& details,
                               std::optional<Id> except) {
    if (details.name.empty()) {
        throw ValidationError("A client needs a name.");
    }
    if (const std::string problem = textProblem(details.name, kMaxNameBytes); !problem.empty()) {
        throw ValidationError("Name: " + problem);
    }
    if (details.birthYear) {
        if (const std::string problem = birthYearProblem(*details.birthYear, currentLocalYear());
            !problem.empty()) {
            throw ValidationError("Birth year: " + problem);
        }
    }
    if (const std::string problem = textProblem(details.notes, kMaxNoteBytes); !problem.empty()) {
        throw ValidationError("Notes: " + problem);
    }
    requireUniqueClientName(db, details.name, except);
}

// --- CreateClientCommand ------------------------------------------------------

CreateClientCommand::CreateClientCommand(sql::Connection& db, std::string name) : m_db(db) {
    m_client.name = std::string(trimmed(name));
}

CreateClientCommand::CreateClientCommand(sql::Connection& db, Client details)
    : m_db(db), m_client(std::move(details)) {
    m_client.id = 0;
    m_client.name = std::string(trimmed(m_client.name));
}

void CreateClientCommand::apply() {
    WriteTransaction transaction(m_db);
    if (m_applied) {
        sql::Statement insert(m_db, "INSERT INTO client (id, name, birth_year, notes, "
                                    "archived, created_utc) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, static_cast<std::int64_t>(m_client.id));
        insert.bind(2, m_client.name);
        statement_helpers::bindOptional(insert, 3, m_client.birthYear);
        insert.bind(4, m_client.notes);
        insert.bind(5, m_client.archived ? 1 : 0);
        insert.bind(6, m_createdUtc);
        insert.exec();
        transaction.commit();
        return;
    }
    requireValidClientDetails(m_db, m_client, std::nullopt);
    Client client = m_client;
    ClientRepository(m_db).add(client);
    sql::Statement created(m_db, "SELECT created_utc FROM client WHERE id = ?");
    created.bind(1, static_cast<std::int64_t>(client.id));
    created.executeStep();
    const std::int64_t createdUtc = created.getColumn(0).getInt64();
    transaction.commit();
    // Members change only once everything is saved, so a failed apply leaves
    // the command as it was.
    m_client = std::move(client);
    m_createdUtc = createdUtc;
    m_applied = true;
}

void CreateClientCommand::revert() {
    WriteTransaction transaction(m_db);
    // Anything logged for the client since sits above this step on the undo
    // stack and was reverted first, so the cascade removes nothing else.
    ClientRepository(m_db).remove(m_client.id);
    transaction.commit();
}

// --- RenameClientCommand ------------------------------------------------------

RenameClientCommand::RenameClientCommand(sql::Connection& db, Id clientId, std::string name)
    : m_db(db), m_clientId(clientId), m_name(trimmed(name)) {}

void RenameClientCommand::setName(const std::string& name) {
    WriteTransaction transaction(m_db);
    Client client = requireClient(m_db, m_clientId);
    requireUniqueClientName(m_db, name, m_clientId);
    client.name = name;
    ClientRepository(m_db).update(client);
    transaction.commit();
}

void RenameClientCommand::apply() {
    if (m_name.empty()) {
        throw ValidationError("A client needs a name.");
    }
    const std::string previous = requireClient(m_db, m_clientId).name;
    setName(m_name);
    m_previousName = previous;
}

void RenameClientCommand::revert() {
    if (m_previousName) {
        setName(*m_previousName);
    }
}

// --- EditClientCommand --------------------------------------------------------

EditClientCommand::EditClientCommand(sql::Connection& db, Client details)
    : m_db(db), m_details(std::move(details)), m_expectedVersion(m_details.version) {
    m_details.name = std::string(trimmed(m_details.name));
}

void EditClientCommand::write(const Client& details) {
    WriteTransaction transaction(m_db);
    Client client = requireClient(m_db, details.id);
    requireUnchangedSince(m_db, "client", "client", details.id, m_expectedVersion, client.version);
    client.name = details.name;
    client.birthYear = details.birthYear;
    client.notes = details.notes;
    const int version = ClientRepository(m_db).update(client);
    transaction.commit();
    m_expectedVersion = version;
}

void EditClientCommand::apply() {
    Client previous = requireClient(m_db, m_details.id);
    requireValidClientDetails(m_db, m_details, m_details.id);
    write(m_details);
    m_previous = std::move(previous);
}

void EditClientCommand::revert() {
    if (m_previous) {
        write(*m_previous);
    }
}

// --- ArchiveClientCommand -----------------------------------------------------

ArchiveClientCommand::ArchiveClientCommand(sql::Connection& db, Id clientId, bool archived)
    : m_db(db), m_clientId(clientId), m_archived(archived) {}

void ArchiveClientCommand::setArchived(bool archived) {
    WriteTransaction transaction(m_db);
    Client client = requireClient(m_db, m_clientId);
    client.archived = archived;
    ClientRepository(m_db).update(client);
    transaction.commit();
}

void ArchiveClientCommand::apply() {
    const bool previous = requireClient(m_db, m_clientId).archived;
    setArchived(m_archived);
    m_previous = previous;
}

void ArchiveClientCommand::revert() {
    if (m_previous) {
        setArchived(*m_previous);
    }
}

} // namespace knotmap
