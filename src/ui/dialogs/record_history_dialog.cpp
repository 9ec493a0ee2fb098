#include "ui/dialogs/record_history_dialog.h"

#include "core/record_history_text.h"
#include "store/audit/audit_trail.h"
#include "store/sql/statement.h"
#include "ui/dialogs/centred_modal.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/widgets.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <optional>

namespace knotmap::ui {
namespace {

// id -> name of a vocabulary, read the first time an event needs one: most
// histories hold no link rows, and then nothing is read.
class VocabularyNames {
public:
    VocabularyNames(sql::Connection& db, const char* table) : m_db(db), m_table(table) {}

    std::string operator()(std::int64_t id) {
        if (!m_byId) {
            m_byId.emplace();
            sql::Statement query(m_db, std::string("SELECT id, name FROM ") + m_table);
            while (query.executeStep()) {
                (*m_byId)[query.getColumn(0).getInt64()] = query.getColumn(1).getString();
            }
        }
        const auto found = m_byId->find(id);
        return found != m_byId->end() ? found->second : std::string();
    }

private:
    sql::Connection& m_db;
    const char* m_table;
    std::optional<std::map<std::int64_t, std::string>> m_byId;
};

// RecordNames copies its functions: each shares one reader.
std::function<std::string(std::int64_t)> namesOf(sql::Connection& db, const char* table) {
    auto names = std::make_shared<VocabularyNames>(db, table);
    return [names](std::int64_t id) {
        return (*names)(id);
    };
}

// The record's own and link rows (under its id), then each amendment's,
// merged in the order the trail wrote them.
std::vector<AuditEvent> readEvents(sql::Connection& db, const RecordHistorySource& source) {
    AuditFilter filter;
    filter.tables = source.linkTables;
    filter.tables.insert(filter.tables.begin(), source.table);
    filter.rowId = source.id;
    std::vector<AuditEvent> events = readAuditTrail(db, filter);
    if (source.amendmentTable.empty()) {
        return events;
    }
    // Amendments are never deleted while their record exists, so the rows
    // there now name every amendment the trail holds for it.
    sql::Statement amendments(db, "SELECT id FROM " + source.amendmentTable + " WHERE " +
                                      source.amendmentParent + " = ?");
    amendments.bind(1, static_cast<std::int64_t>(source.id));
    std::vector<std::int64_t> ids;
    while (amendments.executeStep()) {
        ids.push_back(amendments.getColumn(0).getInt64());
    }
    for (const std::int64_t id : ids) {
        AuditFilter one;
        one.tables = {source.amendmentTable};
        one.rowId = id;
        for (AuditEvent& event : readAuditTrail(db, one)) {
            events.push_back(std::move(event));
        }
    }
    std::sort(events.begin(), events.end(),
              [](const AuditEvent& a, const AuditEvent& b) { return a.id < b.id; });
    return events;
}

} // namespace

RecordHistorySource ratingHistorySource(Id observationId, std::string title) {
    RecordHistorySource source;
    source.title = std::move(title);
    source.table = "observation";
    source.linkTables = {"observation_symptom", "observation_referral"};
    source.amendmentTable = "observation_amendment";
    source.amendmentParent = "observation_id";
    source.id = observationId;
    return source;
}

RecordHistorySource visitHistorySource(Id sessionId, std::string title) {
    RecordHistorySource source;
    source.title = std::move(title);
    source.table = "session";
    source.linkTables = {"session_trigger"};
    source.amendmentTable = "session_amendment";
    source.amendmentParent = "session_id";
    source.id = sessionId;
    return source;
}

RecordHistorySource treatmentHistorySource(Id treatmentId, std::string title,
                                           std::string subtitle) {
    RecordHistorySource source;
    source.title = std::move(title);
    source.subtitle = std::move(subtitle);
    source.table = "treatment";
    source.amendmentTable = "treatment_amendment";
    source.amendmentParent = "treatment_id";
    source.id = treatmentId;
    return source;
}

RecordHistorySource clientHistorySource(Id clientId, std::string title) {
    RecordHistorySource source;
    source.title = std::move(title);
    source.table = "client";
    source.id = clientId;
    return source;
}

RecordHistoryState readRecordHistory(sql::Connection& db, const RecordHistorySource& source,
                                     const RegionNamer& regionName) {
    RecordHistoryState state;
    state.title = source.title;
    state.subtitle = source.subtitle;
    state.openRequested = true;
    try {
        std::vector<RecordEvent> events;
        for (AuditEvent& event : readEvents(db, source)) {
            events.push_back({event.atUtc, std::move(event.personName), std::move(event.table),
                              std::move(event.action), std::move(event.before),
                              std::move(event.after)});
        }
        RecordNames names;
        names.symptom = namesOf(db, "symptom");
        names.trigger = namesOf(db, "trigger_cause");
        names.treatmentKind = namesOf(db, "treatment_kind");
        names.region = regionName;
        state.lines = recordHistoryLines(events, source.table, names, std::time(nullptr));
    } catch (const std::exception& error) {
        state.error = std::string("The history could not be read: ") + error.what();
    }
    return state;
}

float historyButtonWidth() {
    return ImGui::CalcTextSize("History").x + ImGui::GetStyle().FramePadding.x * 2;
}

bool historyButton(const char* probeName, const char* tooltip) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    const bool clicked = ImGui::Button("History");
    ImGui::PopStyleColor();
    probeItem(probeName);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", tooltip);
    }
    return clicked;
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
    if (!state.subtitle.empty()) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - look.px(8)); // it belongs to the title
        textMuted(state.subtitle, look);
    }
    if (testProbeActive()) {
        probeValue("history-title", state.title);
        probeValue("history-lines", std::to_string(state.lines.size()));
        for (const std::string& line : state.lines) {
            probeValue("history-line", line);
        }
    }
    if (!state.error.empty()) {
        textMuted(state.error, look);
    } else if (state.lines.empty()) {
        textMuted("No changes are recorded for this record. Knotmap records changes from "
                  "schema version 6 of a file (version 7 on a server) on, so a record not "
                  "changed since has none; records written by `knotmap demo` are not recorded.",
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
    if (!state.lines.empty()) {
        // EndChild is owed whatever BeginChild returns (it is false when
        // the child is clipped or collapsed).
        if (ImGui::BeginChild("##lines", ImVec2(0, height), false)) {
            ImGui::PushTextWrapPos(wrapWidth);
            for (const std::string& line : state.lines) {
                ImGui::TextUnformatted(line.c_str());
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
    }
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, look.px(2)));
    const char* closeLabel = "Close";
    const float closeWidth = ImGui::CalcTextSize(closeLabel).x + look.px(14) * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - closeWidth);
    const bool close =
        primaryButton(closeLabel, look) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    probeItem("history-close");
    if (close) {
        state.openRequested = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace knotmap::ui
