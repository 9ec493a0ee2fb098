#include "core/undo_stack.h"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

using namespace knotmap;

namespace {

// A tiny document of named integer fields, and a command that sets one field.
using Document = std::map<std::string, int>;

class SetField : public Command {
public:
    SetField(Document& document, std::string field, int value, bool failOnApply = false)
        : m_document(document), m_field(std::move(field)), m_after(value),
          m_failOnApply(failOnApply) {}

    void apply() override {
        if (m_failOnApply) {
            throw std::runtime_error("cannot apply");
        }
        if (!m_before) {
            m_before = m_document[m_field];
        }
        m_document[m_field] = m_after;
    }
    void revert() override { m_document[m_field] = *m_before; }
    [[nodiscard]] std::string description() const override { return "Change " + m_field; }
    bool mergeWith(const Command& next) override {
        const auto* other = dynamic_cast<const SetField*>(&next);
        if (other == nullptr || other->m_field != m_field) {
            return false;
        }
        m_after = other->m_after;
        return true;
    }

private:
    Document& m_document;
    std::string m_field;
    int m_after;
    std::optional<int> m_before;
    bool m_failOnApply;
};

std::unique_ptr<Command> set(Document& document, const std::string& field, int value) {
    return std::make_unique<SetField>(document, field, value);
}

} // namespace

TEST_CASE("undo stack: execute applies, undo reverts, redo applies again") {
    Document document{{"pain", 3}};
    UndoStack stack;
    CHECK_FALSE(stack.canUndo());
    CHECK_FALSE(stack.undo());
    CHECK_FALSE(stack.redo());

    stack.execute(set(document, "pain", 7));
    CHECK(document["pain"] == 7);
    CHECK(stack.canUndo());
    CHECK(stack.undoDescription() == "Change pain");

    CHECK(stack.undo());
    CHECK(document["pain"] == 3);
    CHECK(stack.canRedo());
    CHECK(stack.redoDescription() == "Change pain");
    CHECK(stack.undoDescription().empty());

    CHECK(stack.redo());
    CHECK(document["pain"] == 7);
    CHECK_FALSE(stack.canRedo());
}

TEST_CASE("undo stack: a new command clears what could be redone") {
    Document document{{"pain", 1}, {"kind", 0}};
    UndoStack stack;
    stack.execute(set(document, "pain", 2));
    stack.sealNewest();
    stack.execute(set(document, "kind", 4));
    stack.undo();
    CHECK(stack.redoCount() == 1);
    stack.execute(set(document, "pain", 5));
    CHECK(stack.redoCount() == 0);
    CHECK(stack.undoCount() == 2); // undo sealed the "pain" step: no merge
    CHECK(document["pain"] == 5);
}

TEST_CASE("undo stack: consecutive edits of one field merge until the step is sealed") {
    Document document{{"pain", 2}, {"notes", 0}};
    UndoStack stack;
    // A slider drag: 2 -> 3 -> 4 -> 5 is one step.
    stack.execute(set(document, "pain", 3));
    stack.execute(set(document, "pain", 4));
    stack.execute(set(document, "pain", 5));
    CHECK(stack.undoCount() == 1);
    stack.sealNewest(); // the slider was released
    stack.execute(set(document, "pain", 6));
    CHECK(stack.undoCount() == 2);
    // A different field never merges.
    stack.execute(set(document, "notes", 1));
    CHECK(stack.undoCount() == 3);

    stack.undo();
    CHECK(document["notes"] == 0);
    stack.undo();
    CHECK(document["pain"] == 5);
    stack.undo();
    CHECK(document["pain"] == 2);
    CHECK_FALSE(stack.canUndo());
}

TEST_CASE("undo stack: a redone step does not absorb the next edit") {
    Document document{{"pain", 0}};
    UndoStack stack;
    stack.execute(set(document, "pain", 4));
    stack.undo();
    stack.redo();
    stack.execute(set(document, "pain", 8));
    CHECK(stack.undoCount() == 2);
    stack.undo();
    CHECK(document["pain"] == 4);
}

TEST_CASE("undo stack: a command that fails to apply leaves the stack unchanged") {
    Document document{{"pain", 1}};
    UndoStack stack;
    stack.execute(set(document, "pain", 2));
    stack.undo();
    CHECK_THROWS_AS(stack.execute(std::make_unique<SetField>(document, "pain", 9, true)),
                    std::runtime_error);
    CHECK(document["pain"] == 1);
    CHECK(stack.undoCount() == 0);
    CHECK(stack.redoCount() == 1); // still redoable: nothing new happened
}

TEST_CASE("undo stack: the oldest steps are dropped beyond the size limit") {
    Document document{{"a", 0}, {"b", 0}};
    UndoStack stack(3);
    for (int i = 1; i <= 5; ++i) {
        stack.execute(set(document, i % 2 == 0 ? "a" : "b", i));
        stack.sealNewest();
    }
    CHECK(stack.undoCount() == 3);
    while (stack.undo()) {
    }
    // Steps 3, 4 and 5 were undone; 1 and 2 are beyond reach.
    CHECK(document["a"] == 2);
    CHECK(document["b"] == 1);
}

TEST_CASE("undo stack: clear forgets everything") {
    Document document{{"pain", 0}};
    UndoStack stack;
    stack.execute(set(document, "pain", 1));
    stack.clear();
    CHECK_FALSE(stack.canUndo());
    CHECK_FALSE(stack.canRedo());
}
