#pragma once

#include <cstdint>
#include <filesystem>
#include <span>

namespace knotmap::render {

// Writes 8-bit RGBA pixels, first row at the top, as a PNG file: an
// OutputFile (core/output_file.h), 0600, complete or not there at all.
// Throws std::runtime_error naming the file when it cannot be written.
void writePng(const std::filesystem::path& file, int width, int height,
              std::span<const std::uint8_t> rgba);

} // namespace knotmap::render
