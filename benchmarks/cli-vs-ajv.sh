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
target="$repo/benchmarks/target"
ajv_dir="$target/ajv"
work="$target/cli-vs-ajv"
schemas="$repo/schemas/src/main/resources/webconnex/schemas/v1/lenient"
example="$repo/benchmarks/src/main/resources/io/webconnexkit/benchmarks/registration-documentation-example.json"
webconnex="$repo/cli/bin/webconnex"

if [ ! -x "$ajv_dir/node_modules/.bin/ajv" ]; then
  echo "installing ajv-cli 5.0.0 and ajv-formats 2.1.1 into $ajv_dir" >&2
  mkdir -p "$ajv_dir"
  npm install --no-audit --no-fund --silent --prefix "$ajv_dir" ajv-cli@5.0.0 ajv-formats@2.1.1 >&2
fi
ajv="$ajv_dir/node_modules/.bin/ajv"

mkdir -p "$work"
# The kit's one custom keyword is an annotation to Ajv (the kit reports it as a warning, never an error).
cat > "$work/legacy-keyword.js" <<'EOF'
module.exports = (ajv) => ajv.addKeyword({ keyword: "webconnexLegacyTimestamp", schemaType: "boolean" });
EOF

# The corpora: the same bytes for both tools.
node - "$example" "$work" <<'EOF'
const fs = require("fs");
const [example, work] = process.argv.slice(2);
const base = JSON.parse(fs.readFileSync(example, "utf8"));
for (const [name, count] of [["one", 1], ["many", 2000]]) {
  const dir = `${work}/${name}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const p = JSON.parse(JSON.stringify(base));
    p.eventId = 100000 + i;
    p.data.id = String(1450805189464127571n + BigInt(i));
    p.data.orderNumber = `TST-${i}`;
    fs.writeFileSync(`${dir}/registration-${String(i).padStart(4, "0")}.json`, JSON.stringify(p, null, 2) + "\n");
  }
}
EOF

kit_run() {
  # shellcheck disable=SC2086 # KIT_COMMAND is a command line
  ${KIT_COMMAND:-$webconnex} validate "$work/$1" > /dev/null
}
ajv_run() {
  (cd "$work" && "$ajv" validate --spec=draft2020 --allow-union-types -c ajv-formats -c ./legacy-keyword.js \
    -s "$schemas/registration.json" -r "$schemas/defs.json" -d "$1/*.json" > /dev/null 2>&1)
}

# Milliseconds of wall time of one command; a failing command (an invalid file) stops the script.
ms() {
  local start end
  start=$(date +%s%N)
  "$@" || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), node $(node --version)"
kit_run one; ajv_run one   # first runs: the launcher's class-data archive is created, files are in the page cache
printf '%-8s %6s %12s %12s %8s\n' corpus files "kit ms" "ajv ms" ratio
for corpus in one many; do
  kit_times=(); ajv_times=()
  for ((i = 0; i < runs; i++)); do
    if (( i % 2 == 0 )); then
      kit_times+=("$(ms kit_run "$corpus")"); ajv_times+=("$(ms ajv_run "$corpus")")
    else
      ajv_times+=("$(ms ajv_run "$corpus")"); kit_times+=("$(ms kit_run "$corpus")")
    fi
  done
  kit=$(printf '%s\n' "${kit_times[@]}" | median)
  ajv_ms=$(printf '%s\n' "${ajv_times[@]}" | median)
  files=$(find "$work/$corpus" -name '*.json' | wc -l)
  printf '%-8s %6d %12s %12s %8s\n' "$corpus" "$files" "$kit" "$ajv_ms" "$(awk -v k="$kit" -v a="$ajv_ms" 'BEGIN {printf "%.2f", k / a}')"
  echo "  kit runs: ${kit_times[*]}; ajv runs: ${ajv_times[*]}" >&2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
