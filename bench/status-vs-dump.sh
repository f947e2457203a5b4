#!/usr/bin/env bash
# Whole-process wall time of `migrescue status` next to the engine's schema dump tool on the same
# database (bench/make-bench-db.sh), plus the JVM start alone (`migrescue --version`).
# Target: status median <= 0.5 x dump median.
#
# Usage: bench/status-vs-dump.sh [-n RUNS] [-w WARMUP] [postgresql] [mariadb]
#   RUNS (default 10) measured runs per command after WARMUP (default 2) discarded ones.
# Env:   MIGRESCUE_JAR (jar to copy; default target/migrescue.jar), PG_URL, MARIADB_URL, BENCH_DB,
#        BENCH_JAR_DIR (default /tmp/bench-jar), BENCH_OUT (default /tmp/bench-results),
#        MIGRESCUE_JAVA_OPTS / MIGRESCUE_NO_CDS (passed through to bin/migrescue).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
while getopts "n:w:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(postgresql mariadb)

migrescue="$project_dir/bin/migrescue"
bench_jar
stamp=$(date -u +%Y%m%dT%H%M%SZ)
raw="$BENCH_OUT/$stamp"
mkdir -p "$raw"

dump_cmd() {
  case "$1" in
    postgresql) echo pg_dump --schema-only -h 127.0.0.1 -U postgres "$BENCH_DB" ;;
    mariadb) echo mariadb-dump --no-data -h 127.0.0.1 -uroot "$BENCH_DB" ;;
  esac
}

# Fail early, with a hint, if the benchmark database is missing.
for engine in "${engines[@]}"; do
  case "$engine" in
    postgresql) psql -h 127.0.0.1 -U postgres -XAtqc "SELECT 1" "$BENCH_DB" >/dev/null ;;
    mariadb) mariadb -h 127.0.0.1 -uroot -Nse "SELECT 1" "$BENCH_DB" >/dev/null ;;
    *) echo "unknown engine $engine (postgresql|mariadb)" >&2; exit 2 ;;
  esac || { echo "$engine: no database $BENCH_DB: run bench/make-bench-db.sh $engine" >&2; exit 1; }
done

# The first bin/migrescue run after a new jar writes the AppCDS archive (-XX:ArchiveClassesAtExit), which
# is slow and only happens once; do it here, with a real status run, so the archive holds the classes
# status loads and the timed runs all use it. Exit 1 is status reporting the failed Flyway row.
first_url=$(engine_url "${engines[0]}")
echo "priming: $migrescue status --url $first_url (trains $BENCH_JAR_DIR/migrescue.jsa)" >&2
set +e
"$migrescue" status --url "$first_url" >"$raw/status-${engines[0]}.out" 2>"$raw/status-${engines[0]}.err"
rc=$?
set -e
if [ "$rc" -ge 2 ]; then
  echo "status failed with exit $rc:" >&2
  cat "$raw/status-${engines[0]}.out" "$raw/status-${engines[0]}.err" >&2
  exit 1
fi
cds="none"
[ -f "$BENCH_JAR_DIR/migrescue.jsa" ] && cds="$BENCH_JAR_DIR/migrescue.jsa ($(du -k "$BENCH_JAR_DIR/migrescue.jsa" | cut -f1) KiB, trained by status on ${engines[0]})"
[ -n "${MIGRESCUE_NO_CDS:-}" ] && cds="disabled (MIGRESCUE_NO_CDS)"

for engine in "${engines[@]}"; do
  url=$(engine_url "$engine")
  read -r -a dump <<<"$(dump_cmd "$engine")"
  # Keep one status output per engine so a reader can see what was measured.
  set +e
  "$migrescue" status --url "$url" >"$raw/status-$engine.out" 2>"$raw/status-$engine.err"
  set -e
  : >"$raw/$engine-status.us"; : >"$raw/$engine-dump.us"; : >"$raw/$engine-jvm.us"
  echo "$engine: $warmup warm-up + $runs measured runs of status / ${dump[0]} / --version, interleaved" >&2
  # Interleaved, so that drift on the machine (other load, caches) hits all three commands alike.
  for ((i = 1; i <= warmup + runs; i++)); do
    timed 1 "$migrescue" status --url "$url";  s=$TIMED_US
    timed 0 "${dump[@]}";                       d=$TIMED_US
    timed 0 "$migrescue" --version;             v=$TIMED_US
    if [ "$i" -gt "$warmup" ]; then
      echo "$s" >>"$raw/$engine-status.us"; echo "$d" >>"$raw/$engine-dump.us"; echo "$v" >>"$raw/$engine-jvm.us"
    fi
  done
done

report="$raw/report.md"
{
  echo '```'
  machine_facts
  echo "runs:        $runs measured per command, $warmup warm-up discarded, interleaved"
  echo "CDS archive: $cds"
  echo "java opts:   bin/migrescue defaults${MIGRESCUE_JAVA_OPTS:+ + $MIGRESCUE_JAVA_OPTS}"
  echo '```'
  echo
  echo "| engine | command | median ms | min ms | status / dump (median) | target <= 0.5 |"
  echo "|---|---|---:|---:|---:|---|"
  for engine in "${engines[@]}"; do
    read -r s_med s_min <<<"$(stats "$raw/$engine-status.us")"
    read -r d_med d_min <<<"$(stats "$raw/$engine-dump.us")"
    read -r v_med v_min <<<"$(stats "$raw/$engine-jvm.us")"
    ratio=$(awk -v s="$s_med" -v d="$d_med" 'BEGIN { printf "%.2f", s / d }')
    verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 0.5) ? "PASS" : "FAIL" }')
    dump_name=$( [ "$engine" = postgresql ] && echo "pg_dump --schema-only" || echo "mariadb-dump --no-data")
    echo "| $engine | migrescue status | $s_med | $s_min | $ratio | $verdict |"
    echo "| $engine | $dump_name | $d_med | $d_min | | |"
    echo "| $engine | JVM start (migrescue --version) | $v_med | $v_min | | |"
    echo "| $engine | status minus JVM start (medians) | $(awk -v a="$s_med" -v b="$v_med" 'BEGIN { printf "%.1f", a - b }') | | | |"
  done
} >"$report"
cat "$report"
echo >&2
echo "raw timings (microseconds) and one status output per engine: $raw" >&2
