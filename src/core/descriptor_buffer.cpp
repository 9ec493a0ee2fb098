#include "core/descriptor_buffer.h"

#include <cerrno>
#include <unistd.h>

namespace knotmap {
namespace {
// Large enough that a CSV export makes few system calls.
constexpr std::size_t kBufferSize = 1 << 16;
} // namespace

DescriptorBuffer::DescriptorBuffer(int descriptor)
    : m_descriptor(descriptor), m_storage(kBufferSize) {
    setp(m_storage.data(), m_storage.data() + m_storage.size());
}

bool DescriptorBuffer::writeAll(const char* data, std::size_t size) {
    while (size > 0 && m_error == 0) {
        const ssize_t written = ::write(m_descriptor, data, size);
        if (written < 0) {
            if (errno != EINTR) {
                m_error = errno;
            }
            continue;
        }
        if (written == 0) {
            m_error = EIO; // write(2) never returns 0 for a non-empty request on a healthy file
            continue;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return m_error == 0;
}

bool DescriptorBuffer::flushAll() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    const bool ok = writeAll(pbase(), pending);
    setp(m_storage.data(), m_storage.data() + m_storage.size());
    return ok;
}

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type c) {
    if (!flushAll()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize DescriptorBuffer::xsputn(const char_type* data, std::streamsize size) {
    if (m_error != 0) {
        return 0;
    }
    const auto count = static_cast<std::size_t>(size);
    const auto room = static_cast<std::size_t>(epptr() - pptr());
    if (count <= room) {
        traits_type::copy(pptr(), data, count);
        pbump(static_cast<int>(count));
        return size;
    }
    // Too big for what is left: write the buffer, then this block directly.
    if (!flushAll() || !writeAll(data, count)) {
        return 0;
    }
    return size;
}

int DescriptorBuffer::sync() {
    return flushAll() ? 0 : -1;
}

} // namespace knotmap
