#pragma once

#include "core/atlas.h"
#include "core/region_lookup.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

// Which atlas regions another app's body-area words mean ("Back (lower)",
// "lower back", "Left shoulder", "neck pain"). First what Knotmap's own
// sheets accept (RegionLookup: atlas codes, region names, CHOIR codes), then
// the synonym table assets/atlas/body_areas.csv (docs/import-other-apps.md).
//
// The words are compared as a set, ignoring case, accents, punctuation and
// order, and without the words that name no place ("pain", "ache", "sore",
// "my", "area", ...): "Back (lower)", "lower back" and "Lower back pain" are
// one area. A side word ("left", "right", "L", "R") picks that side; an area
// named without one ("neck"), or with "both" or "bilateral", is both sides,
// as those apps draw it as one area across the middle. Nothing is guessed:
// words the table does not list map to nothing.
namespace knotmap {

struct BodyAreaMapping {
    std::vector<const AtlasRegion*> regions; // one side or both; empty: not mapped
    // How the words were read: "region name", "CHOIR code", "synonym 'lower back'".
    std::string how;
    RegionLookup::Match lookup; // RegionLookup's own answer, for its ambiguity message
};

class BodyAreaMap {
public:
    // Reads the built-in synonym table. Throws std::runtime_error naming the
    // table's line when a row is malformed (a unit test checks the shipped one).
    explicit BodyAreaMap(const Atlas& atlas);

    [[nodiscard]] BodyAreaMapping map(std::string_view text) const;

    // The table's rows: the words as written and the region without its side
    // ("back.erector_spinae_lumbar"), in file order, for docs and tests.
    struct Synonym {
        std::string words;
        std::string region;
    };
    [[nodiscard]] const std::vector<Synonym>& synonyms() const { return m_synonyms; }

private:
    const Atlas& m_atlas;
    RegionLookup m_lookup;
    std::vector<Synonym> m_synonyms;
    std::map<std::string, std::size_t> m_byKey; // sorted place words -> synonym
};

} // namespace knotmap
