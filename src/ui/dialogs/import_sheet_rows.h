#pragma once

#include "ui/dialogs/import_dialog.h"

// The parts of the import dialog about sheets of pain by body area
// (docs/import-other-apps.md): how the body areas were mapped, and the form
// that names a sheet's columns by hand.
namespace knotmap::ui {

// Where the dialog's fields start, after their labels ("From", "Whose").
inline constexpr float kImportLabelWidth = 96.0f;

// The preview's "Body areas": each area as written, the regions it became
// and how, the unmapped ones set apart, with the choice to leave their
// ratings out, and the entries that are not pain.
void drawSheetAreas(ImportDialogState& state, const Appearance& look);

// Call last in the dialog: when the preview is taller than the screen
// allows, the areas table gets shorter (and scrolls), so that Import and
// Close stay in sight.
void fitSheetAreas(ImportDialogState& state, const Appearance& look);

// A combo for each role over the header's columns. True when the date, body
// area and pain are picked, every picked column a different one: the
// mapping can be checked.
bool drawColumnMapping(ImportDialogState& state, const Appearance& look);

// The picks as the ColumnMap an import reads, naming columns by their
// header names (by number where a name is empty or used twice).
[[nodiscard]] ColumnMap columnMapOf(const ColumnPicks& picks,
                                    const std::vector<std::string>& header);

} // namespace knotmap::ui
