#pragma once

#include "core/atlas.h"
#include "core/fhir/fhir_ids.h"
#include "core/fhir/fhir_profile.h"
#include "core/fhir/fhir_reader.h"
#include "core/fhir/fhir_resources.h"
#include "core/text_trim.h"
#include "core/validation.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Reading one FHIR resource's fields for FhirReader: each accessor checks
// the JSON type and the database's limits, and reports a problem naming the
// field instead of throwing, so one pass lists everything wrong with a file.
namespace knotmap::fhir {

// JSON nested deeper than any FHIR resource is (a Bundle of Knotmap's is 9
// levels deep) is refused before it is parsed: nlohmann's parser and copies
// recurse, and a file of a million brackets would overflow the stack.
constexpr int kMaxJsonDepth = 64;

// A member's text, or "" when it is missing or not a string (nlohmann's
// value() would throw on a number where text belongs).
[[nodiscard]] std::string textValue(const Json& object, const char* name);

// Text cut to 60 characters for a message.
[[nodiscard]] std::string shortened(const std::string& text);

// A JSON value as a message quotes it, shortened.
[[nodiscard]] std::string shown(const Json& value);

// Undoes narrativeDiv: the text between the div tags, &lt; &gt; &amp; (and
// the other XML escapes a tool may write) turned back into characters.
[[nodiscard]] std::optional<std::string> textOfDiv(const std::string& div);

// The year of a FHIR date: "1980", "1980-05" or "1980-05-17", a real date.
[[nodiscard]] std::optional<int> birthYearOf(const std::string& text);

// True when brackets in text nest deeper than kMaxJsonDepth.
[[nodiscard]] bool nestedTooDeep(std::string_view text);

// The id a reference names: "urn:uuid:<id>", "Type/<id>" or a URL ending so.
[[nodiscard]] std::string referencedId(const std::string& reference);

class ResourceFields {
public:
    using Report =
        std::function<void(const ResourcePlace&, const std::string&, const std::string&)>;
    ResourceFields(ResourcePlace where, Report report)
        : m_where(std::move(where)), m_report(std::move(report)) {}

    void problem(const std::string& field, const std::string& message) {
        m_ok = false;
        m_report(m_where, field, message);
    }
    [[nodiscard]] bool ok() const { return m_ok; }

    const Json* member(const Json& object, const std::string& name) {
        const auto found = object.find(name);
        return found == object.end() ? nullptr : &*found;
    }

    // Text as the database will hold it: within maxBytes, with no control
    // characters (core/validation.h), so the write never fails on it.
    std::optional<std::string> string(const Json& object, const std::string& name,
                                      const std::string& field, bool required,
                                      std::size_t maxBytes = kMaxNameBytes) {
        const Json* value = member(object, name);
        if (value == nullptr) {
            if (required) {
                problem(field, "is missing");
            }
            return std::nullopt;
        }
        if (!value->is_string()) {
            problem(field, "must be a string, got " + shown(*value));
            return std::nullopt;
        }
        std::string text = value->get<std::string>();
        if (const std::string wrong = textProblem(text, maxBytes); !wrong.empty()) {
            problem(field, wrong);
            return std::nullopt;
        }
        return text;
    }

    // A boolean that is true when missing (FHIR's default for active).
    bool flag(const Json& object, const std::string& name) {
        const Json* value = member(object, name);
        if (value == nullptr) {
            return true;
        }
        if (!value->is_boolean()) {
            problem(name, "must be true or false, got " + shown(*value));
            return true;
        }
        return value->get<bool>();
    }

    std::optional<int> rating(const Json& object, const std::string& name, const std::string& field,
                              bool required) {
        const Json* value = member(object, name);
        if (value == nullptr) {
            if (required) {
                problem(field, "is missing");
            }
            return std::nullopt;
        }
        if (!value->is_number_integer() || value->get<std::int64_t>() < 0 ||
            value->get<std::int64_t>() > 10) {
            problem(field, "must be a whole number from 0 to 10, got " + shown(*value));
            return std::nullopt;
        }
        return value->get<int>();
    }

