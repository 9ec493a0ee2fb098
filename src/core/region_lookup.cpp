#include "core/region_lookup.h"

#include "core/text_search.h"

#include <algorithm>

namespace knotmap {
namespace {

// Case, accents and runs of spaces do not matter; anything else does.
std::string keyFor(std::string_view text) {
    const std::string folded = foldForSearch(text);
    std::string key;
    for (char c : folded) {
        const bool space = c == ' ' || c == '\t';
        if (space) {
            if (!key.empty() && key.back() != ' ') {
                key += ' ';
            }
        } else {
            key += c;
        }
    }
    if (!key.empty() && key.back() == ' ') {
        key.pop_back();
    }
    return key;
}

} // namespace

RegionLookup::RegionLookup(const Atlas& atlas) {
    std::unordered_map<std::string, const AtlasRegion*> largestInChoir;
    for (const AtlasRegion& region : atlas.regions()) {
        m_byKey[keyFor(region.code)].push_back(&region);
        auto& named = m_byKey[keyFor(region.displayName)];
        if (std::find(named.begin(), named.end(), &region) == named.end()) {
            named.push_back(&region);
        }
        const AtlasRegion*& largest = largestInChoir[keyFor(region.choirCode)];
        if (largest == nullptr || region.area > largest->area) {
            largest = &region;
        }
    }
    for (const auto& [key, region] : largestInChoir) {
        auto& entry = m_byKey[key];
        if (entry.empty()) { // a code never hides a region's own name or code
            entry.push_back(region);
        }
    }
}

RegionLookup::Match RegionLookup::find(std::string_view text) const {
    Match match;
    const auto found = m_byKey.find(keyFor(text));
    if (found == m_byKey.end()) {
        return match;
    }
    if (found->second.size() == 1) {
        match.region = found->second.front();
    } else {
        match.candidates = found->second;
    }
    return match;
}

std::string describeNoMatch(std::string_view text, const RegionLookup::Match& match) {
    const std::string quoted = "'" + std::string(text) + "'";
    if (match.candidates.empty()) {
        return "unknown region " + quoted +
               ": use an atlas code such as back.upper_trapezius.left (`knotmap atlas` lists "
               "them), a region name such as 'Left upper trapezius', or a CHOIR code such as b07";
    }
    std::string codes;
    for (const AtlasRegion* region : match.candidates) {
        codes += (codes.empty() ? "" : " or ") + region->code;
    }
    return "region " + quoted + " is ambiguous: write " + codes;
}

} // namespace knotmap
