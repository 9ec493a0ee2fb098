#include "core/validation.h"

namespace knotmap {
namespace {

void checkRating(std::vector<FieldError>& errors, const char* field, std::optional<int> value) {
    if (value && (*value < kMinRating || *value > kMaxRating)) {
        errors.push_back({field, "must be between 0 and 10, got " + std::to_string(*value)});
    }
}

void checkUnitInterval(std::vector<FieldError>& errors, const char* field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) { // also rejects NaN
        errors.push_back({field, "must be between 0 and 1, got " + std::to_string(value)});
    }
}

bool isBlank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

} // namespace

std::vector<FieldError> validate(const Client& client) {
    std::vector<FieldError> errors;
    if (isBlank(client.name)) {
        errors.push_back({"name", "must not be empty"});
    }
    if (client.birthYear && (*client.birthYear < 1900 || *client.birthYear > 2100)) {
        errors.push_back({"birth_year", "must be between 1900 and 2100, got " +
                                            std::to_string(*client.birthYear)});
    }
    return errors;
}

std::vector<FieldError> validate(const Session& session) {
    std::vector<FieldError> errors;
    checkRating(errors, "overall_pain", session.overallPain);
    checkRating(errors, "stress", session.stress);
    checkRating(errors, "sleep", session.sleep);
    return errors;
}

std::vector<FieldError> validate(const Knot& knot) {
    std::vector<FieldError> errors;
    checkUnitInterval(errors, "x", knot.position.x);
    checkUnitInterval(errors, "y", knot.position.y);
    if (isBlank(knot.regionCode)) {
        errors.push_back({"region_code", "must not be empty"});
    }
    return errors;
}

std::vector<FieldError> validate(const Observation& observation) {
    std::vector<FieldError> errors;
    checkRating(errors, "pain", observation.pain);
    return errors;
}

std::vector<FieldError> validate(const Treatment& treatment) {
    std::vector<FieldError> errors;
    if (isBlank(treatment.kindCode)) {
        errors.push_back({"kind", "must not be empty"});
    }
    if (treatment.minutes && *treatment.minutes < 0) {
        errors.push_back(
            {"minutes", "must not be negative, got " + std::to_string(*treatment.minutes)});
    }
    checkRating(errors, "pain_before", treatment.painBefore);
    checkRating(errors, "pain_after", treatment.painAfter);
    return errors;
}

std::string describe(const std::vector<FieldError>& errors) {
    std::string text;
    for (const FieldError& error : errors) {
        if (!text.empty()) {
            text += "; ";
        }
        text += error.field + ": " + error.message;
    }
    return text;
}

} // namespace knotmap
