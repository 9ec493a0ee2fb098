#include "core/settings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace knotmap;

namespace {

bool mentions(const std::vector<std::string>& problems, const std::string& field) {
    for (const std::string& problem : problems) {
        if (problem.rfind(field + ":", 0) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("settings default to light, 100 percent, no therapist mode, side by side") {
    const Settings settings;
    CHECK(settings.theme == ThemeSetting::Light);
    CHECK(settings.fontScalePercent == 100);
    CHECK_FALSE(settings.therapistMode);
    CHECK(settings.defaultView == BodyMapMode::SideBySide);
    const ParsedSettings empty = parseSettings("{}");
    CHECK(empty.problems.empty());
    CHECK(empty.settings == Settings{});
}

TEST_CASE("settings survive a round trip through JSON") {
    Settings settings;
    settings.theme = ThemeSetting::Dark;
    settings.fontScalePercent = 130;
    settings.therapistMode = true;
    settings.defaultView = BodyMapMode::Back;
    const std::string text = serializeSettings(settings);
    CHECK(text.find("\"theme\": \"dark\"") != std::string::npos);
    CHECK(text.back() == '\n');
    const ParsedSettings parsed = parseSettings(text);
    CHECK(parsed.problems.empty());
    CHECK(parsed.settings == settings);
}

TEST_CASE("each bad settings field is named and only that field falls back") {
    const ParsedSettings parsed = parseSettings(R"({"theme": "purple", "font_scale_percent": 300,
        "therapist_mode": "yes", "default_view": 2, "future_key": 1})");
    CHECK(parsed.problems.size() == 4);
    CHECK(mentions(parsed.problems, "theme"));
    CHECK(mentions(parsed.problems, "font_scale_percent"));
    CHECK(mentions(parsed.problems, "therapist_mode"));
    CHECK(mentions(parsed.problems, "default_view"));
    CHECK(parsed.settings == Settings{});

    const ParsedSettings mixed = parseSettings(R"({"theme": "dark", "font_scale_percent": 12.5})");
    REQUIRE(mixed.problems.size() == 1);
    CHECK(mixed.problems[0] ==
          "font_scale_percent: must be a whole number from 90 to 150, got 12.5");
    CHECK(mixed.settings.theme == ThemeSetting::Dark);
    CHECK(mixed.settings.fontScalePercent == 100);
}

TEST_CASE("a settings file that is not a JSON object gives defaults and one problem") {
    for (const char* text : {"", "{\"theme\": ", "[1, 2]", "\"dark\""}) {
        CAPTURE(text);
        const ParsedSettings parsed = parseSettings(text);
        CHECK(parsed.problems.size() == 1);
        CHECK(parsed.settings == Settings{});
    }
}

TEST_CASE("the font scale accepts its whole range") {
    CHECK(parseSettings(R"({"font_scale_percent": 90})").settings.fontScalePercent == 90);
    CHECK(parseSettings(R"({"font_scale_percent": 150})").settings.fontScalePercent == 150);
    CHECK(parseSettings(R"({"font_scale_percent": 89})").problems.size() == 1);
}

TEST_CASE("the window's place and maximised state survive a round trip; none until saved") {
    CHECK_FALSE(Settings{}.window.has_value());
    CHECK(serializeSettings(Settings{}).find("window") == std::string::npos);
    Settings settings;
    settings.window = WindowGeometry{{-1900, 40, 1600, 900}, true};
    const std::string text = serializeSettings(settings);
    CHECK(text.find("\"maximized\": true") != std::string::npos);
    const ParsedSettings parsed = parseSettings(text);
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.settings.window.has_value());
    CHECK(parsed.settings.window->normal == ScreenRect{-1900, 40, 1600, 900});
    CHECK(parsed.settings.window->maximized);
}

TEST_CASE("a damaged window entry is named and the window opens at its first-run size") {
    for (const char* text :
         {R"({"window": [1, 2]})", R"({"window": {"x": 0, "y": 0, "width": 0, "height": 700,
             "maximized": false}})",
          R"({"window": {"x": 0, "y": 0, "width": 1200, "height": 700}})",
          R"({"window": {"x": 0.5, "y": 0, "width": 1200, "height": 700, "maximized": false}})",
          R"({"window": {"x": 0, "y": 0, "width": 9999999, "height": 700, "maximized": 0}})"}) {
        CAPTURE(text);
        const ParsedSettings parsed = parseSettings(text);
        REQUIRE(parsed.problems.size() == 1);
        CHECK(mentions(parsed.problems, "window"));
        CHECK_FALSE(parsed.settings.window.has_value());
    }
}

TEST_CASE("the file chooser's last folder survives a round trip; absent until chosen") {
    CHECK(serializeSettings(Settings{}).find("last_folder") == std::string::npos);
    Settings settings;
    settings.lastFolder = "/home/dana/Documents/clinic exports";
    const ParsedSettings parsed = parseSettings(serializeSettings(settings));
    CHECK(parsed.problems.empty());
    CHECK(parsed.settings.lastFolder == "/home/dana/Documents/clinic exports");

    const ParsedSettings bad = parseSettings(R"({"last_folder": 7, "theme": "dark"})");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0] == "last_folder: must be a folder's path as a string, got 7");
    CHECK(bad.settings.lastFolder.empty());
    CHECK(bad.settings.theme == ThemeSetting::Dark);
}

TEST_CASE("recent databases: the latest first, no repeats, at most eight, and a round trip") {
    Settings settings;
    CHECK(serializeSettings(settings).find("recent_databases") == std::string::npos);
    for (int i = 1; i <= 10; ++i) {
        noteRecentDatabase(settings, "/home/dana/db" + std::to_string(i) + ".db");
    }
    REQUIRE(settings.recentDatabases.size() == kRecentDatabases);
    CHECK(settings.recentDatabases.front() == "/home/dana/db10.db");
    CHECK(settings.recentDatabases.back() == "/home/dana/db3.db");
    noteRecentDatabase(settings, "/home/dana/db5.db"); // opened again: moved to the front
    CHECK(settings.recentDatabases.size() == kRecentDatabases);
    CHECK(settings.recentDatabases[0] == "/home/dana/db5.db");
    CHECK(settings.recentDatabases[1] == "/home/dana/db10.db");
    CHECK(std::count(settings.recentDatabases.begin(), settings.recentDatabases.end(),
                     "/home/dana/db5.db") == 1);

    const ParsedSettings parsed = parseSettings(serializeSettings(settings));
    CHECK(parsed.problems.empty());
    CHECK(parsed.settings.recentDatabases == settings.recentDatabases);

    const ParsedSettings bad = parseSettings(R"({"recent_databases": ["/a.db", 3]})");
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0] ==
          "recent_databases: must be a list of database paths as strings, got [\"/a.db\",3]");
    CHECK(bad.settings.recentDatabases.empty());
}
