#include "store/encrypted_export.h"

#include "core/output_file.h"
#include "crypto/seal_writer.h"
#include "store/export_files.h"

namespace knotmap {

std::vector<ArchivedTable> exportEncryptedArchive(Database& database,
                                                  const std::vector<ExportTable>& tables,
                                                  const ExportOptions& options,
                                                  const std::filesystem::path& target,
                                                  const crypto::Secret& passphrase) {
    OutputFile output(target, "the encrypted export");
    crypto::SealWriter archive(output.stream(), passphrase, crypto::sealed::Content::ExportArchive);
    std::vector<ArchivedTable> written;
    for (const ExportTable table : tables) {
        ExportOptions checked = options;
        checked.progress = [&output, &options](std::int64_t rows) {
            output.throwIfFailed(); // a full disk stops a large table early
            if (options.progress) {
                options.progress(rows);
            }
        };
        archive.beginEntry(exportFileInFolder({}, table).string());
        const std::int64_t rows = exportTableCsv(database, table, archive.entry(), checked);
        archive.endEntry();
        written.push_back({table, rows});
    }
    archive.finish();
    output.commit();
    return written;
}

} // namespace knotmap
