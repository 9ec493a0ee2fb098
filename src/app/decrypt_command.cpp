#include "app/decrypt_command.h"

#include "app/database_encryption_commands.h"
#include "core/output_file.h"
#include "core/output_folder.h"
#include "core/staging_path.h"
#include "crypto/passphrase.h"
#include "crypto/seal_reader.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>

namespace knotmap {
namespace {

namespace fs = std::filesystem;
using crypto::sealed::Content;

// An entry name from inside the archive becomes a file name: only a plain
// name, so a crafted archive cannot write outside the folder.
void requirePlainName(const std::string& archive, const std::string& name) {
    const bool plain = name.find('/') == std::string::npos && name != "." && name != ".." &&
                       name.find('\0') == std::string::npos;
    if (!plain) {
        throw std::runtime_error(archive + ": damaged: an entry is named '" + name + "'");
    }
}

// A hidden folder beside target that becomes target once everything is
// written (core/staging_path.h), so a failed or killed decrypt leaves no
// half-filled folder under the name asked for.
class StagingFolder {
public:
    explicit StagingFolder(const fs::path& target) : m_target(target) {
        const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
        (void)createOutputFolders(parent);
        const fs::path path = hiddenStagingPath(target, "decrypt");
        // 0700: the files in it are health data; the umask only narrows it.
        if (::mkdir(path.c_str(), 0700) != 0) {
            throw std::runtime_error(target.string() +
                                     ": cannot create the folder: " + std::strerror(errno));
        }
        m_path = path;
    }
    ~StagingFolder() {
        if (!m_path.empty()) {
            std::error_code ignored;
            fs::remove_all(m_path, ignored);
        }
    }
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;

    [[nodiscard]] const fs::path& path() const { return m_path; }
    void commit() {
        try {
            // Keep: a folder another program made there meanwhile, even an
            // empty one, is not replaced.
            moveIntoPlace(m_path, m_target, ExistingTarget::Keep);
        } catch (const std::system_error& error) {
            throw std::runtime_error(m_target.string() + ": cannot create the folder: " +
                                     (error.code() == std::errc::file_exists
                                          ? std::string("another program created it meanwhile")
                                          : error.code().message()));
        }
        m_path.clear();
    }

private:
    fs::path m_target;
    fs::path m_path;
};

void decryptArchive(crypto::SealReader& reader, const std::string& file, const fs::path& target) {
    StagingFolder staging(target);
    int files = 0;
    while (const auto name = reader.nextEntry()) {
        requirePlainName(file, *name);
        try {
            OutputFile output(staging.path() / *name, "the decrypted file");
            reader.readEntry([&](std::string_view bytes) { output.write(bytes); });
            output.commit();
        } catch (const std::runtime_error& error) {
            // The file is written in the hidden staging folder; the person
            // asked for target, so that is the name the message gives.
            const std::string staged = (staging.path() / *name).string();
            std::string message = error.what();
            if (message.rfind(staged, 0) == 0) {
                message.replace(0, staged.size(), (target / *name).string());
            }
            throw std::runtime_error(message);
        }
        ++files;
    }
    staging.commit();
    std::cerr << "Decrypted " << files << " files from " << file << " into " << target.string()
              << "\n";
}

void decryptBackup(crypto::SealReader& reader, const std::string& file, const fs::path& target) {
    OutputFile output(target, "the decrypted database");
    int entries = 0;
    while (const auto name = reader.nextEntry()) {
        if (++entries > 1) {
            throw std::runtime_error(file + ": damaged: a backup holds one database");
        }
        reader.readEntry([&](std::string_view bytes) { output.write(bytes); });
    }
    if (entries == 0) {
        throw std::runtime_error(file + ": damaged: the backup holds no database");
    }
    output.commit(); // only now, with every block checked
    std::cerr << "Decrypted the database backup " << file << " into " << target.string() << "\n";
}

} // namespace

CLI::App* addDecryptCommand(CLI::App& app, DecryptArguments& arguments) {
    CLI::App* command = app.add_subcommand(
        "decrypt", "Decrypt an encrypted export archive (into a new folder of CSV files) or "
                   "database backup (into a new database file); with --db, make an encrypted "
                   "database file plain again, in place");
    command->add_option("file", arguments.file, "The encrypted file");
    command->add_option("-o,--output", arguments.output, "The folder or file to create")
        ->type_name("OUT");
    command->add_option("--db", arguments.db, "An encrypted database file to make plain in place")
        ->type_name("PATH")
        ->each([&arguments](const std::string&) { arguments.database = true; });
    command
        ->add_option("--passphrase-file", arguments.passphraseFile,
                     "Read the passphrase from the first line of FILE (else "
                     "KNOTMAP_PASSPHRASE, else it is asked for)")
        ->type_name("FILE");
    return command;
}

int runDecrypt(const DecryptArguments& arguments) {
    if (arguments.database != arguments.file.empty() ||
        arguments.file.empty() != arguments.output.empty()) {
        std::cerr << "knotmap decrypt: give an encrypted FILE and -o OUT, or --db PATH of an "
                     "encrypted database\n";
        return 2;
    }
    if (arguments.database) {
        return runDecryptDatabase(arguments.db);
    }
    try {
        std::ifstream in(arguments.file, std::ios::binary);
        if (!in) {
            throw std::runtime_error(arguments.file + ": cannot read: " + std::strerror(errno));
        }
        const auto content = crypto::SealReader::peek(in);
        if (!content) {
            throw std::runtime_error(arguments.file + ": not a Knotmap encrypted file");
        }
        std::error_code ignored;
        if (fs::exists(fs::symlink_status(arguments.output, ignored))) {
            throw std::runtime_error(arguments.output + ": already exists; decrypt writes a new " +
                                     (*content == Content::ExportArchive ? "folder" : "file"));
        }
        in.clear();
        if (!in.seekg(0)) {
            throw std::runtime_error(arguments.file +
                                     ": cannot be read again from its start (a pipe?); give a "
                                     "file");
        }
        const crypto::Secret passphrase = crypto::readPassphrase({arguments.passphraseFile, false});
        crypto::SealReader reader(in, arguments.file, passphrase);
        if (reader.content() == Content::ExportArchive) {
            decryptArchive(reader, arguments.file, arguments.output);
        } else {
            decryptBackup(reader, arguments.file, arguments.output);
        }
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "knotmap decrypt: " << error.what() << "\n";
        return 1;
    }
}

} // namespace knotmap
