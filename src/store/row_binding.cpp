#include "store/row_binding.h"

#include "store/statement_helpers.h"

namespace knotmap {

using namespace statement_helpers;

void bindSessionFields(sql::Statement& statement, const Session& session) {
    statement.bind(1, static_cast<std::int64_t>(session.clientId));
    statement.bind(2, static_cast<std::int64_t>(session.startedAt.utcSeconds()));
    statement.bind(3, session.startedAt.offsetMinutes());
    statement.bind(4, std::string(toCode(session.kind)));
    bindOptional(statement, 5, session.overallPain);
    bindOptional(statement, 6, session.stress);
    bindOptional(statement, 7, session.sleep);
    statement.bind(8, session.therapist);
    statement.bind(9, session.subjective);
    statement.bind(10, session.objective);
    statement.bind(11, session.assessment);
    statement.bind(12, session.plan);
    statement.bind(13, session.notes);
}

void bindKnotFields(sql::Statement& statement, const Knot& knot) {
    statement.bind(1, static_cast<std::int64_t>(knot.clientId));
    statement.bind(2, std::string(toCode(knot.view)));
    statement.bind(3, knot.position.x);
    statement.bind(4, knot.position.y);
    statement.bind(5, knot.regionCode);
    statement.bind(6, knot.label);
    statement.bind(7, std::string(toCode(knot.status)));
}

} // namespace knotmap
