#pragma once

#include <imgui.h>

#include <cstddef>
#include <string>

// ImGui text fields (imgui_stdlib's, over std::string) that take no more than
// the database holds (core/validation.h): at most maxBytes of UTF-8, and none
// of the control characters it refuses. Typing at the limit does nothing, and
// a paste that would pass it is cut at the limit. ImGui itself already drops
// C0 controls other than LF (multiline fields) and tab (with AllowTabInput);
// these fields also drop DEL and the C1 controls a paste can bring.
// The multi-line field wraps its text at its width (ui/widgets/wrapped_text_input.h)
// and applies the same limits itself.
namespace knotmap::ui {

bool limitedInputText(const char* label, std::string& text, std::size_t maxBytes,
                      ImGuiInputTextFlags flags = 0);
bool limitedInputTextWithHint(const char* label, const char* hint, std::string& text,
                              std::size_t maxBytes, ImGuiInputTextFlags flags = 0);
bool limitedInputTextMultiline(const char* label, std::string& text, std::size_t maxBytes,
                               const ImVec2& size, ImGuiInputTextFlags flags = 0);

// Who signs or amends: typed, or in a practice (practiceName not empty) the
// signed-in practitioner's name, shown but not editable: the server accepts
// no other. Returns what limitedInputText returns (false when fixed).
bool signerNameField(const char* label, std::string& name, const std::string& practiceName,
                     ImGuiInputTextFlags flags = 0);

} // namespace knotmap::ui
