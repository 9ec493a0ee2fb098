#include "core/referral_patterns.h"

#include "core/asset_registry.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace knotmap {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kBuiltInAsset = "assets/referral/patterns.json";

std::string inQuotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string sidedCode(std::string_view stem, Side side) {
    return std::string(stem) + "." + std::string(toCode(side));
}

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

class PatternReader {
public:
    PatternReader(std::string_view sourceName, const Atlas& atlas)
        : m_source(sourceName), m_atlas(atlas) {}

    std::vector<ReferralPattern> read(std::string_view text) {
        const Json root = parseText(text);
        if (!root.is_object()) {
            fail("the file must be a JSON object");
        }
        if (!root.contains("format") || root["format"] != "knotmap-referral") {
            fail("'format' must be \"knotmap-referral\"");
        }
        if (!root.contains("version") || root["version"] != 1) {
            fail("'version' must be 1 (the only version this Knotmap reads)");
        }
        if (!root.contains("patterns") || !root["patterns"].is_array()) {
            fail("'patterns' must be an array");
        }
        std::vector<ReferralPattern> patterns;
        std::set<std::string> ids;
        for (const Json& entry : root["patterns"]) {
            m_entry = "pattern #" + std::to_string(patterns.size() + 1);
            ReferralPattern pattern = readPattern(entry);
            if (!ids.insert(pattern.id).second) {
                fail("id " + inQuotes(pattern.id) + " is used by an earlier pattern");
            }
            patterns.push_back(std::move(pattern));
        }
        return patterns;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        const std::string where = m_entry.empty() ? "" : m_entry + ": ";
        throw std::runtime_error(m_source + ": " + where + problem);
    }

    Json parseText(std::string_view text) const {
        try {
            return Json::parse(text);
        } catch (const Json::parse_error& error) {
            fail(std::string("not valid JSON: ") + error.what());
        }
    }

    ReferralPattern readPattern(const Json& entry) {
        if (!entry.is_object()) {
            fail("each pattern must be a JSON object");
        }
        ReferralPattern pattern;
        pattern.id = text(entry, "id");
        const bool idIsCode = std::all_of(pattern.id.begin(), pattern.id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (!idIsCode) {
            fail("field 'id': " + inQuotes(pattern.id) +
                 " may use only lower-case letters, digits and '_'");
        }
        m_entry = "pattern " + inQuotes(pattern.id);
        // A misspelt optional field ("spilover") would otherwise vanish silently.
        static const std::set<std::string> known{"id",      "muscle",    "description",
                                                 "sources", "essential", "spillover"};
        for (const auto& [key, value] : entry.items()) {
            if (!known.contains(key)) {
                fail("unknown field " + inQuotes(key));
            }
        }
        pattern.muscle = text(entry, "muscle");
        pattern.description = text(entry, "description");
        pattern.sources = stems(entry, "sources", true);
        pattern.essential = stems(entry, "essential", true);
        pattern.spillover = stems(entry, "spillover", false);
        for (const std::string& stem : pattern.spillover) {
            if (std::find(pattern.essential.begin(), pattern.essential.end(), stem) !=
                pattern.essential.end()) {
                fail("field 'spillover': " + inQuotes(stem) + " is already in 'essential'");
            }
        }
        return pattern;
    }

    std::string text(const Json& entry, const std::string& field) const {
        if (!entry.contains(field)) {
            fail("missing field " + inQuotes(field));
        }
        const Json& value = entry[field];
        if (!value.is_string() || value.get<std::string>().empty()) {
            fail("field " + inQuotes(field) + " must be a non-empty string");
        }
        return value.get<std::string>();
    }

    std::vector<std::string> stems(const Json& entry, const std::string& field,
                                   bool required) const {
        if (!entry.contains(field)) {
            if (required) {
                fail("missing field " + inQuotes(field));
            }
            return {};
        }
        const Json& list = entry[field];
        if (!list.is_array() || (required && list.empty())) {
            fail("field " + inQuotes(field) + " must be a" + (required ? " non-empty" : "n") +
                 " array of atlas region codes");
        }
        std::vector<std::string> result;
        for (const Json& item : list) {
            if (!item.is_string()) {
                fail("field " + inQuotes(field) + " holds " + item.dump() +
                     ", not a region code string");
            }
            const std::string stem = item.get<std::string>();
            checkStem(field, stem);
            if (std::find(result.begin(), result.end(), stem) != result.end()) {
                fail("field " + inQuotes(field) + " lists " + inQuotes(stem) + " twice");
            }
            result.push_back(stem);
        }
        return result;
    }

    // Both sides must exist: a pattern is mirrored onto whichever side the
    // knot is on, so a stem with only one side would fail for half the users.
    void checkStem(const std::string& field, const std::string& stem) const {
        for (const Side side : {Side::Left, Side::Right}) {
            if (endsWith(stem, "." + std::string(toCode(side)))) {
                fail("field " + inQuotes(field) + ": " + inQuotes(stem) +
                     " names a side; give the region without it (the knot decides the side)");
            }
        }
        for (const Side side : {Side::Left, Side::Right}) {
            if (m_atlas.findByCode(sidedCode(stem, side)) == nullptr) {
                fail("field " + inQuotes(field) + ": unknown atlas region " + inQuotes(stem) +
                     " (no " + inQuotes(sidedCode(stem, side)) + " in the atlas)");
            }
        }
    }

    std::string m_source;
    const Atlas& m_atlas;
    std::string m_entry; // which pattern is being read, for messages
};

void addRegions(const Atlas& atlas, const std::vector<std::string>& stems, Side side,
                std::set<int>& into) {
    for (const std::string& stem : stems) {
        // Skipped rather than thrown: patterns checked against one atlas may
        // be asked about another, and a missing shade beats a crashed frame.
        if (const AtlasRegion* region = atlas.findByCode(sidedCode(stem, side))) {
            into.insert(region->index);
        }
    }
}

} // namespace

