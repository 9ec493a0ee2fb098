#pragma once

#include "core/atlas.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace knotmap {

// Finds the atlas region a person means by a region written in a spreadsheet:
// an atlas code ("back.upper_trapezius.left"), a display name ("Left upper
// trapezius", ignoring case, accents and extra spaces) or a CHOIR body-map code
// ("b07"). A CHOIR region covers several atlas regions; the largest of them
// stands for it. Nothing is guessed: text that names no region, or a name
// that two regions share (the same name on the front and the back), finds
// no single region and says which ones it could be.
class RegionLookup {
public:
    explicit RegionLookup(const Atlas& atlas);

    struct Match {
        const AtlasRegion* region = nullptr;        // the one region meant, if there is one
        std::vector<const AtlasRegion*> candidates; // when the text is ambiguous
    };

    [[nodiscard]] Match find(std::string_view text) const;

private:
    std::unordered_map<std::string, std::vector<const AtlasRegion*>> m_byKey;
};

// A message for text that matched no single region: what it could be, or how
// to name one.
[[nodiscard]] std::string describeNoMatch(std::string_view text, const RegionLookup::Match& match);

} // namespace knotmap
