#pragma once

#include "core/other_apps/pain_sheet.h"

// The row readers behind sheetRowReader(), one file each.
namespace knotmap::sheet {

// A header name compared as people write it: case and surrounding spaces ignored.
[[nodiscard]] std::string headerKey(std::string_view name);

// The 0-based column whose header is `name` (or whose 1-based number it is);
// throws std::invalid_argument naming what is missing.
[[nodiscard]] std::size_t columnNamed(const std::vector<std::string>& header,
                                      const std::string& name, const std::string& role);

std::unique_ptr<SheetRowReader> columnsReader(const ColumnMap& map,
                                              const std::vector<std::string>& header);
std::unique_ptr<SheetRowReader> bearableReader(const std::vector<std::string>& header,
                                               bool dateFormatted);
std::unique_ptr<SheetRowReader> flaredownReader(const std::vector<std::string>& header);
std::unique_ptr<SheetRowReader> crisisCoreReader(const std::vector<std::string>& header);

} // namespace knotmap::sheet
