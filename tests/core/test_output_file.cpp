#include "core/output_file.h"
#include "core/output_folder.h"
#include "core/output_target.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <poll.h>
#include <set>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace knotmap;
using knotmap::testing::readBytes;
using knotmap::testing::TempFolder;
using knotmap::testing::writeBytes;
namespace fs = std::filesystem;

namespace {

// Sets the process umask for one test case and puts the old one back.
class UmaskScope {
public:
    explicit UmaskScope(mode_t mask) : m_previous(::umask(mask)) {}
    ~UmaskScope() { ::umask(m_previous); }
    UmaskScope(const UmaskScope&) = delete;
    UmaskScope& operator=(const UmaskScope&) = delete;

private:
    mode_t m_previous;
};

// A file size limit (RLIMIT_FSIZE) makes a write to a regular file fail with
// EFBIG as a full disk fails with ENOSPC: the unit test's full disk. The
// signal the kernel sends with it is ignored, as the limit is restored.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_previous);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_previous;
        limit.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_previous{};
    void (*m_handler)(int) = nullptr;
};

unsigned modeOf(const fs::path& path) {
    struct stat status {};
    REQUIRE(::lstat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

mode_t typeOf(const fs::path& path) {
    struct stat status {};
    REQUIRE(::lstat(path.c_str(), &status) == 0);
    return status.st_mode & S_IFMT;
}

// Every name in folder: a temporary file left behind shows up here.
std::set<std::string> namesIn(const fs::path& folder) {
    std::set<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
        names.insert(entry.path().filename().string());
    }
    return names;
}

std::string errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "(no error)";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("output file: a new file is 0600 and a new folder 0700 whatever the umask") {
    for (const mode_t mask : {mode_t{022}, mode_t{0}, mode_t{0277}}) {
        CAPTURE(mask);
        TempFolder folder;
        const UmaskScope umask(mask);
        const fs::path nested = folder.file("a") / "b" / "c";
        createOutputFolders(nested);
        CHECK(modeOf(folder.file("a")) == 0700);
        CHECK(modeOf(folder.file("a") / "b") == 0700);
        CHECK(modeOf(nested) == 0700);
        writeOutputFile(nested / "x.csv", "a,b\r\n", "the export file");
        CHECK(modeOf(nested / "x.csv") == 0600);
        CHECK(readBytes(nested / "x.csv") == "a,b\r\n");
        CHECK(namesIn(nested) == std::set<std::string>{"x.csv"});
    }
}

TEST_CASE("output file: folders that exist keep their mode") {
    TempFolder folder;
    const UmaskScope umask(022);
    fs::create_directory(folder.file("shared"));
    ::chmod(folder.file("shared").c_str(), 0755);
    createOutputFolders(folder.file("shared") / "mine");
    CHECK(modeOf(folder.file("shared")) == 0755);
    CHECK(modeOf(folder.file("shared") / "mine") == 0700);
    createOutputFolders(folder.file("shared") / "mine"); // again: nothing to do
    writeBytes(folder.file("file"), "x");
    const std::string error = errorOf([&] { createOutputFolders(folder.file("file") / "sub"); });
    CHECK(contains(error, folder.file("file").string() + ": cannot create the folder: "));
}

TEST_CASE("output file: replacing a 0644 file leaves a 0600 file with the new content") {
    TempFolder folder;
    const UmaskScope umask(022);
    const fs::path target = folder.file("report.pdf");
    writeBytes(target, "old");
    ::chmod(target.c_str(), 0644);
    REQUIRE(modeOf(target) == 0644);
    writeOutputFile(target, "new content", "the report");
    CHECK(modeOf(target) == 0600);
    CHECK(readBytes(target) == "new content");
    CHECK(namesIn(folder.path()) == std::set<std::string>{"report.pdf"});
}

TEST_CASE("output file: a symbolic link is written through and stays a link") {
    TempFolder folder;
    const UmaskScope umask(022);
    fs::create_directory(folder.file("real"));
    fs::create_directory(folder.file("links"));
    const fs::path real = folder.file("real") / "data.csv";
    writeBytes(real, "old");
    fs::create_symlink("../real/data.csv", folder.file("links") / "data.csv");
    // A link to a link: both are followed.
    fs::create_symlink("data.csv", folder.file("links") / "again.csv");

    writeOutputFile(folder.file("links") / "again.csv", "through", "the export file");
    CHECK(typeOf(folder.file("links") / "data.csv") == S_IFLNK);
    CHECK(typeOf(folder.file("links") / "again.csv") == S_IFLNK);
    CHECK(fs::read_symlink(folder.file("links") / "data.csv") == "../real/data.csv");
    CHECK(typeOf(real) == S_IFREG);
    CHECK(readBytes(real) == "through");
    CHECK(modeOf(real) == 0600);
    CHECK(namesIn(folder.file("real")) == std::set<std::string>{"data.csv"});
    CHECK(namesIn(folder.file("links")) == std::set<std::string>{"again.csv", "data.csv"});

    // A dangling link names the file to create.
    fs::create_symlink("../real/new.csv", folder.file("links") / "new.csv");
    writeOutputFile(folder.file("links") / "new.csv", "made", "the export file");
    CHECK(typeOf(folder.file("links") / "new.csv") == S_IFLNK);
    CHECK(readBytes(folder.file("real") / "new.csv") == "made");
    CHECK(modeOf(folder.file("real") / "new.csv") == 0600);
}

TEST_CASE("output file: a FIFO is written directly and stays a FIFO") {
    TempFolder folder;
    const fs::path fifo = folder.file("pipe");
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    const std::string data(300000, 'k'); // more than a pipe holds: the reader must drain it
    // The reading end is open before the writer starts, so neither side
    // blocks in open(), and the reader waits for data at most 10 s: a writer
    // that replaced the FIFO makes the test fail rather than hang.
    const int readEnd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    REQUIRE(readEnd >= 0);
    std::string received;
    std::thread reader([&] {
        char buffer[8192];
        pollfd wait{readEnd, POLLIN, 0};
        while (::poll(&wait, 1, 10000) > 0) {
            const ssize_t got = ::read(readEnd, buffer, sizeof buffer);
            if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) {
                break; // the writer closed its end
            }
            if (got > 0) {
                received.append(buffer, static_cast<std::size_t>(got));
            }
        }
    });
    try {
        writeOutputFile(fifo, data, "the export file");
    } catch (...) {
        reader.join();
        ::close(readEnd);
        throw;
    }
    reader.join();
    ::close(readEnd);
    CHECK(received.size() == data.size());
    CHECK(received == data);
    CHECK(typeOf(fifo) == S_IFIFO);
    CHECK(modeOf(fifo) == 0644); // not replaced, not chmod-ed
    CHECK(namesIn(folder.path()) == std::set<std::string>{"pipe"});
}

