#include "ui/sessions/session_details_model.h"

#include "store/amendment_repository.h"
#include "store/observation_repository.h"
#include "store/record_amendment_repository.h"
#include "store/session_repository.h"
#include "store/vocabulary_repository.h"
#include "ui/knots/knot_editor_model.h"
#include "ui/shell/app_view_model.h"
#include "ui/style/glyph_coverage.h"

#include <algorithm>
#include <cstdio>

namespace knotmap::ui {
namespace {

// Signatures and amendments are stamped in UTC; they read in the session's own offset.
LocalTimestamp atSessionOffset(std::int64_t utcSeconds, const Session& session) {
    return LocalTimestamp(utcSeconds, session.startedAt.offsetMinutes());
}

} // namespace

std::string displayValue(SessionField field, const std::string& value,
                         const std::vector<VocabularyItem>& triggers) {
    if (value.empty()) {
        return "(empty)";
    }
    if (field != SessionField::Triggers) {
        return value;
    }
    Session scratch;
    setFieldText(scratch, field, value);
    std::string names;
    for (const std::string& code : scratch.triggerCodes) {
        const auto found =
            std::find_if(triggers.begin(), triggers.end(),
                         [&](const VocabularyItem& item) { return item.code == code; });
        names += (names.empty() ? "" : ", ") + (found != triggers.end() ? found->name : code);
    }
    return names;
}

std::optional<SessionDetailsModel> buildSessionDetailsModel(sql::Connection& db, Id sessionId,
                                                            const Atlas& atlas) {
    auto stored = SessionRepository(db).get(sessionId);
    if (!stored) {
        return std::nullopt;
    }
    AmendmentRepository amendmentStore(db);
    SessionDetailsModel model;
    model.original = *stored;
    const auto amendments = amendmentStore.listForSession(sessionId);
    model.session = withAmendments(*stored, amendments);
    model.signature = amendmentStore.signature(sessionId);
    if (model.signature) {
        model.signedLine =
            "Signed by " + model.signature->signedBy + " on " +
            formatMoment(atSessionOffset(model.signature->signedUtc, model.original));
    }
    for (VocabularyItem& item :
         VocabularyRepository(db).list(Vocabulary::Trigger, /*includeHidden=*/true)) {
        const bool used =
            std::find(model.session.triggerCodes.begin(), model.session.triggerCodes.end(),
                      item.code) != model.session.triggerCodes.end();
        if (!item.hidden || used) { // hidden items stay on the records that use them
            model.triggers.push_back(std::move(item));
        }
    }
    for (const SessionAmendment& amendment : amendments) {
        AmendmentLine line;
        line.field = amendment.field;
        line.original = displayValue(amendment.field, amendment.originalValue, model.triggers);
        line.amended = displayValue(amendment.field, amendment.newValue, model.triggers);
        line.byline = amendment.author + " \u00B7 " +
                      formatMoment(atSessionOffset(amendment.amendedUtc, model.original));
        if (!amendment.reason.empty()) {
            line.byline += " \u00B7 " + amendment.reason;
        }
        model.amendments.push_back(std::move(line));
    }
    for (const RecordAmendment& amendment :
         RecordAmendmentRepository(db).listForSession(sessionId)) {
        RecordAmendmentLine line;
        line.subject = amendment.record == AmendedRecord::Rating
                           ? regionDisplayName(atlas, amendment.subject)
                           : amendment.subject;
        line.change = describeChange(amendment);
        line.byline = amendment.author + " \u00B7 " +
                      formatMoment(atSessionOffset(amendment.amendedUtc, model.original)) +
                      " \u00B7 " + amendment.reason;
        model.recordAmendments.push_back(std::move(line));
    }
    model.title = std::string(displayName(model.session.kind)) + " \u00B7 " +
                  formatLongDate(model.session.startedAt.local());
    for (const Observation& observation : ObservationRepository(db).listForSession(sessionId)) {
        model.knotPain.emplace_back(observation.knotId, observation.pain);
    }
    // The window's fonts gain the glyphs of what the details panel shows.
    for (const std::string* text :
         {&model.session.notes, &model.session.subjective, &model.session.objective,
          &model.session.assessment, &model.session.plan, &model.session.therapist,
          &model.signedLine}) {
        noteShownText(*text);
    }
    for (const AmendmentLine& line : model.amendments) {
        noteShownText(line.original + line.amended + line.byline);
    }
    for (const RecordAmendmentLine& line : model.recordAmendments) {
        noteShownText(line.subject + line.change + line.byline);
    }
    return model;
}

} // namespace knotmap::ui
