#include "core/local_time_text.h"

#include <ctime>

namespace knotmap {
namespace {

std::tm localParts(std::int64_t utc) {
    const std::time_t when = static_cast<std::time_t>(utc);
    std::tm local{};
    localtime_r(&when, &local);
    return local;
}

// "3 Dec": the day without strftime's leading zero (its "%-d" is glibc's
// own), the month abbreviated in the C locale the app runs in.
std::string dayMonth(const std::tm& local) {
    char month[16];
    const std::size_t length = std::strftime(month, sizeof month, "%b", &local);
    return std::to_string(local.tm_mday) + " " + std::string(month, length);
}

std::string hourMinute(const std::tm& local) {
    char text[8];
    const std::size_t length = std::strftime(text, sizeof text, "%H:%M", &local);
    return std::string(text, length);
}

} // namespace

std::string localDateTimeText(std::int64_t utc) {
    const std::tm local = localParts(utc);
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return std::string(text, length);
}

std::string localDayMinuteText(std::int64_t utc, std::int64_t nowUtc) {
    const std::tm local = localParts(utc);
    const std::tm today = localParts(nowUtc);
    std::string text = dayMonth(local);
    if (local.tm_year != today.tm_year) {
        text += " " + std::to_string(local.tm_year + 1900);
    }
    return text + " " + hourMinute(local);
}

std::string localMinuteOnDayText(std::int64_t utc) {
    const std::tm local = localParts(utc);
    return hourMinute(local) + " on " + dayMonth(local) + " " +
           std::to_string(local.tm_year + 1900);
}

} // namespace knotmap
