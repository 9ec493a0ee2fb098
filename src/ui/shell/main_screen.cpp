#include "ui/shell/main_screen.h"

#include "core/referral_patterns.h"
#include "store/practice/practice.h"
#include "ui/body_map/body_map_panel.h"
#include "ui/clients/client_pane.h"
#include "ui/dialogs/conflict_dialog.h"
#include "ui/history/history_common.h"
#include "ui/history/history_panel.h"
#include "ui/knots/knot_log_wiring.h"
#include "ui/practice/practice_requests.h"
#include "ui/sessions/session_column.h"
#include "ui/sessions/session_list_panel.h"
#include "ui/shell/edit_menu.h"
#include "ui/shell/feel_keys.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/status_pill.h"
#include "ui/widgets/widgets.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <utility>

namespace knotmap::ui {
namespace {

// The role of the login signed in to a practice; none outside one (a file,
// a server that is not a practice), where every menu is the person's own.
std::optional<PracticeRole> practiceRole(const MainScreenState& state) {
    return state.workspace != nullptr ? state.workspace->practiceRole() : std::nullopt;
}

// Only the owner manages the practice: nobody else gets a menu the server
// would refuse anyway.
bool practiceOwner(const MainScreenState& state) {
    return practiceRole(state) == PracticeRole::Owner;
}

void practiceMenu(MainScreenState& state) {
    if (!practiceOwner(state)) {
        return;
    }
    const bool open = ImGui::BeginMenu("Practice");
    probeItem("menu-practice");
    if (!open) {
        return;
    }
    if (ImGui::MenuItem("People\u2026")) {
        state.practice.open = true;
        state.practice.requestedTab = PracticeTab::People;
    }
    probeItem("menu-practice-people");
    if (ImGui::MenuItem("Clients\u2026")) {
        state.practice.open = true;
        state.practice.requestedTab = PracticeTab::Clients;
    }
    probeItem("menu-practice-clients");
    ImGui::EndMenu();
}

// Whose a simple sheet's ratings can be: the saved clients, and the one on
// screen first in mind.
void offerClientsToImport(const AppViewModel& model, MainScreenState& state) {
    ImportDialogState& dialog = state.importCsv;
    dialog.clientNames.clear();
    for (const ClientEntry& client : model.clients) {
        if (client.id != 0) {
            dialog.clientNames.push_back(client.name);
        }
    }
    const ClientEntry* shown = state.clientList.selectedClient
                                   ? findClient(model, *state.clientList.selectedClient)
                                   : nullptr;
    if (shown == nullptr && !model.clients.empty()) {
        shown = &model.clients.front();
    }
    dialog.shownClient = shown != nullptr && shown->id != 0 ? shown->name : std::string();
}

void menuBar(const std::string& databasePath, MainScreenState& state, const Appearance& look) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(look.px(10), look.px(8)));
    const bool open = ImGui::BeginMainMenuBar();
    ImGui::PopStyleVar();
    if (!open) {
        return;
    }
    ImGui::PushFont(look.fonts.strong);
    textColoured("Knotmap", look.colours().accent);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(look.px(4), 0));
    const bool fileMenu = ImGui::BeginMenu("File");
    probeItem("menu-file");
    if (fileMenu) {
        drawNewClientMenuItem(state);
        ImGui::Separator();
        drawDatabaseMenuItems(state.databaseFiles);
        if (ImGui::MenuItem("Import\u2026", "Ctrl+I", false, state.importCsv.available)) {
            state.importCsv.openRequested = true;
        }
        probeItem("menu-import-csv");
        ImGui::Separator();
        if (ImGui::MenuItem("Save view as PNG\u2026", "Ctrl+Shift+S")) {
            state.history.pngMenuRequested = true;
        }
        // Reading the data is all these need: they work on a read-only file too.
        if (ImGui::MenuItem("Client report (PDF)\u2026", "Ctrl+P", false,
                            state.historyData != nullptr)) {
            state.report.openRequested = true;
        }
        if (ImGui::MenuItem("Export\u2026", "Ctrl+E", false, state.historyData != nullptr)) {
            state.exportCsv.openRequested = true;
        }
        probeItem("menu-export-csv");
        ImGui::Separator();
        // A backup only reads: offered for any database that opened. A
        // restore replaces a database file (a server's goes back with copy).
        // In a practice, only the owner's copy would hold every client:
        // anyone else's would be a partial copy that looks like a backup.
        const bool wholeBackup =
            state.workspace == nullptr || !state.workspace->inPractice() || practiceOwner(state);
        if (ImGui::MenuItem("Back up now\u2026", nullptr, false,
                            state.backup.available && wholeBackup)) {
            state.backup.openRequested = true;
        }
        probeItem("menu-backup");
        if (ImGui::MenuItem("Restore\u2026", nullptr, false, state.restore.available)) {
            state.restore.openRequested = true;
        }
        probeItem("menu-restore");
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) {
            state.quitRequested = true;
        }
        ImGui::EndMenu();
    }
    if (state.workspace != nullptr) {
        drawEditMenu(*state.workspace, state.knotLog);
    }
    if (ImGui::BeginMenu("View")) {
        bool dark = state.theme == ThemeKind::Dark;
        if (ImGui::MenuItem("Dark theme", nullptr, &dark)) {
            state.theme = dark ? ThemeKind::Dark : ThemeKind::Light;
        }
        ImGui::EndMenu();
    }
    drawClientMenuItems(state);
    drawFeelMenuItems(state.feel);
    practiceMenu(state);
    ImGui::Dummy(ImVec2(look.px(12), 0));
    drawSampleBanner(state.feel, look);
    if (!state.readOnlyReason.empty()) {
        drawStatusPill("Read-only", state.readOnlyReason, look.colours().notice, look);
    }
    if (state.workspace != nullptr && state.workspace->savesWaiting()) {
        if (state.workspace->waitingForServer()) {
            drawStatusPill("Not saved yet",
                           "\u201C" + state.workspace->oldestWaitingSave() +
                               "\u201D was not saved: the server cannot be reached. It is kept "
                               "here, with any later change, and saved as soon as the server "
                               "answers again.",
                           look.colours().error, look);
        } else {
            drawStatusPill("Saving\u2026",
                           "\u201C" + state.workspace->oldestWaitingSave() +
                               "\u201D is waiting: another program is writing to the database. "
                               "It is kept here and saved as soon as the database is free.",
                           look.colours().notice, look);
        }
    }

    // The database in use, quietly at the trailing edge; the full path on
    // hover. In a practice, who is signed in there ("Dana Ruiz · practitioner"),
    // as everything saved is recorded under that name.
    std::string label = databasePath;
    if (state.workspace != nullptr && state.workspace->practiceRole() &&
        !state.workspace->practiceName().empty()) {
        // Last, so a narrow window elides the server's name, not the person's.
        label = databasePath + "  \u2014  " + state.workspace->practiceName() + " \u00B7 " +
                std::string(roleName(*state.workspace->practiceRole()));
    }
    ImGui::PushFont(look.fonts.small);
    const float right = ImGui::GetWindowContentRegionMax().x - look.px(8);
    const float left = ImGui::GetCursorPosX() + look.px(48);
    const std::string shown = elideLeft(label, right - left);
    const float width = ImGui::CalcTextSize(shown.c_str()).x;
    ImGui::SetCursorPosX(right - width);
    textMuted(shown, look);
    if (shown != label && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", label.c_str());
    }
    ImGui::PopFont();
    ImGui::EndMainMenuBar();
}

