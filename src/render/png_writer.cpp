#include "render/png_writer.h"

// The implementation is compiled into Debian's libstb (linked through
// pkg-config imgui); only the declarations are needed here.
#include <stb_image_write.h>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unistd.h>

namespace knotmap::render {

void writePng(const std::filesystem::path& file, int width, int height,
              std::span<const std::uint8_t> rgba) {
    const auto expected = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
    if (width <= 0 || height <= 0 || rgba.size() != expected) {
        throw std::runtime_error(file.string() + ": no image to write (" + std::to_string(width) +
                                 " x " + std::to_string(height) + ")");
    }
    const std::filesystem::path partial = file.string() + ".partial-" + std::to_string(::getpid());
    if (stbi_write_png(partial.c_str(), width, height, 4, rgba.data(), width * 4) == 0) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw std::runtime_error(file.string() + ": cannot write the PNG file");
    }
    std::error_code error;
    std::filesystem::rename(partial, file, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw std::runtime_error(file.string() + ": cannot write the PNG file: " + error.message());
    }
}

} // namespace knotmap::render
