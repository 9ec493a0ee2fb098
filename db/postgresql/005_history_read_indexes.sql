-- Knotmap's PostgreSQL schema, version 5: indexes that hold what reading a
-- client's history asks of observations and treatments. No SQLite
-- counterpart: there the same queries were already fast enough.
--
-- Reading one client's history (store/client_history_query.cpp) walks the
-- client's sessions and, for each, its observations and treatments. SQLite
-- finds a row's other columns cheaply; PostgreSQL fetches them from the
-- table's pages, one visit per session, which was most of the observation and
-- treatment queries' time (the busiest client of a 200-client, five-year
-- history: 1,958 sessions, 7,917 ratings, 1,818 treatments). With the columns
-- those queries read in the index itself they become index-only scans: the
-- history's observation, symptom and treatment queries took about half as
-- long (docs/performance.md, "At clinic scale on a server").
--
-- Both replace an index of the same key, so a save writes no more indexes
-- than before. The observation's keeps its constraint and name: uniqueness
-- and its error message are unchanged.

ALTER TABLE observation
    DROP CONSTRAINT observation_session_id_knot_id_key,
    ADD CONSTRAINT observation_session_id_knot_id_key UNIQUE (session_id, knot_id)
        INCLUDE (id, pain);

-- Ordered by id within a session, as the history lists a session's
-- treatments; still the index for a session's treatments (and for deleting
-- them with their session).
DROP INDEX treatment_by_session;
CREATE INDEX treatment_by_session ON treatment (session_id, id)
    INCLUDE (knot_id, kind_id, pain_before, pain_after);