// A change the store refused (or that could not be read again), in the
// window's notice banner.
void showSaveFailure(Workspace& workspace, NoticeState& notice) {
    if (auto error = workspace.takeError()) {
        notice.title = "Knotmap couldn't save that change";
        notice.message = *error;
        notice.detail.clear();
        notice.visible = true;
    }
}

// A borderless child filling the given size, with its own padding and background.
bool beginPane(const char* id, ImVec2 size, ImVec2 padding, const ImVec4& background) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
    const bool visible =
        ImGui::BeginChild(id, size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    return visible;
}

// What the body map's events change. Seam for the knot-editing commands:
// a click on the body will create a knot (or, while picking, toggle a
// referred region), a marker click log an observation, a drag move the knot
// and Delete remove it. Until those are wired in, only the selection changes.
void applyBodyMapEvents(const BodyMapEvents& events, const ClientEntry* client, const Atlas& atlas,
                        MainScreenState& state) {
    if (state.knotLog != nullptr) {
        // Client 0 stands for the "Me" an empty database will get on the first knot.
        const std::optional<Id> clientId =
            client != nullptr && client->id != 0 ? std::optional(client->id) : std::nullopt;
        applyKnotLogEvents(events, clientId, atlas, *state.knotLog);
        return;
    }
    if (events.clickedKnot) {
        state.selectedKnot = *events.clickedKnot;
    } else if (events.clickedBackground) {
        state.selectedKnot.reset();
    }
}

