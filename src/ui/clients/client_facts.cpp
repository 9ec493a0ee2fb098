#include "ui/clients/client_facts.h"

#include "core/display_order.h"
#include "core/text_trim.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace knotmap::ui {

std::string notesExcerpt(const std::string& notes, std::size_t maxBytes) {
    std::string excerpt(trimmed(notes));
    // A short note shows whole, its lines kept; a long one shows its start.
    constexpr int kMaxLines = 3;
    std::size_t end = 0;
    for (int line = 0; line < kMaxLines && end != std::string::npos; ++line) {
        end = excerpt.find('\n', end == 0 ? 0 : end + 1);
    }
    if (excerpt.size() <= maxBytes && end == std::string::npos) {
        return excerpt;
    }
    std::size_t cut = std::min(maxBytes, end == std::string::npos ? excerpt.size() : end);
    while (cut > 0 && (static_cast<unsigned char>(excerpt[cut]) & 0xC0u) == 0x80u) {
        --cut; // never inside a UTF-8 character
    }
    if (cut < excerpt.size() && excerpt[cut] != '\n') {
        const std::size_t space = excerpt.rfind(' ', cut);
        cut = space != std::string::npos && space > cut / 2 ? space : cut;
    }
    excerpt.resize(cut);
    while (!excerpt.empty() && (excerpt.back() == ' ' || excerpt.back() == '\r')) {
        excerpt.pop_back();
    }
    return excerpt + "\u2026";
}

void drawClientFacts(const ClientEntry& client, const Appearance& look) {
    if (client.birthYear) {
        textMuted("Born " + std::to_string(*client.birthYear), look);
        probeValue("client-born", std::to_string(*client.birthYear));
    }
    const std::string excerpt = notesExcerpt(client.notes, 200);
    if (excerpt.empty()) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    textMuted(visualOrderByLine(excerpt), look);
    ImGui::PopTextWrapPos();
    if (excerpt != client.notes && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(look.px(420));
        ImGui::TextUnformatted(visualOrderByLine(client.notes).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (testProbeActive()) {
        std::string oneLine = excerpt; // a report line holds one line
        std::replace(oneLine.begin(), oneLine.end(), '\n', '/');
        probeValue("client-notes-shown", oneLine);
    }
}

} // namespace knotmap::ui
