#include "app/report_job.h"

#include "report/report_loader.h"
#include "report/report_writer.h"
#include "store/client_repository.h"
#include "store/database.h"

#include <chrono>
#include <exception>
#include <stdexcept>

namespace knotmap {
namespace {

ReportJobResult writeClientReport(const DatabaseLocation& databasePath,
                                  const ui::ReportRequest& request) {
    ReportJobResult result;
    result.path = request.path;
    try {
        Database database = Database::open(databasePath, readingOptions());
        const auto client = ClientRepository(database.sql()).get(request.clientId);
        if (!client) {
            throw std::runtime_error("the client is no longer in " + databasePath.describe());
        }
        const report::ReportData data = report::loadReportData(database, *client, {});
        report::ReportOptions options;
        options.paper = request.letter ? report::Paper::Letter : report::Paper::A4;
        options.checkIns =
            request.checkIns == ui::ReportCheckIns::Full   ? report::CheckInDetail::Full
            : request.checkIns == ui::ReportCheckIns::None ? report::CheckInDetail::None
                                                           : report::CheckInDetail::Weekly;
        options.output = request.path;
        options.generatedDate = LocalTimestamp::now().localDate();
        result.pages = report::writeReport(data, options).pages;
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    return result;
}

} // namespace

bool ReportJob::start(const ui::ReportRequest& request) {
    if (running()) {
        return false;
    }
    m_result.start([path = m_databasePath, request] { return writeClientReport(path, request); });
    return true;
}

} // namespace knotmap