// The built-in referral patterns, or null when they fail to load: the map
// still works without its overlay.
const ReferralPatterns* builtInReferralPatterns() {
    try {
        return &ReferralPatterns::builtIn();
    } catch (const std::exception&) {
        return nullptr;
    }
}

// The selected knot's muscle's typical referred-pain zone, striped: the
// essential zone fully, the occasional spill-over lightly.
void addReferralOverlay(const ClientEntry& client, const Atlas& atlas, BodyMapInput& input,
                        std::vector<float>& shade, std::vector<int>& outlined) {
    if (!input.selectedKnot) {
        return;
    }
    const auto marker =
        std::find_if(client.markers.begin(), client.markers.end(),
                     [&](const BodyMapMarker& m) { return m.knotId == *input.selectedKnot; });
    if (marker == client.markers.end()) {
        return;
    }
    const ReferralPatterns* patterns = builtInReferralPatterns();
    const auto zone =
        patterns != nullptr ? patterns->zoneFor(atlas, marker->regionCode) : std::nullopt;
    if (!zone) {
        return;
    }
    shade.assign(atlas.regions().size(), 0.0f);
    for (const int region : zone->spillover) {
        shade[static_cast<std::size_t>(region)] = 0.45f;
    }
    outlined = zone->essential; // striped and outlined, as picked referred regions are
    input.highlightedRegions = outlined;
    input.regionShade = shade;
    std::string muscle = zone->muscle;
    if (!muscle.empty() && muscle[0] >= 'A' && muscle[0] <= 'Z') {
        muscle[0] = static_cast<char>(muscle[0] - 'A' + 'a'); // mid-sentence
    }
    input.caption = "Striped: where " + muscle + " knots typically refer pain (lightly: sometimes)";
}

