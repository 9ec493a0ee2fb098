#include "app/screenshot_command.h"

#include "app/database_path.h"
#include "app/front_desk_gui.h"
#include "app/main_window.h"
#include "render/png_writer.h"
#include "store/client_lookup.h"
#include "store/database.h"
#include "ui/history/history_data.h"
#include "ui/knots/knot_log_controller.h"
#include "ui/sessions/session_controller.h"
#include "ui/shell/app_view_model.h"
#include "ui/shell/main_screen.h"
#include "ui/treatments/treatment_controller.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace knotmap {
namespace {

// Enough frames for ImGui to size its tables and windows from the previous
// frame's content; the fonts and view model are ready before the first.
constexpr int kSettleFrames = 10;

// The client --client names, ignoring case and accents (store/client_lookup.h);
// an archived client is not in the window's list, so it cannot be shown.
Id findClientId(Database& database, const ui::AppViewModel& model, const std::string& name) {
    const Client client = requireClientNamed(database.sql(), name, database.describe());
    if (ui::findClient(model, client.id) == nullptr) {
        throw std::runtime_error("client '" + client.name +
                                 "' is archived: the window does not "
                                 "show archived clients");
    }
    return client.id;
}

const std::map<std::string, ui::HistoryTab>& tabsByName() {
    static const std::map<std::string, ui::HistoryTab> tabs{
        {"body-map", ui::HistoryTab::BodyMap},  {"knot-history", ui::HistoryTab::KnotHistory},
        {"overview", ui::HistoryTab::Overview}, {"heat", ui::HistoryTab::Heat},
        {"compare", ui::HistoryTab::Compare},   {"treatments", ui::HistoryTab::Treatments},
        {"symptoms", ui::HistoryTab::Symptoms},
    };
    return tabs;
}

std::optional<Id> knotInRegion(const ui::ClientEntry& client, const std::string& region) {
    for (const ui::BodyMapMarker& marker : client.markers) {
        if (marker.regionCode == region) {
            return marker.knotId;
        }
    }
    return std::nullopt;
}

BodyMapMode modeFromName(const std::string& view) {
    if (view == "front") {
        return BodyMapMode::Front;
    }
    return view == "back" ? BodyMapMode::Back : BodyMapMode::SideBySide;
}

} // namespace

CLI::App* addScreenshotCommand(CLI::App& app, ScreenshotArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "screenshot",
        "Render the main window off screen and save it as a PNG (for docs and tests)");
    command->add_option("--db", arguments.db, kDbOptionHelp);
    command->add_option("-o,--output", arguments.output, "PNG file to write")->required();
    command->add_option("--width", arguments.width, "Image width in pixels (default 1280)")
        ->check(CLI::Range(320, 8192));
    command->add_option("--height", arguments.height, "Image height in pixels (default 800)")
        ->check(CLI::Range(240, 8192));
    command->add_option("--client", arguments.client,
                        "Show this client, ignoring case and accents (default: the first "
                        "by name)");
    command->add_option("--view", arguments.view, "Body map view: front, back or both (default)")
        ->check(CLI::IsMember({"front", "back", "both"}));
    command->add_option("--theme", arguments.theme, "light (default) or dark")
        ->check(CLI::IsMember({"light", "dark"}));
    command->add_option("--zoom", arguments.zoom, "Body map zoom about its centre (default 1)")
        ->check(CLI::Range(kMinZoom, kMaxZoom));
    std::vector<std::string> tabNames;
    for (const auto& [name, tab] : tabsByName()) {
        tabNames.push_back(name);
    }
    command
        ->add_option("--tab", arguments.tab,
                     "The view beside the sessions: body-map (default), knot-history, "
                     "overview, heat, compare, treatments or symptoms")
        ->check(CLI::IsMember(tabNames));
    command->add_option("--knot-region", arguments.knotRegion,
                        "Select the client's first knot in this atlas region, e.g. "
                        "back.upper_trapezius.left");
    return command;
}

