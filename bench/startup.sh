#!/usr/bin/env bash
# Start-up of migrescue, whole process, next to `java -version` and to the engines' dump tools (issue 19).
# CPU time (user + sys of the process and its children) and wall time, median of RUNS interleaved rounds:
#   --version, --help                          vs java -version (same JDK)     target CPU <= 1.5x
#   status, diagnose, explain (1-table PG db)  vs java -version (same JDK)     target CPU <= 3x
#   JVM floor (the jar's Main answering --version in the JVM, the launcher's options and archive): what every
#     command the JVM answers pays before it reads its command line
#   picocli floor (bench/PicocliFloor.java: one command, two options, own archive)  what any parsed command pays
#   JDBC floor (bench/JdbcFloor.java: connect + status's first query, own archive)  what status cannot go under
#   status on the 2,000-table db (make-bench-db.sh) vs pg_dump --schema-only / mariadb-dump --no-data
#                                                                              target wall <= 0.5x
# One row group per JDK: the default `java` and, when installed, a JDK 25 (BENCH_JDK25, default the Temurin 25
# under /usr/lib/jvm), run through bin/migrescue with MIGRESCUE_JAVA. Each JDK gets a fresh copy of the jar, so
# the launcher makes its start-up archive (CDS on 17, AOT cache on 25) by its training run first, untimed.
#
# Usage: bench/startup.sh [-n RUNS] [-w WARMUP]
# Env:   LAUNCHER (default bin/migrescue: measure another launcher, e.g. an older one), MIGRESCUE_JAR,
#        MIGRESCUE_NO_CDS=1 / MIGRESCUE_JAVA_OPTS (passed through), BENCH_JDKS ("17 25": which groups),
#        BENCH_BIG=0 (skip the 2,000-table rows; pg: PostgreSQL's only), BENCH_QUIET=0, BENCH_QUIET_WAIT (default here 20 s),
#        BENCH_TRAIN=db (default: the training run reads a scratch one-table database, migrescue_train, made when
#        missing, so the drivers' connection path is in the archive) or none (as a first run without
#        MIGRESCUE_TRAIN_PG_URL: the training connects to a closed port).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
while getopts "n:w:h" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
  esac
done
export BENCH_QUIET_WAIT="${BENCH_QUIET_WAIT:-20}"
launcher="${LAUNCHER:-$project_dir/bin/migrescue}"
small_db=migrescue_startup
small_url="jdbc:postgresql://127.0.0.1:5432/$small_db?user=postgres"
error_file="$project_dir/src/test/resources/errors/flyway/failed-to-execute-script-pg15-public.txt"

jdk25="${BENCH_JDK25:-$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/jdk-2[5-9]* 2>/dev/null | head -n 1 || true)}"
default_java="$(readlink -f "$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")")"
declare -A java_of=([17]="$default_java")
[ -n "$jdk25" ] && [ -x "$jdk25/bin/java" ] && java_of[25]="$jdk25/bin/java"
read -r -a jdks <<< "${BENCH_JDKS:-17 25}"
for j in "${jdks[@]}"; do [ -n "${java_of[$j]:-}" ] || { echo "no JDK $j: skipped" >&2; jdks=("${jdks[@]/$j}"); }; done
read -r -a jdks <<< "${jdks[*]}"

# The small database: one table, made when missing.
if ! psql -h 127.0.0.1 -U postgres -XAtqc "SELECT 1" "$small_db" >/dev/null 2>&1; then
  createdb -h 127.0.0.1 -U postgres "$small_db"
  psql -h 127.0.0.1 -U postgres -Xqc "CREATE TABLE customer (id bigint PRIMARY KEY, name text NOT NULL)" "$small_db"
fi
train="${BENCH_TRAIN:-db}" train_db=migrescue_train
if [ "$train" = db ] && ! psql -h 127.0.0.1 -U postgres -XAtqc "SELECT 1" "$train_db" >/dev/null 2>&1; then
  createdb -h 127.0.0.1 -U postgres "$train_db"
  psql -h 127.0.0.1 -U postgres -Xqc "CREATE TABLE customer (id bigint PRIMARY KEY, name text NOT NULL)" "$train_db"