void bodyMapPane(const AppViewModel& model, const ClientEntry* client, MainScreenState& state,
                 const Appearance& look) {
    const std::optional<Id> clientId = client ? std::optional(client->id) : std::nullopt;
    if (clientId != state.bodyMapClient) {
        state.selectedKnot.reset(); // a knot belongs to one client
        // The placeholder "Me" (id 0) turning into the saved "Me" with the
        // first knot is the same person: that knot's editor stays open.
        if (state.knotLog != nullptr && state.bodyMapClient != std::optional<Id>(0)) {
            state.knotLog->closeEditor();
        }
        state.bodyMapClient = clientId;
    }
    if (model.atlas == nullptr) {
        textMuted("The body map is not available: " + model.atlasError, look);
        return;
    }
    BodyMapInput input;
    input.atlas = model.atlas;
    if (client != nullptr) {
        input.markers = client->markers;
        input.regionPain = client->regionPain;
    }
    // A session picked in the timeline shows only its own knots and ratings.
    std::vector<BodyMapMarker> sessionMarkers;
    std::vector<std::optional<double>> sessionPain;
    if (client != nullptr && state.sessions != nullptr && state.sessions->pinned(*client) &&
        (state.knotLog == nullptr || !state.knotLog->editorOpen())) {
        state.sessions->fillSessionMap(*client, *model.atlas, sessionMarkers, sessionPain);
        input.markers = sessionMarkers;
        input.regionPain = sessionPain;
    }
    input.selectedKnot = state.selectedKnot;
    std::vector<BodyMapMarker> withWaiting;
    if (state.knotLog != nullptr) {
        fillBodyMapInput(*state.knotLog, input);
        if (!state.knotLog->waitingKnots().empty()) {
            withWaiting.assign(input.markers.begin(), input.markers.end());
            const auto waiting = state.knotLog->waitingKnots();
            withWaiting.insert(withWaiting.end(), waiting.begin(), waiting.end());
            input.markers = withWaiting;
        }
    }
    std::vector<float> referralShade;
    std::vector<int> referralOutline;
    if (client != nullptr && input.highlightedRegions.empty()) {
        addReferralOverlay(*client, *model.atlas, input, referralShade, referralOutline);
    }
    applyBodyMapEvents(drawBodyMap(input, state.bodyMap, look), client, *model.atlas, state);
}

// A borderless child for the body map or a history view: the map and the
// charts own the wheel (zoom) and drags (pan), so nothing in it scrolls.
void mapPane(const AppViewModel& model, const ClientEntry* client, MainScreenState& state,
             const Appearance& look) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(look.px(12), look.px(14)));
    const bool visible =
        ImGui::BeginChild("bodymap", ImVec2(0, 0), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar |
                              ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    if (visible) {
        // History needs a saved client; a new database's placeholder has none yet.
        const bool history = state.historyData != nullptr && client != nullptr && client->id != 0;
        // Before the first knot the row is held empty, so the map keeps its
        // place when the tabs appear.
        if (!history) {
            drawHistoryTabsPlaceholder(look);
        }
        const HistoryTab tab = history ? drawHistoryTabs(state.history, look) : HistoryTab::BodyMap;
        if (tab == HistoryTab::BodyMap) {
            const ImVec2 top = ImGui::GetCursorScreenPos();
            bodyMapPane(model, client, state, look);
            requestPng(top,
                       ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                              ImGui::GetWindowPos().y + ImGui::GetWindowContentRegionMax().y),
                       state.history);
        } else {
            HistoryViewInput input;
            input.client = client;
            input.vocabularies = &model.vocabularies;
            input.selectedKnot =
                state.knotLog != nullptr ? state.knotLog->selectedKnot() : state.selectedKnot;
            drawHistoryView(input, *state.historyData, state.history, look);
        }
        // File > Save view as PNG (Ctrl+Shift+S), for whichever tab is shown.
        savePngPopup(std::exchange(state.history.pngMenuRequested, false), state.history, look);
    }
    ImGui::EndChild();
}

// The session list above the treatments of the newest session. Until
// sessions can be selected, the newest one is the one being logged today.
void sessionsWithTreatments(const ClientEntry& client, MainScreenState& state,
                            const Appearance& look) {
    if (state.sessions != nullptr) {
        drawSessionColumn(client, *state.sessions, state.treatments, look);
        return;
    }
    if (state.treatments == nullptr || client.sessions.empty()) {
        (void)drawSessionList(client, std::nullopt, false, look, state.knotLog != nullptr);
        return;
    }
    const float listHeight = std::max(look.px(180), ImGui::GetContentRegionAvail().y * 0.42f);
    if (ImGui::BeginChild("session-list", ImVec2(0, listHeight))) {
        (void)drawSessionList(client, std::nullopt, false, look, state.knotLog != nullptr);
    }
    ImGui::EndChild();
    ImGui::Dummy(ImVec2(0, look.px(8)));
    if (ImGui::BeginChild("session-treatments", ImVec2(0, 0))) {
        state.treatments->draw(look);
    }
    ImGui::EndChild();
}

