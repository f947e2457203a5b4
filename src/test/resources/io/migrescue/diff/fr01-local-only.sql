-- Field report 01: the one table the laptop has and production has not, as the report quotes its definition.
CREATE TABLE vote_stats (
    election_id BIGINT NOT NULL,
    candidate_id BIGINT NOT NULL,
    total_votes BIGINT NOT NULL DEFAULT 0,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    PRIMARY KEY (election_id, candidate_id)
);
-- "migrations not in sync": the laptop ran the migration that made it (version 15), production did not.
INSERT INTO schema_migrations VALUES (15, false);
