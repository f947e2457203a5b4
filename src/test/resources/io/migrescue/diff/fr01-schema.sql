-- Field report 01 (an e-voting app, 2025-12-19): the same 31 tables in production and on a laptop. Production keeps
-- the 25 older tables in ${old} (= myschema) and the 6 newer ones in ${new} (= public); the laptop has all of them
-- in public. Columns are the app's shape as far as the report names it; serial keys, an enum type and foreign keys
-- between the old and the new tables are there so that the moved tables' sequences, types and references move too.
CREATE TYPE ${old}.election_status AS ENUM ('draft', 'open', 'closed');

CREATE TABLE ${old}.app_settings (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz DEFAULT now());
CREATE TABLE ${old}.branding_files (id bigserial PRIMARY KEY, kind text NOT NULL, path text NOT NULL, created_at timestamptz DEFAULT now());
CREATE TABLE ${old}.branding_settings (id integer PRIMARY KEY, primary_color text, logo_file_id bigint REFERENCES ${old}.branding_files (id));
CREATE TABLE ${old}.faculties (id serial PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL);
CREATE TABLE ${old}.study_programs (id serial PRIMARY KEY, faculty_id integer NOT NULL REFERENCES ${old}.faculties (id), code text NOT NULL, name text NOT NULL);
CREATE TABLE ${old}.students (id bigserial PRIMARY KEY, nim text NOT NULL UNIQUE, name text NOT NULL, study_program_id integer REFERENCES ${old}.study_programs (id));
CREATE TABLE ${old}.lecturer_units (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE ${old}.lecturer_positions (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE ${old}.lecturers (id bigserial PRIMARY KEY, nidn text UNIQUE, name text NOT NULL,
    unit_id integer REFERENCES ${old}.lecturer_units (id), position_id integer REFERENCES ${old}.lecturer_positions (id));
CREATE TABLE ${old}.staff_units (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE ${old}.staff_positions (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE ${old}.staff_members (id bigserial PRIMARY KEY, nip text UNIQUE, name text NOT NULL,
    unit_id integer REFERENCES ${old}.staff_units (id), position_id integer REFERENCES ${old}.staff_positions (id));
CREATE TABLE ${old}.elections (id bigserial PRIMARY KEY, name text NOT NULL, status ${old}.election_status NOT NULL DEFAULT 'draft',
    starts_at timestamptz, ends_at timestamptz, CHECK (ends_at IS NULL OR ends_at > starts_at));
CREATE TABLE ${old}.candidates (id bigserial PRIMARY KEY, election_id bigint NOT NULL REFERENCES ${old}.elections (id) ON DELETE CASCADE,
    number integer NOT NULL, name text NOT NULL, UNIQUE (election_id, number));
CREATE TABLE ${old}.candidate_media (id bigserial PRIMARY KEY, candidate_id bigint NOT NULL REFERENCES ${old}.candidates (id) ON DELETE CASCADE,
    url text NOT NULL);
CREATE TABLE ${old}.candidate_qr_codes (id bigserial PRIMARY KEY, candidate_id bigint NOT NULL REFERENCES ${old}.candidates (id), code text NOT NULL UNIQUE);
CREATE TABLE ${old}.user_accounts (id bigserial PRIMARY KEY, username text NOT NULL UNIQUE, password_hash text NOT NULL,
    role text NOT NULL DEFAULT 'voter');
CREATE TABLE ${old}.voters (id bigserial PRIMARY KEY, voter_type text NOT NULL CHECK (voter_type IN ('student', 'lecturer', 'staff')),
    student_id bigint REFERENCES ${old}.students (id), lecturer_id bigint REFERENCES ${old}.lecturers (id),
    staff_id bigint REFERENCES ${old}.staff_members (id), account_id bigint REFERENCES ${old}.user_accounts (id));
CREATE TABLE ${old}.election_voters (election_id bigint NOT NULL REFERENCES ${old}.elections (id) ON DELETE CASCADE,
    voter_id bigint NOT NULL REFERENCES ${old}.voters (id), PRIMARY KEY (election_id, voter_id));
CREATE TABLE ${old}.registration_tokens (token text PRIMARY KEY, voter_id bigint NOT NULL REFERENCES ${old}.voters (id), expires_at timestamptz NOT NULL);
CREATE TABLE ${old}.tps (id bigserial PRIMARY KEY, election_id bigint NOT NULL REFERENCES ${old}.elections (id), name text NOT NULL, location text);
CREATE TABLE ${old}.tps_checkins (id bigserial PRIMARY KEY, tps_id bigint NOT NULL REFERENCES ${old}.tps (id),
    voter_id bigint NOT NULL REFERENCES ${old}.voters (id), checked_in_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE ${old}.votes (id bigserial PRIMARY KEY, election_id bigint NOT NULL REFERENCES ${old}.elections (id),
    candidate_id bigint NOT NULL REFERENCES ${old}.candidates (id), cast_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX votes_election_candidate_idx ON ${old}.votes (election_id, candidate_id);
CREATE TABLE ${old}.migration_history (id serial PRIMARY KEY, name text NOT NULL, applied_at timestamptz DEFAULT now());
-- golang-migrate's table (v4.17, database/postgres): the app's migrations run with it
CREATE TABLE ${old}.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);

CREATE TABLE ${new}.tps_ballot_scans (id bigserial PRIMARY KEY, tps_id bigint NOT NULL REFERENCES ${old}.tps (id),
    payload jsonb NOT NULL, scanned_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE ${new}.tps_qr (id bigserial PRIMARY KEY, tps_id bigint NOT NULL REFERENCES ${old}.tps (id), code text NOT NULL UNIQUE);
CREATE TABLE ${new}.user_sessions (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id bigint NOT NULL REFERENCES ${old}.user_accounts (id) ON DELETE CASCADE, expires_at timestamptz NOT NULL);
CREATE INDEX user_sessions_user_idx ON ${new}.user_sessions (user_id) WHERE expires_at IS NOT NULL;
CREATE TABLE ${new}.vote_tokens (token text PRIMARY KEY, voter_id bigint NOT NULL REFERENCES ${old}.voters (id),
    election_id bigint NOT NULL REFERENCES ${old}.elections (id), used_at timestamptz);
CREATE TABLE ${new}.voter_status (voter_id bigint NOT NULL REFERENCES ${old}.voters (id),
    election_id bigint NOT NULL REFERENCES ${old}.elections (id), status text NOT NULL DEFAULT 'pending', PRIMARY KEY (voter_id, election_id));
CREATE TABLE ${new}.voter_tps_qr (voter_id bigint NOT NULL REFERENCES ${old}.voters (id),
    tps_qr_id bigint NOT NULL REFERENCES ${new}.tps_qr (id), PRIMARY KEY (voter_id, tps_qr_id));
