# Shared helpers for the bench/ scripts. Source it; it defines functions only (plus the defaults below).
# shellcheck shell=bash disable=SC2034  # TIMED_*, project_dir: read by the scripts that source this

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

# Busy percentage of all CPUs over the next $1 seconds, from /proc/stat.
cpu_busy() {
  local a b
  a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  sleep "$1"
  b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
    t = y[2] - x[2]; printf "%d\n", (t > 0) ? 100 * (y[1] - x[1]) / t : 0 }'
}

# wait_quiet: on a shared 2-core machine a build next door doubles every number, so wait (up to
# BENCH_QUIET_WAIT seconds, default 120) until the CPUs are at most BENCH_QUIET_PCT (default 15) % busy.
# Counts the waits that timed out in QUIET_MISSES. BENCH_QUIET=0 turns this off.
QUIET_MISSES=0
wait_quiet() {
  [ "${BENCH_QUIET:-1}" != 0 ] || return 0
  local deadline=$((SECONDS + ${BENCH_QUIET_WAIT:-120})) busy
  while :; do
    busy=$(cpu_busy 0.5)
    [ "$busy" -le "${BENCH_QUIET_PCT:-15}" ] && return 0
    if [ "$SECONDS" -ge "$deadline" ]; then
      QUIET_MISSES=$((QUIET_MISSES + 1))
      echo "machine still ${busy}% busy after ${BENCH_QUIET_WAIT:-120} s: measuring anyway" >&2
      return 0
    fi
    sleep 2
  done
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

# The jar to measure, as named when the script started (bin/migrescue's own variable, or the build output).
source_jar="${MIGRESCUE_JAR:-$project_dir/target/migrescue.jar}"

# stage_jar: takes one copy of the jar at the start, so that every engine measures the same build even
# if target/ is rebuilt meanwhile.
stage_jar() {
  [ -f "$source_jar" ] || { echo "no jar at $source_jar: build it first (mvn -B -DskipTests package)" >&2; exit 1; }
  mkdir -p "$BENCH_JAR_DIR" "$BENCH_OUT"
  # A build may be writing the jar right now: retry until the copy is a whole zip.
  local try
  for try in 1 2 3 4 5 6; do
    cp "$source_jar" "$BENCH_JAR_DIR/staged.jar"
    # the version and usage the build writes beside the jar (an install has them too): the launcher answers
    # --version and --help from them
    local extra
    for extra in version help; do
      rm -f "$BENCH_JAR_DIR/staged.$extra"
      [ ! -f "${source_jar%.jar}.$extra" ] || cp "${source_jar%.jar}.$extra" "$BENCH_JAR_DIR/staged.$extra"
    done
    if ! command -v unzip >/dev/null || unzip -tqq "$BENCH_JAR_DIR/staged.jar" >/dev/null 2>&1; then
      return 0
    fi
    echo "$source_jar is being rewritten (try $try): waiting" >&2
    sleep 10
  done
  echo "could not take a whole copy of $source_jar" >&2
  exit 1
}

# bench_jar DIR: puts the staged jar at DIR/migrescue.jar without a start-up archive (migrescue.jdkNN.jsa / .aot;
# migrescue.jsa from older launchers), so that the next bin/migrescue run trains a fresh one there, and points
# MIGRESCUE_JAR at it.
bench_jar() {
  local dir="$1"
  mkdir -p "$dir"
  rm -f "$dir"/migrescue.jsa "$dir"/migrescue.jdk*
  cp "$BENCH_JAR_DIR/staged.jar" "$dir/migrescue.jar"
  stage_beside_jar "$dir"
  export MIGRESCUE_JAR="$dir/migrescue.jar"
}

# stage_beside_jar DIR: the staged version and usage files next to DIR/migrescue.jar, copied after the jar (the
# launcher uses the usage file only when it is not older than the jar)
stage_beside_jar() {
  local extra
  for extra in version help; do
    [ ! -f "$BENCH_JAR_DIR/staged.$extra" ] || cp "$BENCH_JAR_DIR/staged.$extra" "$1/migrescue.$extra"
  done
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
  local jar="$BENCH_JAR_DIR/staged.jar"
  if [ -f "$jar" ]; then
    # MIGRESCUE_NO_CDS: a --version run must not be the one that trains the CDS archive.
    echo "migrescue:   $(MIGRESCUE_NO_CDS=1 MIGRESCUE_JAR="$jar" "$project_dir/bin/migrescue" --version 2>/dev/null | head -n 1) (jar sha256 $(sha256sum "$jar" | cut -c1-12), $(du -k "$jar" | cut -f1) KiB)"
  fi
  echo "hyperfine:   not used (own loop: \$EPOCHREALTIME / date +%s%N)"
}
