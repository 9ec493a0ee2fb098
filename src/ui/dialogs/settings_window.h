#pragma once

#include "core/settings.h"
#include "ui/body_map/body_map_state.h"
#include "ui/shell/feel_state.h"
#include "ui/style/appearance.h"

namespace knotmap::ui {

[[nodiscard]] ThemeKind themeKind(ThemeSetting theme);

// The Settings window (theme, font size, therapist mode, default map view)
// while feel.settingsOpen. Every change applies at once: theme to *theme,
// the default view to the map, and feel.settingsChanged asks for a save.
void drawSettingsWindow(Settings& settings, FeelState& feel, ThemeKind& theme, BodyMapState& map,
                        const Appearance& look);

} // namespace knotmap::ui
