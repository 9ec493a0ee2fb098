#include "ui/style/fonts.h"

#include "core/asset_registry.h"
#include "ui/style/fallback_faces.h"

#include <imgui_freetype.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

namespace knotmap::ui {
namespace {

// Latin with its common extensions, Greek and Cyrillic (Inter draws all
// three), plus the typographic punctuation, arrows and symbols the text uses
// (en dash, middle dot, ellipsis, arrows). Other scripts come from installed
// fonts as they are needed (ui/style/fallback_faces.h).
// The atlas keeps a pointer to this array, so it lives as long as the program.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, // Basic Latin, Latin-1 Supplement
    0x0100, 0x024F, // Latin Extended-A and -B
    0x0370, 0x03FF, // Greek and Coptic
    0x0400, 0x052F, // Cyrillic, Cyrillic Supplement
    0x1F00, 0x1FFF, // Greek Extended (polytonic)
    0x2010, 0x205E, // General Punctuation
    0x2190, 0x21FF, // Arrows
    0x2212, 0x2212, // Minus sign
    0x25CF, 0x25CF, // Black circle
    0,
};

ImFontConfig baseConfig(const std::string& name) {
    ImFontConfig config;
    // The bytes are embedded in the binary or held by FallbackFaces: the
    // atlas must not free them.
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    name.copy(config.Name, sizeof config.Name - 1);
    return config;
}

ImFont* addFont(ImFontAtlas& atlas, std::string_view assetName, float pixels,
                const ImWchar* ranges) {
    const std::string_view bytes = asset(assetName);
    ImFontConfig config = baseConfig(std::string(assetName) + ", " + std::to_string(pixels) + "px");
    // ImGui's signature takes a mutable pointer but only reads the data when
    // FontDataOwnedByAtlas is false.
    ImFont* font = atlas.AddFontFromMemoryTTF(
        const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()), pixels, &config, ranges);
    if (font == nullptr) {
        throw std::runtime_error("cannot load the embedded font " + std::string(assetName));
    }
    return font;
}

// Merges each fallback face into the font just added, at its pixel size, so
// one line of text can mix scripts.
void mergeFallbacks(ImFontAtlas& atlas, const FallbackFaces::Plan& plan, float pixels) {
    for (const FallbackFaces::Merge& merge : plan.merges) {
        ImFontConfig config = baseConfig(merge.name);
        config.MergeMode = true;
        config.FontNo = merge.index;
        atlas.AddFontFromMemoryTTF(const_cast<char*>(merge.bytes.data()),
                                   static_cast<int>(merge.bytes.size()), pixels, &config,
                                   merge.ranges);
    }
}

} // namespace

bool inBaseGlyphRanges(char32_t codePoint) {
    for (const ImWchar* range = kGlyphRanges; range[0] != 0; range += 2) {
        if (codePoint >= range[0] && codePoint <= range[1]) {
            return true;
        }
    }
    return false;
}

std::set<char32_t> baseGlyphCodePoints() {
    std::set<char32_t> codePoints;
    for (const ImWchar* range = kGlyphRanges; range[0] != 0; range += 2) {
        for (char32_t codePoint = range[0]; codePoint <= range[1]; ++codePoint) {
            codePoints.insert(codePoints.end(), codePoint);
        }
    }
    return codePoints;
}

FontSet buildFonts(ImFontAtlas& atlas, float uiScale, FallbackFaces* fallbacks) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    const auto pixels = [uiScale](float base) {
        return std::round(base * uiScale);
    };
    FallbackFaces::Plan plan;
    if (fallbacks != nullptr) {
        plan = fallbacks->plan();
    }
    const ImWchar* ranges = plan.interRanges != nullptr ? plan.interRanges : kGlyphRanges;
    const auto add = [&](std::string_view assetName, float size) {
        ImFont* font = addFont(atlas, assetName, pixels(size), ranges);
        mergeFallbacks(atlas, plan, pixels(size));
        return font;
    };
    FontSet fonts;
    // The first font added is ImGui's default.
    fonts.body = add("fonts/Inter-Regular.otf", kBodyFontPixels);
    fonts.strong = add("fonts/Inter-SemiBold.otf", kBodyFontPixels);
    fonts.heading = add("fonts/Inter-SemiBold.otf", 22.0f);
    fonts.small = add("fonts/Inter-Regular.otf", 13.5f);
    if (!atlas.Build()) {
        throw std::runtime_error("cannot build the font atlas");
    }
    return fonts;
}

} // namespace knotmap::ui
