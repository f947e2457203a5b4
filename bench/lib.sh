# Shared helpers for the bench/ scripts. Source it; it defines functions only (plus the defaults below).
# shellcheck shell=bash

bench_dir="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project_dir="$(cd -P "$bench_dir/.." && pwd)"

BENCH_DB="${BENCH_DB:-migrescue_bench}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?user=postgres}"
MARIADB_URL="${MARIADB_URL:-jdbc:mysql://127.0.0.1:3306/$BENCH_DB?user=root}"
# The jar under test is a copy: target/ is rebuilt while benchmarks run, and bin/migrescue keeps its
# CDS archive (<jar>.jsa) next to whichever jar it runs.
BENCH_JAR_DIR="${BENCH_JAR_DIR:-/tmp/bench-jar}"
BENCH_OUT="${BENCH_OUT:-/tmp/bench-results}"

# Wall clock in microseconds without forking: $EPOCHREALTIME (bash >= 5) where there is one, else date(1).
if [ -n "${EPOCHREALTIME:-}" ]; then
  now_us() { REPLY=${EPOCHREALTIME//[!0-9]/}; }
else
  now_us() { REPLY=$(( $(date +%s%N) / 1000 )); }
fi

# timed OK_MAX_RC CMD...: runs CMD once, stdout to /dev/null, stderr to $BENCH_OUT/last.err.
# Sets TIMED_US and TIMED_RC; returns 1 if the exit code is above OK_MAX_RC.
timed() {
  local ok_max="$1" t0
  shift
  now_us; t0=$REPLY
  set +e
  "$@" >/dev/null 2>"$BENCH_OUT/last.err"
  TIMED_RC=$?
  set -e
  now_us
  TIMED_US=$((REPLY - t0))
  if [ "$TIMED_RC" -gt "$ok_max" ]; then
    echo "FAILED (exit $TIMED_RC): $*" >&2
    sed -n 1,20p "$BENCH_OUT/last.err" >&2
    return 1
  fi
}

# stats FILE: prints "median_ms min_ms" of the microsecond values in FILE (one a line).
stats() {
  sort -n "$1" | awk '{ v[NR] = $1 }
    END {
      if (NR == 0) { print "nan nan"; exit }
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.1f %.1f\n", med / 1000, v[1] / 1000
    }'
}

# bench_jar: copies target/migrescue.jar (or $MIGRESCUE_JAR) to $BENCH_JAR_DIR, dropping any old CDS
# archive so that the next bin/migrescue run trains a fresh one, and exports MIGRESCUE_JAR.
bench_jar() {
  local src="${MIGRESCUE_JAR:-$project_dir/target/migrescue.jar}"
  [ -f "$src" ] || { echo "no jar at $src: build it first (mvn -B -DskipTests package)" >&2; exit 1; }
  mkdir -p "$BENCH_JAR_DIR" "$BENCH_OUT"
  if [ "$(cd -P "$(dirname "$src")" && pwd)/$(basename "$src")" != "$BENCH_JAR_DIR/migrescue.jar" ]; then
    cp "$src" "$BENCH_JAR_DIR/migrescue.jar.tmp"
    mv "$BENCH_JAR_DIR/migrescue.jar.tmp" "$BENCH_JAR_DIR/migrescue.jar"
  fi
  rm -f "$BENCH_JAR_DIR/migrescue.jsa"
  export MIGRESCUE_JAR="$BENCH_JAR_DIR/migrescue.jar"
}

engine_url() {
  case "$1" in
    postgresql) echo "$PG_URL" ;;
    mariadb) echo "$MARIADB_URL" ;;
    *) echo "unknown engine $1" >&2; return 1 ;;
  esac
}

machine_facts() {
  echo "date:        $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpus:        $(nproc) ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown))"
  echo "memory:      $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)"
  echo "kernel:      $(uname -sr)"
  echo "java:        $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | sed -n 2p)"
  echo "postgresql:  $(psql -h 127.0.0.1 -U postgres -XAtc 'SHOW server_version' 2>/dev/null || echo n/a); $(pg_dump --version)"
  echo "mariadb:     $(mariadb -h 127.0.0.1 -uroot -Nse 'SELECT VERSION()' 2>/dev/null || echo n/a); $(mariadb-dump --version | sed 's/^.*Ver/Ver/')"
  if [ -n "${MIGRESCUE_JAR:-}" ] && [ -f "$MIGRESCUE_JAR" ]; then
    # MIGRESCUE_NO_CDS: a --version run must not be the one that trains the CDS archive.
    echo "migrescue:   $(MIGRESCUE_NO_CDS=1 "$project_dir/bin/migrescue" --version 2>/dev/null | head -n 1) ($(sha256sum "$MIGRESCUE_JAR" | cut -c1-12), $(du -k "$MIGRESCUE_JAR" | cut -f1) KiB)"
  fi
  echo "hyperfine:   not used (own loop: \$EPOCHREALTIME / date +%s%N)"
}
