#!/usr/bin/env bash
# Times `webconnex validate` against `ajv validate` (ajv-cli 5, Ajv 8, draft 2020-12, formats on) with
# the kit's own lenient registration schema, on the same generated corpus of 1 and of 2,000 registration
# payloads (the documentation example with its ids changed, about 3 KB each). The two tools alternate,
# each run of one followed by a run of the other (who goes first alternates too), and the median wall
# times and their ratio (kit / ajv) are printed. Run by hand; see docs/performance.md.
#
#   ./mvnw -q -pl cli -am package -DskipTests      # builds cli/target/webconnex-cli-*-all.jar
#   benchmarks/cli-vs-ajv.sh [RUNS]                # RUNS per tool and corpus, default 5
#
# KIT_COMMAND replaces cli/bin/webconnex (e.g. KIT_COMMAND="java -jar old.jar" to time an earlier build).
# ajv-cli is installed with npm into benchmarks/target/ajv on first use; the corpus is written to
# benchmarks/target/cli-vs-ajv. Nothing outside benchmarks/target is written.
set -euo pipefail

runs="${1:-5}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/ajv-common.sh
. "$repo/benchmarks/lib/ajv-common.sh"
work="$target/cli-vs-ajv"
webconnex="$repo/cli/bin/webconnex"

install_ajv
# The corpora: the same bytes for both tools.
write_corpus "$work/one" 1
write_corpus "$work/many" 2000

kit_run() {
  # shellcheck disable=SC2086 # KIT_COMMAND is a command line
  ${KIT_COMMAND:-$webconnex} validate "$work/$1" > /dev/null
}

machine
kit_run one; ajv_run "$work/one"   # first runs: the launcher's class-data archive is created, files are in the page cache
printf '%-8s %6s %12s %12s %8s\n' corpus files "kit ms" "ajv ms" ratio
for corpus in one many; do
  kit_times=(); ajv_times=()
  for ((i = 0; i < runs; i++)); do
    if (( i % 2 == 0 )); then
      kit_times+=("$(ms kit_run "$corpus")"); ajv_times+=("$(ms ajv_run "$work/$corpus")")
    else
      ajv_times+=("$(ms ajv_run "$work/$corpus")"); kit_times+=("$(ms kit_run "$corpus")")
    fi
  done
  kit=$(printf '%s\n' "${kit_times[@]}" | median)
  ajv_ms=$(printf '%s\n' "${ajv_times[@]}" | median)
  files=$(find "$work/$corpus" -name '*.json' | wc -l)
  printf '%-8s %6d %12s %12s %8s\n' "$corpus" "$files" "$kit" "$ajv_ms" "$(ratio "$kit" "$ajv_ms")"
  echo "  kit runs: ${kit_times[*]}; ajv runs: ${ajv_times[*]}" >&2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