TEST_CASE("output file: a character device is written directly, its errors named") {
    REQUIRE(typeOf("/dev/full") == S_IFCHR);
    const std::string error =
        errorOf([] { writeOutputFile("/dev/full", std::string(200000, 'x'), "the export file"); });
    CHECK(error == "/dev/full: cannot write the export file: No space left on device");
    CHECK(typeOf("/dev/full") == S_IFCHR);
}

TEST_CASE("output file: the process's own descriptors (/dev/fd/N) are written, not replaced") {
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    const fs::path name = "/dev/fd/" + std::to_string(ends[1]);
    const OutputTarget target = resolveOutputTarget(name);
    CHECK(target.kind == OutputTarget::Kind::Descriptor);
    CHECK(target.descriptor == ends[1]);
    CHECK(resolveOutputTarget("/dev/stdout").kind == OutputTarget::Kind::Descriptor);
    CHECK(resolveOutputTarget("/dev/stdout").descriptor == 1);

    writeOutputFile(name, "through the pipe", "the export file");
    ::close(ends[1]);
    char buffer[64] = {};
    const ssize_t got = ::read(ends[0], buffer, sizeof buffer);
    ::close(ends[0]);
    CHECK(std::string(buffer, static_cast<std::size_t>(std::max<ssize_t>(got, 0))) ==
          "through the pipe");
}

