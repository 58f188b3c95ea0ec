#!/usr/bin/env bash
# Times what `mvn webconnex:validate` adds to an empty Maven build over 2,000 registration fixtures,
# against `ajv validate` (ajv-cli 5, Ajv 8, draft 2020-12, formats on) on the same files with the kit's
# own lenient registration schema. Three commands alternate, who goes first rotating:
#
#   empty:  mvn -o -q validate              a project with nothing bound: Maven's own start and model
#   goal:   mvn -o -q webconnex:validate    the same project, the goal over src/test/resources/webconnex
#   ajv:    ajv validate ... -d "fixtures/*.json"
#   idle:   the goal over an empty folder   what Maven pays to load and start any run of the plugin
#
# and it prints the medians, what the goal adds (goal - empty), the part of that spent on the
# fixtures (goal - idle), and the ratios added / ajv and goal / ajv.
# Run by hand; see docs/performance.md.
#
#   ./mvnw -q install -DskipTests          # the plugin and its dependencies into your local repository
#   benchmarks/plugin-vs-ajv.sh [RUNS]     # RUNS per command, default 5
#
# MVN replaces the Maven to time (default: the Maven the wrapper uses, ./mvnw's 3.9.16, run directly so
# the wrapper script's own start is not counted). ajv-cli is installed with npm into benchmarks/target/ajv
# on first use; the project and the fixtures are written to benchmarks/target/plugin-vs-ajv. Nothing
# outside benchmarks/target is written.
set -euo pipefail

runs="${1:-5}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/ajv-common.sh
. "$repo/benchmarks/lib/ajv-common.sh"
work="$target/plugin-vs-ajv"
project="$work/project"
fixtures="$project/src/test/resources/webconnex"

version=$(awk '/<artifactId>webconnex-contract-kit<\/artifactId>/ {found = 1; next}
  found && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' "$repo/pom.xml")

if [ -z "${MVN:-}" ]; then
  "$repo/mvnw" -q -v > /dev/null   # the wrapper downloads its Maven on first use
  wanted=$(sed -n 's/^distributionUrl=.*apache-maven-\([0-9.]*\)-bin.zip$/\1/p' "$repo/.mvn/wrapper/maven-wrapper.properties")
  for candidate in "${MAVEN_USER_HOME:-$HOME/.m2}"/wrapper/dists/apache-maven-"$wanted"*/*/bin/mvn \
      "${MAVEN_USER_HOME:-$HOME/.m2}"/wrapper/dists/apache-maven-"$wanted"*/bin/mvn; do
    if [ -x "$candidate" ]; then MVN="$candidate"; break; fi
  done
fi
if [ -z "${MVN:-}" ]; then
  echo "plugin-vs-ajv: cannot find the wrapper's Maven; set MVN to a Maven 3.9 mvn" >&2
  exit 2
fi

install_ajv
mkdir -p "$project/.mvn"   # the project's own root: Maven does not look above it for .mvn/
cat > "$project/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>plugin-vs-ajv</artifactId>
  <version>1.0-SNAPSHOT</version>
  <build>
    <plugins>
      <plugin>
        <groupId>io.webconnexkit</groupId>
        <artifactId>webconnex-maven-plugin</artifactId>
        <version>$version</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
write_corpus "$fixtures" 2000

maven() { (cd "$project" && "$MVN" -o -q -B "$@" > "$work/maven.log" 2>&1) || { cat "$work/maven.log" >&2; return 1; }; }
empty_run() { maven validate; }
goal_run() { maven webconnex:validate -Dwebconnex.reportFormats=none; }
idle_run() {
  maven webconnex:validate -Dwebconnex.reportFormats=none -Dwebconnex.fixtures=src/test/resources/none \
    -Dwebconnex.failIfNoFixtures=false
}

machine
echo "maven: $MVN, plugin $version"
# First runs: Maven's and npm's files are in the page cache, and a missing plugin shows here.
goal_run || { echo "plugin-vs-ajv: the goal failed; install the kit first: ./mvnw -q install -DskipTests" >&2; exit 1; }
empty_run; ajv_run "$fixtures"

empty_times=(); goal_times=(); ajv_times=(); idle_times=()
for ((i = 0; i < runs; i++)); do
  case $(( i % 3 )) in
    0) empty_times+=("$(ms empty_run)"); goal_times+=("$(ms goal_run)"); ajv_times+=("$(ms ajv_run "$fixtures")") ;;
    1) goal_times+=("$(ms goal_run)"); ajv_times+=("$(ms ajv_run "$fixtures")"); empty_times+=("$(ms empty_run)") ;;
    2) ajv_times+=("$(ms ajv_run "$fixtures")"); empty_times+=("$(ms empty_run)"); goal_times+=("$(ms goal_run)") ;;
  esac
  idle_times+=("$(ms idle_run)")
done
empty=$(printf '%s\n' "${empty_times[@]}" | median)
goal=$(printf '%s\n' "${goal_times[@]}" | median)
ajv_ms=$(printf '%s\n' "${ajv_times[@]}" | median)
idle=$(printf '%s\n' "${idle_times[@]}" | median)
added=$(awk -v g="$goal" -v e="$empty" 'BEGIN {print g - e}')
on_fixtures=$(awk -v g="$goal" -v i="$idle" 'BEGIN {print g - i}')
files=$(find "$fixtures" -name '*.json' | wc -l)
echo "  empty runs: ${empty_times[*]}; goal runs: ${goal_times[*]}; ajv runs: ${ajv_times[*]}; idle runs: ${idle_times[*]}" >&2
printf '%6s %9s %9s %9s %9s %9s %16s %12s %11s\n' files "empty ms" "idle ms" "goal ms" "added ms" "ajv ms" \
  "on fixtures ms" "added / ajv" "goal / ajv"
printf '%6d %9s %9s %9s %9s %9s %16s %12s %11s\n' "$files" "$empty" "$idle" "$goal" "$added" "$ajv_ms" "$on_fixtures" \
  "$(ratio "$added" "$ajv_ms")" "$(ratio "$goal" "$ajv_ms")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
