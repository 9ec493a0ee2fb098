#include "ui/dialogs/record_history_dialog.h"

#include "core/audit_change.h"
#include "store/audit/audit_trail.h"
#include "store/sql/statement.h"
#include "ui/dialogs/centred_modal.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <map>

namespace knotmap::ui {
namespace {

// "3 Dec 14:02", with the year when it is not this year's.
std::string whenText(std::int64_t utc) {
    const std::time_t when = static_cast<std::time_t>(utc);
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    std::tm today{};
    localtime_r(&when, &local);
    localtime_r(&now, &today);
    char text[40];
    std::strftime(text, sizeof text,
                  local.tm_year == today.tm_year ? "%d %b %H:%M" : "%d %b %Y %H:%M", &local);
    std::string shown = text;
    if (shown.front() == '0') {
        shown.erase(0, 1);
    }
    return shown;
}

// id -> name of a vocabulary, for link rows that hold ids.
std::map<std::int64_t, std::string> names(sql::Connection& db, const char* table) {
    std::map<std::int64_t, std::string> byId;
    sql::Statement query(db, std::string("SELECT id, name FROM ") + table);
    while (query.executeStep()) {
        byId[query.getColumn(0).getInt64()] = query.getColumn(1).getString();
    }
    return byId;
}

// What a link row added or removed: "symptom “Aching”".
std::string linkText(const AuditEvent& event, const std::map<std::int64_t, std::string>& symptoms,
                     const std::map<std::int64_t, std::string>& triggers,
                     const RegionNamer& regionName) {
    const auto row = nlohmann::json::parse(event.after ? *event.after : event.before.value_or("{}"),
                                           nullptr, false);
    if (!row.is_object()) {
        return event.table;
    }
    const auto named = [](const std::map<std::int64_t, std::string>& byId, const nlohmann::json& id) {
        const auto found = id.is_number_integer() ? byId.find(id.get<std::int64_t>()) : byId.end();
        return found != byId.end() ? "\u201C" + found->second + "\u201D" : id.dump();
    };
    if (event.table == "observation_symptom") {
        return "symptom " + named(symptoms, row.value("symptom_id", nlohmann::json()));
    }
    if (event.table == "session_trigger") {
        return "trigger " + named(triggers, row.value("trigger_id", nlohmann::json()));
    }
    const std::string code = row.value("region_code", std::string());
    return "referred pain to " + (regionName ? regionName(code) : code);
}

} // namespace

RecordHistoryState readRecordHistory(sql::Connection& db, std::string title,
                                     const std::vector<std::string>& tables, Id id,
                                     const RegionNamer& regionName) {
    RecordHistoryState state;
    state.title = std::move(title);
    state.openRequested = true;
    try {
        AuditFilter filter;
        filter.tables = tables;
        filter.rowId = id;
        const std::vector<AuditEvent> events = readAuditTrail(db, filter);
        const auto symptoms = names(db, "symptom");
        const auto triggers = names(db, "trigger_cause");
        for (const AuditEvent& event : events) {
            const bool own = !tables.empty() && event.table == tables.front();
            const std::string verb = event.action == "insert"   ? "Added"
                                     : event.action == "update" ? "Changed"
                                                                : (own ? "Deleted" : "Removed");
            std::string what;
            if (own) {
                what = event.action == "update"
                           ? changeSummary(describeChanges(event.before, event.after))
                           : "";
            } else {
                what = linkText(event, symptoms, triggers, regionName);
            }
            state.lines.push_back(verb + " by " + event.personName + " on " +
                                  whenText(event.atUtc) + (what.empty() ? "" : ": " + what));
        }
    } catch (const std::exception& error) {
        state.error = std::string("The history could not be read: ") + error.what();
    }
    return state;
}

void drawRecordHistoryDialog(RecordHistoryState& state, const Appearance& look) {
    if (!state.openRequested) {
        return;
    }
    if (!beginCentredModal("History##record", look)) {
        return;
    }
    ImGui::PushTextWrapPos(0.0f);
    textWithFont(state.title, look.fonts.heading);
    if (!state.error.empty()) {
        textMuted(state.error, look);
    } else if (state.lines.empty()) {
        textMuted("No changes recorded. Knotmap keeps them from this version on; a made-up "
                  "demo history has none.",
                  look);
    }
    // As tall as the lines, wrapped at the dialog's width, up to half the
    // window; longer histories scroll.
    const float wrapWidth = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    float needed = 0;
    for (const std::string& line : state.lines) {
        needed += ImGui::CalcTextSize(line.c_str(), nullptr, false, wrapWidth).y +
                  ImGui::GetStyle().ItemSpacing.y;
    }
    const float height = std::min(needed, ImGui::GetMainViewport()->WorkSize.y * 0.5f);
    if (!state.lines.empty() && ImGui::BeginChild("##lines", ImVec2(0, height), false)) {
        ImGui::PushTextWrapPos(wrapWidth);
        for (const std::string& line : state.lines) {
            ImGui::TextUnformatted(line.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(2)));
    const char* closeLabel = "Close";
    const float closeWidth = ImGui::CalcTextSize(closeLabel).x + look.px(14) * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - closeWidth);
    const bool close = primaryButton(closeLabel, look) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    probeItem("history-close");
    if (close) {
        state.openRequested = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
