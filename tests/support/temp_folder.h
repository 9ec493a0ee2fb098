#pragma once

#include <filesystem>
#include <string>

namespace knotmap::testing {

// A fresh folder under the system temp dir, removed with everything in it
// when the object goes out of scope. Tests use real files on disk.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path file(const std::string& name) const {
        return m_path / name;
    }

private:
    std::filesystem::path m_path;
};

// The whole content of a file, for byte-for-byte comparisons.
[[nodiscard]] std::string readBytes(const std::filesystem::path& path);
void writeBytes(const std::filesystem::path& path, const std::string& bytes);

} // namespace knotmap::testing
