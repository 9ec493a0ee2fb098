#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace knotmap::sql {

// How a backend holds one cell. PostgreSQL booleans read as Integer 1/0.
enum class ValueType { Null, Integer, Float, Text };

// One cell copied out of a result (Connection::execAndGet).
class Value {
public:
    Value() = default;
    Value(ValueType type, std::string text) : m_type(type), m_text(std::move(text)) {}

    [[nodiscard]] ValueType type() const { return m_type; }
    [[nodiscard]] bool isNull() const { return m_type == ValueType::Null; }
    [[nodiscard]] int getInt() const { return static_cast<int>(getInt64()); }
    [[nodiscard]] std::int64_t getInt64() const;
    [[nodiscard]] double getDouble() const;
    [[nodiscard]] const std::string& getString() const { return m_text; }

private:
    ValueType m_type = ValueType::Null;
    std::string m_text; // the value as text ("" for NULL)
};

// Reads the integer a backend wrote as text ("t"/"f" for booleans); 0 when
// the text is not a number, as SQLite does.
[[nodiscard]] std::int64_t integerFromText(std::string_view text);
[[nodiscard]] double doubleFromText(std::string_view text);

} // namespace knotmap::sql
