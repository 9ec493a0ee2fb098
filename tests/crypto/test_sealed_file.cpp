#include "crypto/seal_reader.h"
#include "crypto/seal_writer.h"

#include <doctest/doctest.h>

#include <map>
#include <sodium.h>
#include <sstream>
#include <string>

using namespace knotmap::crypto;

namespace {

// The least work Argon2id allows: these tests check the format, not the
// key derivation's cost (the commands always use the moderate limits).
const sealed::KdfLimits kQuick{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};

std::string seal(const std::map<std::string, std::string>& entries, const std::string& passphrase,
                 sealed::Content content = sealed::Content::ExportArchive) {
    std::ostringstream out;
    SealWriter writer(out, Secret(passphrase), content, kQuick);
    for (const auto& [name, bytes] : entries) {
        writer.beginEntry(name);
        writer.entry() << bytes;
        writer.endEntry();
    }
    writer.finish();
    return out.str();
}

std::map<std::string, std::string> open(const std::string& file, const std::string& passphrase) {
    std::istringstream in(file);
    SealReader reader(in, "x.sealed", Secret(passphrase));
    std::map<std::string, std::string> entries;
    while (const auto name = reader.nextEntry()) {
        std::string& bytes = entries[*name];
        reader.readEntry([&](std::string_view piece) { bytes.append(piece); });
    }
    return entries;
}

std::string refusal(const std::string& file, const std::string& passphrase) {
    try {
        (void)open(file, passphrase);
    } catch (const sealed::SealedFileError& error) {
        return error.what();
    }
    return "(accepted)";
}

std::string randomBytes(std::size_t size) {
    std::string bytes(size, '\0');
    randombytes_buf(bytes.data(), bytes.size());
    return bytes;
}

} // namespace

