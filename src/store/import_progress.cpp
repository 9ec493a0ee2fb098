#include "store/import_progress.h"

#include <algorithm>
#include <system_error>

namespace knotmap {

namespace fs = std::filesystem;

ImportByteProgress::ImportByteProgress(const ImportSource& source, bool write) {
    std::error_code ignored;
    for (std::string_view name : exportTableNames()) {
        if (source.shape == ImportShape::ObservationsOnly && name != "observations") {
            continue;
        }
        const auto size = fs::file_size(source.file(*exportTableFromName(name)).path, ignored);
        m_total += ignored ? 0 : static_cast<std::int64_t>(size);
    }
    m_total *= write ? 2 : 1;
}

double ImportByteProgress::add(const fs::path& file, std::int64_t bytes) {
    // Within one reading of a file the figures only grow: a new file, or the
    // same one read again, starts over.
    if (file != m_file || bytes <= m_bytes) {
        std::error_code ignored;
        const auto size = m_file.empty() ? 0 : fs::file_size(m_file, ignored);
        m_finished += ignored ? 0 : static_cast<std::int64_t>(size);
        m_file = file;
    }
    m_bytes = bytes;
    return std::min(1.0, static_cast<double>(m_finished + bytes) /
                             static_cast<double>(std::max<std::int64_t>(1, m_total)));
}

} // namespace knotmap