// The middle column beside the map: the sessions, or the empty state. It
// is never narrower than the session table in its compact form and grows
// with the window up to what a column of text and sliders can use; the
// history's charts want the width more than the sessions do.
float middleWidth(const Appearance& look, bool charts = false) {
    const float available = ImGui::GetContentRegionAvail().x;
    // The sessions pane's padding either side, and a little slack.
    const float least = std::max(look.px(380), sessionListMinWidth(look) + look.px(44));
    if (charts) {
        return std::clamp(available * 0.32f, least, std::max(least, look.px(560)));
    }
    return std::clamp(available * 0.40f, least, std::max(least, look.px(760)));
}

// The client list: wide enough for a name and its last date, a little
// wider on large screens.
float clientListWidth(const Appearance& look) {
    return std::clamp(ImGui::GetContentRegionAvail().x * 0.17f, look.px(200), look.px(300));
}

void dataPanes(const AppViewModel& model, const std::string& databasePath, MainScreenState& state,
               const Appearance& look) {
    const ImVec2 contentPadding(look.px(28), look.px(22));
    if (model.clients.empty()) {
        // The map stays: a first knot can be charted before any client exists.
        if (beginPane("empty", ImVec2(middleWidth(look), 0), contentPadding, ImVec4(0, 0, 0, 0))) {
            drawNoticeBanner(state.notice, look);
            drawEmptyState(databasePath, state.emptyState, look);
        }
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
        mapPane(model, nullptr, state, look);
        state.exportCsv.openRequested = false; // nothing to export
        return;
    }

    // An individual never sees the client pane: the map and sessions get the room.
    if (clientPaneShown(model, state)) {
        if (beginPane("clients", ImVec2(clientListWidth(look), 0), ImVec2(look.px(12), look.px(22)),
                      look.colours().paneBackground)) {
            drawClientPane(model, state, look);
        }
        ImGui::EndChild();
        ImGui::SameLine(0, 0);
    } else if (!state.clientList.selectedClient ||
               findClient(model, *state.clientList.selectedClient) == nullptr) {
        state.clientList.selectedClient = model.clients.front().id;
    }
    const ClientEntry* client = state.clientList.selectedClient
                                    ? findClient(model, *state.clientList.selectedClient)
                                    : nullptr;

    // The sessions take a narrow column; the body map gets the rest.
    const bool charts = state.history.tab != HistoryTab::BodyMap && state.historyData != nullptr &&
                        client != nullptr && client->id != 0;
    if (beginPane("sessions", ImVec2(middleWidth(look, charts), 0),
                  ImVec2(look.px(20), look.px(22)), ImVec4(0, 0, 0, 0))) {
        drawNoticeBanner(state.notice, look);
        // The knot editor takes the sessions' place while a knot is open.
        if (state.knotLog != nullptr && state.knotLog->editorOpen()) {
            state.knotLog->drawEditor(look);
        } else if (client != nullptr && client->id == 0) {
            drawEmptyState(databasePath, state.emptyState, look);
        } else if (client != nullptr) {
            sessionsWithTreatments(*client, state, look);
        }
    }
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    mapPane(model, client, state, look);
    // A report needs a saved client: the placeholder "Me" has nothing to report.
    if (client != nullptr && client->id != 0) {
        drawReportDialog(state.report, client->id, client->name, look);
    } else {
        state.report.openRequested = false;
    }
    ExportClients exportClients;
    if (client != nullptr && client->id != 0) {
        exportClients.currentId = client->id;
        exportClients.currentName = client->name;
    }
    // Everyone is everyone the export writes: archived clients too, never
    // the placeholder "Me" of an empty database.
    exportClients.count =
        model.archivedClients.size() + static_cast<std::size_t>(std::count_if(
                                           model.clients.begin(), model.clients.end(),
                                           [](const ClientEntry& entry) { return entry.id != 0; }));
    drawExportDialog(state.exportCsv, exportClients, look);
    drawBackupDialog(state.backup, look);
    drawRestoreDialog(state.restore, look);
}
} // namespace

