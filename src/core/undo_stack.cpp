#include "core/undo_stack.h"

#include <algorithm>
#include <utility>

namespace knotmap {

UndoStack::UndoStack(std::size_t limit) : m_limit(std::max<std::size_t>(limit, 1)) {}

void UndoStack::execute(std::unique_ptr<Command>&& command) {
    command->apply(); // moved from only once applied
    m_undone.clear();
    if (m_newestOpen && !m_done.empty() && m_done.back()->mergeWith(*command)) {
        command.reset();
        return;
    }
    m_done.push_back(std::move(command));
    m_newestOpen = true;
    if (m_done.size() > m_limit) {
        // The oldest steps go first: nobody undoes two hundred edits back.
        m_done.erase(m_done.begin(),
                     m_done.begin() + static_cast<std::ptrdiff_t>(m_done.size() - m_limit));
    }
}

bool UndoStack::undo() {
    if (m_done.empty()) {
        return false;
    }
    m_done.back()->revert();
    m_undone.push_back(std::move(m_done.back()));
    m_done.pop_back();
    m_newestOpen = false;
    return true;
}

bool UndoStack::redo() {
    if (m_undone.empty()) {
        return false;
    }
    m_undone.back()->apply();
    m_done.push_back(std::move(m_undone.back()));
    m_undone.pop_back();
    // A redone step is complete: a new edit after it must not fold into it.
    m_newestOpen = false;
    return true;
}

std::string UndoStack::undoDescription() const {
    return m_done.empty() ? std::string() : m_done.back()->description();
}

std::string UndoStack::redoDescription() const {
    return m_undone.empty() ? std::string() : m_undone.back()->description();
}

void UndoStack::clear() {
    m_done.clear();
    m_undone.clear();
    m_newestOpen = false;
}

} // namespace knotmap
