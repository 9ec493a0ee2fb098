#include "core/record_history_text.h"

#include "core/audit_change.h"
#include "core/domain_codes.h"
#include "core/local_time_text.h"
#include "core/timestamp.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace knotmap {
namespace {

using Json = nlohmann::ordered_json;

Json parsed(const std::optional<std::string>& text) {
    if (!text) {
        return Json::object();
    }
    Json value = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
    return value.is_object() ? value : Json::object();
}

Json column(const Json& row, const std::string& name) {
    return row.contains(name) ? row[name] : Json();
}

bool isEmpty(const Json& value) {
    return value.is_null() || (value.is_string() && value.get<std::string>().empty());
}

bool isAmendment(const std::string& table) {
    constexpr std::string_view kSuffix = "_amendment";
    return table.size() > kSuffix.size() &&
           table.compare(table.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

// Keys, versions and the columns that tell who signed (the "Signed" line
// says so): not what a person changed.
bool hidden(const std::string& name) {
    static constexpr std::array<std::string_view, 12> kHidden = {
        "id",      "version",     "client_id", "session_id", "observation_id", "treatment_id",
        "knot_id", "created_utc", "signer",    "signed_by",  "signed_utc",     "utc_offset_min"};
    return std::find(kHidden.begin(), kHidden.end(), name) != kHidden.end();
}

std::string label(const std::string& name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kLabels{{
        {"started_utc", "time"},
        {"kind_id", "kind"},
        {"sleep", "sleep quality"},
        {"referrals", "referred regions"},
    }};
    for (const auto& [columnName, text] : kLabels) {
        if (name == columnName) {
            return std::string(text);
        }
    }
    std::string text = name;
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

std::string lowerFirst(std::string_view text) {
    std::string lowered(text);
    if (!lowered.empty() && lowered.front() >= 'A' && lowered.front() <= 'Z') {
        lowered.front() = static_cast<char>(lowered.front() - 'A' + 'a');
    }
    return lowered;
}

std::string quoted(const std::string& text) {
    return "\u201C" + shortenedText(text) + "\u201D";
}

std::string named(const std::function<std::string(std::int64_t)>& lookup, const Json& id) {
    if (!id.is_number_integer()) {
        return id.dump();
    }
    const std::string name = lookup ? lookup(id.get<std::int64_t>()) : std::string();
    return name.empty() ? id.dump() : quoted(name);
}

// A session's time in its own UTC offset, as its details panel shows it.
std::string sessionTime(const Json& row) {
    const Json utc = column(row, "started_utc");
    const Json offset = column(row, "utc_offset_min");
    if (!utc.is_number_integer() || !offset.is_number_integer()) {
        return utc.dump();
    }
    try {
        const CivilDateTime local =
            LocalTimestamp(utc.get<std::int64_t>(), offset.get<int>()).local();
        char text[24];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", local.year, local.month,
                      local.day, local.hour, local.minute);
        return text;
    } catch (const std::exception&) { // an offset out of range
        return utc.dump();
    }
}

// A column's value as a person reads it; none when empty or not recorded.
std::optional<std::string> value(const std::string& table, const std::string& name, const Json& row,
                                 const RecordNames& names) {
    const Json held = column(row, name);
    if (isEmpty(held)) {
        return std::nullopt;
    }
    if (name == "started_utc") {
        return sessionTime(row);
    }
    if (name == "kind_id") {
        return named(names.treatmentKind, held);
    }
    if (name == "kind" && held.is_string()) {
        const std::string code = held.get<std::string>();
        if (table == "session" && sessionKindFromCode(code)) {
            return lowerFirst(displayName(*sessionKindFromCode(code)));
        }
        if (table == "observation" && observationKindFromCode(code)) {
            return lowerFirst(displayName(*observationKindFromCode(code)));
        }
    }
    if (name == "intensity" && held.is_string()) {
        return held.get<std::string>(); // a word of the form's scale: "firm"
    }
    if (name == "archived") {
        return held == 1 ? "yes" : "no";
    }
    if (held.is_string()) {
        return quoted(held.get<std::string>());
    }
    return held.dump();
}

// "overall pain 6 → 4", "notes set to “tight”", "stress cleared (was 5)".
std::string change(const std::string& what, const std::optional<std::string>& before,
                   const std::optional<std::string>& after) {
    if (!before) {
        return what + " set to " + after.value_or("nothing");
    }
    if (!after) {
        return what + " cleared (was " + *before + ")";
    }
    return what + " " + *before + " → " + *after;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& part : parts) {
        text += (text.empty() ? "" : "; ") + part;
    }
    return text;
}

struct Wording {
    std::string verb;
    std::string what;
};

Wording ownUpdate(const std::string& table, const Json& before, const Json& after,
                  const std::string& person, const RecordNames& names) {
    if (table == "session" && isEmpty(column(before, "signed_utc")) &&
        !isEmpty(column(after, "signed_utc"))) {
        const Json signedBy = column(after, "signed_by");
        const bool asOther =
            signedBy.is_string() && !isEmpty(signedBy) && signedBy.get<std::string>() != person;
        return {"Signed", asOther ? "as " + quoted(signedBy.get<std::string>()) : ""};
    }
    std::vector<std::string> parts;
    bool archiving = false;
    for (const auto& [name, ignored] : after.items()) {
        const bool moved = name == "started_utc" &&
                           column(before, "utc_offset_min") != column(after, "utc_offset_min");
        // "" and null both mean nothing was entered: going from one to the
        // other changes nothing a person sees.
        const bool same = column(before, name) == column(after, name) ||
                          (isEmpty(column(before, name)) && isEmpty(column(after, name)));
        if (hidden(name) || (same && !moved)) {
            continue;
        }
        if (name == "archived") {
            archiving = true;
        }
        parts.push_back(change(label(name), value(table, name, before, names),
                               value(table, name, after, names)));
    }
    if (archiving && parts.size() == 1) {
        return {column(after, "archived") == 1 ? "Archived" : "Unarchived", ""};
    }
    return {"Changed", joined(parts)};
}

// An amendment's field and values are text as the app shows them ("6",
// "tight shoulders"); numbers stay bare, words are quoted.
std::optional<std::string> amendedValue(const Json& held) {
    if (isEmpty(held)) {
        return std::nullopt;
    }
    if (!held.is_string()) {
        return held.dump();
    }
    const std::string text = held.get<std::string>();
    const bool number =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return number ? text : quoted(text);
}

Wording amendment(const RecordEvent& event, const Json& row) {
    const Json field = column(row, "field");
    const std::string what = label(field.is_string() ? field.get<std::string>() : "field");
    if (event.action != "insert") { // amendments are added, never changed: say so plainly
        return {event.action == "update" ? "Changed amendment" : "Removed amendment", what};
    }
    std::string text = change(what, amendedValue(column(row, "original_value")),
                              amendedValue(column(row, "new_value")));
    const Json reason = column(row, "reason");
    if (reason.is_string() && !isEmpty(reason)) {
        text += " (reason: " + quoted(reason.get<std::string>()) + ")";
    }
    return {"Amended", text};
}

std::string linkWhat(const RecordEvent& event, const Json& row, const RecordNames& names) {
    if (event.table == "session_trigger") {
        return "trigger " + named(names.trigger, column(row, "trigger_id"));
    }
    if (event.table == "observation_symptom") {
        return "symptom " + named(names.symptom, column(row, "symptom_id"));
    }
    if (event.table == "observation_referral") {
        const Json code = column(row, "region_code");
        const std::string text = code.is_string() ? code.get<std::string>() : code.dump();
        const std::string name = names.region ? names.region(text) : std::string();
        return "referred pain to " + (name.empty() ? text : name);
    }
    return recordNoun(event.table);
}

Wording wording(const RecordEvent& event, const std::string& ownTable, const RecordNames& names) {
    const Json before = parsed(event.before);
    const Json after = parsed(event.after);
    if (isAmendment(event.table)) {
        return amendment(event, event.after ? after : before);
    }
    if (event.table == ownTable) {
        if (event.action == "update") {
            return ownUpdate(ownTable, before, after, event.personName, names);
        }
        return {event.action == "insert" ? "Created" : "Deleted", ""};
    }
    const std::string verb = event.action == "insert"   ? "Added"
                             : event.action == "update" ? "Changed"
                                                        : "Removed";
    return {verb, linkWhat(event, event.after ? after : before, names)};
}

// The database applies a rating's or treatment's amendment to its rows in
// the amendment's own transaction (db/sqlite/005), and a signed visit's rows
// change no other way: those writes are the amendment, told once by it.
bool appliedByAmendment(const RecordEvent& event, const std::vector<RecordEvent>& events) {
    if (isAmendment(event.table)) {
        return false;
    }
    return std::any_of(events.begin(), events.end(), [&](const RecordEvent& other) {
        return isAmendment(other.table) && other.table != "session_amendment" &&
               other.action == "insert" && other.atUtc == event.atUtc &&
               other.personName == event.personName;
    });
}

} // namespace

std::vector<std::string> recordHistoryLines(const std::vector<RecordEvent>& events,
                                            const std::string& ownTable, const RecordNames& names,
                                            std::int64_t nowUtc) {
    std::vector<std::string> lines;
    for (const RecordEvent& event : events) {
        if (appliedByAmendment(event, events)) {
            continue;
        }
        const Wording said = wording(event, ownTable, names);
        lines.push_back(said.verb + " by " + event.personName + " on " +
                        localDayMinuteText(event.atUtc, nowUtc) +
                        (said.what.empty() ? "" : ": " + said.what));
    }
    return lines;
}

} // namespace knotmap