TEST_CASE("output file: a failed write names the file and leaves no file behind") {
    TempFolder folder;
    const fs::path target = folder.file("export.csv");
    SUBCASE("a new file") {
        std::string error;
        {
            const FileSizeLimit limit(4096);
            error = errorOf([&] {
                OutputFile output(target, "the export file");
                output.stream() << std::string(100000, 'r');
                output.commit();
            });
        }
        CHECK(error == target.string() + ": cannot write the export file: File too large");
        CHECK(namesIn(folder.path()).empty());
    }
    SUBCASE("an older file stays as it was") {
        writeBytes(target, "older export");
        std::string error;
        {
            const FileSizeLimit limit(4096);
            error =
                errorOf([&] { writeOutputFile(target, std::string(100000, 'r'), "the report"); });
        }
        CHECK(contains(error, target.string() + ": cannot write the report: "));
        CHECK(readBytes(target) == "older export");
        CHECK(namesIn(folder.path()) == std::set<std::string>{"export.csv"});
    }
    SUBCASE("a write failure is seen before the end, for a long writer to stop") {
        const FileSizeLimit limit(4096);
        OutputFile output(target, "the export file");
        output.stream() << std::string(200000, 'r');
        CHECK_THROWS_WITH_AS(
            output.throwIfFailed(),
            (target.string() + ": cannot write the export file: File too large").c_str(),
            std::runtime_error);
    }
}

TEST_CASE("output file: nothing reaches the target before commit") {
    TempFolder folder;
    const fs::path target = folder.file("settings.json");
    writeBytes(target, "{}");
    {
        OutputFile output(target, "the settings");
        output.write("{\"theme\": \"dark\"}");
        CHECK(readBytes(target) == "{}");
        CHECK(namesIn(folder.path()).size() == 2); // the temporary file beside it
        // Destroyed without commit: an exception or a cancelled export.
    }
    CHECK(readBytes(target) == "{}");
    CHECK(namesIn(folder.path()) == std::set<std::string>{"settings.json"});
}

TEST_CASE("output file: a folder or a missing folder as the target is refused by name") {
    TempFolder folder;
    fs::create_directory(folder.file("out.pdf"));
    CHECK(errorOf([&] { writeOutputFile(folder.file("out.pdf"), "x", "the report"); }) ==
          folder.file("out.pdf").string() + ": cannot write the report: Is a directory");
    CHECK(errorOf([&] { writeOutputFile(folder.file("no") / "x.png", "x", "the PNG file"); }) ==
          (folder.file("no") / "x.png").string() +
              ": cannot write the PNG file: No such file or directory");
    CHECK(namesIn(folder.path()) == std::set<std::string>{"out.pdf"});
    CHECK(namesIn(folder.file("out.pdf")).empty());
}

TEST_CASE("output folder: the folders made are returned, and removed again while empty") {
    TempFolder folder;
    fs::create_directory(folder.file("have"));
    const std::vector<fs::path> created =
        createOutputFolders(folder.file("have") / "new" / "deeper");
    CHECK(created == std::vector<fs::path>{folder.file("have") / "new",
                                           folder.file("have") / "new" / "deeper"});
    CHECK(createOutputFolders(folder.file("have") / "new").empty());
    writeBytes(folder.file("have") / "new" / "kept.csv", "x");
    removeEmptyFolders(created); // "new" holds a file: only "deeper" goes
    CHECK(namesIn(folder.file("have") / "new") == std::set<std::string>{"kept.csv"});
    fs::remove(folder.file("have") / "new" / "kept.csv");
    removeEmptyFolders(created);
    CHECK(namesIn(folder.file("have")).empty());
}
