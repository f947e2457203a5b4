#!/usr/bin/env bash
# Whole-process wall time of `migrescue preflight` over 10 pending migrations next to `migrescue status`, on the
# same 2,000-table database (bench/make-bench-db.sh), measured in one run, interleaved. Target: preflight median
# <= 2 x status median.
#
# The 10 pending migrations (V7..V16, written to a temporary directory) are the shapes preflight checks: new tables
# with foreign keys into the big schema, columns (one NOT NULL), indexes (one unique), a foreign key, a CHECK, a type
# change, a rename, a drop: every kind of catalog lookup and row question preflight makes.
#
# Usage: bench/preflight-bench.sh [-n RUNS] [-w WARMUP] [postgresql] [mariadb]
#   RUNS (default 10) measured runs per command after WARMUP (default 2) discarded ones.
# Env:   as bench/status-vs-dump.sh (MIGRESCUE_JAR, PG_URL, MARIADB_URL, BENCH_DB, BENCH_JAR_DIR, BENCH_OUT,
#        BENCH_QUIET=0 ...).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
while getopts "n:w:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(postgresql mariadb)

migrescue="$project_dir/bin/migrescue"
stage_jar
raw="$BENCH_OUT/preflight-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$raw"

for engine in "${engines[@]}"; do
  case "$engine" in
    postgresql) psql -h 127.0.0.1 -U postgres -XAtqc "SELECT 1" "$BENCH_DB" >/dev/null ;;
    mariadb) mariadb -h 127.0.0.1 -uroot -Nse "SELECT 1" "$BENCH_DB" >/dev/null ;;
    *) echo "unknown engine $engine (postgresql|mariadb)" >&2; exit 2 ;;
  esac || { echo "$engine: no database $BENCH_DB: run bench/make-bench-db.sh $engine" >&2; exit 1; }
done

