#pragma once

#include "store/sql/connection.h"
#include "ui/front_desk/front_desk_state.h"

// Carries out what the front desk's screen asked for this frame (add or save
// a client, book a visit) and says how it went on the screen: a refused
// form's reason beside it, a failure of the server in the notice banner.
namespace knotmap {

// True when the records must be read again (something was written, or a
// save was refused because somebody else had changed the client).
bool applyFrontDeskRequests(sql::Connection& db, ui::FrontDeskScreenState& state);

// Reads the clients and the selected client's visits into data; false, with
// the notice saying why, when the server did not answer (data stays).
bool readFrontDeskData(sql::Connection& db, ui::FrontDeskScreenState& state,
                       ui::FrontDeskData& data);

} // namespace knotmap
