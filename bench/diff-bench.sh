#!/usr/bin/env bash
# Whole-process wall time of `migrescue diff` between two 2,000-table databases, next to what engineers do by hand
# (field report 02, "Useful commands"): dump the schema of both with the engine's tool, then diff(1) the dumps.
#
# The databases: $BENCH_DB (bench/make-bench-db.sh: 2,000 tables, 20,000 columns, 2,000 foreign keys, Flyway history)
# and ${BENCH_DB}_b, a second build of the same with a few differences applied (see *_changes below): a column
# added, a column dropped, a type changed, an index dropped, an index added, a foreign key's ON DELETE changed, a
# table dropped (with the foreign key that pointed at it), and the failed Flyway V6 marked successful.
# Both are made by this script when missing (-r remakes them).
#
# Usage: bench/diff-bench.sh [-n RUNS] [-w WARMUP] [-r] [postgresql] [mariadb]
#   RUNS (default 10) measured rounds after WARMUP (default 2) discarded ones; each round runs every command once,
#   in rotated order. Env as for bench/status-vs-dump.sh (MIGRESCUE_JAR, BENCH_DB, BENCH_QUIET=0, ...).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
remake=0
while getopts "n:w:rh" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    r) remake=1 ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(postgresql mariadb)

db_a="$BENCH_DB"
db_b="${BENCH_DB}_b"
migrescue="$project_dir/bin/migrescue"
pg=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
maria=(mariadb -h 127.0.0.1 -uroot --batch --skip-column-names)

postgresql_changes() {
  cat <<'SQL'
ALTER TABLE t_0100 ADD COLUMN note text;
ALTER TABLE t_0200 DROP COLUMN quantity;
ALTER TABLE t_0300 ALTER COLUMN updated_at TYPE timestamptz;
DROP INDEX t_0400_parent_idx;
CREATE INDEX t_0500_name_idx ON t_0500 USING hash (name);
ALTER TABLE t_0600 DROP CONSTRAINT t_0600_parent_fk,
  ADD CONSTRAINT t_0600_parent_fk FOREIGN KEY (parent_id) REFERENCES t_0599 (id) ON DELETE CASCADE;
ALTER TABLE t_0001 DROP CONSTRAINT t_0001_parent_fk;
DROP TABLE t_2000;
UPDATE flyway_schema_history SET success = true WHERE installed_rank = 6;
ANALYZE;
SQL
}

mariadb_changes() {
  cat <<'SQL'
ALTER TABLE t_0100 ADD COLUMN note text;
ALTER TABLE t_0200 DROP COLUMN quantity;
ALTER TABLE t_0300 MODIFY COLUMN updated_at timestamp NULL;
DROP INDEX t_0410_code_uk ON t_0410;
CREATE INDEX t_0500_name_idx ON t_0500 (name);
-- two statements: MariaDB refuses to drop and add a foreign key of the same name in one (errno 121, field report 05)
ALTER TABLE t_0600 DROP FOREIGN KEY t_0600_parent_fk;
ALTER TABLE t_0600 ADD CONSTRAINT t_0600_parent_fk FOREIGN KEY (parent_id) REFERENCES t_0599 (id) ON DELETE CASCADE;
ALTER TABLE t_0001 DROP FOREIGN KEY t_0001_parent_fk;
DROP TABLE t_2000;
UPDATE flyway_schema_history SET success = 1 WHERE installed_rank = 6;
SQL
}

exists() {
  case "$1" in
    postgresql) "${pg[@]}" -Atc "SELECT 1" "$2" >/dev/null 2>&1 ;;
    mariadb) "${maria[@]}" -e "SELECT 1" "$2" >/dev/null 2>&1 ;;
  esac
}

# The pair: the benchmark database as bench/make-bench-db.sh makes it, and a second build with the changes above.
make_pair() {
  local engine="$1"
  if [ "$remake" = 1 ] || ! exists "$engine" "$db_a"; then
    "$bench_dir/make-bench-db.sh" "$engine"
  fi
  if [ "$remake" = 1 ] || ! exists "$engine" "$db_b"; then
    BENCH_DB="$db_b" "$bench_dir/make-bench-db.sh" "$engine"
    local ok=0
    case "$engine" in
      postgresql) postgresql_changes | "${pg[@]}" -d "$db_b" && ok=1 ;;
      mariadb) mariadb_changes | "${maria[@]}" "$db_b" && ok=1 ;;
    esac
    if [ "$ok" != 1 ]; then
      # half-changed, it must not be taken for a finished pair next time
      case "$engine" in
        postgresql) "${pg[@]}" -d postgres -c "DROP DATABASE $db_b WITH (FORCE)" ;;
        mariadb) "${maria[@]}" -e "DROP DATABASE $db_b" ;;
      esac
      echo "$engine: could not apply the changes to $db_b" >&2
      exit 1
    fi
    echo "$engine: $db_b = $db_a with 8 changes" >&2
  fi
}

url() {
  case "$1" in
    postgresql) echo "jdbc:postgresql://127.0.0.1:5432/$2?user=postgres" ;;
    mariadb) echo "jdbc:mysql://127.0.0.1:3306/$2?user=root" ;;
  esac
}

dump() {
  case "$1" in
    postgresql) pg_dump --schema-only -h 127.0.0.1 -U postgres "$2" ;;
    mariadb) mariadb-dump --no-data -h 127.0.0.1 -uroot "$2" ;;
  esac
}