ReferralPatterns ReferralPatterns::parse(std::string_view json, std::string_view sourceName,
                                         const Atlas& atlas) {
    ReferralPatterns result;
    result.m_patterns = PatternReader(sourceName, atlas).read(json);
    return result;
}

const ReferralPatterns& ReferralPatterns::builtIn() {
    static const ReferralPatterns patterns =
        parse(asset(kBuiltInAsset), kBuiltInAsset, Atlas::builtIn());
    return patterns;
}

const ReferralPattern* ReferralPatterns::findById(std::string_view id) const {
    const auto found =
        std::find_if(m_patterns.begin(), m_patterns.end(),
                     [&](const ReferralPattern& pattern) { return pattern.id == id; });
    return found == m_patterns.end() ? nullptr : &*found;
}

std::optional<ReferralZone> ReferralPatterns::zoneFor(const Atlas& atlas,
                                                      std::string_view sourceRegionCode) const {
    const AtlasRegion* source = atlas.findByCode(sourceRegionCode);
    if (source == nullptr) {
        return std::nullopt;
    }
    const std::string suffix = "." + std::string(toCode(source->side));
    if (!endsWith(sourceRegionCode, suffix)) {
        return std::nullopt;
    }
    const std::string_view stem =
        sourceRegionCode.substr(0, sourceRegionCode.size() - suffix.size());
    ReferralZone zone;
    zone.side = source->side;
    std::set<int> essential;
    std::set<int> spillover;
    for (const ReferralPattern& pattern : m_patterns) {
        if (std::find(pattern.sources.begin(), pattern.sources.end(), stem) ==
            pattern.sources.end()) {
            continue;
        }
        zone.patternIds.push_back(pattern.id);
        zone.muscle += (zone.muscle.empty() ? "" : " / ") + pattern.muscle;
        zone.description += (zone.description.empty() ? "" : " ") + pattern.description;
        addRegions(atlas, pattern.essential, zone.side, essential);
        addRegions(atlas, pattern.spillover, zone.side, spillover);
    }
    if (zone.patternIds.empty()) {
        return std::nullopt;
    }
    zone.essential.assign(essential.begin(), essential.end());
    std::set_difference(spillover.begin(), spillover.end(), essential.begin(), essential.end(),
                        std::back_inserter(zone.spillover));
    return zone;
}

} // namespace knotmap
