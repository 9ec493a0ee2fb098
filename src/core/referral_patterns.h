#pragma once

#include "core/atlas.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Where a muscle's knots commonly send pain, for the body map's referral
// overlay. Loaded from assets/referral/patterns.json (format:
// docs/referral-patterns.md). Patterns are stored without a side because
// referral normally stays on the knot's side: codes are atlas region stems
// ("back.upper_trapezius") and gain .left or .right from the knot.
namespace knotmap {

struct ReferralPattern {
    std::string id;                     // e.g. "upper_trapezius", unique in the file
    std::string muscle;                 // display name, e.g. "Upper trapezius"
    std::string description;            // one sentence for the overlay's caption
    std::vector<std::string> sources;   // region stems of the muscle itself
    std::vector<std::string> essential; // region stems nearly always involved
    std::vector<std::string> spillover; // region stems reached only sometimes
};

// A pattern resolved onto one side of a particular atlas.
struct ReferralZone {
    std::vector<std::string> patternIds; // usually one; see zoneFor
    std::string muscle;                  // names joined with " / " when several
    std::string description;             // the patterns' sentences in file order
    Side side = Side::Left;
    std::vector<int> essential; // indices into Atlas::regions(), ascending
    std::vector<int> spillover; // ascending, never repeating an essential index
};

class ReferralPatterns {
public:
    // Parses the patterns text and checks every region stem against atlas
    // on both sides. Throws std::runtime_error naming the source, the
    // pattern and the field on bad input.
    static ReferralPatterns parse(std::string_view json, std::string_view sourceName,
                                  const Atlas& atlas);
    // The patterns embedded in the binary, checked against Atlas::builtIn().
    static const ReferralPatterns& builtIn();

    [[nodiscard]] const std::vector<ReferralPattern>& patterns() const { return m_patterns; }
    [[nodiscard]] const ReferralPattern* findById(std::string_view id) const;

    // The referred-pain zone for a knot in sourceRegionCode (a full code such
    // as "back.upper_trapezius.left"), on the same side as the knot, or none
    // when the code is unknown or no pattern starts there. One atlas region
    // can hold several muscles with their own patterns (the two heads of the
    // sternocleidomastoid, gluteus medius over minimus); the knot could be in
    // any of them, so their zones are merged.
    [[nodiscard]] std::optional<ReferralZone> zoneFor(const Atlas& atlas,
                                                      std::string_view sourceRegionCode) const;

private:
    std::vector<ReferralPattern> m_patterns;
};

} // namespace knotmap
