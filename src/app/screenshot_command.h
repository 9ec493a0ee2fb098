#pragma once

#include <string>

namespace CLI {
class App;
}

namespace knotmap {

struct ScreenshotArguments {
    std::string db;
    std::string output;
    int width = 1280;
    int height = 800;
    std::string client;        // empty: the first client, as the window opens
    std::string view = "both"; // front, back or both
    std::string theme = "light";
    double zoom = 1.0;            // the body map's zoom, about its centre
    std::string tab = "body-map"; // or a history view: knot-history, overview, heat, ...
    // Selects the client's first knot in this atlas region (the map's ring,
    // its referral overlay, and the knot history's knot); empty: none.
    std::string knotRegion;
};

// Adds `knotmap screenshot` and its options to app.
CLI::App* addScreenshotCommand(CLI::App& app, ScreenshotArguments& arguments);

// Renders the main window off screen, in a hidden window, once the UI has
// settled and writes it as a PNG; returns the exit code. Throws with a
// message naming the file or client on failure.
int runScreenshot(const ScreenshotArguments& arguments);

} // namespace knotmap
