#include "core/settings.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

namespace knotmap {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<ThemeSetting, std::string_view>, 2> kThemes{{
    {ThemeSetting::Light, "light"},
    {ThemeSetting::Dark, "dark"},
}};

constexpr std::array<std::pair<BodyMapMode, std::string_view>, 3> kViews{{
    {BodyMapMode::Front, "front"},
    {BodyMapMode::Back, "back"},
    {BodyMapMode::SideBySide, "side_by_side"},
}};

template <typename Enum, std::size_t N>
std::optional<Enum> fromCode(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view code) {
    for (const auto& [value, name] : table) {
        if (name == code) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string listCodes(const std::array<std::pair<Enum, std::string_view>, N>& table) {
    std::string text;
    for (const auto& entry : table) {
        text += (text.empty() ? "\"" : ", \"") + std::string(entry.second) + "\"";
    }
    return text;
}

// Reads one enum field; a missing field keeps the default silently.
template <typename Enum, std::size_t N>
void readChoice(const json& object, const char* key,
                const std::array<std::pair<Enum, std::string_view>, N>& table, Enum& target,
                std::vector<std::string>& problems) {
    const auto found = object.find(key);
    if (found == object.end()) {
        return;
    }
    const std::optional<Enum> value =
        found->is_string() ? fromCode(table, found->template get<std::string>()) : std::nullopt;
    if (!value) {
        problems.push_back(std::string(key) + ": must be one of " + listCodes(table) + ", got " +
                           found->dump());
        return;
    }
    target = *value;
}

void readFontScale(const json& object, Settings& settings, std::vector<std::string>& problems) {
    const auto found = object.find("font_scale_percent");
    if (found == object.end()) {
        return;
    }
    const bool whole = found->is_number_integer();
    const auto value = whole ? found->get<long long>() : 0;
    if (!whole || value < kMinFontScalePercent || value > kMaxFontScalePercent) {
        problems.push_back("font_scale_percent: must be a whole number from " +
                           std::to_string(kMinFontScalePercent) + " to " +
                           std::to_string(kMaxFontScalePercent) + ", got " + found->dump());
        return;
    }
    settings.fontScalePercent = static_cast<int>(value);
}

void readTherapistMode(const json& object, Settings& settings, std::vector<std::string>& problems) {
    const auto found = object.find("therapist_mode");
    if (found == object.end()) {
        return;
    }
    if (!found->is_boolean()) {
        problems.push_back("therapist_mode: must be true or false, got " + found->dump());
        return;
    }
    settings.therapistMode = found->get<bool>();
}

// "last_folder": "/home/dana/Documents/exports".
void readLastFolder(const json& object, Settings& settings, std::vector<std::string>& problems) {
    const auto found = object.find("last_folder");
    if (found == object.end()) {
        return;
    }
    if (!found->is_string()) {
        problems.push_back("last_folder: must be a folder's path as a string, got " +
                           found->dump());
        return;
    }
    settings.lastFolder = found->get<std::string>();
}

// "recent_databases": ["/home/dana/clinic.db", ...], the latest first.
void readRecentDatabases(const json& object, Settings& settings,
                         std::vector<std::string>& problems) {
    const auto found = object.find("recent_databases");
    if (found == object.end()) {
        return;
    }
    const bool allStrings =
        found->is_array() && std::all_of(found->begin(), found->end(), [](const json& entry) {
            return entry.is_string() && !entry.get<std::string>().empty();
        });
    if (!allStrings) {
        problems.push_back("recent_databases: must be a list of database paths as strings, got " +
                           found->dump());
        return;
    }
    for (const json& entry : *found) {
        if (settings.recentDatabases.size() < kRecentDatabases) {
            settings.recentDatabases.push_back(entry.get<std::string>());
        }
    }
}

// "window": {"x": 40, "y": 30, "width": 1600, "height": 900, "maximized": false}.
// Sizes must be positive and every number plausible for a screen; where the
// rectangle is on today's screens is decided when the window opens.
void readWindow(const json& object, Settings& settings, std::vector<std::string>& problems) {
    const auto found = object.find("window");
    if (found == object.end()) {
        return;
    }
    constexpr long long kLimit = 100000;
    const auto number = [&](const char* key, long long low, long long high) -> std::optional<int> {
        const auto field = found->find(key);
        if (field == found->end() || !field->is_number_integer()) {
            return std::nullopt;
        }
        const auto value = field->get<long long>();
        return value >= low && value <= high ? std::optional(static_cast<int>(value))
                                             : std::nullopt;
    };
    const bool isObject = found->is_object();
    const auto x = isObject ? number("x", -kLimit, kLimit) : std::nullopt;
    const auto y = isObject ? number("y", -kLimit, kLimit) : std::nullopt;
    const auto width = isObject ? number("width", 1, kLimit) : std::nullopt;
    const auto height = isObject ? number("height", 1, kLimit) : std::nullopt;
    const auto maximized = isObject ? found->find("maximized") : found->end();
    if (!x || !y || !width || !height || maximized == found->end() || !maximized->is_boolean()) {
        problems.push_back("window: must be an object with whole numbers x, y, width and height "
                           "(sizes above 0) and maximized true or false, got " +
                           found->dump());
        return;
    }
    settings.window = WindowGeometry{{*x, *y, *width, *height}, maximized->get<bool>()};
}

} // namespace

void noteRecentDatabase(Settings& settings, const std::string& path) {
    std::vector<std::string>& recent = settings.recentDatabases;
    recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
    recent.insert(recent.begin(), path);
    if (recent.size() > kRecentDatabases) {
        recent.resize(kRecentDatabases);
    }
}

ParsedSettings parseSettings(std::string_view text) {
    ParsedSettings parsed;
    // No exceptions: a damaged file is an expected input, not a program error.
    const json object = json::parse(text.begin(), text.end(), nullptr, false);
    if (object.is_discarded()) {
        parsed.problems.emplace_back("the file is not valid JSON");
        return parsed;
    }
    if (!object.is_object()) {
        parsed.problems.emplace_back("the file must hold a JSON object { ... }");
        return parsed;
    }
    readChoice(object, "theme", kThemes, parsed.settings.theme, parsed.problems);
    readFontScale(object, parsed.settings, parsed.problems);
    readTherapistMode(object, parsed.settings, parsed.problems);
    readChoice(object, "default_view", kViews, parsed.settings.defaultView, parsed.problems);
    readWindow(object, parsed.settings, parsed.problems);
    readLastFolder(object, parsed.settings, parsed.problems);
    readRecentDatabases(object, parsed.settings, parsed.problems);
    return parsed;
}

std::string serializeSettings(const Settings& settings) {
    // Keys in a fixed, readable order for people who open the file.
    nlohmann::ordered_json object;
    object["theme"] = std::string(toCode(settings.theme));
    object["font_scale_percent"] = settings.fontScalePercent;
    object["therapist_mode"] = settings.therapistMode;
    object["default_view"] = std::string(viewCode(settings.defaultView));
    if (!settings.lastFolder.empty()) {
        object["last_folder"] = settings.lastFolder;
    }
    if (!settings.recentDatabases.empty()) {
        object["recent_databases"] = settings.recentDatabases;
    }
    if (settings.window) {
        const ScreenRect& normal = settings.window->normal;
        object["window"] = {{"x", normal.x},
                            {"y", normal.y},
                            {"width", normal.width},
                            {"height", normal.height},
                            {"maximized", settings.window->maximized}};
    }
    return object.dump(2) + "\n";
}

std::string_view toCode(ThemeSetting theme) {
    for (const auto& [value, name] : kThemes) {
        if (value == theme) {
            return name;
        }
    }
    return "light";
}

std::string_view viewCode(BodyMapMode mode) {
    for (const auto& [value, name] : kViews) {
        if (value == mode) {
            return name;
        }
    }
    return "side_by_side";
}

} // namespace knotmap
