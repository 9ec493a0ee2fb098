#pragma once

#include "ui/style/appearance.h"

#include <string>

namespace knotmap::ui {

// Something the user should know about that needs no decision, shown as a
// tinted strip until dismissed (e.g. "the database was upgraded; a backup is at...").
struct NoticeState {
    std::string title;
    std::string message;
    std::string detail; // on its own line, e.g. a file path
    bool visible = false;
};

void drawNoticeBanner(NoticeState& notice, const Appearance& look);

} // namespace knotmap::ui
