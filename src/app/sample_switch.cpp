#include "app/sample_switch.h"

#include "app/database_path.h"

#include <cstdio>
#include <iostream>

namespace knotmap {

bool SampleSwitch::afterFrame(ui::MainScreenState& state) {
    ui::EmptyStateState& welcome = state.emptyState;
    if (state.feel.backToOwnDatabase) {
        state.feel.backToOwnDatabase = false;
        state.feel.showingSample = false;
        m_target = m_user;
        return true;
    }
    if (welcome.sampleRequested && !m_loader) {
        welcome.sampleRequested = false;
        // The sample is always a file of its own, beside the person's file
        // or, for a server, in Knotmap's own data folder.
        m_loader = std::make_unique<SampleLoader>(
            sampleDatabasePath(m_user.isServer() ? defaultDatabasePath() : m_user.file()));
    }
    if (!m_loader) {
        return false;
    }
    welcome.sampleProgress = m_loader->progress();
    if (!m_loader->finished()) {
        return false;
    }
    welcome.sampleProgress.reset();
    const std::filesystem::path samplePath = m_loader->path();
    const auto error = m_loader->error();
    m_loader.reset();
    if (error) {
        std::cerr << "knotmap: " << *error << "\n";
        welcome.sampleError = *error;
        return false;
    }
    state.feel.showingSample = true;
    m_target = samplePath;
    return true;
}

namespace {

std::string buttonLine(const char* name, const std::optional<std::pair<ImVec2, ImVec2>>& rect) {
    if (!rect) {
        return "";
    }
    char line[160];
    std::snprintf(line, sizeof line, "button %s %.1f %.1f %.1f %.1f\n", name, rect->first.x,
                  rect->first.y, rect->second.x, rect->second.y);
    return line;
}

} // namespace

std::string takeFeelTestReportLines(ui::MainScreenState& state, const DatabaseLocation& database) {
    std::string lines = state.theme == ui::ThemeKind::Dark ? "theme dark\n" : "theme light\n";
    lines += "database " + database.describe() + "\n";
    lines += buttonLine("load-sample", state.emptyState.sampleButtonRect);
    lines += buttonLine("back-to-own", state.feel.backButtonRect);
    state.emptyState.sampleButtonRect.reset();
    state.feel.backButtonRect.reset();
    return lines;
}

} // namespace knotmap
