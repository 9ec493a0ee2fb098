#include "core/demo_sites.h"

#include "core/label_point.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace knotmap {
namespace {

using Codes = std::span<const std::string_view>;

// Referral targets, same side ("<view>.<muscle>"), after the referral table in
// ../shared/reference/trigger-points.md, limited to regions the demo itself
// charts so every referred code is also a region the atlas knows.
constexpr std::array<std::string_view, 3> kUpperTrapRefers{"back.suboccipitals", "front.temporalis",
                                                           "front.masseter"};
constexpr std::array<std::string_view, 3> kLevatorRefers{"back.rhomboid", "back.deltoid",
                                                         "back.upper_trapezius"};
constexpr std::array<std::string_view, 2> kMiddleTrapRefers{"back.rhomboid",
                                                            "back.upper_trapezius"};
constexpr std::array<std::string_view, 3> kLowerTrapRefers{"back.suboccipitals",
                                                           "back.supraspinatus", "back.rhomboid"};
constexpr std::array<std::string_view, 2> kInfraspinatusRefers{"front.deltoid",
                                                               "back.forearm_extensors"};
constexpr std::array<std::string_view, 2> kSupraspinatusRefers{"back.deltoid",
                                                               "back.forearm_extensors"};
constexpr std::array<std::string_view, 2> kPectoralRefers{"front.deltoid", "front.forearm_flexors"};
constexpr std::array<std::string_view, 1> kLumbarRefers{"back.gluteus_medius"};
constexpr std::array<std::string_view, 3> kQuadratusRefers{"back.gluteus_medius", "back.piriformis",
                                                           "front.it_band"};
constexpr std::array<std::string_view, 3> kGluteMedRefers{"back.erector_spinae_lumbar",
                                                          "back.piriformis", "front.it_band"};
constexpr std::array<std::string_view, 2> kPiriformisRefers{"back.hamstrings",
                                                            "back.gluteus_medius"};
constexpr std::array<std::string_view, 1> kHamstringRefers{"back.gastrocnemius"};
constexpr std::array<std::string_view, 1> kGastrocRefers{"back.soleus"};
constexpr std::array<std::string_view, 1> kToTemple{"front.temporalis"};
constexpr std::array<std::string_view, 3> kScmRefers{"front.temporalis", "front.masseter",
                                                     "back.splenius_capitis"};
constexpr std::array<std::string_view, 3> kScaleneRefers{"front.pectoralis_major", "back.rhomboid",
                                                         "front.forearm_flexors"};
constexpr std::array<std::string_view, 1> kToJaw{"front.masseter"};

constexpr std::array<std::string_view, 3> kHeadacheStiff{"headache", "stiffness",
                                                         "restricted_motion"};
constexpr std::array<std::string_view, 2> kStiffRestricted{"stiffness", "restricted_motion"};
constexpr std::array<std::string_view, 2> kBurningCrunchy{"burning", "crunchy_texture"};
constexpr std::array<std::string_view, 1> kBurning{"burning"};
constexpr std::array<std::string_view, 2> kWeakRestricted{"weakness", "restricted_motion"};
constexpr std::array<std::string_view, 1> kWeakness{"weakness"};
constexpr std::array<std::string_view, 2> kStiffSharp{"stiffness", "sharp_pain"};
constexpr std::array<std::string_view, 1> kSharp{"sharp_pain"};
constexpr std::array<std::string_view, 2> kTinglingSharp{"numbness_tingling", "sharp_pain"};
constexpr std::array<std::string_view, 1> kStiffness{"stiffness"};
constexpr std::array<std::string_view, 1> kHeadache{"headache"};
constexpr std::array<std::string_view, 2> kHeadacheStiffness{"headache", "stiffness"};
constexpr std::array<std::string_view, 3> kForearm{"weakness", "burning", "numbness_tingling"};
constexpr std::array<std::string_view, 2> kWeakTingling{"weakness", "numbness_tingling"};
constexpr std::array<std::string_view, 1> kTingling{"numbness_tingling"};
constexpr std::array<std::string_view, 1> kRestricted{"restricted_motion"};
constexpr std::array<std::string_view, 2> kStiffWeak{"stiffness", "weakness"};
constexpr std::array<std::string_view, 2> kCrunchyStiff{"crunchy_texture", "stiffness"};
constexpr std::array<std::string_view, 2> kHeadacheRestricted{"headache", "restricted_motion"};

constexpr Codes kNone{};

const std::array<DemoMuscle, 28> kMuscles{{
    // Head and neck.
    {"temporalis", BodyView::Front, "temple", 1.5, BodyArea::Head, kToJaw, kHeadache},
    {"masseter", BodyView::Front, "jaw", 2.0, BodyArea::Head, kToTemple, kHeadacheRestricted},
    {"suboccipitals", BodyView::Back, "suboccipitals", 5.0, BodyArea::Neck, kToTemple, kHeadache},
    {"splenius_capitis", BodyView::Back, "splenius capitis", 3.0, BodyArea::Neck, kToTemple,
     kHeadacheStiffness},
    {"sternocleidomastoid", BodyView::Front, "SCM", 3.0, BodyArea::Neck, kScmRefers, kHeadache},
    {"scalenes", BodyView::Front, "scalenes", 2.5, BodyArea::Neck, kScaleneRefers, kTingling},
    // Shoulders and upper back.
    {"upper_trapezius", BodyView::Back, "upper trap", 10.0, BodyArea::Shoulder, kUpperTrapRefers,
     kHeadacheStiff},
    {"levator_scapulae", BodyView::Back, "levator scapulae", 8.0, BodyArea::Neck, kLevatorRefers,
     kStiffRestricted},
    {"supraspinatus", BodyView::Back, "supraspinatus", 3.0, BodyArea::Shoulder,
     kSupraspinatusRefers, kWeakRestricted},
    {"deltoid", BodyView::Back, "rear delt", 2.0, BodyArea::Shoulder, kNone, kWeakness},
    {"middle_trapezius", BodyView::Back, "mid trap", 4.0, BodyArea::UpperBack, kMiddleTrapRefers,
     kBurning},
    {"rhomboid", BodyView::Back, "rhomboid", 6.0, BodyArea::UpperBack, kNone, kBurningCrunchy},
    {"infraspinatus", BodyView::Back, "infraspinatus", 5.0, BodyArea::Shoulder,
     kInfraspinatusRefers, kWeakRestricted},
    {"lower_trapezius", BodyView::Back, "lower trap", 3.0, BodyArea::UpperBack, kLowerTrapRefers,
     kBurning},
    {"deltoid", BodyView::Front, "front delt", 1.5, BodyArea::Shoulder, kNone, kWeakness},
    {"pectoralis_major", BodyView::Front, "pec", 3.0, BodyArea::Chest, kPectoralRefers,
     kRestricted},
    // Arms.
    {"forearm_extensors", BodyView::Back, "forearm extensors", 3.0, BodyArea::Arm, kNone, kForearm},
    {"forearm_flexors", BodyView::Front, "forearm flexors", 2.0, BodyArea::Arm, kNone,
     kWeakTingling},
    // Low back and hips.
    {"erector_spinae_lumbar", BodyView::Back, "lower back", 7.0, BodyArea::LowBack, kLumbarRefers,
     kStiffSharp},
    {"quadratus_lumborum", BodyView::Back, "QL", 7.0, BodyArea::LowBack, kQuadratusRefers,
     kStiffSharp},
    {"gluteus_medius", BodyView::Back, "glute med", 6.0, BodyArea::Hip, kGluteMedRefers, kSharp},
    {"piriformis", BodyView::Back, "piriformis", 5.0, BodyArea::Hip, kPiriformisRefers,
     kTinglingSharp},
    // Legs.
    {"hamstrings", BodyView::Back, "hamstring", 3.0, BodyArea::Leg, kHamstringRefers,
     kStiffRestricted},
    {"quadriceps", BodyView::Front, "quad", 2.0, BodyArea::Leg, kNone, kStiffWeak},
    {"it_band", BodyView::Front, "IT band", 2.0, BodyArea::Leg, kNone, kCrunchyStiff},
    {"gastrocnemius", BodyView::Back, "calf", 3.0, BodyArea::Leg, kGastrocRefers, kSharp},
    {"soleus", BodyView::Back, "soleus", 2.0, BodyArea::Leg, kNone, kStiffness},
    {"tibialis_anterior", BodyView::Front, "shin", 1.5, BodyArea::Leg, kNone, kSharp},
}};

// Where a muscle's knots usually are when that is not the middle of its
// atlas region (viewer's right half of the canvas).
struct KnotSpot {
    std::string_view viewAndMuscle;
    Vec2 onViewersRight;
};
constexpr std::array<KnotSpot, 1> kKnotSpots{{
    // Mid-belly, halfway from the neck to the shoulder tip; the middle of the
    // region is at the base of the neck.
    {"back.upper_trapezius", {0.625, 0.189}},
}};

// A knot lands at its atlas region's label point, the spot farthest inside
// the region on screen, so the generator's random offsets (kDemoKnotJitter on
// each axis) keep it in the region named by its code. Where the region is too
// narrow for that (a strap such as the IT band), at the centre of the largest
// square that fits instead. Found on the viewer's right half and mirrored
// (1 - x is exact there), so left and right mirror bit for bit.
DiagramPoint positionIn(const std::string& viewAndMuscle, const std::string& regionCode) {
    const AtlasRegion* region = Atlas::builtIn().findByCode(regionCode);
    if (region == nullptr) {
        throw std::logic_error("demo knot site " + regionCode + " is not an atlas region");
    }
    const bool onViewersRight = region->bounds.min.x >= 0.5;
    const AtlasRegion& right =
        onViewersRight ? *region
                       : Atlas::builtIn().regions()[static_cast<std::size_t>(region->mirrorIndex)];
    Vec2 spot = right.labelPoint;
    const auto chosen = std::find_if(kKnotSpots.begin(), kKnotSpots.end(), [&](const KnotSpot& k) {
        return k.viewAndMuscle == viewAndMuscle;
    });
    if (chosen != kKnotSpots.end()) {
        spot = chosen->onViewersRight;
    } else if (squareClearance(right.outline, spot) < kDemoKnotJitter) {
        spot = largestSquare(right.outline).centre;
    }
    return {onViewersRight ? spot.x : 1.0 - spot.x, spot.y};
}

std::vector<DemoSite> buildSites() {
    std::vector<DemoSite> sites;
    sites.reserve(kMuscles.size() * 2);
    for (const DemoMuscle& muscle : kMuscles) {
        for (Side side : {Side::Left, Side::Right}) {
            DemoSite site;
            site.muscle = &muscle;
            site.side = side;
            const std::string viewAndMuscle =
                std::string(toCode(muscle.view)) + "." + std::string(muscle.muscle);
            site.regionCode = regionCodeFor(viewAndMuscle, side);
            site.label = std::string(side == Side::Left ? "Left " : "Right ") +
                         std::string(muscle.shortLabel);
            site.position = positionIn(viewAndMuscle, site.regionCode);
            sites.push_back(std::move(site));
        }
    }
    return sites;
}

} // namespace

std::span<const DemoMuscle> demoMuscles() {
    return kMuscles;
}

const std::vector<DemoSite>& demoSites() {
    static const std::vector<DemoSite> sites = buildSites();
    return sites;
}

std::string_view sideCode(Side side) {
    return toCode(side);
}

std::string regionCodeFor(std::string_view viewAndMuscle, Side side) {
    std::string code(viewAndMuscle);
    code += '.';
    code += sideCode(side);
    return code;
}

} // namespace knotmap
