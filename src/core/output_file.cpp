#include "core/output_file.h"

#include "core/output_target.h"
#include "core/staging_path.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// Distinguishes two files written at once by one process (a worker and the
// window); the process id distinguishes processes.
std::atomic<unsigned> g_temporaryCount{0};

// Names taken by leftovers of crashed runs with a recycled process id are
// skipped; this many in a row means something else is going on.
constexpr int kMaxAttempts = 100;

// Keeps a temporary name within NAME_MAX (255 bytes) however long the target's.
constexpr std::size_t kMaxNameStem = 180;

bool isRegularFile(int descriptor) {
    struct stat status {};
    return ::fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode);
}

} // namespace

OutputFile::OutputFile(const fs::path& target, std::string what, Sync sync)
    : m_name(target.string()), m_what(std::move(what)), m_sync(sync) {
    try {
        OutputTarget resolved;
        try {
            resolved = resolveOutputTarget(target);
        } catch (const std::system_error& error) {
            fail(error.code().value());
        }
        switch (resolved.kind) {
        case OutputTarget::Kind::Descriptor:
            m_descriptor = ::fcntl(resolved.descriptor, F_DUPFD_CLOEXEC, 0);
            break;
        case OutputTarget::Kind::Direct:
            // No O_CREAT and no O_TRUNC: a device or FIFO is used as it is.
            m_descriptor = ::open(resolved.path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
            break;
        case OutputTarget::Kind::Replace: {
            m_finalPath = resolved.path;
            std::string stem = resolved.path.filename().string();
            stem.resize(std::min(stem.size(), kMaxNameStem));
            // O_EXCL: never write into a file someone else made under the
            // name (a leftover of a crashed run, or a planted link).
            int attempts = 0;
            do {
                m_temporary =
                    resolved.path.parent_path() / (stem + ".partial-" + std::to_string(::getpid()) +
                                                   "-" + std::to_string(g_temporaryCount++));
                m_descriptor = ::open(m_temporary.c_str(),
                                      O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0600);
            } while (m_descriptor < 0 && errno == EEXIST && ++attempts < kMaxAttempts);
            if (m_descriptor < 0) {
                const int error = errno;
                m_temporary.clear();
                fail(error);
            }
            // The umask only narrows the mode given to open; 0600 exactly.
            if (::fchmod(m_descriptor, 0600) != 0) {
                fail(errno);
            }
            break;
        }
        }
        if (m_descriptor < 0) {
            fail(errno);
        }
        m_buffer = std::make_unique<DescriptorBuffer>(m_descriptor);
        m_stream.rdbuf(m_buffer.get());
    } catch (...) {
        discard();
        throw;
    }
}

OutputFile::OutputFile(StandardOutput)
    : m_name("standard output"), m_descriptor(STDOUT_FILENO), m_ownsDescriptor(false),
      m_buffer(std::make_unique<DescriptorBuffer>(STDOUT_FILENO)) {
    m_stream.rdbuf(m_buffer.get());
}

OutputFile::~OutputFile() {
    discard();
}

void OutputFile::discard() noexcept {
    if (m_descriptor >= 0 && m_ownsDescriptor) {
        ::close(m_descriptor);
    }
    m_descriptor = -1;
    if (!m_temporary.empty() && !m_committed) {
        ::unlink(m_temporary.c_str());
    }
    m_temporary.clear();
}

void OutputFile::fail(int error) const {
    std::string message = m_name + ": ";
    if (!m_what.empty()) {
        message += "cannot write " + m_what + ": ";
    }
    throw std::runtime_error(message + std::generic_category().message(error));
}

void OutputFile::write(std::string_view bytes) {
    m_stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    throwIfFailed();
}

void OutputFile::throwIfFailed() const {
    if (m_buffer && m_buffer->error() != 0) {
        fail(m_buffer->error());
    }
    if (!m_stream) {
        fail(EIO); // the stream went bad without a failed write: nothing better to say
    }
}

void OutputFile::commit() {
    if (m_committed) {
        return;
    }
    try {
        if (m_descriptor < 0 || !m_buffer) {
            fail(EBADF); // a failed commit already closed it
        }
        m_buffer->flushAll();
        throwIfFailed();
        if (m_ownsDescriptor) {
            if (m_sync == Sync::Durable && isRegularFile(m_descriptor) &&
                ::fsync(m_descriptor) != 0) {
                fail(errno);
            }
            // Some file systems (NFS, FUSE) report a failed write only here.
            const int descriptor = m_descriptor;
            m_descriptor = -1;
            if (::close(descriptor) != 0 && errno != EINTR) {
                fail(errno);
            }
        }
        if (!m_temporary.empty()) {
            if (::rename(m_temporary.c_str(), m_finalPath.c_str()) != 0) {
                fail(errno);
            }
            m_temporary.clear();
            m_committed = true;
            // A rename is only durable once the folder holding the new name is synced.
            if (m_sync == Sync::Durable) {
                if (const int error = syncFolderOf(m_finalPath); error != 0) {
                    fail(error);
                }
            }
        }
        m_committed = true;
    } catch (...) {
        discard();
        throw;
    }
}

void writeOutputFile(const fs::path& target, std::string_view bytes, const std::string& what,
                     OutputFile::Sync sync) {
    OutputFile file(target, what, sync);
    file.write(bytes);
    file.commit();
}

} // namespace knotmap
