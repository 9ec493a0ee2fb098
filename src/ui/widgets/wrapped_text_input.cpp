#include "ui/widgets/wrapped_text_input.h"

#include "ui/shell/frame_requests.h"
#include "ui/shell/test_probe.h"
#include "ui/widgets/wrapped_text_editor.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace knotmap::ui {
namespace {

// The field being edited. ImGui keeps its one active text field's state in
// its context (ImGuiContext::InputTextState); the wrapping field does the
// same here: one per process, tied to the context and item it belongs to.
struct ActiveField {
    ImGuiContext* context = nullptr;
    ImGuiID id = 0;
    std::optional<WrappedTextEditor> editor;
    double blinkStart = 0;
    bool dragging = false;
};
ActiveField activeField; // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

// Where the field draws: the frame, the text area inside its padding, and
// the scrollbar when the text is taller than the box.
struct Geometry {
    ImRect frame;
    ImRect text;
    ImRect scrollbar;
    bool scrolls = false;
    float lineHeight = 0;
};

GlyphWidth currentFontWidths() {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    return [font, scale](char32_t c) {
        // ImGui 1.86 draws characters beyond 16 bits as U+FFFD.
        const auto shown = static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD);
        return font->GetCharAdvance(shown) * scale;
    };
}

float textHeight(const WrappedTextLayout& layout, float lineHeight) {
    return static_cast<float>(layout.lineCount()) * lineHeight;
}

// What the keys did this frame.
struct KeyResult {
    bool changed = false;
    bool moved = false;
    bool leave = false;
};

bool pressed(ImGuiKey key) {
    return ImGui::IsKeyPressedMap(key);
}

KeyResult handleKeys(WrappedTextEditor& editor, bool readOnly, bool allowTab,
                     std::size_t pageLines) {
    ImGuiIO& io = ImGui::GetIO();
    const bool shift = io.KeyShift;
    const bool word = io.KeyCtrl && !io.KeyAlt; // Ctrl: by word, or a shortcut
    KeyResult result;
    const auto move = [&](auto&& action) {
        action();
        result.moved = true;
    };
    const auto edit = [&](bool changed) {
        result.changed = changed || result.changed;
        result.moved = true;
    };
    if (pressed(ImGuiKey_LeftArrow)) {
        move([&] { word ? editor.moveWordLeft(shift) : editor.moveLeft(shift); });
    } else if (pressed(ImGuiKey_RightArrow)) {
        move([&] { word ? editor.moveWordRight(shift) : editor.moveRight(shift); });
    } else if (pressed(ImGuiKey_UpArrow)) {
        move([&] { editor.moveUp(shift); });
    } else if (pressed(ImGuiKey_DownArrow)) {
        move([&] { editor.moveDown(shift); });
    } else if (pressed(ImGuiKey_PageUp)) {
        move([&] { editor.moveUp(shift, pageLines); });
    } else if (pressed(ImGuiKey_PageDown)) {
        move([&] { editor.moveDown(shift, pageLines); });
    } else if (pressed(ImGuiKey_Home)) {
        move([&] { word ? editor.moveTextStart(shift) : editor.moveLineStart(shift); });
    } else if (pressed(ImGuiKey_End)) {
        move([&] { word ? editor.moveTextEnd(shift) : editor.moveLineEnd(shift); });
    } else if (pressed(ImGuiKey_Backspace)) {
        edit(word ? editor.deleteWordBack() : editor.backspace());
    } else if (pressed(ImGuiKey_Delete)) {
        edit(editor.deleteForward());
    } else if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) {
        edit(editor.insert("\n"));
    } else if (allowTab && pressed(ImGuiKey_Tab) && !io.KeyCtrl) {
        edit(editor.insert("\t"));
    } else if (pressed(ImGuiKey_Escape)) {
        result.leave = true; // what was typed stays: notes are never thrown away by a key
    } else if (word && pressed(ImGuiKey_A)) {
        move([&] { editor.selectAll(); });
    } else if (word && pressed(ImGuiKey_C) && editor.hasSelection()) {
        ImGui::SetClipboardText(editor.selectedText().c_str());
    } else if (word && pressed(ImGuiKey_X)) {
        std::string cut;
        if (editor.cut(cut)) {
            ImGui::SetClipboardText(cut.c_str());
            edit(true);
        } else if (readOnly && editor.hasSelection()) {
            ImGui::SetClipboardText(editor.selectedText().c_str());
        }
    } else if (word && pressed(ImGuiKey_V) && !readOnly) {
        if (const char* pasted = ImGui::GetClipboardText()) {
            edit(editor.insert(pasted));
        }
    } else if (word && pressed(ImGuiKey_Z)) {
        edit(shift ? editor.redo() : editor.undo());
    } else if (word && pressed(ImGuiKey_Y)) {
        edit(editor.redo());
    }
    if (!readOnly) {
        // Characters typed this frame, in any script; Ctrl+letter is a
        // shortcut, not text (AltGr arrives as Ctrl+Alt and is text).
        std::string typed;
        for (const ImWchar c : io.InputQueueCharacters) {
            if (!word && (c != '\t' || allowTab)) {
                char utf8[5];
                typed += ImTextCharToUtf8(utf8, c);
            }
        }
        io.InputQueueCharacters.resize(0);
        if (!typed.empty()) {
            edit(editor.insert(typed));
        }
    }
    return result;
}

