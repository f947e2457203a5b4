#!/usr/bin/env bash
# Whole-process wall time of `migrescue status` next to the engine's schema dump tool on the same
# database (bench/make-bench-db.sh), plus the JVM start alone (`migrescue --version`).
# Target: status median <= 0.5 x dump median.
#
# Usage: bench/status-vs-dump.sh [-n RUNS] [-w WARMUP] [postgresql] [mariadb]
#   RUNS (default 10) measured runs per command after WARMUP (default 2) discarded ones.
# Env:   MIGRESCUE_JAR (jar to measure; default target/migrescue.jar, copied at the start), PG_URL,
#        MARIADB_URL, BENCH_DB, BENCH_JAR_DIR (default /tmp/bench-jar), BENCH_OUT (default /tmp/bench-results),
#        MIGRESCUE_JAVA_OPTS / MIGRESCUE_NO_CDS (passed through to bin/migrescue),
#        BENCH_QUIET=0 (do not wait for an idle machine), BENCH_QUIET_PCT, BENCH_QUIET_WAIT.
set -euo pipefail
# shellcheck source=bench/lib.sh
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
stage_jar
raw="$BENCH_OUT/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$raw"

# Fail early, with a hint, if the benchmark database is missing.
for engine in "${engines[@]}"; do
  case "$engine" in
    postgresql) psql -h 127.0.0.1 -U postgres -XAtqc "SELECT 1" "$BENCH_DB" >/dev/null ;;
    mariadb) mariadb -h 127.0.0.1 -uroot -Nse "SELECT 1" "$BENCH_DB" >/dev/null ;;
    *) echo "unknown engine $engine (postgresql|mariadb)" >&2; exit 2 ;;
  esac || { echo "$engine: no database $BENCH_DB: run bench/make-bench-db.sh $engine" >&2; exit 1; }
done

declare -A cds_note dump_name
dump_name[postgresql]="pg_dump --schema-only"
dump_name[mariadb]="mariadb-dump --no-data"

for engine in "${engines[@]}"; do
  url=$(engine_url "$engine")
  case "$engine" in
    postgresql) dump=(pg_dump --schema-only -h 127.0.0.1 -U postgres "$BENCH_DB") ;;
    mariadb) dump=(mariadb-dump --no-data -h 127.0.0.1 -uroot "$BENCH_DB") ;;
  esac

  # bin/migrescue makes its start-up archive on the first run after a new jar, by its training run
  # (StartupTraining): explain, status and diagnose, on this engine's database here (MIGRESCUE_TRAIN_*_URL). Each
  # engine gets its own jar copy. The first run is slow and untimed.
  bench_jar "$BENCH_JAR_DIR/$engine"
  echo "$engine: priming: bin/migrescue status --url $url (trains the start-up archive)" >&2
  set +e
  MIGRESCUE_TRAIN_PG_URL="$PG_URL" MIGRESCUE_TRAIN_MYSQL_URL="$MARIADB_URL" \
    "$migrescue" status --url "$url" >"$raw/status-$engine.out" 2>"$raw/status-$engine.err"
  rc=$?
  set -e
  if [ "$rc" -ge 2 ]; then
    echo "$engine: status failed with exit $rc:" >&2
    cat "$raw/status-$engine.out" "$raw/status-$engine.err" >&2
    exit 1
  fi
  archive=$(ls "$BENCH_JAR_DIR/$engine"/migrescue*.jsa "$BENCH_JAR_DIR/$engine"/migrescue*.aot 2>/dev/null | head -n 1)
  if [ -n "${MIGRESCUE_NO_CDS:-}" ]; then
    cds_note[$engine]="disabled (MIGRESCUE_NO_CDS)"
  elif [ -n "$archive" ]; then
    cds_note[$engine]="$archive, $(du -k "$archive" | cut -f1) KiB"
  else
    cds_note[$engine]="none was written"
  fi

  : >"$raw/$engine-status.us"; : >"$raw/$engine-dump.us"; : >"$raw/$engine-jvm.us"; : >"$raw/$engine-diagnose.us"
  echo "$engine: $warmup warm-up + $runs measured rounds of status / ${dump[0]} / --version / diagnose, interleaved" >&2
  # Interleaved, so that drift on the machine (other load, caches) hits all four commands alike, and
  # rotated, because whichever command runs first in a round (after the idle check, or after a 6 s
  # mariadb-dump) is measurably slower on this VM: each command takes each place in turn.
  for ((i = 1; i <= warmup + runs; i++)); do
    wait_quiet
    for ((k = 0; k < 4; k++)); do
      case $(((i + k) % 4)) in
        0) timed 1 "$migrescue" status --url "$url"; s=$TIMED_US ;;
        1) timed 0 "${dump[@]}"; d=$TIMED_US ;;
        2) timed 0 "$migrescue" --version; v=$TIMED_US ;;
        # diagnose reads the whole catalog (every column, index and constraint) where status counts tables
        3) timed 1 "$migrescue" diagnose --url "$url"; g=$TIMED_US ;;
      esac
    done
    if [ "$i" -gt "$warmup" ]; then
      echo "$s" >>"$raw/$engine-status.us"; echo "$d" >>"$raw/$engine-dump.us"; echo "$v" >>"$raw/$engine-jvm.us"
      echo "$g" >>"$raw/$engine-diagnose.us"
    fi
  done
