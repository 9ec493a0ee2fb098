#include "ui/documents_folder.h"

#include <cctype>
#include <cstdlib>

namespace knotmap::ui {

std::filesystem::path homeSubfolder(std::string_view name) {
    namespace fs = std::filesystem;
    const char* home = std::getenv("HOME");
    fs::path folder = home != nullptr ? fs::path(home) : fs::current_path();
    std::error_code ignored;
    if (fs::is_directory(folder / name, ignored)) {
        folder /= name;
    }
    return folder;
}

std::filesystem::path documentsFolder() {
    return homeSubfolder("Documents");
}

std::string fileNamePart(std::string_view text) {
    std::string name;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        name += std::isalnum(byte) != 0 || byte >= 0x80 ? c : '-';
    }
    return name;
}

} // namespace knotmap::ui