// Which visual line a point in the text area falls on (clamped).
std::size_t lineAt(const WrappedTextLayout& layout, const Geometry& at, float scroll, float y) {
    const float fromTop = y - at.text.Min.y + scroll;
    const long line = static_cast<long>(std::floor(fromTop / at.lineHeight));
    return static_cast<std::size_t>(
        std::clamp(line, 0L, static_cast<long>(layout.lineCount()) - 1));
}

// Click to place the caret, Shift+click to extend, drag to select,
// double-click for a word. Returns true when the caret moved.
bool handleMouse(ActiveField& field, const Geometry& at, float scroll, bool hovered) {
    const ImGuiIO& io = ImGui::GetIO();
    WrappedTextEditor& editor = *field.editor;
    const auto placeAtMouse = [&](bool extend) {
        const std::size_t line = lineAt(editor.layout(), at, scroll, io.MousePos.y);
        editor.placeCaret(line, io.MousePos.x - at.text.Min.x, extend);
    };
    if (hovered && io.MouseClicked[0]) {
        placeAtMouse(io.KeyShift);
        if (io.MouseClickedCount[0] == 2) {
            editor.selectWordAtCaret();
        }
        field.dragging = io.MouseClickedCount[0] == 1;
        return true;
    }
    if (field.dragging && io.MouseDown[0]) {
        if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) {
            placeAtMouse(true);
            return true;
        }
        return false;
    }
    field.dragging = false;
    return false;
}

// Scrolls so the caret's line is inside the text area.
float scrollToCaret(const WrappedTextLayout& layout, CaretPlace caret, const Geometry& at,
                    float scroll) {
    const float top = static_cast<float>(layout.lineOf(caret)) * at.lineHeight;
    const float visible = at.text.GetHeight();
    if (top < scroll) {
        return top;
    }
    if (top + at.lineHeight > scroll + visible) {
        return top + at.lineHeight - visible;
    }
    return scroll;
}

void drawSelection(ImDrawList* draw, const WrappedTextLayout& layout, const Geometry& at,
                   float scroll, std::size_t first, std::size_t last, std::size_t begin,
                   std::size_t end) {
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    const float newlineWidth = ImGui::GetFontSize() * 0.4f; // a selected line break shows
    for (std::size_t i = first; i < last; ++i) {
        const VisualLine& line = layout.lines()[i];
        const std::size_t next =
            i + 1 < layout.lineCount() ? layout.lines()[i + 1].begin : layout.text().size() + 1;
        if (end <= line.begin || begin >= next) {
            continue;
        }
        float left = layout.xInLine(i, std::max(begin, line.begin));
        float right = layout.xInLine(i, std::min(end, line.end));
        if (end > line.end && line.endsParagraph) {
            right += newlineWidth;
        }
        const float top = at.text.Min.y + static_cast<float>(i) * at.lineHeight - scroll;
        left = std::min(left, at.text.GetWidth());
        right = std::min(right, at.text.GetWidth());
        draw->AddRectFilled(ImVec2(at.text.Min.x + left, top),
                            ImVec2(at.text.Min.x + right, top + at.lineHeight), colour);
    }
}

