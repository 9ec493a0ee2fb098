#include "store/copy/copy_plan.h"

#include <utility>

namespace knotmap::copy {
namespace {

// A rating's or treatment's amendment is checked against the value its row
// holds when it is inserted (original_value must equal it) and then applied
// to the row by the schema (db/sqlite/005, db/postgresql/004). Copying the
// rows as they are now and then the amendments would fail that check, so an
// amended field is loaded as it was when the visit was signed, the first
// amendment's original_value, and replaying the amendments in id order
// (store/copy/signed_visit_copy.h) brings it to today's value as the app did.
std::string amendedBefore(const std::string& amendments, const std::string& key,
                          const std::string& field) {
    return "(SELECT a.original_value FROM " + amendments + " a WHERE a." + key +
           " = t.id AND a.field = '" + field + "' ORDER BY a.id LIMIT 1)";
}

std::string isAmended(const std::string& amendments, const std::string& key,
                      const std::string& field) {
    return "EXISTS (SELECT 1 FROM " + amendments + " a WHERE a." + key + " = t.id AND a.field = '" +
           field + "')";
}

// A text column of a rating or treatment as it was before its amendments.
// Amendments hold values as text, so numbers are read as text too (both
// backends load '7' into an integer column as 7).
std::string unamended(const std::string& amendments, const std::string& key,
                      const std::string& field, const std::string& current) {
    return "CASE WHEN " + isAmended(amendments, key, field) + " THEN " +
           amendedBefore(amendments, key, field) + " ELSE " + current + " END";
}

std::string ratingBefore(const std::string& field, const std::string& current) {
    return unamended("observation_amendment", "observation_id", field, current);
}

std::string treatmentBefore(const std::string& field, const std::string& current) {
    return unamended("treatment_amendment", "treatment_id", field, current);
}

// A treatment's kind is amended by code; the row holds the kind's id.
std::string treatmentKindBefore() {
    return "CASE WHEN " + isAmended("treatment_amendment", "treatment_id", "kind") +
           " THEN (SELECT k.id FROM treatment_kind k WHERE k.code = " +
           amendedBefore("treatment_amendment", "treatment_id", "kind") + ") ELSE t.kind_id END";
}

// A rating's symptoms and referred regions are amended as a whole list: the
// rows of a rating with such an amendment are loaded from the first one's
// original_value instead (signed_visit_copy.h), not from the table.
std::string listNotAmended(const std::string& field) {
    return "NOT EXISTS (SELECT 1 FROM observation_amendment a WHERE a.observation_id = "
           "t.observation_id AND a.field = '" +
           field + "')";
}

CopyTable table(std::string name, std::vector<CopyColumn> columns, std::string orderBy) {
    CopyTable table;
    table.name = std::move(name);
    table.columns = std::move(columns);
    table.orderBy = std::move(orderBy);
    return table;
}

CopyTable vocabulary(const std::string& name) {
    return table(name, {"id", "code", "name", "builtin", "hidden", "sort_order"}, "t.id");
}

CopyTable amendments(const std::string& name, const std::string& key, Load load) {
    CopyTable amendments = table(name,
                                 {"id", key, "field", "original_value", "new_value", "author",
                                  "amended_utc", "reason", "author_login"},
                                 "t.id");
    amendments.load = load;
    return amendments;
}

std::vector<CopyTable> buildPlan() {
    std::vector<CopyTable> plan;
    plan.push_back(vocabulary("symptom"));
    plan.push_back(vocabulary("treatment_kind"));
    plan.push_back(vocabulary("trigger_cause"));
    plan.push_back(
        table("client", {"id", "name", "birth_year", "notes", "archived", "created_utc", "version"},
              "t.id"));

    CopyTable session = table("session",
                              {"id", "client_id", "started_utc", "utc_offset_min", "kind",
                               "overall_pain", "stress", "sleep", "therapist", "subjective",
                               "objective", "assessment", "plan", "notes", "version"},
                              "t.id");
    session.signature = {"signed_by", "signed_utc", "signer"};
    plan.push_back(session);

    plan.push_back(
        table("session_trigger", {"session_id", "trigger_id"}, "t.session_id, t.trigger_id"));
    plan.push_back(table("knot",
                         {"id",
                          "client_id",
                          "view",
                          {"x", "", true},
                          {"y", "", true},
                          "region_code",
                          "label",
                          "status",
                          "version"},
                         "t.id"));
    plan.push_back(table("observation",
                         {"id",
                          "session_id",
                          "knot_id",
                          {"pain", ratingBefore("pain", "CAST(t.pain AS TEXT)")},
                          {"kind", ratingBefore("kind", "t.kind")},
                          {"notes", ratingBefore("notes", "t.notes")},
                          "version"},
                         "t.id"));

    CopyTable symptoms = table("observation_symptom", {"observation_id", "symptom_id"},
                               "t.observation_id, t.symptom_id");
    symptoms.where = listNotAmended("symptoms");
    symptoms.listsBeforeAmendments = true;
    plan.push_back(symptoms);
    CopyTable referrals = table("observation_referral", {"observation_id", "region_code"},
                                "t.observation_id, t.region_code");
    referrals.where = listNotAmended("referrals");
    referrals.listsBeforeAmendments = true;
    plan.push_back(referrals);

    CopyTable treatment =
        table("treatment",
              {"id",
               "session_id",
               "knot_id",
               {"kind_id", treatmentKindBefore()},
               {"minutes", treatmentBefore("minutes", "CAST(t.minutes AS TEXT)")},
               {"intensity", treatmentBefore("intensity", "t.intensity")},
               {"pain_before", treatmentBefore("pain_before", "CAST(t.pain_before AS TEXT)")},
               {"pain_after", treatmentBefore("pain_after", "CAST(t.pain_after AS TEXT)")},
               {"medication", treatmentBefore("medication", "t.medication")},
               {"notes", treatmentBefore("notes", "t.notes")},
               "version"},
              "t.id");
    treatment.signSessionsAfter = true;
    plan.push_back(treatment);

    // A session's amendments are applied when read, not to its row: they
    // load like any table.
    plan.push_back(amendments("session_amendment", "session_id", Load::Bulk));
    plan.push_back(amendments("observation_amendment", "observation_id", Load::Replay));
    plan.push_back(amendments("treatment_amendment", "treatment_id", Load::Replay));

    // The trail is copied as it is, same ids, while the destination's own
    // recording stands aside (store/audit_recording.h): the copy's loading
    // is not an event of the records' history.
    plan.push_back(table("audit_event",
                         {"id", "at_utc", "person", "table_name", "row_id", "action", "client_id",
                          "before", "after"},
                         "t.id"));
    return plan;
}

} // namespace

const std::vector<CopyTable>& copyPlan() {
    static const std::vector<CopyTable> plan = buildPlan();
    return plan;
}

bool isVocabulary(const std::string& table) {
    return table == "symptom" || table == "treatment_kind" || table == "trigger_cause";
}

std::string sourceQuery(const CopyTable& table) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const CopyColumn& column = table.columns[i];
        sql += i > 0 ? ", " : "";
        sql += column.read.empty() ? "t." + column.name : column.read;
    }
    sql += " FROM " + table.name + " t";
    if (!table.where.empty()) {
        sql += " WHERE " + table.where;
    }
    return sql + " ORDER BY " + table.orderBy;
}

std::vector<std::string> allColumns(const CopyTable& table) {
    std::vector<std::string> names;
    for (const CopyColumn& column : table.columns) {
        names.push_back(column.name);
    }
    names.insert(names.end(), table.signature.begin(), table.signature.end());
    return names;
}

} // namespace knotmap::copy
