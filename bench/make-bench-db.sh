#!/usr/bin/env bash
# Creates the benchmark database `migrescue_bench` on the local PostgreSQL and/or MariaDB server:
#   2,000 tables t_0001..t_2000, 10 columns each (20,000 columns), 2,000 foreign keys
#   (t_i.parent_id -> t_{i-1}.id, and t_0001.parent_id -> t_2000.id to close the ring),
#   one secondary index per table on the FK column plus a few more, and one extra table,
#   flyway_schema_history, laid out as Flyway 11 creates it, with 5 successful rows and 1 failed row.
# Drops the database first, so it is safe to run again.
#
# Usage: bench/make-bench-db.sh [postgresql|mariadb|both]     (default: both)
# Env:   BENCH_DB (default migrescue_bench), PGHOST/PGPORT/PGUSER, MARIADB_HOST/MARIADB_PORT/MARIADB_USER
set -euo pipefail

target="${1:-both}"
db="${BENCH_DB:-migrescue_bench}"
tables=2000

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"  # hide "does not exist, skipping"
pg_args=(-h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -X -q -v ON_ERROR_STOP=1)
maria_client=$(command -v mariadb || command -v mysql || true)
maria_args=(-h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u"${MARIADB_USER:-root}" --batch --skip-column-names)

# Table names are zero-padded so that name order equals creation order in every tool's output.
tname() { printf 't_%04d' "$1"; }

# One SQL stream for the whole schema: one client process, not 2,000.
# awk is used because a bash printf loop over 2,000 tables x 10 lines is noticeably slower.
postgres_ddl() {
  # synchronous_commit=off: thousands of small catalog commits would otherwise each wait for an fsync.
  echo "SET synchronous_commit = off;"
  echo "SET client_min_messages = warning;"
  awk -v n="$tables" 'BEGIN {
    for (i = 1; i <= n; i++) {
      # Commit every 100 tables: one transaction for all would need ~10,000 relation locks,
      # more than the default lock table (max_locks_per_transaction 64 x 100 connections) holds.
      if (i % 100 == 1) print "BEGIN;";
      t = sprintf("t_%04d", i); p = sprintf("t_%04d", i - 1);
      print "CREATE TABLE " t " (";
      print "  id bigint PRIMARY KEY,";
      # t_0001 cannot reference t_2000 yet; its FK is added after the loop.
      if (i == 1) print "  parent_id bigint,";
      else        print "  parent_id bigint CONSTRAINT " t "_parent_fk REFERENCES " p " (id),";
      print "  name varchar(100) NOT NULL,";
      print "  code varchar(32),";
      print "  description text,";
      print "  created_at timestamptz NOT NULL DEFAULT now(),";
      print "  updated_at timestamp,";
      print "  amount numeric(12,2) NOT NULL DEFAULT 0,";
      print "  active boolean NOT NULL DEFAULT true,";
      print "  quantity integer";
      print ");";
      # Index the FK column on every table: MariaDB/InnoDB creates that index implicitly anyway,
      # so both engines carry the same indexes.
      print "CREATE INDEX " t "_parent_idx ON " t " (parent_id);";
      if (i % 10 == 0) print "CREATE UNIQUE INDEX " t "_code_uk ON " t " (code);";
      if (i % 50 == 0) print "CREATE INDEX " t "_name_created_idx ON " t " (name, created_at);";
      if (i % 100 == 0 || i == n) print "COMMIT;";
    }
    printf "ALTER TABLE t_0001 ADD CONSTRAINT t_0001_parent_fk FOREIGN KEY (parent_id) REFERENCES t_%04d (id);\n", n;
  }'
  # Flyway 11, createMetaDataTable.sql for PostgreSQL.
  cat <<'SQL'
CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
SQL
  history_rows true false
}

mariadb_ddl() {
  # FOREIGN_KEY_CHECKS=0 lets every FK be declared inline, including t_0001 -> t_2000 before t_2000 exists.
  echo "SET FOREIGN_KEY_CHECKS = 0;"
  echo "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION';"
  awk -v n="$tables" 'BEGIN {
    for (i = 1; i <= n; i++) {
      t = sprintf("t_%04d", i); p = sprintf("t_%04d", (i == 1) ? n : i - 1);
      print "CREATE TABLE " t " (";
      print "  id bigint NOT NULL,";
      print "  parent_id bigint NULL,";
      print "  name varchar(100) NOT NULL,";
      print "  code varchar(32) NULL,";
      print "  description text NULL,";
      print "  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,";
      print "  updated_at datetime NULL,";
      print "  amount decimal(12,2) NOT NULL DEFAULT 0,";
      print "  active boolean NOT NULL DEFAULT true,";
      print "  quantity int NULL,";
      print "  PRIMARY KEY (id),";
      print "  KEY " t "_parent_idx (parent_id),";
      if (i % 10 == 0) print "  UNIQUE KEY " t "_code_uk (code),";
      if (i % 50 == 0) print "  KEY " t "_name_created_idx (name, created_at),";
      print "  CONSTRAINT " t "_parent_fk FOREIGN KEY (parent_id) REFERENCES " p " (id)";
      print ") ENGINE=InnoDB;";
    }
  }'
  # Flyway 11, createMetaDataTable.sql for MySQL/MariaDB (BOOL is stored as tinyint(1)).
  cat <<'SQL'
