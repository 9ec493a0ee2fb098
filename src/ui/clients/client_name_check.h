#pragma once

#include "core/domain.h"
#include "ui/shell/app_view_model.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// Why name cannot be given to a client (except: the one being edited), or
// "" when it can: worded to follow "Name: ". Names are compared folded
// (core/text_search.h), as the store compares them. Checked as the user presses Enter, so the
// message appears beside the field instead of as a failed save; the store checks again.
[[nodiscard]] std::string clientNameProblem(const AppViewModel& model, const std::string& name,
                                            std::optional<Id> except);

} // namespace knotmap::ui
