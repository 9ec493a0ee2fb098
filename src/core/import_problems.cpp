#include "core/import_problems.h"

namespace knotmap {

std::string ImportProblem::describe() const {
    std::string text = file;
    if (line > 0) {
        text += ", line " + std::to_string(line);
    }
    if (column > 0) {
        text += ", column " + std::to_string(column);
        if (!columnName.empty()) {
            text += " (" + columnName + ")";
        }
    } else if (character > 0) {
        text += ", character " + std::to_string(character);
    }
    return text + ": " + message;
}

void ImportProblems::add(ImportProblem problem) {
    ++m_count;
    if (m_kept.size() < m_keep) {
        m_kept.push_back(std::move(problem));
    }
}

std::string ImportProblems::describe() const {
    std::string text;
    for (const ImportProblem& problem : m_kept) {
        text += problem.describe() + "\n";
    }
    const std::int64_t unlisted = m_count - static_cast<std::int64_t>(m_kept.size());
    if (unlisted > 0) {
        text += "... and " + std::to_string(unlisted) + " more problem" +
                (unlisted == 1 ? "" : "s") + "\n";
    }
    return text;
}

} // namespace knotmap
