#pragma once

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace knotmap::testing {

// Sets the process's time zone (TZ) for one test and puts back what was
// there before, so tests can pin daylight-saving rules.
class ZoneScope {
public:
    explicit ZoneScope(const char* zone) {
        if (const char* saved = std::getenv("TZ")) {
            m_saved = saved;
        }
        setenv("TZ", zone, 1);
        tzset();
    }
    ~ZoneScope() {
        if (m_saved) {
            setenv("TZ", m_saved->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
    ZoneScope(const ZoneScope&) = delete;
    ZoneScope& operator=(const ZoneScope&) = delete;

private:
    std::optional<std::string> m_saved;
};

} // namespace knotmap::testing
