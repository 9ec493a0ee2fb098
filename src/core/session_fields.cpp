#include "core/session_fields.h"

#include "core/whole_number.h"

#include <stdexcept>

namespace knotmap {
namespace {

struct FieldInfo {
    SessionField field;
    std::string_view code;
    std::string_view name;
};

constexpr std::array<FieldInfo, 10> kFields = {{
    {SessionField::OverallPain, "overall_pain", "Overall pain"},
    {SessionField::Stress, "stress", "Stress"},
    {SessionField::Sleep, "sleep", "Sleep"},
    {SessionField::Triggers, "triggers", "Triggers"},
    {SessionField::Notes, "notes", "Notes"},
    {SessionField::Therapist, "therapist", "Therapist"},
    {SessionField::Subjective, "subjective", "Subjective"},
    {SessionField::Objective, "objective", "Objective"},
    {SessionField::Assessment, "assessment", "Assessment"},
    {SessionField::Plan, "plan", "Plan"},
}};

const FieldInfo& info(SessionField field) {
    return kFields[static_cast<std::size_t>(field)];
}

std::optional<int> parseRating(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const auto value = parseWholeNumber(text);
    if (!value || *value < 0 || *value > 10) {
        throw std::invalid_argument("a rating must be a whole number from 0 to 10, not '" + text +
                                    "'");
    }
    return value;
}

std::string joinCodes(const std::vector<std::string>& codes) {
    std::string joined;
    for (const std::string& code : codes) {
        joined += (joined.empty() ? "" : ",") + code;
    }
    return joined;
}

std::vector<std::string> splitCodes(const std::string& text) {
    std::vector<std::string> codes;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::size_t end = comma == std::string::npos ? text.size() : comma;
        if (end > start) {
            codes.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return codes;
}

} // namespace

std::string_view toCode(SessionField field) {
    return info(field).code;
}

std::optional<SessionField> sessionFieldFromCode(std::string_view code) {
    for (const FieldInfo& entry : kFields) {
        if (entry.code == code) {
            return entry.field;
        }
    }
    return std::nullopt;
}

std::string_view displayName(SessionField field) {
    return info(field).name;
}

bool isRating(SessionField field) {
    return field == SessionField::OverallPain || field == SessionField::Stress ||
           field == SessionField::Sleep;
}

std::string ratingText(std::optional<int> rating) {
    return rating ? std::to_string(*rating) : std::string();
}

std::string fieldText(const Session& session, SessionField field) {
    switch (field) {
    case SessionField::OverallPain:
        return ratingText(session.overallPain);
    case SessionField::Stress:
        return ratingText(session.stress);
    case SessionField::Sleep:
        return ratingText(session.sleep);
    case SessionField::Triggers:
        return joinCodes(session.triggerCodes);
    case SessionField::Notes:
        return session.notes;
    case SessionField::Therapist:
        return session.therapist;
    case SessionField::Subjective:
        return session.subjective;
    case SessionField::Objective:
        return session.objective;
    case SessionField::Assessment:
        return session.assessment;
    case SessionField::Plan:
        return session.plan;
    }
    return {};
}

void setFieldText(Session& session, SessionField field, const std::string& text) {
    switch (field) {
    case SessionField::OverallPain:
        session.overallPain = parseRating(text);
        break;
    case SessionField::Stress:
        session.stress = parseRating(text);
        break;
    case SessionField::Sleep:
        session.sleep = parseRating(text);
        break;
    case SessionField::Triggers:
        session.triggerCodes = splitCodes(text);
        break;
    case SessionField::Notes:
        session.notes = text;
        break;
    case SessionField::Therapist:
        session.therapist = text;
        break;
    case SessionField::Subjective:
        session.subjective = text;
        break;
    case SessionField::Objective:
        session.objective = text;
        break;
    case SessionField::Assessment:
        session.assessment = text;
        break;
    case SessionField::Plan:
        session.plan = text;
        break;
    }
}

} // namespace knotmap
