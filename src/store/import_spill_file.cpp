#include "store/import_spill_file.h"

#include "store/store_error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unistd.h>

namespace knotmap {
namespace {

// Big enough that appending a record is a copy, not a system call.
constexpr std::size_t kBufferBytes = 1 << 20;

[[noreturn]] void fail(const std::string& what, int error) {
    throw StoreError("the import check could not " + what + " its temporary file in " +
                     std::filesystem::temp_directory_path().string() + ": " + std::strerror(error));
}

} // namespace

ImportSpillFile::~ImportSpillFile() {
    clear();
}

void ImportSpillFile::write(const void* bytes, std::size_t size) {
    if (m_reading) {
        throw std::logic_error("ImportSpillFile: written after reading began");
    }
    if (m_file == nullptr) {
        std::string path =
            (std::filesystem::temp_directory_path() / "knotmap-import-XXXXXX").string();
        const int fd = ::mkstemp(path.data());
        if (fd < 0) {
            fail("create", errno);
        }
        // Unlinked at once: the file lives as long as it is open.
        ::unlink(path.c_str());
        m_file = ::fdopen(fd, "w+b");
        if (m_file == nullptr) {
            const int error = errno;
            ::close(fd);
            fail("open", error);
        }
        m_buffer = std::make_unique<char[]>(kBufferBytes);
        std::setvbuf(m_file, m_buffer.get(), _IOFBF, kBufferBytes);
    }
    if (std::fwrite(bytes, 1, size, m_file) != size) {
        fail("write", errno);
    }
    m_written += size;
}

void ImportSpillFile::rewind() {
    m_reading = true;
    if (m_file == nullptr) {
        return;
    }
    // fseek flushes what is still in the buffer before moving.
    if (std::fseek(m_file, 0, SEEK_SET) != 0) {
        fail("read", errno);
    }
}

bool ImportSpillFile::read(void* bytes, std::size_t size) {
    if (m_file == nullptr) {
        return false;
    }
    if (!m_reading) {
        throw std::logic_error("ImportSpillFile: read before rewind()");
    }
    const std::size_t got = std::fread(bytes, 1, size, m_file);
    if (got == size) {
        return true;
    }
    if (std::ferror(m_file) != 0) {
        fail("read", errno);
    }
    if (got != 0) {
        fail("read", EIO); // a record cut short: nothing here writes one
    }
    return false;
}

void ImportSpillFile::clear() {
    if (m_file != nullptr) {
        std::fclose(m_file);
        m_file = nullptr;
    }
    m_buffer.reset();
    m_written = 0;
    m_reading = false;
}

} // namespace knotmap