done

report="$raw/report.md"
{
  echo '```'
  machine_facts
  echo "runs:        $runs measured per command, $warmup warm-up discarded, interleaved and rotated"
  echo "quiet check: each round waited for <= ${BENCH_QUIET_PCT:-15}% CPU busy (BENCH_QUIET=${BENCH_QUIET:-1}); rounds that gave up waiting: $QUIET_MISSES"
  for engine in "${engines[@]}"; do
    printf 'CDS archive: %-10s %s\n' "$engine" "${cds_note[$engine]}"
  done
  echo "java opts:   bin/migrescue defaults${MIGRESCUE_JAVA_OPTS:+ + $MIGRESCUE_JAVA_OPTS}"
  echo '```'
  echo
  echo "| engine | command | median ms | min ms | status / dump (medians) | target <= 0.5 |"
  echo "|---|---|---:|---:|---:|---|"
  for engine in "${engines[@]}"; do
    read -r s_med s_min <<<"$(stats "$raw/$engine-status.us")"
    read -r d_med d_min <<<"$(stats "$raw/$engine-dump.us")"
    read -r v_med v_min <<<"$(stats "$raw/$engine-jvm.us")"
    ratio=$(awk -v s="$s_med" -v d="$d_med" 'BEGIN { printf "%.2f", s / d }')
    verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 0.5) ? "PASS" : "FAIL" }')
    echo "| $engine | migrescue status | $s_med | $s_min | $ratio | $verdict |"
    echo "| $engine | ${dump_name[$engine]} | $d_med | $d_min | | |"
    echo "| $engine | JVM start (migrescue --version) | $v_med | $v_min | | |"
    echo "| $engine | status minus JVM start (medians) | $(awk -v a="$s_med" -v b="$v_med" 'BEGIN { printf "%.1f", a - b }') | | | |"
    read -r g_med g_min <<<"$(stats "$raw/$engine-diagnose.us")"
    g_ratio=$(awk -v g="$g_med" -v s="$s_med" 'BEGIN { printf "%.2f", g / s }')
    echo "| $engine | migrescue diagnose: diagnose / status (target <= 1.5) | $g_med | $g_min | $g_ratio | $(awk -v r="$g_ratio" 'BEGIN { print (r <= 1.5) ? "PASS" : "FAIL" }') |"
  done
} >"$report"
cat "$report"
echo >&2
echo "raw timings (microseconds), the report and one status output per engine: $raw" >&2
