#pragma once

#include "ui/front_desk/front_desk_state.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

// "Book a visit" (date, time, kind, Book visit) for the selected client,
// above their visits newest first: date, time and kind, nothing clinical.
// A booking that reads as a time becomes state.requests.bookVisit.
void drawFrontDeskVisits(const FrontDeskData& data, FrontDeskScreenState& state, Id clientId,
                         const Appearance& look);

// The booking form as it starts: the next whole hour, a therapy visit (after
// a booking, so the next one is not booked at a time gone by).
void resetVisitBooking(VisitBooking& form);

} // namespace knotmap::ui
