#!/usr/bin/env bash
# Longest insert stall on a 1,000,000-row child table under a concurrent insert load while a foreign key is added:
# a plain `ALTER TABLE child ADD CONSTRAINT … FOREIGN KEY` against `migrescue repair fix-orphan-rows` (which backs
# up and deletes the orphan rows, then adds the key the production-friendly way: PostgreSQL NOT VALID + VALIDATE,
# MySQL/MariaDB in place after an orphan guard).
#
# Usage: bench/fk-stall.sh [postgresql] [mariadb]      (default both; needs target/migrescue.jar and local servers)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/migrescue.jar ] || mvn -B -q -DskipTests package
engines=("$@"); [ ${#engines[@]} -gt 0 ] || engines=(postgresql mariadb)
DB=migrescue_stall
PROBE_SECONDS=${PROBE_SECONDS:-25}
work=$(mktemp -d /tmp/fk-stall.XXXXXX)

pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
my() { mariadb -h 127.0.0.1 -uroot "$@"; }

setup() { # engine: parent (1,000 rows), child (1,000,000 rows, 3 of them orphans), no foreign key yet
  case $1 in
    postgresql)
      pg -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
      pg -d $DB <<'SQL'
CREATE TABLE parent (id BIGINT PRIMARY KEY, name TEXT NOT NULL DEFAULT 'p');
INSERT INTO parent (id) SELECT g FROM generate_series(1, 1000) g;
CREATE TABLE child (id BIGSERIAL PRIMARY KEY, parent_id BIGINT, payload TEXT);
INSERT INTO child (parent_id, payload) SELECT 1 + (g % 1000), md5(g::text) FROM generate_series(1, 1000000) g;
INSERT INTO child (parent_id, payload) VALUES (5001, 'orphan'), (5002, 'orphan'), (5001, 'orphan');
CREATE INDEX child_parent_idx ON child (parent_id);
VACUUM ANALYZE child;
SQL
      ;;
    mariadb)
      my -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
      my $DB <<'SQL'
CREATE TABLE parent (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'p') ENGINE=InnoDB;
INSERT INTO parent (id) SELECT seq FROM seq_1_to_1000;
CREATE TABLE child (id BIGINT AUTO_INCREMENT PRIMARY KEY, parent_id BIGINT, payload VARCHAR(64), KEY child_parent_idx (parent_id)) ENGINE=InnoDB;
INSERT INTO child (parent_id, payload) SELECT 1 + (seq MOD 1000), MD5(seq) FROM seq_1_to_1000000;
INSERT INTO child (parent_id, payload) VALUES (5001, 'orphan'), (5002, 'orphan'), (5001, 'orphan');
SQL
      ;;
  esac
}

url() { [ "$1" = postgresql ] && echo "jdbc:postgresql://127.0.0.1:5432/$DB" || echo "jdbc:mysql://127.0.0.1:3306/$DB"; }
user() { [ "$1" = postgresql ] && echo postgres || echo root; }
fk="ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)"

probe() { # engine, output file: the load, started in the background of this shell (PROBE_PID)
  java -cp target/migrescue.jar bench/InsertProbe.java "$(url "$1")" "$(user "$1")" "$PROBE_SECONDS" >"$2" 2>&1 &
  PROBE_PID=$!
}

plain() { # engine: the orphans are deleted by hand first (else the ALTER fails), then the plain ALTER under load
  if [ "$1" = postgresql ]; then pg -d $DB -c "DELETE FROM child WHERE parent_id > 1000"; else my $DB -e "DELETE FROM child WHERE parent_id > 1000"; fi
  probe "$1" "$work/$1-plain.txt"; sleep 3
  local t0; t0=$(date +%s%N)
  if [ "$1" = postgresql ]; then pg -d $DB -c "$fk"; else my $DB -e "$fk"; fi
  echo "$1 plain ALTER took $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
  wait "$PROBE_PID"
}

migrescue() { # engine: the failed migration and its error text, repaired by migrescue under load
  mkdir -p "$work/$1-migrations"
  echo "$fk;" >"$work/$1-migrations/001_child_parent_fk.sql"
  if [ "$1" = postgresql ]; then
    printf 'ERROR:  insert or update on table "child" violates foreign key constraint "child_parent_fk"\nDETAIL:  Key (parent_id)=(5001) is not present in table "parent".\n' >"$work/$1-error.txt"
  else
    printf 'ERROR 1452 (23000) at line 1: Cannot add or update a child row: a foreign key constraint fails (`%s`.`#sql-1_1`, CONSTRAINT `child_parent_fk` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`))\n' "$DB" >"$work/$1-error.txt"
  fi
  probe "$1" "$work/$1-migrescue.txt"; sleep 3
  local t0; t0=$(date +%s%N)
  bin/migrescue repair fix-orphan-rows --url "$(url "$1")" -u "$(user "$1")" --error-file "$work/$1-error.txt" \
    --migrations "$work/$1-migrations" --param policy=delete --backup-dir "$work/$1-backup" --yes >"$work/$1-repair.txt"
  echo "$1 migrescue repair took $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
  wait "$PROBE_PID"
}

echo "| engine | how the foreign key is added | longest insert | 99th percentile | inserts |"
echo "|---|---|---:|---:|---:|"
for engine in "${engines[@]}"; do
  setup "$engine"; plain "$engine"
  setup "$engine"; migrescue "$engine"
  for how in plain migrescue; do
    read -r n max p99 _ < <(sed -E 's/inserts=([0-9]+) max_ms=([0-9.]+) p99_ms=([0-9.]+).*/\1 \2 \3/' "$work/$engine-$how.txt")
    label=$([ "$how" = plain ] && echo "plain ALTER TABLE … ADD CONSTRAINT" || echo "migrescue repair fix-orphan-rows")
    echo "| $engine | $label | $max ms | $p99 ms | $n |"
  done
done
echo "raw output: $work" >&2
