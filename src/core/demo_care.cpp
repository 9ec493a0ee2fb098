#include "core/demo_care.h"

#include "core/demo_text.h"

#include <algorithm>
#include <array>

namespace knotmap::demo_detail {
namespace {

using namespace demo_text;

constexpr std::array<std::string_view, kCareCount> kCareCodes{"massage_deep_tissue",
                                                              "massage_myofascial_release",
                                                              "massage_trigger_point",
                                                              "massage_sports",
                                                              "massage_relaxation",
                                                              "stretching",
                                                              "heat",
                                                              "ice",
                                                              "foam_roller",
                                                              "massage_ball",
                                                              "massage_gun",
                                                              "rest",
                                                              "hydration",
                                                              "gentle_exercise",
                                                              "medication",
                                                              "dry_needling",
                                                              "physiotherapy"};

constexpr std::array<Therapist, 7> kTherapists{{
    {"Dana Whitfield, LMT", TherapistKind::MassageTherapist},
    {"Marco Bellini, PT", TherapistKind::Physiotherapist},
    {"Aiko Tanaka, LMT", TherapistKind::MassageTherapist},
    {"Rebecca Okafor, DPT", TherapistKind::Physiotherapist},
    {"Tomás Herrera", TherapistKind::SportsTherapist},
    {"Ingrid Halvorsen, PT", TherapistKind::Physiotherapist},
    {"Josh Nakamura, LMT", TherapistKind::MassageTherapist},
}};

constexpr std::array<CareWeight, 5> kMassageRepertoire{{{Care::TriggerPointTherapy, 4.0},
                                                        {Care::DeepTissue, 3.0},
                                                        {Care::MyofascialRelease, 3.0},
                                                        {Care::SportsMassage, 0.7},
                                                        {Care::Stretching, 0.8}}};
constexpr std::array<CareWeight, 5> kPhysioRepertoire{{{Care::Physiotherapy, 3.0},
                                                       {Care::MyofascialRelease, 2.0},
                                                       {Care::DryNeedling, 2.0},
                                                       {Care::Stretching, 1.5},
                                                       {Care::TriggerPointTherapy, 1.2}}};
constexpr std::array<CareWeight, 5> kSportsRepertoire{{{Care::SportsMassage, 3.0},
                                                       {Care::DeepTissue, 2.0},
                                                       {Care::TriggerPointTherapy, 2.0},
                                                       {Care::DryNeedling, 1.5},
                                                       {Care::MyofascialRelease, 1.0}}};

constexpr std::array<CareWeight, 9> kSelfCareHabits{{{Care::Stretching, 5.0},
                                                     {Care::Heat, 4.0},
                                                     {Care::FoamRoller, 3.5},
                                                     {Care::MassageBall, 3.0},
                                                     {Care::MassageGun, 2.0},
                                                     {Care::Ice, 1.2},
                                                     {Care::Rest, 2.0},
                                                     {Care::GentleExercise, 2.0},
                                                     {Care::Hydration, 1.0}}};

} // namespace

std::string_view careCodeView(Care care) {
    return kCareCodes[static_cast<std::size_t>(care)];
}

std::string careCode(Care care) {
    return std::string(careCodeView(care));
}

std::span<const Therapist> therapists() {
    return kTherapists;
}

std::span<const CareWeight> repertoireOf(TherapistKind kind) {
    switch (kind) {
    case TherapistKind::MassageTherapist:
        return kMassageRepertoire;
    case TherapistKind::Physiotherapist:
        return kPhysioRepertoire;
    case TherapistKind::SportsTherapist:
        return kSportsRepertoire;
    }
    return kMassageRepertoire;
}

std::span<const CareWeight> selfCareHabits() {
    return kSelfCareHabits;
}

Care pickCare(Random& random, std::span<const CareWeight> choices) {
    std::array<double, 16> weights{};
    const std::size_t count = std::min(choices.size(), weights.size());
    for (std::size_t i = 0; i < count; ++i) {
        weights[i] = choices[i].weight;
    }
    return choices[random.weightedIndex(std::span<const double>(weights.data(), count))].care;
}

bool describeSelfCare(Random& random, Care care, Treatment& treatment) {
    Random& r = random;
    bool targeted = false;
    switch (care) {
    case Care::FoamRoller:
        treatment.minutes = r.uniformInt(5, 15);
        treatment.intensity = r.chance(0.5) ? Intensity::Medium : Intensity::Firm;
        targeted = true;
        break;
    case Care::MassageBall:
        treatment.minutes = r.uniformInt(3, 10);
        treatment.intensity = r.chance(0.4) ? Intensity::Medium : Intensity::Firm;
        targeted = true;
        break;
    case Care::MassageGun:
        treatment.minutes = r.uniformInt(2, 8);
        treatment.intensity = r.chance(0.5) ? Intensity::Light : Intensity::Medium;
        targeted = true;
        break;
    case Care::Stretching:
        treatment.minutes = r.uniformInt(5, 15);
        targeted = r.chance(0.6);
        break;
    case Care::Heat:
        treatment.minutes = 5 * r.uniformInt(3, 6);
        targeted = r.chance(0.6);
        if (!targeted) {
            treatment.notes = std::string(pick(r, heatNotes()));
        }
        break;
    case Care::Ice:
        treatment.minutes = 5 * r.uniformInt(2, 4);
        targeted = true;
        break;
    case Care::GentleExercise:
        treatment.minutes = 5 * r.uniformInt(3, 9);
        treatment.notes = std::string(pick(r, exerciseNotes()));
        break;
    case Care::Rest:
        if (r.chance(0.4)) {
            treatment.notes = "Took it easy.";
        }
        break;
    default:
        break;
    }
    return targeted;
}

bool describeTherapy(Random& random, Care care, Treatment& treatment) {
    Random& r = random;
    treatment.minutes = r.uniformInt(5, 20);
    bool deep = false;
    switch (care) {
    case Care::TriggerPointTherapy:
    case Care::DeepTissue:
        deep = r.chance(0.5);
        treatment.intensity = deep ? Intensity::Deep : Intensity::Firm;
        break;
    case Care::MyofascialRelease:
    case Care::SportsMassage:
        treatment.intensity = r.chance(0.5) ? Intensity::Medium : Intensity::Firm;
        break;
    case Care::DryNeedling:
        deep = true;
        treatment.minutes = r.uniformInt(5, 10);
        break;
    case Care::Physiotherapy:
    case Care::Stretching:
        treatment.intensity = r.chance(0.6) ? Intensity::Light : Intensity::Medium;
        break;
    default:
        break;
    }
    return deep;
}

} // namespace knotmap::demo_detail
