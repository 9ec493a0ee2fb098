#include "core/asset_registry.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace knotmap {

std::string_view asset(std::string_view name) {
    for (const EmbeddedAsset& entry : embeddedAssets()) {
        if (entry.name == name) {
            return entry.bytes;
        }
    }
    throw std::out_of_range("asset not embedded in this build: " + std::string(name));
}

std::vector<EmbeddedAsset> assetsWithPrefix(std::string_view prefix) {
    std::vector<EmbeddedAsset> found;
    for (const EmbeddedAsset& entry : embeddedAssets()) {
        if (entry.name.starts_with(prefix)) {
            found.push_back(entry);
        }
    }
    std::sort(found.begin(), found.end(),
              [](const EmbeddedAsset& a, const EmbeddedAsset& b) { return a.name < b.name; });
    return found;
}

} // namespace knotmap