void drawText(const WrappedTextLayout& layout, const Geometry& at, float scroll,
              const ActiveField* field) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImRect clip(
        ImVec2(at.frame.Min.x + 1, at.frame.Min.y + 1),
        ImVec2(at.scrolls ? at.scrollbar.Min.x : at.frame.Max.x - 1, at.frame.Max.y - 1));
    draw->PushClipRect(clip.Min, clip.Max, true);
    const auto lineCount = static_cast<long>(layout.lineCount());
    const long firstVisible = static_cast<long>(std::floor(scroll / at.lineHeight)) - 1;
    const long lastVisible =
        static_cast<long>(std::ceil((scroll + at.frame.GetHeight()) / at.lineHeight)) + 1;
    const auto first = static_cast<std::size_t>(std::clamp(firstVisible, 0L, lineCount));
    const auto last = static_cast<std::size_t>(std::clamp(lastVisible, 0L, lineCount));
    if (field != nullptr && field->editor->hasSelection()) {
        drawSelection(draw, layout, at, scroll, first, last, field->editor->selectionBegin(),
                      field->editor->selectionEnd());
    }
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
    const std::string_view text = layout.text();
    for (std::size_t i = first; i < last; ++i) {
        const VisualLine& line = layout.lines()[i];
        const ImVec2 at0(at.text.Min.x,
                         at.text.Min.y + static_cast<float>(i) * at.lineHeight - scroll);
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at0, colour, text.data() + line.begin,
                      text.data() + line.end);
    }
    if (field != nullptr) {
        const ImGuiIO& io = ImGui::GetIO();
        const double shownFor = ImGui::GetTime() - field->blinkStart;
        const double phase = std::fmod(shownFor, 1.2);
        const bool on = !io.ConfigInputTextCursorBlink || phase <= 0.8;
        if (io.ConfigInputTextCursorBlink) { // the next frame shows the blink's next half
            requestFrameIn(std::chrono::duration_cast<FrameClock::duration>(
                std::chrono::duration<double>(phase <= 0.8 ? 0.8 - phase : 1.2 - phase)));
        }
        const CaretPlace caret = field->editor->caret();
        const float x = at.text.Min.x + std::min(layout.xOf(caret), at.text.GetWidth() - 1.0f);
        const float y =
            at.text.Min.y + static_cast<float>(layout.lineOf(caret)) * at.lineHeight - scroll;
        if (on) {
            draw->AddLine(ImVec2(x + 0.5f, y), ImVec2(x + 0.5f, y + at.lineHeight - 1), colour);
        }
        GImGui->PlatformImePos = ImVec2(x - 1, y - ImGui::GetFontSize());
    }
    draw->PopClipRect();
}

void startEditing(ImGuiID id, const std::string& text, std::size_t maxBytes,
                  ImGuiInputTextFlags flags) {
    activeField.context = ImGui::GetCurrentContext();
    activeField.id = id;
    activeField.editor.emplace(text,
                               TextRules{maxBytes, (flags & ImGuiInputTextFlags_AllowTabInput) != 0,
                                         (flags & ImGuiInputTextFlags_ReadOnly) != 0});
    activeField.dragging = false;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::SetActiveID(id, window);
    ImGui::SetFocusID(id, window);
    ImGui::FocusWindow(window);
}

