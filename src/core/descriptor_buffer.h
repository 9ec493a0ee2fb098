#pragma once

#include <cstddef>
#include <streambuf>
#include <vector>

namespace knotmap {

// A std::streambuf writing to a file descriptor it does not own. It never
// throws: a failed write is kept as its errno (the first one wins) and every
// later write fails too, so the stream goes bad and the owner reports the
// error with the file's name (core/output_file.h). Exceptions from a
// streambuf would otherwise escape through destructors that flush, such as
// CsvWriter's.
class DescriptorBuffer : public std::streambuf {
public:
    explicit DescriptorBuffer(int descriptor);
    DescriptorBuffer(const DescriptorBuffer&) = delete;
    DescriptorBuffer& operator=(const DescriptorBuffer&) = delete;

    // Writes out what is buffered; false when any write so far has failed.
    bool flushAll();
    // The errno of the first failed write, 0 while none has.
    [[nodiscard]] int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char_type* data, std::streamsize size) override;
    int sync() override;

private:
    bool writeAll(const char* data, std::size_t size);

    int m_descriptor;
    int m_error = 0;
    std::vector<char> m_storage;
};

} // namespace knotmap