CREATE TABLE `flyway_schema_history` (
    `installed_rank` INT NOT NULL,
    `version` VARCHAR(50),
    `description` VARCHAR(200) NOT NULL,
    `type` VARCHAR(20) NOT NULL,
    `script` VARCHAR(1000) NOT NULL,
    `checksum` INT,
    `installed_by` VARCHAR(100) NOT NULL,
    `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    `execution_time` INT NOT NULL,
    `success` BOOL NOT NULL,
    CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)
) ENGINE=InnoDB;
CREATE INDEX `flyway_schema_history_s_idx` ON `flyway_schema_history` (`success`);
SQL
  history_rows 1 0
  echo "SET FOREIGN_KEY_CHECKS = 1;"
}

# $1/$2: the engine's literals for true/false. Five applied migrations, then V6 failed half-way.
history_rows() {
  local ok="$1" failed="$2" user
  user=$([ "$ok" = true ] && echo postgres || echo root)
  cat <<SQL
INSERT INTO flyway_schema_history
  (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success)
VALUES
  (1, '1', 'create tables', 'SQL', 'V1__create_tables.sql', 1163410923, '$user', '2025-01-10 09:00:00', 5120, $ok),
  (2, '2', 'add foreign keys', 'SQL', 'V2__add_foreign_keys.sql', -827375602, '$user', '2025-01-10 09:00:06', 2310, $ok),
  (3, '3', 'add indexes', 'SQL', 'V3__add_indexes.sql', 398176020, '$user', '2025-02-03 14:12:40', 1840, $ok),
  (4, '4', 'seed reference data', 'SQL', 'V4__seed_reference_data.sql', -1536200154, '$user', '2025-03-17 11:30:02', 96, $ok),
  (5, '5', 'add audit columns', 'SQL', 'V5__add_audit_columns.sql', 2041237811, '$user', '2025-04-22 08:45:13', 731, $ok),
  (6, '6', 'split customer name', 'SQL', 'V6__split_customer_name.sql', -90817345, '$user', '2025-05-30 03:02:57', 412, $failed);
SQL
}

# Prints "tables columns fks" for the t_* tables so the build can be checked, not assumed.
postgres_counts() {
  psql "${pg_args[@]}" -d "$db" -At -F ' ' -c "
    SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 't\_%'),
           (SELECT count(*) FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name LIKE 't\_%'),
           (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace)"
}
mariadb_counts() {
  "$maria_client" "${maria_args[@]}" -e "
    SELECT (SELECT count(*) FROM information_schema.TABLES
             WHERE TABLE_SCHEMA = '$db' AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME LIKE 't\_%'),
           (SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '$db' AND TABLE_NAME LIKE 't\_%'),
           (SELECT count(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '$db')" | tr '\t' ' '
}

check_counts() {
  local engine="$1" counts="$2" expected="$tables $((tables * 10)) $tables"
  if [ "$counts" != "$expected" ]; then
    echo "$engine: expected tables/columns/fks '$expected', got '$counts'" >&2
    exit 1
  fi
  echo "$engine: $db ready: ${tables} tables, $((tables * 10)) columns, ${tables} foreign keys (+ flyway_schema_history)"
}

make_postgres() {
  local start=$SECONDS
  psql "${pg_args[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  postgres_ddl | psql "${pg_args[@]}" -d "$db"
  # Fresh planner statistics, so status and pg_dump both see a settled catalog.
  psql "${pg_args[@]}" -d "$db" -c "VACUUM ANALYZE"
  check_counts postgresql "$(postgres_counts)"
  echo "postgresql: built in $((SECONDS - start)) s"
}

make_mariadb() {
  local start=$SECONDS
  [ -n "$maria_client" ] || { echo "mariadb: no mariadb/mysql client on PATH" >&2; exit 1; }
  "$maria_client" "${maria_args[@]}" -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4"
  mariadb_ddl | "$maria_client" "${maria_args[@]}" "$db"
  check_counts mariadb "$(mariadb_counts)"
  echo "mariadb: built in $((SECONDS - start)) s"
}

case "$target" in
  postgresql|postgres|pg) make_postgres ;;
  mariadb|mysql) make_mariadb ;;
  both) make_postgres; make_mariadb ;;
  *) echo "usage: $0 [postgresql|mariadb|both]" >&2; exit 2 ;;
esac
