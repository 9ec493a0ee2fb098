#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>

// A multi-line text field that wraps its text at the field's width, while
// typing and when read-only, so a note can be proofread without scrolling
// sideways. ImGui 1.86's InputTextMultiline has no word wrap; this widget
// takes its place for every note, SOAP field and amendment box
// (ui/widgets/text_field.h). The layout and the editing live in
// ui/widgets/wrapped_text_layout.h and ui/widgets/wrapped_text_editor.h; this is the ImGui
// side: the frame, the keys, the mouse, the clipboard, scrolling.
namespace knotmap::ui {

// Like ImGui::InputTextMultiline: size (0 or negative components as ImGui's
// CalcItemSize reads them), the last item is the field (IsItemActive,
// IsItemDeactivated, IsItemDeactivatedAfterEdit refer to it), returns true
// in the frames the text changed. Honours ImGuiInputTextFlags_ReadOnly
// (select and copy only) and _AllowTabInput; holds at most maxBytes, and
// Escape leaves the field keeping what was typed.
bool wrappedInputTextMultiline(const char* label, std::string& text, std::size_t maxBytes,
                               const ImVec2& size, ImGuiInputTextFlags flags = 0);

} // namespace knotmap::ui
