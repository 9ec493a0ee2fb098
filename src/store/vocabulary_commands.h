#pragma once

#include "core/domain.h"
#include "core/undo_stack.h"
#include "store/sql/connection.h"

#include <cstdint>
#include <optional>
#include <string>

// The undoable edits of the vocabularies (symptoms, treatment kinds,
// triggers) over VocabularyRepository. Entries are never deleted by the user,
// only hidden, so records that use them keep their names; only undoing an
// add removes a row, and only while nothing refers to it yet.
namespace knotmap {

// The entry with this id, hidden or not; nullopt when there is none.
[[nodiscard]] std::optional<VocabularyItem> findVocabularyItem(sql::Connection& db,
                                                               Vocabulary vocabulary, Id id);

class AddVocabularyEntryCommand : public Command {
public:
    AddVocabularyEntryCommand(sql::Connection& db, Vocabulary vocabulary, std::string name);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override;
    // The new entry once applied (id and code chosen by the first apply).
    [[nodiscard]] const VocabularyItem& item() const { return m_item; }

private:
    sql::Connection& m_db;
    Vocabulary m_vocabulary;
    std::string m_name;
    VocabularyItem m_item;
    std::int64_t m_sortOrder = 0; // kept so redo restores the row exactly
    bool m_applied = false;
};

class RenameVocabularyEntryCommand : public Command {
public:
    RenameVocabularyEntryCommand(sql::Connection& db, Vocabulary vocabulary, Id id,
                                 std::string name);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override;

private:
    sql::Connection& m_db;
    Vocabulary m_vocabulary;
    Id m_id;
    std::string m_name;
    std::optional<std::string> m_previousName;
};

// Hides an entry (no longer offered as a choice) or, with hidden = false, shows it again.
class HideVocabularyEntryCommand : public Command {
public:
    HideVocabularyEntryCommand(sql::Connection& db, Vocabulary vocabulary, Id id,
                               bool hidden = true);
    void apply() override;
    void revert() override;
    [[nodiscard]] std::string description() const override;

private:
    sql::Connection& m_db;
    Vocabulary m_vocabulary;
    Id m_id;
    bool m_hidden;
    std::optional<bool> m_previous;
};

// "symptom", "treatment", "trigger": for step names such as "Hide symptom".
[[nodiscard]] const char* vocabularyNoun(Vocabulary vocabulary);

} // namespace knotmap
