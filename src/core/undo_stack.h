#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

// Undo and redo for user actions (command pattern). A command knows how to
// make its change and how to take it back exactly; the stack only orders them.
namespace knotmap {

class Command {
public:
    virtual ~Command() = default;

    // Makes the change. Called once when the command is executed and again on
    // each redo; must leave everything unchanged when it throws.
    virtual void apply() = 0;
    // Takes the change back exactly; must leave everything unchanged when it throws.
    virtual void revert() = 0;
    // Short and verb-first, for the Edit menu: "Change pain", "Delete knot".
    [[nodiscard]] virtual std::string description() const = 0;
    // Folds next (already applied, and executed right after this one) into
    // this command so that one revert takes back both; returns false when the
    // two are different kinds of edit. Lets a slider drag or a burst of typing
    // be one undo step.
    virtual bool mergeWith(const Command& next) {
        (void)next;
        return false;
    }
    // After a save was refused because somebody else changed the record
    // since the person saw it, the person chose to keep their change: the
    // next apply writes it over what is there now (store/row_version.h).
    virtual void forgetSeenVersion() {}
};

class UndoStack {
public:
    static constexpr std::size_t kDefaultLimit = 200;

    explicit UndoStack(std::size_t limit = kDefaultLimit);

    // Applies the command and makes it the newest undo step, clearing what
    // could be redone. It is merged into the newest step when that step is
    // still open (see sealNewest) and accepts it. When apply throws, the
    // exception propagates, the stack is unchanged and command still owns
    // the command, so the caller may try it again (a database lock).
    void execute(std::unique_ptr<Command>&& command);
    // Ends the newest step's chance to absorb further edits (e.g. when a
    // slider is released), so the next edit becomes a step of its own.
    void sealNewest() { m_newestOpen = false; }

    // Return false when there is nothing to undo or redo. When the command
    // throws, the exception propagates and the command stays where it was.
    bool undo();
    bool redo();

    [[nodiscard]] bool canUndo() const { return !m_done.empty(); }
    [[nodiscard]] bool canRedo() const { return !m_undone.empty(); }
    // Descriptions of the command undo or redo would take back or repeat ("" when none).
    [[nodiscard]] std::string undoDescription() const;
    [[nodiscard]] std::string redoDescription() const;
    [[nodiscard]] std::size_t undoCount() const { return m_done.size(); }
    [[nodiscard]] std::size_t redoCount() const { return m_undone.size(); }
    void clear();

private:
    std::vector<std::unique_ptr<Command>> m_done;   // oldest first
    std::vector<std::unique_ptr<Command>> m_undone; // the next redo is last
    std::size_t m_limit;
    bool m_newestOpen = false;
};

} // namespace knotmap
