#include "core/csv_neutralise.h"

namespace knotmap {
namespace {

constexpr char kMarker = '\'';

bool startsFormula(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// True when `text` is zero or more apostrophes followed by a formula
// character: the only shape whose meaning the marker changes.
bool apostrophesThenFormula(std::string_view text) {
    const std::size_t first = text.find_first_not_of(kMarker);
    return first != std::string_view::npos && startsFormula(text[first]);
}

} // namespace

std::string neutraliseCell(std::string_view text) {
    std::string cell;
    if (apostrophesThenFormula(text)) {
        cell.reserve(text.size() + 1);
        cell.push_back(kMarker);
    }
    cell.append(text);
    return cell;
}

std::string restoreCell(std::string_view text) {
    if (!text.empty() && text.front() == kMarker && apostrophesThenFormula(text)) {
        text.remove_prefix(1);
    }
    return std::string(text);
}

} // namespace knotmap