# What the report does by hand: dump one, dump the other, diff. diff(1) exits 1 when the dumps differ.
dumps_then_diff() {
  dump "$1" "$db_a" >"$work/a.sql"
  dump "$1" "$db_b" >"$work/b.sql"
  diff "$work/a.sql" "$work/b.sql"
}

# The same with both dumps at once, as migrescue reads both databases at once.
dumps_parallel_then_diff() {
  dump "$1" "$db_a" >"$work/a.sql" &
  dump "$1" "$db_b" >"$work/b.sql" &
  wait
  diff "$work/a.sql" "$work/b.sql"
}

stage_jar
raw="$BENCH_OUT/diff-$(date -u +%Y%m%dT%H%M%SZ)"
work="$raw/work"
mkdir -p "$work"
declare -A cds_note differences

for engine in "${engines[@]}"; do
  case "$engine" in postgresql | mariadb) ;; *) echo "unknown engine $engine (postgresql|mariadb)" >&2; exit 2 ;; esac
  make_pair "$engine"
  a=$(url "$engine" "$db_a")
  b=$(url "$engine" "$db_b")

  # The first run after a new jar writes the AppCDS archive from the classes it loads: a diff run on this engine.
  bench_jar "$BENCH_JAR_DIR/diff-$engine"
  echo "$engine: priming: bin/migrescue diff --source $a --target $b" >&2
  set +e
  "$migrescue" diff --source "$a" --target "$b" >"$raw/diff-$engine.txt" 2>"$raw/diff-$engine.err"
  rc=$?
  set -e
  if [ "$rc" -ne 1 ]; then
    echo "$engine: diff exited $rc (expected 1, differences):" >&2
    cat "$raw/diff-$engine.txt" "$raw/diff-$engine.err" >&2
    exit 1
  fi
  differences[$engine]=$(sed -n 's/^Result *\([0-9]*\) difference.*/\1/p' "$raw/diff-$engine.txt")
  "$migrescue" diff --source "$a" --target "$b" --format sql >"$raw/fix-$engine.sql" 2>/dev/null || true
  cds_note[$engine]=$(ls "$BENCH_JAR_DIR/diff-$engine"/migrescue*.jsa "$BENCH_JAR_DIR/diff-$engine"/migrescue*.aot >/dev/null 2>&1 && echo "made by the launcher's training run" || echo "none")

  : >"$raw/$engine-diff.us"; : >"$raw/$engine-sql.us"; : >"$raw/$engine-dumps.us"; : >"$raw/$engine-dumps-par.us"
  echo "$engine: $warmup warm-up + $runs measured rounds of diff / diff --format sql / dumps + diff / parallel dumps + diff" >&2
  for ((i = 1; i <= warmup + runs; i++)); do
    wait_quiet
    for ((k = 0; k < 4; k++)); do
      case $(((i + k) % 4)) in
        0) timed 1 "$migrescue" diff --source "$a" --target "$b"; d=$TIMED_US ;;
        1) timed 1 "$migrescue" diff --source "$a" --target "$b" --format sql; s=$TIMED_US ;;
        2) timed 1 dumps_then_diff "$engine"; m=$TIMED_US ;;
        3) timed 1 dumps_parallel_then_diff "$engine"; p=$TIMED_US ;;
      esac
    done
    if [ "$i" -gt "$warmup" ]; then
      echo "$d" >>"$raw/$engine-diff.us"; echo "$s" >>"$raw/$engine-sql.us"
      echo "$m" >>"$raw/$engine-dumps.us"; echo "$p" >>"$raw/$engine-dumps-par.us"
    fi
  done
done

report="$raw/report.md"
{
  echo '```'
  machine_facts
  echo "runs:        $runs measured rounds, $warmup warm-up discarded, each command once per round, rotated"
  echo "quiet check: rounds that gave up waiting for an idle machine: $QUIET_MISSES"
  for engine in "${engines[@]}"; do
    printf 'CDS archive: %-10s %s\n' "$engine" "${cds_note[$engine]}"
  done
  echo '```'
  echo
  echo "| engine | command | median ms | min ms | migrescue diff / this (medians) |"
  echo "|---|---|---:|---:|---:|"
  for engine in "${engines[@]}"; do
    dump_tool=$([ "$engine" = postgresql ] && echo "pg_dump --schema-only" || echo "mariadb-dump --no-data")
    read -r d_med d_min <<<"$(stats "$raw/$engine-diff.us")"
    read -r s_med s_min <<<"$(stats "$raw/$engine-sql.us")"
    read -r m_med m_min <<<"$(stats "$raw/$engine-dumps.us")"
    read -r p_med p_min <<<"$(stats "$raw/$engine-dumps-par.us")"
    ratio() { awk -v a="$d_med" -v b="$1" 'BEGIN { printf "%.2f", a / b }'; }
    echo "| $engine | \`migrescue diff\` (${differences[$engine]} differences found) | $d_med | $d_min | |"
    echo "| $engine | \`migrescue diff --format sql\` | $s_med | $s_min | $(ratio "$s_med") |"
    echo "| $engine | $dump_tool of both, one after the other, then \`diff\` | $m_med | $m_min | $(ratio "$m_med") |"
    echo "| $engine | $dump_tool of both at once, then \`diff\` | $p_med | $p_min | $(ratio "$p_med") |"
  done
} >"$report"
cat "$report"
echo >&2
echo "raw timings (microseconds), the report, each engine's diff output and fix script: $raw" >&2