fi
train_env=()
[ "$train" = db ] && train_env=("MIGRESCUE_TRAIN_PG_URL=jdbc:postgresql://127.0.0.1:5432/$train_db?user=postgres")
big="${BENCH_BIG:-1}"
if [ "$big" != 0 ]; then
  psql -h 127.0.0.1 -U postgres -XAtqc "SELECT 1" "$BENCH_DB" >/dev/null 2>&1 \
    && { [ "$big" = pg ] || mariadb -h 127.0.0.1 -uroot -Nse "SELECT 1" "$BENCH_DB" >/dev/null 2>&1; } \
    || { echo "no $BENCH_DB on both engines: run bench/make-bench-db.sh both (or BENCH_BIG=0)" >&2; exit 1; }
fi

stage_jar
raw="$BENCH_OUT/startup-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$raw"

# cpu_timed NAME OK_MAX_RC CMD...: one whole-process run; appends "wall_us cpu_us" to $raw/NAME.
cpu_timed() {
  local name="$1" ok_max="$2" out wall user sys rc TIMEFORMAT='%R %U %S'
  shift 2
  out=$( { time "$@" >/dev/null 2>"$raw/last.err"; } 2>&1; echo "$?")
  read -r wall user sys rc <<< "$(echo $out)"
  if [ "$rc" -gt "$ok_max" ]; then
    echo "FAILED (exit $rc): $*" >&2
    sed -n 1,20p "$raw/last.err" >&2
    exit 1
  fi
  awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "%d %d\n", w * 1e6, (u + s) * 1e6 }' >> "$raw/$name"
}

# Each JDK's commands, as NAME|OK_MAX_RC|command; run through the launcher with that JDK.
# JAVA_HOME too, for a launcher without MIGRESCUE_JAVA (LAUNCHER=an older bin/migrescue)
home_of() { if [ -n "${java_of[$1]:-}" ]; then dirname "$(dirname "${java_of[$1]}")"; else echo "${JAVA_HOME:-}"; fi; }
jar_for() { echo "$BENCH_JAR_DIR/startup-jdk$1/migrescue.jar"; }
commands_for() {
  local j="$1"
  echo "java-version|0|${java_of[$j]} -version"
  echo "version|0|$launcher --version"
  echo "help|0|$launcher --help"
  echo "explain|1|$launcher explain --error-file $error_file"
  echo "status-small|1|$launcher status --url $small_url"
  echo "jvm-floor|0|${java_of[$j]} $jvm_opts $(launcher_archive "$j") -cp $(jar_for "$j") io.migrescue.Main --version"
  echo "picocli-floor|0|${java_of[$j]} $jvm_opts $(floor_archive "$j" use picocli) -cp $(floor_cp "$j") PicocliFloor --error x"
  echo "jdbc-floor|0|${java_of[$j]} $jvm_opts $(floor_archive "$j" use jdbc) -cp $(floor_cp "$j") JdbcFloor $small_url"
  echo "diagnose-small|1|$launcher diagnose --url $small_url"
  [ "$big" = 0 ] || echo "status-pg2000|1|$launcher status --url $PG_URL"
  [ "$big" != 1 ] || echo "status-maria2000|1|$launcher status --url $MARIADB_URL"
}
dump_commands=()
[ "$big" = 0 ] || dump_commands+=("pg_dump|0|pg_dump --schema-only -h 127.0.0.1 -U postgres $BENCH_DB")
[ "$big" != 1 ] || dump_commands+=("mariadb-dump|0|mariadb-dump --no-data -h 127.0.0.1 -uroot $BENCH_DB")

# The JDBC floor (bench/JdbcFloor.java): connect with the jar's PostgreSQL driver and run status's first query, no
# more, with the launcher's JVM options and an archive of its own per JDK, made by one untimed run.
jvm_opts="-XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500 -XX:Tier3CompileThreshold=10000 -XX:+UseSerialGC -XX:-UsePerfData -Xss2m -Xlog:disable -Xlog:all=error:stderr"
floor_classes="$BENCH_JAR_DIR/floor-classes"
rm -rf "$floor_classes"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" --release 17 -nowarn -cp "$BENCH_JAR_DIR/staged.jar" -d "$floor_classes" \
  "$bench_dir/JdbcFloor.java" "$bench_dir/PicocliFloor.java"
