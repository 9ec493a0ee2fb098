#pragma once

#include "core/domain.h"
#include "store/practice/practice.h"

#include <string>
#include <vector>

namespace knotmap::ui {

// A client as the Practice window lists it: who it is assigned to and who
// else it is shared with.
struct PracticeClientRow {
    Id id = 0;
    std::string name;
    bool archived = false;
    std::string assignedLogin; // empty: assigned to nobody (only the owner sees it)
    std::string assignedName;
    std::vector<ClientAccess> shared; // by name
};

// What the Practice window shows, built between frames from the store's
// lists; drawing reads only this.
struct PracticeView {
    std::vector<Practitioner> people; // by name, disabled ones too
    std::vector<PracticeClientRow> clients;
};

struct NamedClient {
    Id id = 0;
    std::string name;
    bool archived = false;
};

// Pairs each client (in the order given) with its access rows; access to a
// client not given is left out.
[[nodiscard]] PracticeView buildPracticeView(std::vector<Practitioner> people,
                                             const std::vector<ClientAccess>& access,
                                             const std::vector<NamedClient>& clients);

// Whether a client can be assigned to or shared with this person: the
// server accepts enabled owners and practitioners, never the front desk.
[[nodiscard]] bool canHoldClients(const Practitioner& person);

// The people a client can still be shared with: able to hold clients, and
// neither assigned it nor sharing it already.
[[nodiscard]] std::vector<const Practitioner*> shareCandidates(const PracticeView& view,
                                                               const PracticeClientRow& client);

// Why a new person's name and login cannot be used as typed, or "" when they
// can. Checked in the window so the reason shows beside the form; the server
// checks again (a login taken by someone outside the practice, say).
[[nodiscard]] std::string newPersonProblem(const std::string& name, const std::string& login,
                                           const std::vector<Practitioner>& people);

} // namespace knotmap::ui
