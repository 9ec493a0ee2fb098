#pragma once

#include <string>
#include <vector>

namespace knotmap {

// "a", "a and b", "a, b and c": names listed as a sentence says them.
[[nodiscard]] inline std::string joinedWithAnd(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        text += (i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ")) + names[i];
    }
    return text;
}

} // namespace knotmap
