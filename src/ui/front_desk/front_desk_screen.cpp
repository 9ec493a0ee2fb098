#include "ui/front_desk/front_desk_screen.h"

#include "core/display_order.h"
#include "ui/front_desk/front_desk_client_form.h"
#include "ui/front_desk/front_desk_client_list.h"
#include "ui/front_desk/front_desk_visits.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <array>

namespace knotmap::ui {
namespace {

constexpr std::array kTextSizes{90, 100, 110, 125, 150};

const Client* findClient(const FrontDeskData& data, std::optional<Id> id) {
    if (!id) {
        return nullptr;
    }
    const auto found = std::find_if(data.clients.begin(), data.clients.end(),
                                    [&](const Client& client) { return client.id == *id; });
    return found != data.clients.end() ? &*found : nullptr;
}

void fileMenu(FrontDeskScreenState& state) {
    const bool open = ImGui::BeginMenu("File");
    probeItem("menu-file");
    if (!open) {
        return;
    }
    if (ImGui::MenuItem("New client\u2026", "Ctrl+N")) {
        leaveFrontDeskDraft(state, {FrontDeskLeave::To::NewClient});
    }
    probeItem("front-desk-menu-new-client");
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) {
        leaveFrontDeskDraft(state, {FrontDeskLeave::To::Quit});
    }
    probeItem("menu-quit");
    ImGui::EndMenu();
}

void viewMenu(FrontDeskScreenState& state) {
    const bool open = ImGui::BeginMenu("View");
    probeItem("menu-view");
    if (!open) {
        return;
    }
    bool dark = state.theme == ThemeKind::Dark;
    if (ImGui::MenuItem("Dark theme", nullptr, &dark)) {
        state.theme = dark ? ThemeKind::Dark : ThemeKind::Light;
    }
    probeItem("menu-dark-theme");
    if (ImGui::BeginMenu("Text size")) {
        for (const int percent : kTextSizes) {
            const std::string label = std::to_string(percent) + "%";
            if (ImGui::MenuItem(label.c_str(), nullptr, state.fontScalePercent == percent)) {
                state.fontScalePercent = percent;
            }
        }
        ImGui::EndMenu();
    }
    ImGui::EndMenu();
}

// Who is signed in, at the menu bar's trailing edge; the server on hover.
void signedIn(const FrontDeskScreenState& state, const Appearance& look) {
    const std::string prefix = "Signed in as ";
    ImGui::PushFont(look.fonts.strong);
    const float nameWidth = ImGui::CalcTextSize(state.signedIn.c_str()).x;
    ImGui::PopFont();
    const float width = ImGui::CalcTextSize(prefix.c_str()).x + nameWidth;
    const float right = ImGui::GetWindowContentRegionMax().x - look.px(8);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX() + look.px(24), right - width));
    ImGui::BeginGroup();
    textMuted(prefix, look);
    ImGui::SameLine(0, 0);
    textWithFont(state.signedIn, look.fonts.strong);
    ImGui::EndGroup();
    probeValue("front-desk-signed-in", state.signedIn);
    if (ImGui::IsItemHovered() && !state.database.empty()) {
        ImGui::SetTooltip("%s", state.database.c_str());
    }
}

void menuBar(FrontDeskScreenState& state, const Appearance& look) {
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
    fileMenu(state);
    viewMenu(state);
    signedIn(state, look);
    ImGui::EndMainMenuBar();
}

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

// "Born 1984 · 12 visits · archived" under the client's name.
std::string clientFacts(const FrontDeskData& data, const Client& client) {
    std::string facts = client.birthYear ? "Born " + std::to_string(*client.birthYear) : "";
    if (data.visitsOf == client.id) {
        const std::size_t count = data.visits.size();
        facts += (facts.empty() ? "" : " \u00B7 ") +
                 (count == 0 ? std::string("No visits yet")
                             : std::to_string(count) + (count == 1 ? " visit" : " visits"));
    }
    if (client.archived) {
        facts += (facts.empty() ? "" : " \u00B7 ") + std::string("Archived");
    }
    return facts;
}

