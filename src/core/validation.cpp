#include "core/validation.h"

#include "core/text_trim.h"

#include <cstdio>

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

void checkText(std::vector<FieldError>& errors, const char* field, std::string_view text,
               std::size_t maxBytes) {
    std::string problem = textProblem(text, maxBytes);
    if (!problem.empty()) {
        errors.push_back({field, std::move(problem)});
    }
}

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

} // namespace

bool isForbiddenCharacter(char32_t c) {
    if (c == U'\t' || c == U'\n' || c == U'\r') {
        return false;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::optional<ForbiddenCharacter> findForbiddenCharacter(std::string_view text) {
    std::size_t character = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (isContinuation(byte)) {
            continue;
        }
        ++character;
        if (byte < 0x80) {
            if (isForbiddenCharacter(byte)) {
                return ForbiddenCharacter{byte, character};
            }
        } else if (byte == 0xC2 && i + 1 < text.size()) {
            // U+0080-U+009F, the C1 controls, are C2 80 to C2 9F in UTF-8.
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                return ForbiddenCharacter{next, character};
            }
        }
    }
    return std::nullopt;
}

std::size_t maxTextBytes(SessionField field) {
    return field == SessionField::Therapist ? kMaxNameBytes : kMaxNoteBytes;
}

std::string describeByteLimit(std::size_t bytes) {
    constexpr std::size_t kKiB = 1024;
    const std::string exact = std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes >= kKiB * kKiB && bytes % (kKiB * kKiB) == 0) {
        return std::to_string(bytes / (kKiB * kKiB)) + " MiB (" + exact + ")";
    }
    if (bytes >= kKiB && bytes % kKiB == 0) {
        return std::to_string(bytes / kKiB) + " KiB (" + exact + ")";
    }
    return exact;
}

std::string lengthProblem(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) {
        return {};
    }
    return "is " + std::to_string(text.size()) + " bytes long; the limit is " +
           describeByteLimit(maxBytes);
}

std::string forbiddenCharacterProblem(std::string_view text) {
    const auto found = findForbiddenCharacter(text);
    if (!found) {
        return {};
    }
    char codePoint[16];
    std::snprintf(codePoint, sizeof codePoint, "U+%04X", static_cast<unsigned>(found->codePoint));
    return std::string("control character ") + codePoint + " at character " +
           std::to_string(found->character) + " is not allowed";
}

std::string textProblem(std::string_view text, std::size_t maxBytes) {
    std::string problem = lengthProblem(text, maxBytes);
    return problem.empty() ? forbiddenCharacterProblem(text) : problem;
}

std::vector<FieldError> validate(const Client& client) {
    std::vector<FieldError> errors;
    if (isBlank(client.name)) {
        errors.push_back({"name", "must not be empty"});
    }
    checkText(errors, "name", client.name, kMaxNameBytes);
    if (client.birthYear && (*client.birthYear < 1900 || *client.birthYear > 2100)) {
        errors.push_back({"birth_year", "must be between 1900 and 2100, got " +
                                            std::to_string(*client.birthYear)});
    }
    checkText(errors, "notes", client.notes, kMaxNoteBytes);
    return errors;
}

std::vector<FieldError> validate(const Session& session) {
    std::vector<FieldError> errors;
    checkRating(errors, "overall_pain", session.overallPain);
    checkRating(errors, "stress", session.stress);
    checkRating(errors, "sleep", session.sleep);
    checkText(errors, "therapist", session.therapist, kMaxNameBytes);
    checkText(errors, "subjective", session.subjective, kMaxNoteBytes);
    checkText(errors, "objective", session.objective, kMaxNoteBytes);
    checkText(errors, "assessment", session.assessment, kMaxNoteBytes);
    checkText(errors, "plan", session.plan, kMaxNoteBytes);
    checkText(errors, "notes", session.notes, kMaxNoteBytes);
    return errors;
}

std::vector<FieldError> validate(const Knot& knot) {
    std::vector<FieldError> errors;
    checkUnitInterval(errors, "x", knot.position.x);
    checkUnitInterval(errors, "y", knot.position.y);
    if (isBlank(knot.regionCode)) {
        errors.push_back({"region_code", "must not be empty"});
    }
    checkText(errors, "region_code", knot.regionCode, kMaxCodeBytes);
    checkText(errors, "label", knot.label, kMaxNameBytes);
    return errors;
}

std::vector<FieldError> validate(const Observation& observation) {
    std::vector<FieldError> errors;
    checkRating(errors, "pain", observation.pain);
    checkText(errors, "notes", observation.notes, kMaxNoteBytes);
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
    checkText(errors, "medication", treatment.medication, kMaxNameBytes);
    checkText(errors, "notes", treatment.notes, kMaxNoteBytes);
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
