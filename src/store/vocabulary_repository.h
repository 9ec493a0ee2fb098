#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotmap {

// The user-extensible vocabularies: symptoms, treatment kinds and triggers.
class VocabularyRepository {
public:
    explicit VocabularyRepository(sql::Connection& db) : m_db(db) {}

    // Entries in display order; hidden ones only when asked for.
    [[nodiscard]] std::vector<VocabularyItem> list(Vocabulary vocabulary,
                                                   bool includeHidden = false);
    // Adds a custom entry named name; its code is derived from the name and
    // made unique. Names are unique within a vocabulary, ignoring case and
    // accents (requireNewName).
    VocabularyItem add(Vocabulary vocabulary, const std::string& name);
    void rename(Vocabulary vocabulary, Id id, const std::string& name);
    // The entry other than except (hidden ones too) whose name folds
    // (core/text_search.h) to the same text as name, if any.
    [[nodiscard]] std::optional<VocabularyItem>
    nameClash(Vocabulary vocabulary, std::string_view name, std::optional<Id> except);
    // Throws ValidationError naming the entry in the way when nameClash finds
    // one. Stricter than the NOCASE unique index on the name (ASCII only):
    // "Cupping" and "cúpping" pass the index but are refused here.
    void requireNewName(Vocabulary vocabulary, const std::string& name, std::optional<Id> except);
    // Hidden entries no longer appear as choices but stay on old records.
    void setHidden(Vocabulary vocabulary, Id id, bool hidden);

private:
    sql::Connection& m_db;
};

// The table that holds a vocabulary ("symptom", "treatment_kind", "trigger_cause").
[[nodiscard]] const char* tableName(Vocabulary vocabulary);

} // namespace knotmap
