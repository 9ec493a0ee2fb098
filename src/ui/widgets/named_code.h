#pragma once

#include <string>

namespace knotmap::ui {

// A stored code with the name the user sees for it.
struct NamedCode {
    std::string code;
    std::string name;
};

} // namespace knotmap::ui