int runScreenshot(const ScreenshotArguments& arguments) {
    const DatabaseLocation where = resolveDatabase(arguments.db);
    // A practice's front desk sees its own window, as it opens for that login.
    if (auto frontDesk = openFrontDesk(where)) {
        FrameCapture capture{arguments.width, arguments.height, {}};
        captureFrontDesk(*frontDesk,
                         arguments.theme == "dark" ? ui::ThemeKind::Dark : ui::ThemeKind::Light,
                         arguments.client, capture);
        render::writePng(arguments.output, capture.width, capture.height, capture.rgba);
        std::cerr << "Wrote a " << capture.width << " x " << capture.height
                  << " front desk screenshot to " << arguments.output << "\n";
        return 0;
    }
    ui::Workspace workspace(Database::open(where, readingOptions()));
    Database& database = workspace.database();
    ui::AppViewModel model = ui::buildAppViewModel(database);

    ui::MainScreenState state;
    state.theme = arguments.theme == "dark" ? ui::ThemeKind::Dark : ui::ThemeKind::Light;
    if (!arguments.client.empty()) {
        state.clientList.selectedClient = findClientId(database, model, arguments.client);
        ui::loadClientDetails(database, model, *state.clientList.selectedClient);
    } else if (!model.clients.empty()) {
        state.clientList.selectedClient = model.clients.front().id;
    }
    state.bodyMap.mode = modeFromName(arguments.view);
    state.bodyMap.view.zoom = arguments.zoom;
    state.history.tab = tabsByName().at(arguments.tab);
    if (!arguments.knotRegion.empty()) {
        const ui::ClientEntry* client =
            state.clientList.selectedClient
                ? ui::findClient(model, *state.clientList.selectedClient)
                : nullptr;
        state.selectedKnot =
            client != nullptr ? knotInRegion(*client, arguments.knotRegion) : std::nullopt;
        if (!state.selectedKnot) {
            throw std::runtime_error("no knot in region '" + arguments.knotRegion +
                                     "' for this client in " + where.describe());
        }
        state.bodyMapClient = state.clientList.selectedClient; // the selection is for this client
    }
    // The window's editing controllers, as on a writable file, so the shot
    // shows what a person sees (the Edit menu, + New session, the session
    // details). Nothing is clicked, so they never write.
    std::optional<ui::KnotLogController> knotLog;
    std::optional<ui::TreatmentController> treatments;
    std::optional<ui::SessionController> sessions;
    state.workspace = &workspace;
    if (model.atlas != nullptr) {
        knotLog.emplace(workspace, *model.atlas);
        treatments.emplace(workspace, *model.atlas);
        sessions.emplace(workspace, *knotLog);
        state.knotLog = &*knotLog;
        state.treatments = &*treatments;
        state.sessions = &*sessions;
    }
    // The same views as the window, computed in place so the first frames show them.
    std::optional<ui::HistoryData> historyData;
    if (model.atlas != nullptr) {
        historyData.emplace(where, *model.atlas);
        historyData->setSynchronous(true);
        state.historyData = &*historyData;
    }

    FrameCapture capture{arguments.width, arguments.height, {}};
    {
        MainWindow window("Knotmap", arguments.width, arguments.height);
        const ui::MainScreenGraphicsScope graphics(state);
        window.setTheme(state.theme);
        const std::string shownPath = where.describe();
        window.run(
            [&](const ui::Appearance& look) {
                ui::prepareMainScreen(&model, state);
                ui::drawMainScreen(&model, shownPath, state, look);
                return true;
            },
            kSettleFrames, &capture);
    }
    render::writePng(arguments.output, capture.width, capture.height, capture.rgba);
    std::cerr << "Wrote a " << capture.width << " x " << capture.height << " screenshot to "
              << arguments.output << "\n";
    return 0;
}

} // namespace knotmap