void drawMainScreen(const AppViewModel* model, const std::string& databasePath,
                    MainScreenState& state, const Appearance& look) {
    menuBar(databasePath, state, look);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Knotmap##main", nullptr, flags);
    ImGui::PopStyleVar(2);
    if (model != nullptr && !state.error) {
        dataPanes(*model, databasePath, state, look);
        finishClientFrame(*model, state, look);
        if (state.knotLog != nullptr) {
            state.knotLog->handleShortcuts();
        }
        if (state.workspace != nullptr) {
            showSaveFailure(*state.workspace, state.notice);
            drawConflictDialog(*state.workspace, look);
        }
        if (practiceOwner(state)) {
            drawPracticeWindow(state.practice, look);
        }
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.KeyShift && !io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) {
        state.quitRequested = true;
    }
    if (io.KeyCtrl && io.KeyShift && !io.KeyAlt && !io.WantTextInput &&
        ImGui::IsKeyPressed(GLFW_KEY_S, false)) {
        state.history.pngMenuRequested = true;
    }
    // A dialog open keeps the keyboard: opening another at the root would
    // close it (Dear ImGui closes the popups a new root popup replaces).
    const bool free = !io.WantTextInput && !dialogOpen();
    if (io.KeyCtrl && !io.KeyShift && !io.KeyAlt && free && state.historyData != nullptr &&
        ImGui::IsKeyPressed(GLFW_KEY_P, false)) {
        state.report.openRequested = true;
    }
    if (io.KeyCtrl && !io.KeyShift && !io.KeyAlt && free && state.historyData != nullptr &&
        ImGui::IsKeyPressed(GLFW_KEY_E, false)) {
        state.exportCsv.openRequested = true;
    }
    if (io.KeyCtrl && !io.KeyShift && !io.KeyAlt && free &&
        ImGui::IsKeyPressed(GLFW_KEY_O, false)) {
        askForDatabaseToOpen(state.databaseFiles);
    }
    if (io.KeyCtrl && !io.KeyShift && !io.KeyAlt && free && state.importCsv.available &&
        ImGui::IsKeyPressed(GLFW_KEY_I, false)) {
        state.importCsv.openRequested = true;
    }
    if (model != nullptr) {
        offerClientsToImport(*model, state);
    }
    if (state.error) {
        drawErrorDialog(*state.error, look);
    } else {
        drawImportDialog(state.importCsv, look);
        drawDatabaseFiles(state.databaseFiles, look);
        handleFeelKeys(state.feel, state.bodyMap);
        drawFeelWindows(state.settings, state.feel, state.theme, state.bodyMap, look);
    }
    ImGui::End();
}

bool dialogOpen() {
    return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

void prepareMainScreen(const AppViewModel* model, MainScreenState& state) {
    if (state.knotLog != nullptr) {
        state.knotLog->prepare();
    }
    if (practiceOwner(state)) {
        runPracticeRequests(state.practice, *state.workspace, model);
    }
    // The client drawMainScreen will show: the selected one, else the first.
    const ClientEntry* client = nullptr;
    if (model != nullptr && state.clientList.selectedClient) {
        client = findClient(*model, *state.clientList.selectedClient);
    }
    if (model != nullptr && client == nullptr && !model->clients.empty()) {
        client = &model->clients.front();
    }
    if (client != nullptr && client->id == 0) {
        client = nullptr; // the placeholder "Me" of an empty database has no sessions
    }
    if (state.sessions != nullptr) {
        state.sessions->prepare(client);
    }
    if (state.treatments != nullptr) {
        std::optional<Id> shown;
        if (client != nullptr && !client->sessions.empty()) {
            shown = state.sessions != nullptr ? state.sessions->shownSession(*client)
                                              : std::optional<Id>(client->sessions.front().id);
        }
        state.treatments->prepare(shown);
    }
}

} // namespace knotmap::ui