// The keys the field reads itself while active, so ImGui's keyboard
// navigation does not move away on an arrow key.
void claimKeys(bool allowTab) {
    ImGuiContext& g = *GImGui;
    g.ActiveIdUsingNavDirMask |=
        (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) | (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
    g.ActiveIdUsingNavInputMask |= 1 << ImGuiNavInput_Cancel;
    g.ActiveIdUsingKeyInputMask |= (ImU64{1} << ImGuiKey_Home) | (ImU64{1} << ImGuiKey_End) |
                                   (ImU64{1} << ImGuiKey_PageUp) | (ImU64{1} << ImGuiKey_PageDown);
    if (allowTab) {
        g.ActiveIdUsingKeyInputMask |= ImU64{1} << ImGuiKey_Tab;
    }
}

void probeActiveField(const WrappedTextLayout& layout, CaretPlace caret) {
    if (!testProbeActive()) {
        return;
    }
    probeItem("wrapped-text-active");
    probeValue("wrapped-text-lines", std::to_string(layout.lineCount()));
    probeValue("wrapped-text-caret",
               std::to_string(caret.offset) + " " + std::to_string(layout.lineOf(caret)));
    std::string starts;
    for (const VisualLine& line : layout.lines()) {
        starts += (starts.empty() ? "" : " ") + std::to_string(line.begin);
    }
    probeValue("wrapped-text-line-starts", starts);
}

} // namespace

