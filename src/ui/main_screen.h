#pragma once

#include "ui/app_view_model.h"
#include "ui/appearance.h"
#include "ui/body_map_state.h"
#include "ui/client_list_panel.h"
#include "ui/empty_state.h"
#include "ui/error_dialog.h"
#include "ui/knot_log_controller.h"
#include "ui/notice_banner.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// Everything the main window remembers between frames.
struct MainScreenState {
    ThemeKind theme = ThemeKind::Light;
    ClientListState clientList;
    BodyMapState bodyMap;
    std::optional<Id> selectedKnot;  // ringed on the body map
    std::optional<Id> bodyMapClient; // whose knots the map showed last frame
    EmptyStateState emptyState;
    NoticeState notice;
    std::optional<ErrorDialogState> error; // when set, nothing else can be done
    bool quitRequested = false;
    // Saves what the map and the knot editor do; set by the app while a
    // database is open (null: the map only selects).
    KnotLogController* knotLog = nullptr;
};

// Releases the screen's GPU resources (the body map's) when destroyed:
// create one right after the window, so it goes before the OpenGL context.
class MainScreenGraphicsScope {
public:
    explicit MainScreenGraphicsScope(MainScreenState& state) : m_state(state) {}
    ~MainScreenGraphicsScope() { releaseGraphics(m_state.bodyMap); }
    MainScreenGraphicsScope(const MainScreenGraphicsScope&) = delete;
    MainScreenGraphicsScope& operator=(const MainScreenGraphicsScope&) = delete;

private:
    MainScreenState& m_state;
};

// The menu bar, the client list, the selected client's sessions and their
// body map; the error dialog instead of the data when state.error is set.
// model is null when nothing could be loaded.
void drawMainScreen(const AppViewModel* model, const std::string& databasePath,
                    MainScreenState& state, const Appearance& look);

} // namespace knotmap::ui
