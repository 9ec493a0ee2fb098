#pragma once

#include "ui/app_view_model.h"
#include "ui/appearance.h"
#include "ui/client_list_panel.h"
#include "ui/empty_state.h"
#include "ui/error_dialog.h"
#include "ui/notice_banner.h"

#include <optional>
#include <string>

namespace knotmap::ui {

// Everything the main window remembers between frames.
struct MainScreenState {
    ThemeKind theme = ThemeKind::Light;
    ClientListState clientList;
    EmptyStateState emptyState;
    NoticeState notice;
    std::optional<ErrorDialogState> error; // when set, nothing else can be done
    bool quitRequested = false;
};

// The menu bar, the client list and the selected client's sessions; the
// error dialog instead of the data when state.error is set. model is null
// when nothing could be loaded.
void drawMainScreen(const AppViewModel* model, const std::string& databasePath,
                    MainScreenState& state, const Appearance& look);

} // namespace knotmap::ui
