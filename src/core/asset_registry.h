#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace knotmap {

// A file embedded into the binary at build time (see cmake/embed_assets.cmake).
struct EmbeddedAsset {
    std::string_view name;  // e.g. "db/sqlite/001_initial.sql"
    std::string_view bytes; // always followed by a NUL byte in memory
};

// Defined by the generated knotmap_assets library.
std::span<const EmbeddedAsset> embeddedAssets();

// The one asset function: bytes of the named asset; throws std::out_of_range
// naming the asset when it was not embedded.
[[nodiscard]] std::string_view asset(std::string_view name);

// Every asset whose name starts with prefix, sorted by name.
[[nodiscard]] std::vector<EmbeddedAsset> assetsWithPrefix(std::string_view prefix);

} // namespace knotmap
