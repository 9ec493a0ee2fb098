#include "core/timestamp.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace knotmap {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

bool parseDigits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) {
        return false;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        value = value * 10 + (text[i] - '0');
    }
    out = value;
    return true;
}

} // namespace

std::int64_t daysFromCivil(int year, int month, int day) {
    using namespace std::chrono;
    const sys_days days{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                        std::chrono::day{static_cast<unsigned>(day)}};
    return days.time_since_epoch().count();
}

CivilDateTime civilFromSeconds(std::int64_t seconds) {
    using namespace std::chrono;
    const std::int64_t dayCount = floorDiv(seconds, kSecondsPerDay);
    const std::int64_t secondOfDay = seconds - dayCount * kSecondsPerDay;
    const year_month_day ymd{sys_days{days{dayCount}}};
    CivilDateTime civil;
    civil.year = static_cast<int>(ymd.year());
    civil.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    civil.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    civil.hour = static_cast<int>(secondOfDay / 3600);
    civil.minute = static_cast<int>(secondOfDay % 3600 / 60);
    civil.second = static_cast<int>(secondOfDay % 60);
    return civil;
}

std::int64_t secondsFromCivil(const CivilDateTime& civil) {
    return daysFromCivil(civil.year, civil.month, civil.day) * kSecondsPerDay + civil.hour * 3600 +
           civil.minute * 60 + civil.second;
}

bool isValidCivil(const CivilDateTime& civil) {
    using namespace std::chrono;
    const year_month_day ymd{std::chrono::year{civil.year},
                             std::chrono::month{static_cast<unsigned>(civil.month)},
                             std::chrono::day{static_cast<unsigned>(civil.day)}};
    return civil.year >= 1 && civil.year <= 9999 && civil.month >= 1 && civil.day >= 1 &&
           ymd.ok() && civil.hour >= 0 && civil.hour < 24 && civil.minute >= 0 &&
           civil.minute < 60 && civil.second >= 0 && civil.second < 60;
}

LocalTimestamp::LocalTimestamp(std::int64_t utcSeconds, int offsetMinutes)
    : m_utcSeconds(utcSeconds), m_offsetMinutes(offsetMinutes) {
    if (offsetMinutes < kMinUtcOffsetMinutes || offsetMinutes > kMaxUtcOffsetMinutes) {
        throw std::invalid_argument("UTC offset out of range: " + std::to_string(offsetMinutes) +
                                    " minutes");
    }
}

LocalTimestamp LocalTimestamp::fromLocal(const CivilDateTime& local, int offsetMinutes) {
    return LocalTimestamp(secondsFromCivil(local) - std::int64_t{offsetMinutes} * 60,
                          offsetMinutes);
}

int LocalTimestamp::systemOffsetAt(std::int64_t utcSeconds) {
    const std::time_t t = static_cast<std::time_t>(utcSeconds);
    std::tm local{};
    if (localtime_r(&t, &local) == nullptr) {
        return 0;
    }
    return static_cast<int>(local.tm_gmtoff / 60);
}

SystemLocalTime fromSystemLocal(const CivilDateTime& local) {
    const std::int64_t wall = secondsFromCivil(local);
    // The offsets in force a day either side: wide enough to reach past any
    // transition near this time (offsets span less than a day), and no zone
    // changes its clocks twice within two days.
    const int before = LocalTimestamp::systemOffsetAt(wall - kSecondsPerDay);
    const int after = LocalTimestamp::systemOffsetAt(wall + kSecondsPerDay);
    const auto instant = [wall](int offset) {
        return wall - std::int64_t{offset} * 60;
    };
    const auto fits = [&](int offset) {
        return LocalTimestamp::systemOffsetAt(instant(offset)) == offset;
    };
    const auto at = [](std::int64_t utc) {
        return LocalTimestamp(utc, LocalTimestamp::systemOffsetAt(utc));
    };
    const bool fitsBefore = fits(before);
    const bool fitsAfter = before != after && fits(after);
    if (fitsBefore && fitsAfter) {
        // The larger offset names the earlier instant: the first occurrence.
        return {at(std::min(instant(before), instant(after))), LocalTimeFit::Overlap};
    }
    if (fitsBefore) {
        return {at(instant(before)), LocalTimeFit::Exact};
    }
    if (fitsAfter) {
        return {at(instant(after)), LocalTimeFit::Exact};
    }
    // Skipped: read with the offset before the skip, which lands the length
    // of the skip later, shown with the offset in force from then on.
    return {at(instant(before)), LocalTimeFit::Gap};
}

LocalTimestamp LocalTimestamp::now() {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    return LocalTimestamp(seconds, systemOffsetAt(seconds));
}

std::optional<LocalTimestamp> LocalTimestamp::parseIso8601(std::string_view text) {
    CivilDateTime civil;
    if (text.size() < 16 || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
        return std::nullopt;
    }
    if (!parseDigits(text, 0, 4, civil.year) || !parseDigits(text, 5, 2, civil.month) ||
        !parseDigits(text, 8, 2, civil.day) || !parseDigits(text, 11, 2, civil.hour) ||
        !parseDigits(text, 14, 2, civil.minute)) {
        return std::nullopt;
    }
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (!parseDigits(text, pos + 1, 2, civil.second)) {
            return std::nullopt;
        }
        pos += 3;
    }
    if (!isValidCivil(civil) || pos >= text.size()) {
        return std::nullopt;
    }
    int offset = 0;
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
        offset = 0;
    } else if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() &&
               text[pos + 3] == ':') {
        int hours = 0;
        int minutes = 0;
        if (!parseDigits(text, pos + 1, 2, hours) || !parseDigits(text, pos + 4, 2, minutes) ||
            minutes >= 60) {
            return std::nullopt;
        }
        offset = (hours * 60 + minutes) * (text[pos] == '-' ? -1 : 1);
        if (offset < kMinUtcOffsetMinutes || offset > kMaxUtcOffsetMinutes) {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    return fromLocal(civil, offset);
}

CivilDateTime LocalTimestamp::local() const {
    return civilFromSeconds(m_utcSeconds + std::int64_t{m_offsetMinutes} * 60);
}

CivilDateTime LocalTimestamp::utc() const {
    return civilFromSeconds(m_utcSeconds);
}

std::string LocalTimestamp::toIso8601() const {
    const CivilDateTime c = local();
    const int absOffset = m_offsetMinutes < 0 ? -m_offsetMinutes : m_offsetMinutes;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year,
                  c.month, c.day, c.hour, c.minute, c.second, m_offsetMinutes < 0 ? '-' : '+',
                  absOffset / 60, absOffset % 60);
    return buffer;
}

std::string LocalTimestamp::localDate() const {
    const CivilDateTime c = local();
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buffer;
}

} // namespace knotmap
