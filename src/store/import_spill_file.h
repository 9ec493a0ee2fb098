#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <type_traits>

namespace knotmap {

// An anonymous temporary file of fixed-layout records that the import check
// appends to and later reads back from the start: what it must remember of
// every row but only looks at again in order (or never). The file is made
// in the temporary folder (TMPDIR) on the first write and removed from the
// folder at once, so it disappears when closed, even after a crash; the
// operating system keeps it in its page cache while memory allows.
class ImportSpillFile {
public:
    ImportSpillFile() = default;
    ~ImportSpillFile();
    ImportSpillFile(const ImportSpillFile&) = delete;
    ImportSpillFile& operator=(const ImportSpillFile&) = delete;

    void write(const void* bytes, std::size_t size);
    template <typename T>
    void put(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        write(&value, sizeof value);
    }

    // Reading starts again at the first byte written. Nothing may be written
    // once reading has begun, until clear().
    void rewind();
    // False at the end of the file; a record cut short throws.
    bool read(void* bytes, std::size_t size);
    template <typename T>
    bool get(T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        return read(&value, sizeof value);
    }

    // Closes the file: everything written is forgotten.
    void clear();
    [[nodiscard]] bool empty() const { return m_written == 0; }

private:
    std::FILE* m_file = nullptr;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_written = 0;
    bool m_reading = false;
};

} // namespace knotmap
