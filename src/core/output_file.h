#pragma once

#include "core/descriptor_buffer.h"

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace knotmap {

// A file Knotmap writes that is not the database: a CSV export, a report, a
// PNG, the settings. What it holds may be health data, so:
// - a regular file (or a new one) is written under a temporary name in its
//   folder, created 0600 whatever the umask, and renamed over the target
//   only once every write, the fsync and the close succeeded; a replaced
//   file is 0600 too, and a failure leaves neither a temporary nor a
//   partial file;
// - a symbolic link is written through (the file it points at is replaced);
// - a device, a FIFO, a socket or one of the process's own descriptors
//   (/dev/stdout) is written directly and never replaced;
// - every error names the file: "out/x.csv: cannot write the export file:
//   No space left on device".
// Nothing reaches the target's name until commit(); destroying an
// uncommitted OutputFile (an exception, a cancel) removes the temporary.
class OutputFile {
public:
    enum class Sync {
        Durable, // fsync the file and its folder: it survives a power cut once committed
        Quick,   // no fsync: a scratch file rewritten often (the test report)
    };
    struct StandardOutput {};

    // what ("the export file") goes into error messages; empty for none.
    OutputFile(const std::filesystem::path& target, std::string what, Sync sync = Sync::Durable);
    // Descriptor 1, named "standard output" in errors; it is flushed and
    // checked by commit() but never closed.
    explicit OutputFile(StandardOutput);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Buffered output. A failed write does not throw from the stream: it goes
    // bad, and throwIfFailed() or commit() report why.
    [[nodiscard]] std::ostream& stream() { return m_stream; }
    // Writes bytes through the stream's buffer; throws on a failed write.
    void write(std::string_view bytes);
    // Throws std::runtime_error naming the file if a write has failed, so a
    // long writer can stop early (e.g. from an export's progress callback).
    void throwIfFailed() const;
    // Flushes, syncs, closes and puts the file in place. Throws
    // std::runtime_error naming the file on any failure.
    void commit();

    // The name errors use: the target as given, or "standard output".
    [[nodiscard]] const std::string& name() const { return m_name; }

private:
    [[noreturn]] void fail(int error) const;
    void discard() noexcept;

    std::string m_name;
    std::string m_what;
    Sync m_sync = Sync::Durable;
    std::filesystem::path m_finalPath; // the resolved file a Replace renames over
    std::filesystem::path m_temporary; // empty unless written beside the target
    int m_descriptor = -1;
    bool m_ownsDescriptor = true;
    bool m_committed = false;
    std::unique_ptr<DescriptorBuffer> m_buffer;
    std::ostream m_stream{nullptr};
};

// Writes bytes to target as an OutputFile and commits it.
void writeOutputFile(const std::filesystem::path& target, std::string_view bytes,
                     const std::string& what, OutputFile::Sync sync = OutputFile::Sync::Durable);

} // namespace knotmap