# in a jar: JDK 17's dynamic archive refuses a class path with a non-empty directory
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" cf "$BENCH_JAR_DIR/floor.jar" -C "$floor_classes" .
floor_cp() { echo "$(jar_for "$1"):$BENCH_JAR_DIR/floor.jar"; }
floor_archive() { # floor_archive JDK make|use jdbc|picocli: the option that writes or maps that floor's own archive
  local f="$BENCH_JAR_DIR/startup-jdk$1/floor-$3"
  if [ "$1" -ge 25 ]; then
    [ "$2" = make ] && echo "-XX:AOTCacheOutput=$f.aot" || echo "-XX:AOTCache=$f.aot"
  else
    [ "$2" = make ] && echo "-XX:ArchiveClassesAtExit=$f.jsa" || echo "-XX:SharedArchiveFile=$f.jsa"
  fi
}
launcher_archive() { # launcher_archive JDK: the option that maps the archive bin/migrescue made beside the jar
  local base="${BENCH_JAR_DIR}/startup-jdk$1/migrescue"
  if [ "$1" -ge 25 ]; then echo "-XX:AOTCache=$base.jdk$1.aot"; else echo "-XX:SharedArchiveFile=$base.jdk$1.jsa"; fi
}

# A fresh jar per JDK; the first launcher run makes the start-up archive (its training run), untimed.
for j in "${jdks[@]}"; do
  bench_jar "$BENCH_JAR_DIR/startup-jdk$j"
  rm -f "$BENCH_JAR_DIR/startup-jdk$j"/migrescue.* "$BENCH_JAR_DIR/startup-jdk$j"/floor-*
  cp "$BENCH_JAR_DIR/staged.jar" "$(jar_for "$j")"
  stage_beside_jar "$BENCH_JAR_DIR/startup-jdk$j"
  env "${train_env[@]}" MIGRESCUE_JAVA="${java_of[$j]}" JAVA_HOME="$(home_of "$j")" MIGRESCUE_JAR="$(jar_for "$j")" \
    "$launcher" playbooks >/dev/null # a command the JVM answers (the launcher answers --version and --help itself)
  # shellcheck disable=SC2086
  "${java_of[$j]}" $jvm_opts "$(floor_archive "$j" make jdbc)" -cp "$(floor_cp "$j")" JdbcFloor "$small_url" >/dev/null
  # shellcheck disable=SC2086
  "${java_of[$j]}" $jvm_opts "$(floor_archive "$j" make picocli)" -cp "$(floor_cp "$j")" PicocliFloor --error x >/dev/null
done

