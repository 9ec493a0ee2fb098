#include "store/sql/postgres/placeholders.h"

#include <algorithm>
#include <cctype>

namespace knotmap::sql {
namespace {

bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// The index just past a quoted run starting at begin (the quote itself).
std::size_t skipQuoted(const std::string& sql, std::size_t begin) {
    const char quote = sql[begin];
    std::size_t i = begin + 1;
    while (i < sql.size()) {
        if (sql[i] == quote) {
            if (i + 1 < sql.size() && sql[i + 1] == quote) { // a doubled quote inside
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql.size();
}

} // namespace

NumberedStatement numberPlaceholders(const std::string& sql) {
    NumberedStatement out;
    out.sql.reserve(sql.size() + 16);
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            const std::size_t end = skipQuoted(sql, i);
            out.sql.append(sql, i, end - i);
            i = end;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            const std::size_t end = std::min(sql.find('\n', i), sql.size());
            out.sql.append(sql, i, end - i);
            i = end;
        } else if (c == '?' && i + 1 < sql.size() &&
                   std::isdigit(static_cast<unsigned char>(sql[i + 1])) != 0) {
            // ?NNN keeps its number, as in SQLite.
            std::size_t end = i + 1;
            while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end])) != 0) {
                ++end;
            }
            const int number = std::stoi(sql.substr(i + 1, end - i - 1));
            out.parameterCount = std::max(out.parameterCount, number);
            out.names.resize(static_cast<std::size_t>(out.parameterCount));
            out.sql += "$" + std::to_string(number);
            i = end;
        } else if (c == '?') {
            out.names.emplace_back();
            out.sql += "$" + std::to_string(++out.parameterCount);
            ++i;
        } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
            out.sql += "::";
            i += 2;
        } else if (c == ':' && i + 1 < sql.size() &&
                   (std::isalpha(static_cast<unsigned char>(sql[i + 1])) != 0 ||
                    sql[i + 1] == '_')) {
            std::size_t end = i + 1;
            while (end < sql.size() && isNameChar(sql[end])) {
                ++end;
            }
            const std::string name = sql.substr(i, end - i);
            const auto known = std::find(out.names.begin(), out.names.end(), name);
            int number = 0;
            if (known != out.names.end()) {
                number = static_cast<int>(known - out.names.begin()) + 1;
            } else {
                out.names.push_back(name);
                number = ++out.parameterCount;
            }
            out.sql += "$" + std::to_string(number);
            i = end;
        } else {
            out.sql += c;
            ++i;
        }
    }
    return out;
}

} // namespace knotmap::sql
