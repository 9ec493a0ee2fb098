#include "ui/shell/documents_folder.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace knotmap::ui {
namespace {

// How many bytes the UTF-8 character starting with lead takes.
std::size_t characterLength(unsigned char lead) {
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// At most this many initials: "client-3-ABCD" for a long name.
constexpr std::size_t kMaxInitials = 4;

} // namespace

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

std::string clientFileLabel(Id id, std::string_view name) {
    std::string initials;
    std::size_t count = 0;
    bool wordStart = true;
    for (std::size_t i = 0; i < name.size() && count < kMaxInitials;) {
        const auto byte = static_cast<unsigned char>(name[i]);
        const std::size_t length = std::min(characterLength(byte), name.size() - i);
        // Anything but a letter or digit separates words: "Anne-Marie O'Neil" is AMON.
        const bool letter = byte >= 0x80 || std::isalnum(byte) != 0;
        if (letter && wordStart) {
            // A non-ASCII initial stays as it is (UTF-8 is a fine file name);
            // an ASCII one is upper-cased.
            initials += byte >= 0x80 ? std::string(name.substr(i, length))
                                     : std::string(1, static_cast<char>(std::toupper(byte)));
            ++count;
        }
        wordStart = !letter;
        i += length;
    }
    std::string label = "client-" + std::to_string(id);
    return initials.empty() ? label : label + "-" + initials;
}

} // namespace knotmap::ui