round() { # round N: every command once, the start rotated by N
  local measured="$1" n="$2" all=() i line name ok cmd j
  for j in "${jdks[@]}"; do
    while IFS= read -r line; do all+=("$j|$line"); done < <(commands_for "$j")
  done
  for line in "${dump_commands[@]}"; do all+=("-|$line"); done
  for ((i = 0; i < ${#all[@]}; i++)); do
    IFS='|' read -r j name ok cmd <<< "${all[$(((i + n) % ${#all[@]}))]}"
    local tag="jdk$j-$name"
    [ "$j" = - ] && tag="$name"
    [ "$measured" = 1 ] || tag="warmup"
    # shellcheck disable=SC2086
    MIGRESCUE_JAVA="${java_of[$j]:-}" JAVA_HOME="$(home_of "$j")" MIGRESCUE_JAR="$(jar_for "$j")" cpu_timed "$tag" "$ok" $cmd
  done
}
for ((r = 0; r < warmup; r++)); do wait_quiet; round 0 "$r"; done
for ((r = 0; r < runs; r++)); do wait_quiet; round 1 "$r"; done

# median COLUMN FILE: the median of one column (1 wall, 2 CPU), in ms
median() {
  awk -v c="$1" '{ print $c }' "$2" | sort -n | awk '{ v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}
row() { # row LABEL FILE BASEFILE TARGET_KIND TARGET
  local label="$1" f="$raw/$2" base="$raw/$3" kind="$4" target="$5" cpu wall bcpu bwall rc rw verdict got
  cpu=$(median 2 "$f"); wall=$(median 1 "$f"); bcpu=$(median 2 "$base"); bwall=$(median 1 "$base")
  rc=$(awk -v a="$cpu" -v b="$bcpu" 'BEGIN { printf "%.2f", a / b }')
  rw=$(awk -v a="$wall" -v b="$bwall" 'BEGIN { printf "%.2f", a / b }')
  got=$rc
  [ "$kind" = wall ] && got=$rw
  verdict=$(awk -v g="$got" -v t="$target" 'BEGIN { print (g <= t) ? "PASS" : "MISS" }')
  printf '| %-34s | %8s | %8s | %-22s | %6s | %6s | %s <= %s: %s |\n' "$label" "$cpu" "$wall" "$3" "$rc" "$rw" \
    "$kind" "$target" "$verdict"
}

report="$raw/report.txt"
{
  machine_facts
  for j in "${jdks[@]}"; do echo "jdk $j:      $("${java_of[$j]}" -version 2>&1 | sed -n 2p)"; done
  echo "launcher:    $launcher${MIGRESCUE_NO_CDS:+ (MIGRESCUE_NO_CDS=1)}${MIGRESCUE_JAVA_OPTS:+ (MIGRESCUE_JAVA_OPTS=$MIGRESCUE_JAVA_OPTS)}"
  for j in "${jdks[@]}"; do
    echo "archive $j:  $(cd "$BENCH_JAR_DIR/startup-jdk$j" && ls -s --block-size=K migrescue*.jsa migrescue*.aot floor-* 2>/dev/null | tr '\n' ' ')"
  done
  echo "training:    ${train_env[0]:-without a database (MIGRESCUE_TRAIN_PG_URL unset)}"
  echo "rounds:      $runs measured after $warmup warm-up, interleaved; $QUIET_MISSES gave up waiting for an idle machine"
  echo
  printf '| %-34s | %8s | %8s | %-22s | %6s | %6s | %s |\n' "command" "CPU ms" "wall ms" "against" "CPU x" "wall x" "target"
  echo "|---|---:|---:|---|---:|---:|---|"
  for j in "${jdks[@]}"; do
    row "JDK $j java -version" "jdk$j-java-version" "jdk$j-java-version" cpu 1
    row "JDK $j migrescue --version" "jdk$j-version" "jdk$j-java-version" cpu 1.5
    row "JDK $j migrescue --help" "jdk$j-help" "jdk$j-java-version" cpu 1.5
    row "JDK $j explain (no database)" "jdk$j-explain" "jdk$j-java-version" cpu 3
    row "JDK $j status (1-table PostgreSQL)" "jdk$j-status-small" "jdk$j-java-version" cpu 3
    row "JDK $j JVM floor (Main --version)" "jdk$j-jvm-floor" "jdk$j-java-version" cpu 3
    row "JDK $j picocli floor (1 command)" "jdk$j-picocli-floor" "jdk$j-java-version" cpu 3
    row "JDK $j JDBC floor (1 query)" "jdk$j-jdbc-floor" "jdk$j-java-version" cpu 3
    row "JDK $j diagnose (1-table PostgreSQL)" "jdk$j-diagnose-small" "jdk$j-java-version" cpu 3
    [ "$big" = 0 ] || row "JDK $j status (2,000 tables, PG)" "jdk$j-status-pg2000" pg_dump wall 0.5
    [ "$big" != 1 ] || row "JDK $j status (2,000 tables, MariaDB)" "jdk$j-status-maria2000" mariadb-dump wall 0.5
  done
  [ "$big" = 0 ] || row "pg_dump --schema-only" pg_dump pg_dump wall 1
  [ "$big" != 1 ] || row "mariadb-dump --no-data" mariadb-dump mariadb-dump wall 1
  echo
  echo "raw timings (wall_us cpu_us per run): $raw"
} | tee "$report"
