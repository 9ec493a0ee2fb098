#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <string>
#include <vector>

// What the client list's archive section and the vocabulary manager show,
// read with the rest of the view model (never per frame).
namespace knotmap::ui {

struct ArchivedClient {
    Id id = 0;
    std::string name;
};

// Every entry of each vocabulary, hidden ones included, in display order.
struct VocabularyLists {
    std::vector<VocabularyItem> symptoms;
    std::vector<VocabularyItem> treatments;
    std::vector<VocabularyItem> triggers;

    [[nodiscard]] const std::vector<VocabularyItem>& of(Vocabulary vocabulary) const;
};

[[nodiscard]] std::vector<ArchivedClient> readArchivedClients(sql::Connection& db);
[[nodiscard]] VocabularyLists readVocabularyLists(sql::Connection& db);

} // namespace knotmap::ui
