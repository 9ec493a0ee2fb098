#pragma once

#include "core/domain.h"
#include "store/sql/connection.h"

#include <string>
#include <string_view>
#include <vector>

// Finding a client by the name a person typed (--client NAME on the command
// line). Names are compared folded (core/text_search.h: case and accents
// ignored, in every script), which is wider than the NOCASE index on
// client.name: an older database may hold two names that fold alike ("Anna"
// and "Änna"), and then the lookup refuses rather than picks one.
namespace knotmap {

// The clients name means: the one spelled exactly so, byte for byte, if
// there is one (the NOCASE index keeps that unique); otherwise every client
// whose name folds to the same text as name. Archived clients count.
[[nodiscard]] std::vector<Client> clientsNamed(sql::Connection& db, std::string_view name);

// The one client name means. Throws std::runtime_error when there is none
// (listing the clients of the database, called where) or when several fold
// alike (listing them, so the user can spell the one they mean exactly).
[[nodiscard]] Client requireClientNamed(sql::Connection& db, std::string_view name,
                                        const std::string& where);

// The client other than except whose name folds to the same text as name,
// if any: who stands in the way of a new name (archived clients too).
[[nodiscard]] std::optional<Client> clientNameClash(sql::Connection& db, std::string_view name,
                                                    std::optional<Id> except);

} // namespace knotmap
