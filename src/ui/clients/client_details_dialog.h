#pragma once

#include "core/domain.h"
#include "ui/dialogs/record_history_dialog.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/appearance.h"

#include <optional>
#include <string>

// The "New client" and "Edit client" form: name, birth year and notes, each
// checked as Save is pressed with the reason beneath the field it is about.
namespace knotmap::ui {

struct ClientForm {
    std::optional<Id> clientId; // the client edited; none for a new client
    int version = 0;            // the edited client's version when the form opened
    std::string name;
    std::string birthYear; // as typed: four digits or nothing
    std::string notes;
    // In a practice the front desk reads the notes as the client's contact
    // notes; the label says so. Set by the caller, which knows the workspace.
    bool inPractice = false;
    // Why a field cannot be saved, shown beneath it ("Birth year: ...").
    std::string nameError;
    std::string birthYearError;
    bool openRequested = true; // the popup opens on the next draw
    // An edited client's History: asked for by the form, read by the caller
    // (which has the database), shown over the form.
    bool historyWanted = false;
    RecordHistoryState history;
};

[[nodiscard]] ClientForm newClientForm(std::string name = {});
[[nodiscard]] ClientForm editClientForm(const ClientEntry& client);

// Draws the form while form holds one (a modal popup over the window). When
// the user saves details that pass the form's checks, returns them (id 0 for
// a new client) and empties form; Cancel or Esc empties it with nothing
// returned. The store checks again when the command runs.
[[nodiscard]] std::optional<Client> drawClientDetailsDialog(const AppViewModel& model,
                                                            std::optional<ClientForm>& form,
                                                            const Appearance& look);

} // namespace knotmap::ui
