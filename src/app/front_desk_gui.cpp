#include "app/front_desk_gui.h"

#include "app/front_desk_actions.h"
#include "app/test_report.h"
#include "core/text_search.h"
#include "store/change_watch/change_watcher.h"
#include "ui/front_desk/front_desk_client_form.h"
#include "ui/front_desk/front_desk_screen.h"
#include "ui/shell/frame_requests.h"
#include "ui/shell/test_probe.h"

#include <GLFW/glfw3.h>

#include <chrono>
#include <stdexcept>
#include <utility>

namespace knotmap {
namespace {

// How long a read that failed waits before it is tried again: the window
// keeps drawing at its frame rate meanwhile.
constexpr std::chrono::seconds kRetryAfter{1};

ui::FrontDeskScreenState startState(const FrontDeskLogin& login, ui::ThemeKind theme) {
    ui::FrontDeskScreenState state;
    state.signedIn = login.person.name + " \u00B7 " + std::string(roleName(login.person.role));
    state.database = login.database.describe();
    state.theme = theme;
    return state;
}

// For window tests: who is signed in, what is listed and shown, the notice.
std::string reportLines(const FrontDeskLogin& login, const ui::FrontDeskScreenState& state,
                        const ui::FrontDeskData& data) {
    std::string lines =
        "front-desk " + login.person.login + " " + std::string(roleCode(login.person.role)) +
        "\nclients " + std::to_string(data.clients.size()) + "\nselected-client " +
        (state.selected ? std::to_string(*state.selected) : "none") + "\ncreating " +
        (state.creating ? "1" : "0") + "\nvisits " + std::to_string(data.visits.size()) + "\n";
    lines += "notice " + (state.notice.visible ? state.notice.title : std::string("none")) + "\n";
    if (state.notice.visible) {
        lines += "notice-text " + state.notice.message + "\n";
    }
    return lines;
}

// The theme and text size the screen's View menu chose, into the settings
// the keeper saves.
void keepSettings(const ui::FrontDeskScreenState& screen, ui::MainScreenState& state) {
    state.theme = screen.theme;
    if (screen.fontScalePercent != state.settings.fontScalePercent) {
        state.settings.fontScalePercent = screen.fontScalePercent;
        state.feel.settingsChanged = true;
    }
}

// The window's close button (or the desktop's close) as Quit: what was
// typed into the form is saved first, and a save refused keeps the window
// open, saying why. The frame runs before the window loop looks at the flag.
void closeAsQuit(ui::FrontDeskScreenState& screen) {
    GLFWwindow* window = glfwGetCurrentContext();
    if (window == nullptr || glfwWindowShouldClose(window) == GLFW_FALSE) {
        return;
    }
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    ui::leaveFrontDeskDraft(screen, {ui::FrontDeskLeave::To::Quit});
}

} // namespace

std::optional<FrontDeskLogin> openFrontDesk(const DatabaseLocation& where) {
    if (!where.isServer()) {
        return std::nullopt;
    }
    try {
        // Asked on a connection of its own: opening may upgrade the schema,
        // which the normal window says it did when it is the one to open.
        const std::optional<Practitioner> asked = signedInPractitioner(*openReader(where));
        if (!asked || asked->role != PracticeRole::FrontDesk) {
            return std::nullopt;
        }
        // Writes run on the window's thread: a lock held elsewhere fails
        // them soon (the notice says so) rather than freezing the window.
        OpenOptions options;
        options.busyTimeoutMs = kWindowBusyTimeoutMs;
        Database database = Database::open(where, options);
        std::optional<Practitioner> person = signedInPractitioner(database.sql());
        if (!person || person->role != PracticeRole::FrontDesk) {
            return std::nullopt;
        }
        return FrontDeskLogin{std::move(database), std::move(*person)};
    } catch (const std::exception&) {
        return std::nullopt; // opened again by the normal window, which says why
    }
}

void runFrontDesk(const GuiOptions& options, FrontDeskLogin login, MainWindow& window,
                  ui::MainScreenState& state, SettingsKeeper& settings) {
    sql::Connection& db = login.database.sql();
    ui::FrontDeskScreenState screen = startState(login, state.theme);
    screen.fontScalePercent = state.settings.fontScalePercent;
    // The settings file's notice, if it said anything, and later its saves'.
    screen.notice = std::exchange(state.notice, {});
    ui::FrontDeskData data;
    bool readWanted = true;
    auto lastTry = std::chrono::steady_clock::now() - kRetryAfter;
    // Another window's or person's saves, read within the second.
    const std::unique_ptr<ChangeWatcher> watcher =
        watchChanges(login.database.location(), db, [] { glfwPostEmptyEvent(); });
    TestReporting testReport(options.testReport);
    window.run(
        [&](const ui::Appearance& look) {
            readWanted |= applyFrontDeskRequests(db, screen);
            readWanted |= watcher->takeChange();
            // A newly selected client's visits are read before they are drawn.
            readWanted |= screen.selected.value_or(0) != data.visitsOf && !screen.creating;
            const auto now = std::chrono::steady_clock::now();
            if (readWanted && now - lastTry >= kRetryAfter) {
                readWanted = !readFrontDeskData(db, screen, data);
                lastTry = readWanted ? now : now - kRetryAfter;
            }
            if (readWanted) { // tried again without waiting for input
                ui::requestFrameIn(lastTry + kRetryAfter - now);
            }
            ui::prepareFrontDeskScreen(data, screen);
            ui::drawFrontDeskScreen(data, screen, look);
            closeAsQuit(screen);
            keepSettings(screen, state);
            settings.afterFrame(state);
            if (state.notice.visible) {
                screen.notice = std::exchange(state.notice, {});
            }
            window.setTheme(state.theme);
            window.setFontScale(SettingsKeeper::fontScale(state.settings));
            if (testReport.active()) {
                testReport.write(reportLines(login, screen, data));
            }
            return !screen.quitRequested;
        },
        options.frameLimit);
}

void captureFrontDesk(FrontDeskLogin& login, ui::ThemeKind theme, const std::string& client,
                      FrameCapture& capture) {
    ui::FrontDeskScreenState screen = startState(login, theme);
    ui::FrontDeskData data;
    if (!client.empty()) {
        for (const Client& entry : frontDeskClients(login.database.sql())) {
            if (sameWhenFolded(entry.name, client)) {
                screen.selected = entry.id;
            }
        }
        if (!screen.selected) {
            throw std::runtime_error("no client named '" + client + "' in " +
                                     login.database.describe());
        }
    }
    if (!readFrontDeskData(login.database.sql(), screen, data)) {
        throw std::runtime_error(screen.notice.message);
    }
    MainWindow window("Knotmap", capture.width, capture.height);
    window.setTheme(theme);
    constexpr int kSettleFrames = 10; // tables and windows size from the frame before
    window.run(
        [&](const ui::Appearance& look) {
            ui::prepareFrontDeskScreen(data, screen);
            ui::drawFrontDeskScreen(data, screen, look);
            return true;
        },
        kSettleFrames, &capture);
}

} // namespace knotmap
