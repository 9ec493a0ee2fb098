#pragma once

#include "store/sql/connection.h"
#include "store/sql/value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace knotmap::sql {

// What a backend implements for Statement.
class StatementImpl {
public:
    virtual ~StatementImpl() = default;
    virtual void bindNull(int index) = 0;
    virtual void bindInt64(int index, std::int64_t value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindText(int index, std::string_view value) = 0;
    // 0 when the statement has no parameter of that name (":client").
    [[nodiscard]] virtual int parameterIndex(const char* name) const = 0;
    virtual bool step() = 0;
    virtual int run() = 0; // runs to completion; the rows changed
    virtual void reset() = 0;
    virtual void clearBindings() = 0;
    [[nodiscard]] virtual int columnCount() const = 0;
    [[nodiscard]] virtual std::string columnName(int index) const = 0;
    [[nodiscard]] virtual ValueType columnType(int index) const = 0;
    [[nodiscard]] virtual std::int64_t columnInt64(int index) const = 0;
    [[nodiscard]] virtual double columnDouble(int index) const = 0;
    // Valid until the next step or reset.
    [[nodiscard]] virtual std::string_view columnText(int index) const = 0;
};

// One cell of the current row, read in the type the caller asks for.
class Column {
public:
    Column(const StatementImpl& statement, int index) : m_statement(statement), m_index(index) {}

    [[nodiscard]] ValueType type() const { return m_statement.columnType(m_index); }
    [[nodiscard]] bool isNull() const { return type() == ValueType::Null; }
    [[nodiscard]] int getInt() const { return static_cast<int>(getInt64()); }
    [[nodiscard]] std::int64_t getInt64() const { return m_statement.columnInt64(m_index); }
    [[nodiscard]] double getDouble() const { return m_statement.columnDouble(m_index); }
    [[nodiscard]] std::string getString() const { return std::string(view()); }
    // The text without a copy, valid until the next step.
    [[nodiscard]] std::string_view view() const { return m_statement.columnText(m_index); }
    [[nodiscard]] std::optional<int> optionalInt() const {
        return isNull() ? std::nullopt : std::optional<int>(getInt());
    }
    [[nodiscard]] std::optional<std::int64_t> optionalInt64() const {
        return isNull() ? std::nullopt : std::optional<std::int64_t>(getInt64());
    }
    [[nodiscard]] std::optional<std::string> optionalString() const {
        return isNull() ? std::nullopt : std::optional<std::string>(getString());
    }

private:
    const StatementImpl& m_statement;
    int m_index;
};

// Whether a query may return more rows than should sit in memory at once
// (an export of every observation). PostgreSQL then reads it through a
// cursor in batches; SQLite steps row by row either way.
enum class Rows { Few, Many };

// A prepared statement with parameters numbered from 1 (`?`) or named
// (`:client`). Step through a query's rows with executeStep(); run a
// statement that returns no rows with exec().
class Statement {
public:
    Statement(Connection& connection, const std::string& sql, Rows rows = Rows::Few);
    ~Statement();
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;

    void bind(int index) { m_impl->bindNull(index); }
    void bind(int index, std::nullopt_t) { m_impl->bindNull(index); }
    void bind(int index, int value) { m_impl->bindInt64(index, value); }
    void bind(int index, long value) { m_impl->bindInt64(index, value); }
    void bind(int index, long long value) { m_impl->bindInt64(index, value); }
    void bind(int index, unsigned value) { m_impl->bindInt64(index, value); }
    void bind(int index, bool value) { m_impl->bindInt64(index, value ? 1 : 0); }
    void bind(int index, double value) { m_impl->bindDouble(index, value); }
    void bind(int index, std::string_view value) { m_impl->bindText(index, value); }
    void bind(int index, const std::string& value) { m_impl->bindText(index, value); }
    void bind(int index, const char* value) { m_impl->bindText(index, value); }
    template <typename T>
    void bind(int index, const std::optional<T>& value) {
        if (value) {
            bind(index, *value);
        } else {
            bind(index);
        }
    }
    // Binds a named parameter; does nothing when the statement has none of
    // that name (export queries add filters only when asked).
    template <typename T>
    void bind(const char* name, const T& value) {
        if (const int index = m_impl->parameterIndex(name); index > 0) {
            bind(index, value);
        }
    }

    // Moves to the next row; false when there is none.
    bool executeStep() { return m_impl->step(); }
    // Runs a statement to completion and returns the rows it changed.
    int exec();
    // Back to before the first step, keeping the bindings.
    void reset() { m_impl->reset(); }
    // reset() that never throws (after a failed exec).
    void tryReset() noexcept;
    void clearBindings() { m_impl->clearBindings(); }

    [[nodiscard]] Column getColumn(int index) const { return Column(*m_impl, index); }
    [[nodiscard]] int getColumnCount() const { return m_impl->columnCount(); }
    [[nodiscard]] std::string getColumnName(int index) const { return m_impl->columnName(index); }

private:
    std::unique_ptr<StatementImpl> m_impl;
};

} // namespace knotmap::sql
