#pragma once

#include "core/domain.h"
#include "ui/app_view_model.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// Why name cannot be given to a client (except: the one being renamed), or
// "" when it can. Checked as the user presses Enter, so the message appears
// beside the field instead of as a failed save; the store checks again.
[[nodiscard]] std::string clientNameProblem(const AppViewModel& model, const std::string& name,
                                            std::optional<Id> except);

} // namespace knotmap::ui