bool wrappedInputTextMultiline(const char* label, std::string& text, std::size_t maxBytes,
                               const ImVec2& sizeArg, ImGuiInputTextFlags flags) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) {
        return false;
    }
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    const ImGuiStyle& style = g.Style;
    const ImGuiID id = window->GetID(label);
    const bool readOnly = (flags & ImGuiInputTextFlags_ReadOnly) != 0;
    const bool allowTab = (flags & ImGuiInputTextFlags_AllowTabInput) != 0;

    const ImVec2 labelSize = ImGui::CalcTextSize(label, nullptr, true);
    const ImVec2 size = ImGui::CalcItemSize(
        sizeArg, ImGui::CalcItemWidth(), ImGui::GetTextLineHeight() * 8 + style.FramePadding.y * 2);
    Geometry at;
    const ImVec2 origin = window->DC.CursorPos;
    at.frame = ImRect(origin, ImVec2(origin.x + size.x, origin.y + size.y));
    at.lineHeight = ImGui::GetTextLineHeight();
    const float labelWidth = labelSize.x > 0 ? style.ItemInnerSpacing.x + labelSize.x : 0.0f;
    const ImRect total(at.frame.Min, ImVec2(at.frame.Max.x + labelWidth, at.frame.Max.y));
    ImGui::ItemSize(total, style.FramePadding.y);
    if (!ImGui::ItemAdd(total, id, &at.frame, ImGuiItemFlags_Inputable)) {
        return false;
    }
    const ImGuiLastItemData item = g.LastItemData; // the scrollbar below is an item too
    const bool focusRequested = (item.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) != 0 ||
                                g.NavActivateInputId == id || g.NavActivateId == id;

    // The text area, narrowed by a scrollbar when the text is taller.
    at.text = at.frame;
    at.text.Expand(ImVec2(-style.FramePadding.x, -style.FramePadding.y));
    const bool editing = g.ActiveId == id && activeField.context == ImGui::GetCurrentContext() &&
                         activeField.id == id && activeField.editor;
    if (editing) {
        activeField.editor->replaceText(text); // the caller may have changed it
    }
    const GlyphWidth widths = currentFontWidths();
    std::optional<WrappedTextLayout> shown;
    const auto layOut = [&](float width) -> const WrappedTextLayout& {
        if (editing) {
            activeField.editor->setWrap(width, widths);
            return activeField.editor->layout();
        }
        shown.emplace(text, width, widths);
        return *shown;
    };
    if (textHeight(layOut(at.text.GetWidth()), at.lineHeight) > at.text.GetHeight()) {
        at.scrolls = true;
        at.scrollbar =
            ImRect(ImVec2(at.frame.Max.x - style.ScrollbarSize, at.frame.Min.y), at.frame.Max);
        at.text.Max.x = at.scrollbar.Min.x - style.ItemInnerSpacing.x * 0.5f;
        (void)layOut(at.text.GetWidth());
    }

    // Scrolling: its own, kept per field in the window's storage.
    const ImGuiID scrollId = ImHashStr("#wrapped-scroll", 0, id);
    float& scroll = *window->DC.StateStorage->GetFloatRef(scrollId, 0.0f);
    const auto currentLayout = [&]() -> const WrappedTextLayout& {
        const bool mine = g.ActiveId == id && activeField.id == id && activeField.editor;
        return mine || editing ? activeField.editor->layout() : *shown;
    };
    const auto contentHeight = [&] {
        return textHeight(currentLayout(), at.lineHeight);
    };
    const auto clampScroll = [&] {
        scroll = std::clamp(scroll, 0.0f, std::max(0.0f, contentHeight() - at.text.GetHeight()));
    };
    clampScroll();
    ImGui::RenderNavHighlight(at.frame, id);
    ImGui::RenderFrame(at.frame.Min, at.frame.Max, ImGui::GetColorU32(ImGuiCol_FrameBg), true,
                       style.FrameRounding);
    if (at.scrolls) {
        auto position = static_cast<ImS64>(scroll);
        ImGui::ScrollbarEx(at.scrollbar, scrollId, ImGuiAxis_Y, &position,
                           static_cast<ImS64>(at.text.GetHeight()),
                           static_cast<ImS64>(contentHeight()), ImDrawFlags_RoundCornersRight);
        scroll = static_cast<float>(position);
    }

    const bool hovered = ImGui::ItemHoverable(at.frame, id);
    if (hovered) {
        g.MouseCursor = ImGuiMouseCursor_TextInput;
    }
    bool changed = false;
    bool caretMoved = false;
    if ((focusRequested || (hovered && io.MouseClicked[0])) && !editing) {
        startEditing(id, text, maxBytes, flags);
        activeField.editor->setWrap(at.text.GetWidth(), widths);
        activeField.blinkStart = ImGui::GetTime();
        caretMoved = true;
    } else if (editing && io.MouseClicked[0] && !hovered) {
        ImGui::ClearActiveID(); // a click elsewhere lets go, as ImGui's own fields do
    }
    const bool active = g.ActiveId == id && activeField.id == id && activeField.editor;
    if (active) {
        WrappedTextEditor& editor = *activeField.editor;
        claimKeys(allowTab);
        // Other widgets still light up under the mouse while the field is
        // only being typed in; a drag inside it keeps the mouse.
        g.ActiveIdAllowOverlap = !io.MouseDown[0];
        g.WantTextInputNextFrame = 1; // the app's one-key shortcuts wait (io.WantTextInput)
        caretMoved = handleMouse(activeField, at, scroll, hovered) || caretMoved;
        const std::size_t pageLines =
            std::max(1L, static_cast<long>(at.text.GetHeight() / at.lineHeight) - 1);
        const KeyResult keys = handleKeys(editor, readOnly, allowTab, pageLines);
        changed = keys.changed;
        caretMoved = caretMoved || keys.moved;
        if (changed) {
            text = editor.text();
        }
        if (caretMoved) {
            activeField.blinkStart = ImGui::GetTime();
            clampScroll();
            scroll = scrollToCaret(editor.layout(), editor.caret(), at, scroll);
        }
        if (keys.leave) {
            ImGui::ClearActiveID();
        }
    }
    if (hovered && at.scrolls && contentHeight() > at.text.GetHeight()) {
        ImGui::SetItemUsingMouseWheel(); // the wheel scrolls the note, not the panel
        scroll -= io.MouseWheel * at.lineHeight * 3;
        clampScroll();
    }

    const bool stillActive = active && g.ActiveId == id;
    const WrappedTextLayout& layout = active ? activeField.editor->layout() : *shown;
    drawText(layout, at, scroll, stillActive ? &activeField : nullptr);
    if (labelSize.x > 0) {
        ImGui::RenderText(ImVec2(at.frame.Max.x + style.ItemInnerSpacing.x,
                                 at.frame.Min.y + style.FramePadding.y),
                          label);
    }
    g.LastItemData = item;
    if (stillActive) {
        probeActiveField(layout, activeField.editor->caret());
    }
    if (changed) {
        ImGui::MarkItemEdited(id);
    }
    return changed;
}

} // namespace knotmap::ui
