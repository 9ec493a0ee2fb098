#include "crypto/passphrase.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace knotmap::crypto {
namespace {

constexpr std::size_t kMaxPassphrase = 4096;

// The first size bytes of buffer, without a trailing "\n" or "\r\n".
Secret firstLine(const Secret& buffer, std::size_t size) {
    std::string_view text = buffer.view().substr(0, size);
    const std::size_t newline = text.find('\n');
    if (newline != std::string_view::npos) {
        text = text.substr(0, newline);
    }
    if (!text.empty() && text.back() == '\r') {
        text.remove_suffix(1);
    }
    return Secret(text);
}

Secret fromFile(const std::filesystem::path& path, const std::string& noun) {
    const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) {
        throw std::runtime_error(path.string() + ": cannot read the " + noun +
                                 " file: " + std::strerror(errno));
    }
    Secret buffer(kMaxPassphrase);
    std::size_t size = 0;
    while (size < buffer.size()) {
        const ssize_t got = ::read(descriptor, buffer.data() + size, buffer.size() - size);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            const int error = errno;
            ::close(descriptor);
            throw std::runtime_error(path.string() + ": cannot read the " + noun +
                                     " file: " + std::strerror(error));
        }
        if (got == 0) {
            break;
        }
        size += static_cast<std::size_t>(got);
    }
    ::close(descriptor);
    Secret line = firstLine(buffer, size);
    if (line.size() == 0) {
        throw std::runtime_error(path.string() + ": the " + noun + " file's first line is empty");
    }
    return line;
}

// Restores the terminal's settings however the prompt ends.
class EchoOff {
public:
    explicit EchoOff(int descriptor) : m_descriptor(descriptor) {
        if (::tcgetattr(descriptor, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            quiet.c_lflag |= ECHONL;
            m_restore = ::tcsetattr(descriptor, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff() {
        if (m_restore) {
            ::tcsetattr(m_descriptor, TCSAFLUSH, &m_saved);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int m_descriptor;
    termios m_saved{};
    bool m_restore = false;
};

Secret prompt(int terminal, const char* question) {
    // Echo off before the question, as getpass does: switching it discards
    // what was typed ahead, so nothing typed after the question may be lost.
    const EchoOff quiet(terminal);
    (void)!::write(terminal, question, std::strlen(question));
    Secret buffer(kMaxPassphrase);
    std::size_t size = 0;
    while (size < buffer.size()) {
        char c = 0;
        const ssize_t got = ::read(terminal, &c, 1);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0 || c == '\n') {
            break;
        }
        buffer.data()[size++] = static_cast<unsigned char>(c);
    }
    return firstLine(buffer, size);
}

Secret fromTerminal(const PassphraseRequest& request) {
    const int terminal = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (terminal < 0) {
        throw std::runtime_error("no " + request.noun + ": give it with " + request.fileOption +
                                 " FILE or the " + request.variable +
                                 " environment variable, or run in a terminal to be asked for it");
    }
    try {
        std::string question = request.noun + ": ";
        question[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(question[0])));
        Secret first = prompt(terminal, question.c_str());
        if (first.size() == 0) {
            throw std::runtime_error("the " + request.noun + " is empty");
        }
        if (request.confirm) {
            question.insert(question.size() - 2, " again");
            const Secret again = prompt(terminal, question.c_str());
            if (!first.equals(again)) {
                throw std::runtime_error("the two " + request.noun + "s differ");
            }
        }
        ::close(terminal);
        return first;
    } catch (...) {
        ::close(terminal);
        throw;
    }
}

} // namespace

Secret readPassphrase(const PassphraseRequest& request) {
    requireSodium();
    if (!request.file.empty()) {
        return fromFile(request.file, request.noun);
    }
    if (const char* variable = std::getenv(request.variable.c_str()); variable != nullptr) {
        if (*variable == '\0') {
            throw std::runtime_error(request.variable + " is set but empty");
        }
        return Secret(std::string_view(variable));
    }
    return fromTerminal(request);
}

} // namespace knotmap::crypto
