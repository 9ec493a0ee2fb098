#pragma once

#include "core/view_transform.h"
#include "core/window_placement.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The user's preferences that persist between runs, and their JSON form.
// Pure: reading and writing the file is app/settings_file.h.
namespace knotmap {

enum class ThemeSetting { Light, Dark };

// The font (and with it the whole UI) scale the user may choose, in percent.
inline constexpr int kMinFontScalePercent = 90;
inline constexpr int kMaxFontScalePercent = 150;
inline constexpr int kFontScaleStepPercent = 10;

inline constexpr std::size_t kRecentDatabases = 8;

// Other panels read these through MainScreenState::settings (ui/shell/main_screen.h).
struct Settings {
    ThemeSetting theme = ThemeSetting::Light;
    int fontScalePercent = 100; // kMinFontScalePercent..kMaxFontScalePercent
    // Shows the client list and visit fields even for a single client.
    bool therapistMode = false;
    // The body map's view when the window opens.
    BodyMapMode defaultView = BodyMapMode::SideBySide;
    // Where the window was when it last closed; none before the first close.
    std::optional<WindowGeometry> window;
    // The folder a file chooser last chose in, where the next one starts;
    // empty before the first choice.
    std::string lastFolder;
    // Database files opened in the window, the latest first (File > Open
    // recent); at most kRecentDatabases.
    std::vector<std::string> recentDatabases;

    bool operator==(const Settings&) const = default;
};

// settings.recentDatabases with path first (moved there if listed already),
// cut to kRecentDatabases.
void noteRecentDatabase(Settings& settings, const std::string& path);

// What came out of a settings file: every valid field, defaults for the rest,
// and one sentence per field that could not be used ("theme: ...").
struct ParsedSettings {
    Settings settings;
    std::vector<std::string> problems; // empty when the whole file was usable
};

// Unknown keys are ignored (a newer version may have written them); a text
// that is not a JSON object gives defaults and one problem.
[[nodiscard]] ParsedSettings parseSettings(std::string_view json);

// Pretty-printed JSON with every field, ending in a newline.
[[nodiscard]] std::string serializeSettings(const Settings& settings);

[[nodiscard]] std::string_view toCode(ThemeSetting theme);
// The code of a body-map view in the file: "front", "back", "side_by_side".
[[nodiscard]] std::string_view viewCode(BodyMapMode mode);

} // namespace knotmap
