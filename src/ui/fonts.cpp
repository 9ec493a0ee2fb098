#include "ui/fonts.h"

#include "core/asset_registry.h"

#include <imgui_freetype.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

namespace knotmap::ui {
namespace {

// Latin with its common extensions plus the typographic punctuation, arrows
// and symbols the text uses (en dash, middle dot, ellipsis, arrows).
// The atlas keeps a pointer to this array, so it lives as long as the program.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, // Basic Latin, Latin-1 Supplement
    0x0100, 0x024F, // Latin Extended-A and -B
    0x2010, 0x205E, // General Punctuation
    0x2190, 0x21FF, // Arrows
    0x2212, 0x2212, // Minus sign
    0x25CF, 0x25CF, // Black circle
    0,
};

ImFont* addFont(ImFontAtlas& atlas, std::string_view assetName, float pixels) {
    const std::string_view bytes = asset(assetName);
    ImFontConfig config;
    // The bytes are embedded in the binary: the atlas must not free them.
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    const std::string name = std::string(assetName) + ", " + std::to_string(pixels) + "px";
    name.copy(config.Name, sizeof config.Name - 1);
    // ImGui's signature takes a mutable pointer but only reads the data when
    // FontDataOwnedByAtlas is false.
    ImFont* font =
        atlas.AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()),
                                   pixels, &config, kGlyphRanges);
    if (font == nullptr) {
        throw std::runtime_error("cannot load the embedded font " + std::string(assetName));
    }
    return font;
}

} // namespace

FontSet buildFonts(ImFontAtlas& atlas, float uiScale) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    const auto pixels = [uiScale](float base) {
        return std::round(base * uiScale);
    };
    FontSet fonts;
    // The first font added is ImGui's default.
    fonts.body = addFont(atlas, "fonts/Inter-Regular.otf", pixels(kBodyFontPixels));
    fonts.strong = addFont(atlas, "fonts/Inter-SemiBold.otf", pixels(kBodyFontPixels));
    fonts.heading = addFont(atlas, "fonts/Inter-SemiBold.otf", pixels(22.0f));
    fonts.small = addFont(atlas, "fonts/Inter-Regular.otf", pixels(13.5f));
    if (!atlas.Build()) {
        throw std::runtime_error("cannot build the font atlas");
    }
    return fonts;
}

} // namespace knotmap::ui
