#include "store/vocabulary_repository.h"

#include "core/text_search.h"
#include "core/text_trim.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/store_error.h"

#include <cctype>

namespace knotmap {
namespace {

// "Jaw clenching!" -> "custom_jaw_clenching". Custom codes carry a prefix so
// they can never collide with a built-in code added by a later version.
std::string codeFromName(const std::string& name) {
    std::string code = "custom_";
    bool pendingSeparator = false;
    for (unsigned char c : name) {
        if (std::isalnum(c) != 0) {
            if (pendingSeparator && code.back() != '_') {
                code += '_';
            }
            code += static_cast<char>(std::tolower(c));
            pendingSeparator = false;
        } else {
            pendingSeparator = true;
        }
    }
    return code;
}

} // namespace

std::optional<VocabularyItem> VocabularyRepository::nameClash(Vocabulary vocabulary,
                                                              std::string_view name,
                                                              std::optional<Id> except) {
    const std::string wanted = foldForSearch(name);
    for (VocabularyItem& item : list(vocabulary, true)) {
        if (item.id != except && foldForSearch(item.name) == wanted) {
            return std::move(item);
        }
    }
    return std::nullopt;
}

void VocabularyRepository::requireNewName(Vocabulary vocabulary, const std::string& name,
                                          std::optional<Id> except) {
    if (const auto clash = nameClash(vocabulary, name, except)) {
        throw ValidationError(std::string(tableName(vocabulary)) + ": '" + name +
                              "' already exists" +
                              (clash->name == name ? "" : " as '" + clash->name + "'") +
                              (clash->hidden ? " (hidden)" : "") +
                              "; names must differ in more than case and accents");
    }
}

const char* tableName(Vocabulary vocabulary) {
    switch (vocabulary) {
    case Vocabulary::Symptom:
        return "symptom";
    case Vocabulary::TreatmentKind:
        return "treatment_kind";
    case Vocabulary::Trigger:
        return "trigger_cause";
    }
    return "symptom";
}

std::vector<VocabularyItem> VocabularyRepository::list(Vocabulary vocabulary, bool includeHidden) {
    sql::Statement query(m_db, std::string("SELECT id, code, name, builtin, hidden FROM ") +
                                   tableName(vocabulary) +
                                   " WHERE hidden = 0 OR ? = 1 ORDER BY sort_order, id");
    query.bind(1, includeHidden ? 1 : 0);
    std::vector<VocabularyItem> items;
    while (query.executeStep()) {
        VocabularyItem item;
        item.id = query.getColumn(0).getInt64();
        item.code = query.getColumn(1).getString();
        item.name = query.getColumn(2).getString();
        item.builtin = query.getColumn(3).getInt() != 0;
        item.hidden = query.getColumn(4).getInt() != 0;
        items.push_back(std::move(item));
    }
    return items;
}

VocabularyItem VocabularyRepository::add(Vocabulary vocabulary, const std::string& name) {
    VocabularyItem item;
    item.name = std::string(trimmed(name));
    if (item.name.empty()) {
        throw ValidationError(std::string(tableName(vocabulary)) + ": name must not be empty");
    }
    requireNewName(vocabulary, item.name, std::nullopt);
    const std::string table = tableName(vocabulary);
    const std::string base = codeFromName(item.name);
    item.code = base;
    sql::Statement codeTaken(m_db, "SELECT count(*) FROM " + table + " WHERE code = ?");
    for (int n = 2;; ++n) {
        codeTaken.tryReset();
        codeTaken.bind(1, item.code);
        codeTaken.executeStep();
        if (codeTaken.getColumn(0).getInt() == 0) {
            break;
        }
        item.code = base + "_" + std::to_string(n);
    }
    sql::Statement insert(m_db, "INSERT INTO " + table +
                                    " (code, name, builtin, hidden, sort_order) VALUES "
                                    "(?, ?, 0, 0, (SELECT coalesce(max(sort_order), 0) + 10 FROM " +
                                    table + ")) RETURNING id");
    insert.bind(1, item.code);
    insert.bind(2, item.name);
    item.id = statement_helpers::insertReturningId(insert);
    return item;
}

void VocabularyRepository::rename(Vocabulary vocabulary, Id id, const std::string& name) {
    const std::string newName(trimmed(name));
    if (newName.empty()) {
        throw ValidationError(std::string(tableName(vocabulary)) + ": name must not be empty");
    }
    requireNewName(vocabulary, newName, id);
    sql::Statement update(m_db, std::string("UPDATE ") + tableName(vocabulary) +
                                    " SET name = ? WHERE id = ?");
    update.bind(1, newName);
    update.bind(2, static_cast<std::int64_t>(id));
    try {
        update.exec();
    } catch (const sql::Error& error) {
        throw ValidationError(std::string(tableName(vocabulary)) + ": '" + newName +
                              "' already exists");
    }
}

void VocabularyRepository::setHidden(Vocabulary vocabulary, Id id, bool hidden) {
    sql::Statement update(m_db, std::string("UPDATE ") + tableName(vocabulary) +
                                    " SET hidden = ? WHERE id = ?");
    update.bind(1, hidden ? 1 : 0);
    update.bind(2, static_cast<std::int64_t>(id));
    update.exec();
}

} // namespace knotmap
