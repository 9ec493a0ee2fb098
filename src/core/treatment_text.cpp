#include "core/treatment_text.h"

#include "core/domain_codes.h"

namespace knotmap {

std::string describeTreatmentDetails(const Treatment& treatment) {
    std::string text;
    if (treatment.minutes) {
        text = std::to_string(*treatment.minutes) + " min";
    }
    if (treatment.intensity) {
        std::string name(toCode(*treatment.intensity));
        name[0] = static_cast<char>(name[0] - 'a' + 'A'); // codes are lower-case ASCII
        text += (text.empty() ? "" : " \u00B7 ") + name;
    }
    return text;
}

std::string describeTreatmentPain(const Treatment& treatment) {
    if (!treatment.painBefore && !treatment.painAfter) {
        return {};
    }
    const auto rating = [](std::optional<int> pain) {
        return pain ? std::to_string(*pain) : std::string("?");
    };
    return "pain " + rating(treatment.painBefore) + " \u2192 " + rating(treatment.painAfter);
}

bool givenTogether(const Treatment& a, const Treatment& b) {
    return a.knotId && b.knotId && a.sessionId == b.sessionId && a.kindCode == b.kindCode &&
           a.minutes == b.minutes && a.intensity == b.intensity && a.medication == b.medication &&
           a.notes == b.notes;
}

bool sameTreatment(const Treatment& a, const Treatment& b) {
    return a.id == b.id && a.sessionId == b.sessionId && a.knotId == b.knotId &&
           a.kindCode == b.kindCode && a.minutes == b.minutes && a.intensity == b.intensity &&
           a.painBefore == b.painBefore && a.painAfter == b.painAfter &&
           a.medication == b.medication && a.notes == b.notes;
}

} // namespace knotmap