TEST_CASE("a sealed file gives back every entry byte for byte, and no plain text") {
    requireSodium();
    const std::string large = randomBytes(200'000) + "Dana Ruiz, upper trapezius";
    const std::map<std::string, std::string> entries{
        {"clients.csv", "id,name\n1,Dana Ruiz\n"}, {"empty.csv", ""}, {"large.bin", large}};
    const std::string file = seal(entries, "correct horse");
    CHECK(open(file, "correct horse") == entries);
    CHECK(file.find("Dana Ruiz") == std::string::npos);
    CHECK(file.find("clients.csv") == std::string::npos);
    CHECK(file.find("trapezius") == std::string::npos);
    std::istringstream in(file);
    CHECK(SealReader::peek(in) == sealed::Content::ExportArchive);
    // A fresh salt and nonce each time: the same input never gives the same file.
    CHECK(seal(entries, "correct horse") != file);
}

TEST_CASE("a database backup is marked as one") {
    requireSodium();
    const std::string file =
        seal({{"knotmap.db", "SQLite format 3"}}, "pass", sealed::Content::DatabaseBackup);
    std::istringstream in(file);
    SealReader reader(in, "b", Secret(std::string_view("pass")));
    CHECK(reader.content() == sealed::Content::DatabaseBackup);
}

TEST_CASE("a wrong passphrase is refused before anything is read") {
    requireSodium();
    const std::string file = seal({{"a.csv", "secret"}}, "correct horse");
    CHECK(refusal(file, "correct hors") == "x.sealed: wrong passphrase, or the file is damaged");
    CHECK(refusal(file, "") == "x.sealed: wrong passphrase, or the file is damaged");
}

TEST_CASE("a file of another kind is refused") {
    requireSodium();
    CHECK(refusal("id,name\n1,Dana\n", "p") == "x.sealed: not a Knotmap encrypted file");
    CHECK(refusal(std::string("SQLite format 3\0", 16) + std::string(100, 'x'), "p") ==
          "x.sealed: not a Knotmap encrypted file");
    CHECK(refusal("", "p") == "x.sealed: not a Knotmap encrypted file");
    std::istringstream csv("id,name\n");
    CHECK_FALSE(SealReader::peek(csv).has_value());
}

TEST_CASE("a truncated file is refused wherever it was cut") {
    requireSodium();
    const std::string file = seal({{"a.csv", randomBytes(150'000)}}, "p");
    CHECK(refusal(file.substr(0, 40), "p") == "x.sealed: truncated: it ends inside its header");
    for (const std::size_t cut :
         {sealed::kHeaderBytes, sealed::kHeaderBytes + 2, sealed::kHeaderBytes + 30,
          file.size() / 2, file.size() - 30,
          file.size() - 4 - crypto_secretstream_xchacha20poly1305_ABYTES, file.size() - 1}) {
        CAPTURE(cut);
        const std::string why = refusal(file.substr(0, cut), "p");
        CHECK(why.rfind("x.sealed: truncated: it ends ", 0) == 0);
    }
}

TEST_CASE("a flipped byte anywhere is refused") {
    requireSodium();
    const std::string file = seal({{"a.csv", randomBytes(150'000)}}, "p");
    for (std::size_t at = 0; at < file.size(); at += (at < 200 ? 1 : 4099)) {
        CAPTURE(at);
        std::string damaged = file;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
        CHECK(refusal(damaged, "p") != "(accepted)");
    }
    // Past the first block the passphrase is known good: the place is named.
    std::string late = file;
    late[file.size() / 2] = static_cast<char>(late[file.size() / 2] ^ 1);
    CHECK(refusal(late, "p").rfind("x.sealed: damaged at byte ", 0) == 0);
}

TEST_CASE("bytes after the final block, or absurd key settings, are refused") {
    requireSodium();
    const std::string file = seal({{"a.csv", "x"}}, "p");
    CHECK(refusal(file + "more", "p") == "x.sealed: damaged: bytes follow its final block");
    std::string greedy = file;
    greedy[27] = '\x7f'; // memlimit's top byte: far beyond what any file may ask
    CHECK(refusal(greedy, "p") ==
          "x.sealed: damaged: its key derivation settings are out of range");
    std::string newer = file;
    newer[8] = 2;
    CHECK(refusal(newer, "p") == "x.sealed: written by a newer Knotmap (encrypted file format 2; "
                                 "this version reads format 1)");
}

namespace {

// The file's header and its messages (length prefix and body each).
std::pair<std::string, std::vector<std::string>> splitMessages(const std::string& file) {
    std::string header = file.substr(0, sealed::kHeaderBytes);
    std::vector<std::string> messages;
    std::size_t at = sealed::kHeaderBytes;
    while (at < file.size()) {
        const auto byte = [&](std::size_t i) {
            return static_cast<unsigned char>(file[at + i]);
        };
        const std::size_t length = byte(0) | (byte(1) << 8U) | (byte(2) << 16U) | (byte(3) << 24U);
        messages.push_back(file.substr(at, 4 + length));
        at += 4 + length;
    }
    return {header, messages};
}

} // namespace

TEST_CASE("a message dropped, two swapped, or one from another file is refused") {
    requireSodium();
    const std::string file =
        seal({{"a.csv", randomBytes(150'000)}, {"b.csv", "second entry"}}, "p");
    const auto [header, messages] = splitMessages(file);
    // a.csv: name, 64 KiB, 64 KiB, the rest closing it; b.csv: name, its
    // bytes closing it; the final message.
    REQUIRE(messages.size() == 7);
    for (std::size_t drop = 0; drop < messages.size(); ++drop) {
        CAPTURE(drop);
        std::string damaged = header;
        for (std::size_t i = 0; i < messages.size(); ++i) {
            if (i != drop) {
                damaged += messages[i];
            }
        }
        CHECK(refusal(damaged, "p") != "(accepted)");
    }
    std::string swapped = header + messages[0] + messages[2] + messages[1];
    for (std::size_t i = 3; i < messages.size(); ++i) {
        swapped += messages[i];
    }
    CHECK(refusal(swapped, "p").rfind("x.sealed: damaged at byte ", 0) == 0);
    // The same passphrase, another file: its messages belong to another key.
    const auto [otherHeader, otherMessages] = splitMessages(seal({{"a.csv", "other"}}, "p"));
    std::string spliced = header + messages[0] + otherMessages[1];
    CHECK(refusal(spliced, "p") != "(accepted)");
}
