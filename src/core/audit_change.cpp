#include "core/audit_change.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace knotmap {
namespace {

constexpr std::size_t kShownCharacters = 40;

std::string shown(const nlohmann::json& value) {
    if (value.is_null()) {
        return "none";
    }
    if (value.is_string()) {
        return "\"" + shortenedText(value.get<std::string>()) + "\"";
    }
    return value.dump();
}

bool isEmpty(const nlohmann::json& value) {
    return value.is_null() || (value.is_string() && value.get<std::string>().empty());
}

std::string readable(std::string column) {
    for (char& c : column) {
        if (c == '_') {
            c = ' ';
        }
    }
    return column;
}

nlohmann::ordered_json parsed(const std::optional<std::string>& text) {
    if (!text) {
        return nlohmann::ordered_json::object();
    }
    auto value = nlohmann::ordered_json::parse(*text, nullptr, /*allow_exceptions=*/false);
    return value.is_object() ? value : nlohmann::ordered_json::object();
}

} // namespace

std::string shortenedText(const std::string& text) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 &&
            ++characters > kShownCharacters) {
            return text.substr(0, i) + "…";
        }
    }
    return text;
}

std::vector<FieldChange> describeChanges(const std::optional<std::string>& before,
                                         const std::optional<std::string>& after) {
    const nlohmann::ordered_json old = parsed(before);
    const nlohmann::ordered_json now = parsed(after);
    const nlohmann::ordered_json& columns = after ? now : old;
    std::vector<FieldChange> changes;
    for (const auto& [column, ignored] : columns.items()) {
        if (column == "version") {
            continue;
        }
        const nlohmann::ordered_json was = old.contains(column) ? old[column] : nullptr;
        const nlohmann::ordered_json is = now.contains(column) ? now[column] : nullptr;
        if (before && after && was == is) {
            continue;
        }
        if ((!before && isEmpty(is)) || (!after && isEmpty(was))) {
            continue;
        }
        changes.push_back({readable(column), before ? shown(was) : "", after ? shown(is) : ""});
    }
    return changes;
}

std::string changeSummary(const std::vector<FieldChange>& changes) {
    std::string text;
    for (const FieldChange& change : changes) {
        if (!text.empty()) {
            text += "; ";
        }
        text += change.field + " ";
        if (change.before.empty()) {
            text += change.after;
        } else if (change.after.empty()) {
            text += change.before;
        } else {
            text += change.before + " → " + change.after;
        }
    }
    return text;
}

std::string recordNoun(const std::string& table) {
    static const std::array<std::pair<const char*, const char*>, 12> kNouns{{
        {"client", "client"},
        {"session", "visit"},
        {"session_trigger", "visit's triggers"},
        {"knot", "knot"},
        {"observation", "rating"},
        {"observation_symptom", "rating's symptoms"},
        {"observation_referral", "rating's referred regions"},
        {"treatment", "treatment"},
        {"session_amendment", "visit amendment"},
        {"observation_amendment", "rating amendment"},
        {"treatment_amendment", "treatment amendment"},
        {"client_access", "client access"},
    }};
    for (const auto& [name, noun] : kNouns) {
        if (table == name) {
            return noun;
        }
    }
    return readable(table);
}

} // namespace knotmap
