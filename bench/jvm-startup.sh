#!/usr/bin/env bash
# JVM start-up of migrescue under different start-up options: AppCDS archive or not, C1 only
# (-XX:TieredStopAtLevel=1) or full tiered compilation, and a bare `java -jar` for reference.
# Measures `--version` (nothing but start-up) and, if engines are named, `status` on that engine too.
#
# Usage: bench/jvm-startup.sh [-n RUNS] [-w WARMUP] [postgresql] [mariadb]
# Env:   as bench/status-vs-dump.sh (MIGRESCUE_JAR, BENCH_JAR_DIR, BENCH_OUT, PG_URL, MARIADB_URL, BENCH_QUIET*).
# status on an engine runs with an AppCDS archive trained by status on that engine; --version with the
# one trained on the first engine named (else by --version).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
while getopts "n:w:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    *) sed -n '2,10p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
engines=("$@")

migrescue="$project_dir/bin/migrescue"
stage_jar
raw="$BENCH_OUT/jvm-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$raw"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# use_jar ENGINE|-: a jar copy whose AppCDS archive was trained the way bin/migrescue trains it on a
# first run: by status on ENGINE (the classes a real run loads), or by --version for "-".
declare -A trained
use_jar() {
  local dir="$BENCH_JAR_DIR/jvm-${1/-/version}"
  if [ -z "${trained[$dir]:-}" ]; then
    trained[$dir]=1
    bench_jar "$dir"
    if [ "$1" = - ]; then
      "$migrescue" --version >/dev/null
    else
      "$migrescue" status --url "$(engine_url "$1")" >/dev/null 2>&1 || [ $? -lt 2 ]
    fi
  fi
  export MIGRESCUE_JAR="$dir/migrescue.jar"
}

# name | env assignments for bin/migrescue | extra MIGRESCUE_JAVA_OPTS. A later -XX flag overrides an
# earlier one, so TieredStopAtLevel=4 undoes bin/migrescue's =1.
variants=(
  "AppCDS + C1 (bin/migrescue default)||"
  "AppCDS + full tiered||-XX:TieredStopAtLevel=4"
  "JDK CDS only + C1|MIGRESCUE_NO_CDS=1|"
  "JDK CDS only + full tiered|MIGRESCUE_NO_CDS=1|-XX:TieredStopAtLevel=4"
  "no CDS + C1|MIGRESCUE_NO_CDS=1|-Xshare:off"
  "no CDS + full tiered|MIGRESCUE_NO_CDS=1|-Xshare:off -XX:TieredStopAtLevel=4"
)

commands=("--version")
for engine in "${engines[@]}"; do commands+=("status:$engine"); done

{
  echo '```'
  machine_facts
  echo "runs:        $runs measured per variant, $warmup warm-up discarded"
  echo '```'
  echo
  echo "| command | start-up options | median ms | min ms |"
  echo "|---|---|---:|---:|"
} >"$raw/report.md"

for command in "${commands[@]}"; do
  if [ "$command" = "--version" ]; then
    args=(--version); ok=0; label="--version"; use_jar "${engines[0]:--}"
  else
    args=(status --url "$(engine_url "${command#status:}")"); ok=1; label="status (${command#status:})"
    use_jar "${command#status:}"
  fi
  for variant in "${variants[@]}"; do
    IFS='|' read -r name assign opts <<<"$variant"
    file="$raw/$(echo "$label $name" | tr -c 'a-zA-Z0-9\n' '_').us"
    : >"$file"
    echo "$label: $name" >&2
    for ((i = 1; i <= warmup + runs; i++)); do
      wait_quiet
      # env(1) for every variant, so each pays the same extra exec.
      # shellcheck disable=SC2086  # $assign is empty or one VAR=value word
      timed "$ok" env $assign MIGRESCUE_JAVA_OPTS="$opts" "$migrescue" "${args[@]}"
      [ "$i" -le "$warmup" ] || echo "$TIMED_US" >>"$file"
    done
    read -r med min <<<"$(stats "$file")"
    echo "| $label | $name | $med | $min |" >>"$raw/report.md"
  done
  # Reference: the jar with no start-up options at all (JDK CDS, G1, full tiered).
  file="$raw/$(echo "$label bare" | tr -c 'a-zA-Z0-9\n' '_').us"
  : >"$file"
  for ((i = 1; i <= warmup + runs; i++)); do
    wait_quiet
    timed "$ok" env "$java_bin" -jar "$MIGRESCUE_JAR" "${args[@]}"
    [ "$i" -le "$warmup" ] || echo "$TIMED_US" >>"$file"
  done
  read -r med min <<<"$(stats "$file")"
  echo "| $label | bare \`java -jar\` (JDK CDS, G1, full tiered) | $med | $min |" >>"$raw/report.md"
done

echo >>"$raw/report.md"
echo "Runs that started on a busy machine after waiting ${BENCH_QUIET_WAIT:-120} s: $QUIET_MISSES" >>"$raw/report.md"
cat "$raw/report.md"
echo "raw timings (microseconds): $raw" >&2
