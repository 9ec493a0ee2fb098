#include "store/sql/statement.h"

#include <charconv>

namespace knotmap::sql {

Statement::Statement(Connection& connection, const std::string& sql, Rows rows)
    : m_impl(connection.prepare(sql, rows == Rows::Many)) {}

int Statement::exec() {
    return m_impl->run();
}

Statement::~Statement() = default;
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;

void Statement::tryReset() noexcept {
    try {
        m_impl->reset();
    } catch (
        ...) { // NOLINT(bugprone-empty-catch): the failure was reported by the exec that left it
    }
}

Value Connection::execAndGet(const std::string& sql) {
    Statement query(*this, sql);
    if (!query.executeStep()) {
        return {};
    }
    const Column cell = query.getColumn(0);
    return {cell.type(), cell.isNull() ? std::string() : cell.getString()};
}

std::int64_t Value::getInt64() const {
    return m_type == ValueType::Null ? 0 : integerFromText(m_text);
}

double Value::getDouble() const {
    return m_type == ValueType::Null ? 0.0 : doubleFromText(m_text);
}

std::int64_t integerFromText(std::string_view text) {
    if (text == "t") {
        return 1;
    }
    if (text == "f") {
        return 0;
    }
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size()) {
        return value;
    }
    return static_cast<std::int64_t>(doubleFromText(text));
}

double doubleFromText(std::string_view text) {
    double value = 0.0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

} // namespace knotmap::sql
