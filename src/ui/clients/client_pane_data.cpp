#include "ui/clients/client_pane_data.h"

#include "store/client_repository.h"
#include "store/vocabulary_repository.h"

namespace knotmap::ui {

const std::vector<VocabularyItem>& VocabularyLists::of(Vocabulary vocabulary) const {
    switch (vocabulary) {
    case Vocabulary::Symptom:
        return symptoms;
    case Vocabulary::TreatmentKind:
        return treatments;
    case Vocabulary::Trigger:
        return triggers;
    }
    return symptoms;
}

std::vector<ArchivedClient> readArchivedClients(sql::Connection& db) {
    std::vector<ArchivedClient> archived;
    for (const Client& client : ClientRepository(db).list(true)) {
        if (client.archived) {
            archived.push_back({client.id, client.name});
        }
    }
    return archived;
}

VocabularyLists readVocabularyLists(sql::Connection& db) {
    VocabularyRepository repository(db);
    VocabularyLists lists;
    lists.symptoms = repository.list(Vocabulary::Symptom, true);
    lists.treatments = repository.list(Vocabulary::TreatmentKind, true);
    lists.triggers = repository.list(Vocabulary::Trigger, true);
    return lists;
}

} // namespace knotmap::ui