    std::optional<LocalTimestamp> time(const Json& object, const std::string& name,
                                       const std::string& field) {
        const auto text = string(object, name, field, true);
        if (!text) {
            return std::nullopt;
        }
        const auto parsed = LocalTimestamp::parseIso8601(*text);
        if (!parsed || text->size() < 19) {
            problem(field, "must be a date and time with its UTC offset, like "
                           "2026-03-14T09:30:00+01:00, got \"" +
                               shortened(*text) + "\"");
        }
        return parsed;
    }

    // The row of the resource a Reference element names, of the kinds allowed.
    std::optional<Id> reference(const Json& object, const std::string& name,
                                const std::string& field, std::initializer_list<ResourceKind> kinds,
                                bool required) {
        const Json* value = member(object, name);
        if (value == nullptr) {
            if (required) {
                problem(field, "is missing");
            }
            return std::nullopt;
        }
        const auto text = value->is_object()
                              ? string(*value, "reference", field + ".reference", true)
                              : std::nullopt;
        if (!value->is_object()) {
            problem(field, "must be a Reference, got " + shown(*value));
        }
        if (!text) {
            return std::nullopt;
        }
        const auto identity = parseResourceId(referencedId(*text));
        if (!identity || std::find(kinds.begin(), kinds.end(), identity->kind) == kinds.end()) {
            problem(field + ".reference", "\"" + shortened(*text) +
                                              "\" does not name a resource of the kind this "
                                              "field takes in a Knotmap export");
            return std::nullopt;
        }
        return identity->row;
    }

    // The code of the coding from system in a CodeableConcept (or a Coding).
    const Json* codingFrom(const Json& codeable, std::string_view system) {
        const Json* codings = codeable.is_object() ? member(codeable, "coding") : nullptr;
        if (codings == nullptr || !codings->is_array()) {
            return codeable.is_object() && textValue(codeable, "system") == system ? &codeable
                                                                                   : nullptr;
        }
        for (const Json& coding : *codings) {
            if (coding.is_object() && textValue(coding, "system") == system) {
                return &coding;
            }
        }
        return nullptr;
    }

    std::optional<CodedTerm> term(const Json* codeable, std::string_view system,
                                  const std::string& field) {
        const Json* coding = codeable == nullptr ? nullptr : codingFrom(*codeable, system);
        if (coding == nullptr) {
            problem(field, "needs a coding from " + std::string(system));
            return std::nullopt;
        }
        const auto code = string(*coding, "code", field + ".code", true, kMaxCodeBytes);
        const auto display = string(*coding, "display", field + ".display", false);
        if (!code) {
            return std::nullopt;
        }
        if (trimmed(*code).empty()) {
            problem(field + ".code", "is empty");
            return std::nullopt;
        }
        // A display of only spaces would be a blank vocabulary name: the code
        // stands in for it.
        const bool named = display && !trimmed(*display).empty();
        return CodedTerm{*code, named ? *display : *code};
    }

    std::string region(const Json* codeable, const std::string& field) {
        const auto found = term(codeable, kRegionSystem, field);
        if (!found) {
            return {};
        }
        if (Atlas::builtIn().findByCode(found->code) == nullptr) {
            problem(field, "\"" + shortened(found->code) + "\" is not a region of Knotmap's atlas");
            return {};
        }
        return found->code;
    }

    // The extensions with url on object.
    std::vector<const Json*> extensions(const Json& object, std::string_view url) {
        std::vector<const Json*> found;
        const Json* list = member(object, "extension");
        if (list != nullptr && list->is_array()) {
            for (const Json& extension : *list) {
                if (extension.is_object() && textValue(extension, "url") == url) {
                    found.push_back(&extension);
                }
            }
        }
        return found;
    }

    std::string note(const Json& object) {
        const Json* notes = member(object, "note");
        if (notes == nullptr || !notes->is_array() || notes->empty()) {
            return {};
        }
        return string((*notes)[0], "text", "note[0].text", true, kMaxNoteBytes).value_or("");
    }

private:
    ResourcePlace m_where;
    Report m_report;
    bool m_ok = true;
};

} // namespace knotmap::fhir
