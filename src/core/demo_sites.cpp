#include "core/demo_sites.h"

#include <array>

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

// Positions follow ../shared/reference/figure-proportions.md for an 8-head
// figure on a 1:2 canvas: crown at y 0.03, soles at 0.97, so one head is
// 0.1175 in y and 0.235 in x. Landmarks used: chin y 0.148, shoulder line
// 0.186, armpits 0.265, waist and elbows 0.383, hip joints and wrists 0.50,
// knees 0.735, ankles 0.94; shoulder tips about 0.26 from the midline, the
// neck 0.06, the legs centred about 0.095 either side.
const std::array<DemoMuscle, 28> kMuscles{{
    // Head and neck.
    {"temporalis", BodyView::Front, 0.063, 0.078, "temple", 1.5, BodyArea::Head, kToJaw, kHeadache},
    {"masseter", BodyView::Front, 0.052, 0.124, "jaw", 2.0, BodyArea::Head, kToTemple,
     kHeadacheRestricted},
    {"suboccipitals", BodyView::Back, 0.025, 0.130, "suboccipitals", 5.0, BodyArea::Neck, kToTemple,
     kHeadache},
    {"splenius_capitis", BodyView::Back, 0.040, 0.146, "splenius capitis", 3.0, BodyArea::Neck,
     kToTemple, kHeadacheStiffness},
    {"sternocleidomastoid", BodyView::Front, 0.038, 0.160, "SCM", 3.0, BodyArea::Neck, kScmRefers,
     kHeadache},
    {"scalenes", BodyView::Front, 0.055, 0.171, "scalenes", 2.5, BodyArea::Neck, kScaleneRefers,
     kTingling},
    // Shoulders and upper back.
    {"upper_trapezius", BodyView::Back, 0.125, 0.175, "upper trap", 10.0, BodyArea::Shoulder,
     kUpperTrapRefers, kHeadacheStiff},
    {"levator_scapulae", BodyView::Back, 0.085, 0.190, "levator scapulae", 8.0, BodyArea::Neck,
     kLevatorRefers, kStiffRestricted},
    {"supraspinatus", BodyView::Back, 0.150, 0.205, "supraspinatus", 3.0, BodyArea::Shoulder,
     kSupraspinatusRefers, kWeakRestricted},
    {"deltoid", BodyView::Back, 0.235, 0.215, "rear delt", 2.0, BodyArea::Shoulder, kNone,
     kWeakness},
    {"middle_trapezius", BodyView::Back, 0.105, 0.225, "mid trap", 4.0, BodyArea::UpperBack,
     kMiddleTrapRefers, kBurning},
    {"rhomboid", BodyView::Back, 0.062, 0.250, "rhomboid", 6.0, BodyArea::UpperBack, kNone,
     kBurningCrunchy},
    {"infraspinatus", BodyView::Back, 0.155, 0.250, "infraspinatus", 5.0, BodyArea::Shoulder,
     kInfraspinatusRefers, kWeakRestricted},
    {"lower_trapezius", BodyView::Back, 0.075, 0.305, "lower trap", 3.0, BodyArea::UpperBack,
     kLowerTrapRefers, kBurning},
    {"deltoid", BodyView::Front, 0.225, 0.210, "front delt", 1.5, BodyArea::Shoulder, kNone,
     kWeakness},
    {"pectoralis_major", BodyView::Front, 0.110, 0.235, "pec", 3.0, BodyArea::Chest,
     kPectoralRefers, kRestricted},
    // Arms.
    {"forearm_extensors", BodyView::Back, 0.280, 0.415, "forearm extensors", 3.0, BodyArea::Arm,
     kNone, kForearm},
    {"forearm_flexors", BodyView::Front, 0.280, 0.420, "forearm flexors", 2.0, BodyArea::Arm, kNone,
     kWeakTingling},
    // Low back and hips.
    {"erector_spinae_lumbar", BodyView::Back, 0.040, 0.400, "lower back", 7.0, BodyArea::LowBack,
     kLumbarRefers, kStiffSharp},
    {"quadratus_lumborum", BodyView::Back, 0.085, 0.400, "QL", 7.0, BodyArea::LowBack,
     kQuadratusRefers, kStiffSharp},
    {"gluteus_medius", BodyView::Back, 0.130, 0.470, "glute med", 6.0, BodyArea::Hip,
     kGluteMedRefers, kSharp},
    {"piriformis", BodyView::Back, 0.085, 0.500, "piriformis", 5.0, BodyArea::Hip,
     kPiriformisRefers, kTinglingSharp},
    // Legs.
    {"hamstrings", BodyView::Back, 0.095, 0.620, "hamstring", 3.0, BodyArea::Leg, kHamstringRefers,
     kStiffRestricted},
    {"quadriceps", BodyView::Front, 0.100, 0.600, "quad", 2.0, BodyArea::Leg, kNone, kStiffWeak},
    {"it_band", BodyView::Front, 0.148, 0.620, "IT band", 2.0, BodyArea::Leg, kNone, kCrunchyStiff},
    {"gastrocnemius", BodyView::Back, 0.085, 0.790, "calf", 3.0, BodyArea::Leg, kGastrocRefers,
     kSharp},
    {"soleus", BodyView::Back, 0.080, 0.865, "soleus", 2.0, BodyArea::Leg, kNone, kStiffness},
    {"tibialis_anterior", BodyView::Front, 0.090, 0.810, "shin", 1.5, BodyArea::Leg, kNone, kSharp},
}};

// Front view is mirrored (the patient's right on the viewer's left); on the
// back view the patient's left is on the viewer's left.
double xFor(const DemoMuscle& muscle, Side side) {
    const bool onViewersLeft = (muscle.view == BodyView::Front) == (side == Side::Right);
    // 1 - x is exact for x in [0.5, 1], so the two sides mirror bit for bit.
    const double viewersRight = 0.5 + muscle.offsetFromMidline;
    return onViewersLeft ? 1.0 - viewersRight : viewersRight;
}

std::vector<DemoSite> buildSites() {
    std::vector<DemoSite> sites;
    sites.reserve(kMuscles.size() * 2);
    for (const DemoMuscle& muscle : kMuscles) {
        for (Side side : {Side::Left, Side::Right}) {
            DemoSite site;
            site.muscle = &muscle;
            site.side = side;
            site.regionCode = regionCodeFor(
                std::string(toCode(muscle.view)) + "." + std::string(muscle.muscle), side);
            site.label = std::string(side == Side::Left ? "Left " : "Right ") +
                         std::string(muscle.shortLabel);
            site.position = {xFor(muscle, side), muscle.y};
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
    return side == Side::Left ? "left" : "right";
}

std::string regionCodeFor(std::string_view viewAndMuscle, Side side) {
    std::string code(viewAndMuscle);
    code += '.';
    code += sideCode(side);
    return code;
}

} // namespace knotmap
