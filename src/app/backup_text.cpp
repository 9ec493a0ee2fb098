#include "app/backup_text.h"

#include "core/timestamp.h"

#include <cstdio>

namespace knotmap {

std::string backupSizeText(std::int64_t bytes) {
    char text[32];
    if (bytes >= 1024 * 1024) {
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    } else {
        std::snprintf(text, sizeof text, "%.0f KB", static_cast<double>(bytes) / 1024.0);
    }
    return text;
}

std::string backupTimeText(std::int64_t utcSeconds) {
    const CivilDateTime at =
        LocalTimestamp(utcSeconds, LocalTimestamp::systemOffsetAt(utcSeconds)).local();
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", at.year, at.month, at.day,
                  at.hour, at.minute, at.second);
    return text;
}

} // namespace knotmap