# pending_migrations ENGINE DIR: V7..V16, the engine's dialect where it differs.
pending_migrations() {
  local engine="$1" dir="$2" pg=0
  [ "$engine" = postgresql ] && pg=1
  mkdir -p "$dir"
  rm -f "$dir"/*.sql
  printf 'CREATE TABLE invoices (id BIGINT PRIMARY KEY, t_id BIGINT NOT NULL, total NUMERIC(12,2) NOT NULL DEFAULT 0,\n  CONSTRAINT invoices_t_fk FOREIGN KEY (t_id) REFERENCES t_0500 (id));\n' >"$dir/V7__invoices.sql"
  printf 'ALTER TABLE t_1000 ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT %s;\n' "'new'" >"$dir/V8__t_1000_status.sql"
  printf 'CREATE INDEX t_1500_code_idx ON t_1500 (code);\n' >"$dir/V9__t_1500_code_idx.sql"
  printf 'CREATE UNIQUE INDEX t_1200_name_uq ON t_1200 (name);\n' >"$dir/V10__t_1200_name_uq.sql"
  printf 'ALTER TABLE t_0700 ADD CONSTRAINT t_0700_amount_chk CHECK (amount >= 0);\n' >"$dir/V11__t_0700_amount_chk.sql"
  if [ $pg = 1 ]; then
    printf 'ALTER TABLE t_0800 ALTER COLUMN code TYPE VARCHAR(16);\n' >"$dir/V12__t_0800_code_shorter.sql"
    printf 'ALTER TABLE t_0900 ALTER COLUMN quantity SET NOT NULL;\n' >"$dir/V13__t_0900_quantity_required.sql"
    printf 'ALTER TABLE t_1999 RENAME COLUMN description TO notes;\n' >"$dir/V14__t_1999_notes.sql"
  else
    printf 'ALTER TABLE t_0800 MODIFY code VARCHAR(16) NULL;\n' >"$dir/V12__t_0800_code_shorter.sql"
    printf 'ALTER TABLE t_0900 MODIFY quantity INT NOT NULL;\n' >"$dir/V13__t_0900_quantity_required.sql"
    printf 'ALTER TABLE t_1999 RENAME COLUMN description TO notes;\n' >"$dir/V14__t_1999_notes.sql"
  fi
  printf 'ALTER TABLE t_0300 ADD COLUMN invoice_id BIGINT NULL;\nALTER TABLE t_0300 ADD CONSTRAINT t_0300_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoices (id);\n' >"$dir/V15__t_0300_invoice.sql"
  printf 'ALTER TABLE t_0042 DROP COLUMN updated_at;\n' >"$dir/V16__t_0042_drop_updated_at.sql"
}

for engine in "${engines[@]}"; do
  url=$(engine_url "$engine")
  dir="$raw/migrations-$engine"
  pending_migrations "$engine" "$dir"
  bench_jar "$BENCH_JAR_DIR/$engine"
  echo "$engine: priming: bin/migrescue status --url $url (trains the start-up archive)" >&2
  set +e
  MIGRESCUE_TRAIN_PG_URL="$PG_URL" MIGRESCUE_TRAIN_MYSQL_URL="$MARIADB_URL" \
    "$migrescue" status --url "$url" >"$raw/status-$engine.out" 2>"$raw/status-$engine.err"
  "$migrescue" preflight --url "$url" --migrations "$dir" >"$raw/preflight-$engine.out" 2>"$raw/preflight-$engine.err"
  rc=$?
  set -e
  if [ "$rc" -ge 2 ]; then
    echo "$engine: preflight failed with exit $rc:" >&2
    cat "$raw/preflight-$engine.out" "$raw/preflight-$engine.err" >&2
    exit 1
  fi
  pending=$(sed -n 's/^Pending *\([0-9][0-9]*\).*/\1/p' "$raw/preflight-$engine.out" | head -n 1)
  echo "$engine: preflight sees ${pending:-?} pending migration(s) (expected 10); its output: $raw/preflight-$engine.out" >&2

  : >"$raw/$engine-status.us"; : >"$raw/$engine-preflight.us"
  echo "$engine: $warmup warm-up + $runs measured rounds of status / preflight, interleaved and rotated" >&2
  for ((i = 1; i <= warmup + runs; i++)); do
    wait_quiet
    for ((k = 0; k < 2; k++)); do
      case $(((i + k) % 2)) in
        0) timed 1 "$migrescue" status --url "$url"; s=$TIMED_US ;;
        1) timed 1 "$migrescue" preflight --url "$url" --migrations "$dir"; p=$TIMED_US ;;
      esac
    done
    if [ "$i" -gt "$warmup" ]; then
      echo "$s" >>"$raw/$engine-status.us"; echo "$p" >>"$raw/$engine-preflight.us"
    fi
  done
done

report="$raw/report.md"
{
  echo '```'
  machine_facts
  echo "runs:        $runs measured per command, $warmup warm-up discarded, interleaved and rotated"
  echo "quiet check: each round waited for <= ${BENCH_QUIET_PCT:-15}% CPU busy (BENCH_QUIET=${BENCH_QUIET:-1}); rounds that gave up waiting: $QUIET_MISSES"
  echo "database:    $BENCH_DB (bench/make-bench-db.sh: 2,000 tables, 2,000 foreign keys); 10 pending migrations V7..V16"
  echo '```'
  echo
  echo "| engine | command | median ms | min ms | preflight / status (medians) | target <= 2 |"
  echo "|---|---|---:|---:|---:|---|"
  for engine in "${engines[@]}"; do
    read -r s_med s_min <<<"$(stats "$raw/$engine-status.us")"
    read -r p_med p_min <<<"$(stats "$raw/$engine-preflight.us")"
    ratio=$(awk -v p="$p_med" -v s="$s_med" 'BEGIN { printf "%.2f", p / s }')
    verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 2) ? "PASS" : "FAIL" }')
    echo "| $engine | migrescue preflight (10 pending) | $p_med | $p_min | $ratio | $verdict |"
    echo "| $engine | migrescue status | $s_med | $s_min | | |"
  done
} >"$report"
cat "$report"
echo >&2
echo "raw timings (microseconds), the report, the migrations and one output per command and engine: $raw" >&2
