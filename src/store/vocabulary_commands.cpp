#include "store/vocabulary_commands.h"

#include "store/sql/statement.h"
#include "store/store_error.h"
#include "store/vocabulary_repository.h"
#include "store/write_transaction.h"

#include <utility>

namespace knotmap {
namespace {

VocabularyItem requireItem(sql::Connection& db, Vocabulary vocabulary, Id id) {
    auto item = findVocabularyItem(db, vocabulary, id);
    if (!item) {
        throw StoreError(std::string(vocabularyNoun(vocabulary)) + " " + std::to_string(id) +
                         " no longer exists");
    }
    return std::move(*item);
}

} // namespace

const char* vocabularyNoun(Vocabulary vocabulary) {
    switch (vocabulary) {
    case Vocabulary::Symptom:
        return "symptom";
    case Vocabulary::TreatmentKind:
        return "treatment";
    case Vocabulary::Trigger:
        return "trigger";
    }
    return "entry";
}

std::optional<VocabularyItem> findVocabularyItem(sql::Connection& db, Vocabulary vocabulary,
                                                 Id id) {
    for (VocabularyItem& item : VocabularyRepository(db).list(vocabulary, true)) {
        if (item.id == id) {
            return std::move(item);
        }
    }
    return std::nullopt;
}

// --- AddVocabularyEntryCommand ------------------------------------------------

AddVocabularyEntryCommand::AddVocabularyEntryCommand(sql::Connection& db, Vocabulary vocabulary,
                                                     std::string name)
    : m_db(db), m_vocabulary(vocabulary), m_name(std::move(name)) {}

std::string AddVocabularyEntryCommand::description() const {
    return std::string("Add ") + vocabularyNoun(m_vocabulary);
}

void AddVocabularyEntryCommand::apply() {
    const std::string table = tableName(m_vocabulary);
    WriteTransaction transaction(m_db);
    if (m_applied) {
        sql::Statement insert(m_db, "INSERT INTO " + table +
                                        " (id, code, name, builtin, hidden, sort_order) "
                                        "VALUES (?, ?, ?, 0, 0, ?)");
        insert.bind(1, static_cast<std::int64_t>(m_item.id));
        insert.bind(2, m_item.code);
        insert.bind(3, m_item.name);
        insert.bind(4, m_sortOrder);
        insert.exec();
        transaction.commit();
        return;
    }
    VocabularyItem item = VocabularyRepository(m_db).add(m_vocabulary, m_name);
    sql::Statement order(m_db, "SELECT sort_order FROM " + table + " WHERE id = ?");
    order.bind(1, static_cast<std::int64_t>(item.id));
    order.executeStep();
    const std::int64_t sortOrder = order.getColumn(0).getInt64();
    transaction.commit();
    m_item = std::move(item);
    m_sortOrder = sortOrder;
    m_applied = true;
}

void AddVocabularyEntryCommand::revert() {
    WriteTransaction transaction(m_db);
    // Records that chose the entry since sit above this step on the undo
    // stack and were reverted first; the schema refuses the delete otherwise.
    sql::Statement remove(m_db,
                          std::string("DELETE FROM ") + tableName(m_vocabulary) + " WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(m_item.id));
    remove.exec();
    transaction.commit();
}

// --- RenameVocabularyEntryCommand ---------------------------------------------

RenameVocabularyEntryCommand::RenameVocabularyEntryCommand(sql::Connection& db,
                                                           Vocabulary vocabulary, Id id,
                                                           std::string name)
    : m_db(db), m_vocabulary(vocabulary), m_id(id), m_name(std::move(name)) {}

std::string RenameVocabularyEntryCommand::description() const {
    return std::string("Rename ") + vocabularyNoun(m_vocabulary);
}

void RenameVocabularyEntryCommand::apply() {
    WriteTransaction transaction(m_db);
    const std::string previous = requireItem(m_db, m_vocabulary, m_id).name;
    VocabularyRepository(m_db).rename(m_vocabulary, m_id, m_name);
    transaction.commit();
    m_previousName = previous;
}

void RenameVocabularyEntryCommand::revert() {
    if (!m_previousName) {
        return;
    }
    WriteTransaction transaction(m_db);
    VocabularyRepository(m_db).rename(m_vocabulary, m_id, *m_previousName);
    transaction.commit();
}

// --- HideVocabularyEntryCommand -----------------------------------------------

HideVocabularyEntryCommand::HideVocabularyEntryCommand(sql::Connection& db, Vocabulary vocabulary,
                                                       Id id, bool hidden)
    : m_db(db), m_vocabulary(vocabulary), m_id(id), m_hidden(hidden) {}

std::string HideVocabularyEntryCommand::description() const {
    return std::string(m_hidden ? "Hide " : "Show ") + vocabularyNoun(m_vocabulary);
}

void HideVocabularyEntryCommand::apply() {
    WriteTransaction transaction(m_db);
    const bool previous = requireItem(m_db, m_vocabulary, m_id).hidden;
    VocabularyRepository(m_db).setHidden(m_vocabulary, m_id, m_hidden);
    transaction.commit();
    m_previous = previous;
}

void HideVocabularyEntryCommand::revert() {
    if (!m_previous) {
        return;
    }
    WriteTransaction transaction(m_db);
    VocabularyRepository(m_db).setHidden(m_vocabulary, m_id, *m_previous);
    transaction.commit();
}

} // namespace knotmap
