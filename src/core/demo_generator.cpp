#include "core/demo_generator.h"

#include "core/demo_client_simulation.h"
#include "core/demo_text.h"
#include "core/random.h"
#include "core/text_search.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

// The driver: names the clients and runs one simulation per client
// (demo_client_simulation.h explains the model and why it is deterministic).
namespace knotmap {
namespace {

using namespace demo_text;

constexpr std::uint64_t kNameStream = 0x4E414D45; // "NAME"

// Believable, distinct names; the database keeps client names unique (ignoring
// ASCII case), so collisions are redrawn, then given a middle initial.
class NameGenerator {
public:
    explicit NameGenerator(std::uint64_t seed) : m_random(Random::forStream(seed, kNameStream)) {}

    std::string next(int index) {
        for (int attempt = 0; attempt < 40; ++attempt) {
            std::string name = draw(index);
            if (m_used.insert(lowercaseAscii(name)).second) {
                return name;
            }
        }
        for (int attempt = 0; attempt < 200; ++attempt) {
            const std::string first(pick(m_random, firstNames()));
            const std::string last(pick(m_random, lastNames()));
            const char initial = static_cast<char>('A' + m_random.uniformInt(0, 25));
            std::string name = first + ' ' + initial + ". " + last;
            if (m_used.insert(lowercaseAscii(name)).second) {
                return name;
            }
        }
        std::string name;
        int suffix = 2;
        do {
            name = std::string(pick(m_random, firstNames())) + ' ' +
                   std::string(pick(m_random, lastNames())) + ' ' + std::to_string(suffix++);
        } while (!m_used.insert(lowercaseAscii(name)).second);
        return name;
    }

private:
    std::string draw(int index) {
        // The second client always shows off non-ASCII text in the UI.
        if (index == 1) {
            return std::string(pick(m_random, accentedFirstNames())) + ' ' +
                   std::string(pick(m_random, accentedLastNames()));
        }
        const std::string_view first = m_random.chance(0.1) ? pick(m_random, accentedFirstNames())
                                                            : pick(m_random, firstNames());
        const std::string_view last = m_random.chance(0.1) ? pick(m_random, accentedLastNames())
                                                           : pick(m_random, lastNames());
        return std::string(first) + ' ' + std::string(last);
    }

    Random m_random;
    std::set<std::string> m_used;
};

} // namespace

void generateDemo(const DemoOptions& options, DemoSink& sink) {
    const CivilDateTime end{options.endYear, options.endMonth, options.endDay, 0, 0, 0};
    if (!isValidCivil(end)) {
        throw std::invalid_argument("demo: invalid end date");
    }
    const std::int64_t lastDay = daysFromCivil(end.year, end.month, end.day);
    NameGenerator names(options.seed);
    for (int i = 0; i < options.clients; ++i) {
        demo_detail::ClientSimulation simulation(options, i, names.next(i), sink);
        simulation.run(lastDay);
    }
}

} // namespace knotmap