void clientSide(const FrontDeskData& data, const Client& client, FrontDeskScreenState& state,
                const Appearance& look) {
    textWithFont(visualOrder(client.name), look.fonts.heading);
    textMuted(clientFacts(data, client), look);
    ImGui::Dummy(ImVec2(0, look.px(14)));
    // Side by side when there is room for both, else the visits below.
    const float available = ImGui::GetContentRegionAvail().x;
    const float gap = look.px(36);
    const bool twoColumns = available >= look.px(620);
    const float formWidth = twoColumns ? std::min(look.px(420), (available - gap) * 0.5f)
                                       : std::min(available, look.px(460));
    ImGui::BeginGroup();
    textWithFont("Contact details", look.fonts.strong);
    drawFrontDeskClientForm(state, formWidth, look);
    ImGui::EndGroup();
    if (twoColumns) {
        ImGui::SameLine(0, gap);
    } else {
        ImGui::Dummy(ImVec2(0, look.px(20)));
    }
    // The rest of the pane, so the list scrolls inside it; below the form on
    // a short window, at least a few rows tall (the pane scrolls then).
    const float height = std::max(ImGui::GetContentRegionAvail().y, look.px(280));
    if (ImGui::BeginChild("visits-column", ImVec2(0, height))) {
        drawFrontDeskVisits(data, state, client.id, look);
    }
    ImGui::EndChild();
}

void newClientSide(FrontDeskScreenState& state, const Appearance& look) {
    textWithFont("New client", look.fonts.heading);
    textMuted("Visits can be booked once the client is added.", look);
    ImGui::Dummy(ImVec2(0, look.px(10)));
    drawFrontDeskClientForm(state, std::min(ImGui::GetContentRegionAvail().x, look.px(460)), look);
}

void shortcuts(FrontDeskScreenState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.KeyShift || io.KeyAlt) {
        return;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) {
        leaveFrontDeskDraft(state, {FrontDeskLeave::To::Quit});
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_N, false)) {
        leaveFrontDeskDraft(state, {FrontDeskLeave::To::NewClient});
    }
}

} // namespace

void prepareFrontDeskScreen(const FrontDeskData& data, FrontDeskScreenState& state) {
    if (state.creating) {
        return;
    }
    const Client* client = findClient(data, state.selected);
    if (client == nullptr) {
        const auto firstActive = std::find_if(data.clients.begin(), data.clients.end(),
                                              [](const Client& entry) { return !entry.archived; });
        client = firstActive != data.clients.end() ? &*firstActive : nullptr;
        state.selected = client != nullptr ? std::optional(client->id) : std::nullopt;
    }
    if (client == nullptr) {
        state.draft = ClientDraft{};
        return;
    }
    const bool otherClient = state.draft.clientId != client->id;
    if (!otherClient && state.draft.conflict && state.draft.theirVersion == 0 &&
        client->version != state.draft.version) {
        state.draft.theirVersion = client->version; // what Save again replaces
    }
    if (otherClient || (!state.draft.edited && state.draft.version != client->version)) {
        // What the last save said stays beside the form it was about.
        ClientDraft said;
        if (!otherClient) {
            said.saved = std::move(state.draft.saved);
            said.problem = std::move(state.draft.problem);
        }
        fillClientDraft(state.draft, *client);
        state.draft.saved = std::move(said.saved);
        state.draft.problem = std::move(said.problem);
    }
}

void drawFrontDeskScreen(const FrontDeskData& data, FrontDeskScreenState& state,
                         const Appearance& look) {
    menuBar(state, look);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Knotmap##front-desk", nullptr, flags);
    ImGui::PopStyleVar(2);
    const float listWidth =
        std::clamp(ImGui::GetContentRegionAvail().x * 0.24f, look.px(230), look.px(320));
    if (beginPane("clients", ImVec2(listWidth, 0), ImVec2(look.px(12), look.px(22)),
                  look.colours().paneBackground)) {
        drawFrontDeskClientList(data, state, look);
    }
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    if (beginPane("client", ImVec2(0, 0), ImVec2(look.px(32), look.px(24)), ImVec4(0, 0, 0, 0))) {
        drawNoticeBanner(state.notice, look);
        const Client* client = findClient(data, state.selected);
        if (state.creating) {
            newClientSide(state, look);
        } else if (client != nullptr) {
            clientSide(data, *client, state, look);
        } else if (data.clients.empty()) {
            textMuted("No clients yet. Add the first with \u201C+ New client\u201D.", look);
        } else if (!state.showArchived) {
            textMuted("Every client is archived; tick \u201CShow archived\u201D to see them.",
                      look);
        } else {
            textMuted("Every client is archived; choose one under \u201CShow archived\u201D.",
                      look);
        }
    }
    ImGui::EndChild();
    shortcuts(state);
    ImGui::End();
}

} // namespace knotmap::ui
