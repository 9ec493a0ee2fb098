#include "core/fhir/fhir_ids.h"

#include <charconv>
#include <cstdio>

namespace knotmap::fhir {
namespace {

constexpr std::string_view kPrefix = "6b6e6f74-00"; // "knot" in ASCII
constexpr std::string_view kMiddle = "-8000-8000-";
constexpr Id kMaxRow = (Id{1} << 48) - 1;

bool isLowerHex(std::string_view text) {
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace

std::string resourceId(ResourceKind kind, Id row) {
    // Rows are SQLite rowids or PostgreSQL identities: positive and far
    // below 2^48; masking keeps the layout even for a corrupt value.
    char text[40];
    std::snprintf(text, sizeof text, "6b6e6f74-00%02x-8000-8000-%012llx", static_cast<int>(kind),
                  static_cast<unsigned long long>(row & kMaxRow));
    return text;
}

std::optional<ResourceIdentity> parseResourceId(std::string_view id) {
    if (id.size() != 36 || !id.starts_with(kPrefix) || id.substr(13, kMiddle.size()) != kMiddle) {
        return std::nullopt;
    }
    const std::string_view kindText = id.substr(kPrefix.size(), 2);
    const std::string_view rowText = id.substr(24);
    if (!isLowerHex(kindText) || !isLowerHex(rowText)) {
        return std::nullopt;
    }
    int kind = 0;
    unsigned long long row = 0;
    std::from_chars(kindText.data(), kindText.data() + kindText.size(), kind, 16);
    std::from_chars(rowText.data(), rowText.data() + rowText.size(), row, 16);
    if (kind < static_cast<int>(ResourceKind::Patient) ||
        kind > static_cast<int>(ResourceKind::Composition) || row == 0) {
        return std::nullopt;
    }
    return ResourceIdentity{static_cast<ResourceKind>(kind), static_cast<Id>(row)};
}

} // namespace knotmap::fhir
