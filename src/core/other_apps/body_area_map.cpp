#include "core/other_apps/body_area_map.h"

#include "core/asset_registry.h"
#include "core/csv_reader.h"
#include "core/text_search.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace knotmap {
namespace {

constexpr std::string_view kTable = "assets/atlas/body_areas.csv";

// Words that say how a place feels, or are grammar: they name no place.
constexpr std::array<std::string_view, 24> kNoPlaceWords = {
    "pain",     "pains", "painful",   "ache",  "aches",     "aching",  "achy",   "sore",
    "soreness", "tight", "tightness", "stiff", "stiffness", "tension", "knot",   "knots",
    "the",      "my",    "of",        "in",    "on",        "area",    "region", "side"};

enum class SideWord { None, Left, Right, Both };

SideWord sideOf(std::string_view word) {
    if (word == "left" || word == "l" || word == "lt") {
        return SideWord::Left;
    }
    if (word == "right" || word == "r" || word == "rt") {
        return SideWord::Right;
    }
    if (word == "both" || word == "bilateral" || word == "sides") {
        return SideWord::Both;
    }
    return SideWord::None;
}

struct AreaWords {
    std::string key; // the place words, sorted, space separated
    SideWord side = SideWord::None;
    bool twoSides = false; // both a left and a right word: no single reading
};

AreaWords readWords(std::string_view text) {
    const std::string folded = foldForSearch(text);
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    };
    for (char c : folded) {
        const bool letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                   static_cast<unsigned char>(c) >= 0x80;
        if (letterOrDigit) {
            word += c;
        } else {
            flush();
        }
    }
    flush();
    AreaWords area;
    std::vector<std::string> place;
    for (const std::string& w : words) {
        if (std::find(kNoPlaceWords.begin(), kNoPlaceWords.end(), w) != kNoPlaceWords.end()) {
            continue;
        }
        if (const SideWord side = sideOf(w); side != SideWord::None) {
            if (area.side != SideWord::None && area.side != side) {
                area.twoSides = true;
            }
            area.side = side;
            continue;
        }
        place.push_back(w);
    }
    std::sort(place.begin(), place.end());
    place.erase(std::unique(place.begin(), place.end()), place.end());
    for (const std::string& w : place) {
        area.key += (area.key.empty() ? "" : " ") + w;
    }
    return area;
}

[[noreturn]] void fail(std::int64_t line, const std::string& message) {
    throw std::runtime_error(std::string(kTable) + ", line " + std::to_string(line) + ": " +
                             message);
}

} // namespace

BodyAreaMap::BodyAreaMap(const Atlas& atlas) : m_atlas(atlas), m_lookup(atlas) {
    CsvReader reader(asset(kTable));
    CsvRecord record;
    bool header = true;
    while (reader.next(record)) {
        if (header) {
            header = false;
            if (record.fields != std::vector<std::string>{"words", "region"}) {
                fail(record.line, "expected the columns words,region");
            }
            continue;
        }
        if (record.size() != 2) {
            fail(record.line, "expected 2 fields, found " + std::to_string(record.size()));
        }
        Synonym synonym{record.fields[0], record.fields[1]};
        if (atlas.findByCode(synonym.region + ".left") == nullptr ||
            atlas.findByCode(synonym.region + ".right") == nullptr) {
            fail(record.line, "'" + synonym.region +
                                  "' is not an atlas region without its side, such as "
                                  "back.erector_spinae_lumbar");
        }
        const AreaWords words = readWords(synonym.words);
        if (words.side != SideWord::None) {
            fail(record.line, "'" + synonym.words +
                                  "' has a side word; sides are read from the "
                                  "text being mapped, never from the table");
        }
        if (words.key.empty()) {
            fail(record.line, "'" + synonym.words + "' names no place");
        }
        const auto [earlier, added] = m_byKey.emplace(words.key, m_synonyms.size());
        if (!added) {
            fail(record.line, "'" + synonym.words + "' reads the same as '" +
                                  m_synonyms[earlier->second].words + "'");
        }
        m_synonyms.push_back(std::move(synonym));
    }
    if (reader.error()) {
        throw std::runtime_error(std::string(kTable) + ": " + reader.error()->describe());
    }
}

BodyAreaMapping BodyAreaMap::map(std::string_view text) const {
    BodyAreaMapping mapping;
    mapping.lookup = m_lookup.find(text);
    if (const AtlasRegion* region = mapping.lookup.region) {
        mapping.regions = {region};
        const std::string folded = foldForSearch(text);
        mapping.how = folded == region->code                       ? "atlas code"
                      : folded == foldForSearch(region->choirCode) ? "CHOIR code"
                                                                   : "region name";
        return mapping;
    }
    // A name both views share ("Left wrist") is read through the table,
    // which picks the view the word usually means; else RegionLookup's
    // candidates say what to write instead.
    const AreaWords words = readWords(text);
    const auto found = m_byKey.find(words.key);
    if (found == m_byKey.end() || words.twoSides) {
        return mapping;
    }
    const Synonym& synonym = m_synonyms[found->second];
    mapping.how = "synonym '" + synonym.words + "'";
    const AtlasRegion* left = m_atlas.findByCode(synonym.region + ".left");
    const AtlasRegion* right = m_atlas.findByCode(synonym.region + ".right");
    switch (words.side) {
    case SideWord::Left:
        mapping.regions = {left};
        break;
    case SideWord::Right:
        mapping.regions = {right};
        break;
    case SideWord::None:
    case SideWord::Both:
        mapping.regions = {left, right};
        break;
    }
    return mapping;
}

} // namespace knotmap
