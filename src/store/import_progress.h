#pragma once

#include "store/import_source.h"

#include <cstdint>
#include <filesystem>

namespace knotmap {

// An import's progress as the share of its files' bytes read, from the
// source's progress callback. Each file is read once to be checked and, for
// a write, once more to be written. Files with fewer rows than one progress step never report, so
// the share may end a little short of 1.
class ImportByteProgress {
public:
    ImportByteProgress(const ImportSource& source, bool write);

    // Folds in one callback (file, bytes read of it so far) and returns the
    // share done, 0..1.
    double add(const std::filesystem::path& file, std::int64_t bytes);

private:
    std::int64_t m_total = 0;
    std::int64_t m_finished = 0;  // bytes of the readings already complete
    std::filesystem::path m_file; // the file being read
    std::int64_t m_bytes = 0;     // of it, so far
};

} // namespace knotmap
