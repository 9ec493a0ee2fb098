#include "render/png_writer.h"

#include "core/output_file.h"

// The implementation is compiled into Debian's libstb (linked through
// pkg-config imgui); only the declarations are needed here.
#include <stb_image_write.h>
#include <stdexcept>
#include <string>

namespace knotmap::render {
namespace {

struct EncodedPng {
    std::string bytes;
    bool outOfMemory = false;
};

// stb calls this from C: nothing may be thrown through it.
void appendBytes(void* context, void* data, int size) {
    auto* png = static_cast<EncodedPng*>(context);
    try {
        png->bytes.append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    } catch (...) {
        png->outOfMemory = true;
    }
}

} // namespace

void writePng(const std::filesystem::path& file, int width, int height,
              std::span<const std::uint8_t> rgba) {
    const auto expected = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    if (width <= 0 || height <= 0 || rgba.size() != expected) {
        throw std::runtime_error(file.string() + ": no image to write (" + std::to_string(width) +
                                 " x " + std::to_string(height) + ")");
    }
    // Encoded in memory, then written as an OutputFile: stb's own file
    // writing neither checks its writes nor lets the file be made 0600.
    EncodedPng png;
    if (stbi_write_png_to_func(appendBytes, &png, width, height, 4, rgba.data(), width * 4) == 0 ||
        png.outOfMemory) {
        throw std::runtime_error(file.string() + ": cannot encode the PNG image");
    }
    writeOutputFile(file, png.bytes, "the PNG file");
}

} // namespace knotmap::render
