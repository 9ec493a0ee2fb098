#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

namespace knotmap::render {

// Writes 8-bit RGBA pixels, first row at the top, as a PNG file. The file
// appears complete or not at all (written beside it, then renamed).
// Throws std::runtime_error naming the file when it cannot be written.
void writePng(const std::filesystem::path& file, int width, int height,
              std::span<const std::uint8_t> rgba);

} // namespace knotmap::render
