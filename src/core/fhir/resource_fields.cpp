#include "core/fhir/resource_fields.h"

#include "core/timestamp.h"

namespace knotmap::fhir {

// A member's text, or "" when it is missing or not a string (nlohmann's
// value() would throw on a number where text belongs).
std::string textValue(const Json& object, const char* name) {
    if (!object.is_object()) {
        return {};
    }
    const auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string shortened(const std::string& text) {
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

std::string shown(const Json& value) {
    return shortened(value.dump());
}

// Undoes narrativeDiv: the text between the div tags, &lt; &gt; &amp; (and
// the other XML escapes a tool may write) turned back into characters.
std::optional<std::string> textOfDiv(const std::string& div) {
    const std::size_t open = div.find('>');
    const std::size_t close = div.rfind("</div>");
    if (!div.starts_with("<div") || open == std::string::npos || close == std::string::npos ||
        close < open) {
        return std::nullopt;
    }
    const std::string inner = div.substr(open + 1, close - open - 1);
    std::string text;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == '<') {
            return std::nullopt; // markup Knotmap does not write
        }
        if (inner[i] != '&') {
            text += inner[i];
            continue;
        }
        static const std::pair<std::string_view, char> kEscapes[] = {
            {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool known = false;
        for (const auto& [escape, character] : kEscapes) {
            if (std::string_view(inner).substr(i, escape.size()) == escape) {
                text += character;
                i += escape.size() - 1;
                known = true;
                break;
            }
        }
        if (!known) {
            return std::nullopt;
        }
    }
    return text;
}

// The year of a FHIR date: "1980", "1980-05" or "1980-05-17", a real date.
std::optional<int> birthYearOf(const std::string& text) {
    const auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        if (text.size() < from + count) {
            return std::nullopt;
        }
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto year = digits(0, 4);
    if (!year || (text.size() != 4 && text.size() != 7 && text.size() != 10)) {
        return std::nullopt;
    }
    if (text.size() >= 7) {
        const auto month = digits(5, 2);
        if (text[4] != '-' || !month || *month < 1 || *month > 12) {
            return std::nullopt;
        }
        if (text.size() == 10) {
            const auto day = digits(8, 2);
            if (text[7] != '-' || !day || !isValidCivil({*year, *month, *day, 0, 0, 0})) {
                return std::nullopt;
            }
        }
    }
    return year;
}

bool nestedTooDeep(std::string_view text) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth) {
                return true;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

// The id a reference names: "urn:uuid:<id>", "Type/<id>" or a URL ending so.
std::string referencedId(const std::string& reference) {
    if (reference.starts_with("urn:uuid:")) {
        return reference.substr(9);
    }
    const std::size_t slash = reference.rfind('/');
    return slash == std::string::npos ? reference : reference.substr(slash + 1);
}

// Reads one resource's fields, reporting each problem once with its field.

} // namespace knotmap::fhir
