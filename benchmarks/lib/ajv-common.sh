# Shared by cli-vs-ajv.sh and plugin-vs-ajv.sh (sourced, not run): installs ajv-cli into
# benchmarks/target/ajv, writes the corpora both tools read, runs ajv, and times and summarises runs.
# Expects $repo (the repository root) to be set; sets $target, $work_root, $schemas, $ajv.

target="$repo/benchmarks/target"
schemas="$repo/schemas/src/main/resources/webconnex/schemas/v1/lenient"
example="$repo/benchmarks/src/main/resources/io/webconnexkit/benchmarks/registration-documentation-example.json"
ajv_dir="$target/ajv"
ajv="$ajv_dir/node_modules/.bin/ajv"

# ajv-cli 5.0.0 and ajv-formats 2.1.1, with npm, on first use.
install_ajv() {
  if [ ! -x "$ajv" ]; then
    echo "installing ajv-cli 5.0.0 and ajv-formats 2.1.1 into $ajv_dir" >&2
    mkdir -p "$ajv_dir"
    npm install --no-audit --no-fund --silent --prefix "$ajv_dir" ajv-cli@5.0.0 ajv-formats@2.1.1 >&2
  fi
}

# write_corpus DIR COUNT: COUNT copies of the documentation's registration example with fresh ids
# (about 3 KB each, every one valid for both tools), and the kit's one custom keyword for Ajv.
write_corpus() {
  local dir="$1" count="$2"
  mkdir -p "$(dirname "$dir")"
  # The kit's one custom keyword is an annotation to Ajv (the kit reports it as a warning, never an error).
  cat > "$(dirname "$dir")/legacy-keyword.js" <<'JS'
module.exports = (ajv) => ajv.addKeyword({ keyword: "webconnexLegacyTimestamp", schemaType: "boolean" });
JS
  node - "$example" "$dir" "$count" <<'JS'
const fs = require("fs");
const [example, dir, count] = process.argv.slice(2);
const base = JSON.parse(fs.readFileSync(example, "utf8"));
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
for (let i = 0; i < Number(count); i++) {
  const p = JSON.parse(JSON.stringify(base));
  p.eventId = 100000 + i;
  p.data.id = String(1450805189464127571n + BigInt(i));
  p.data.orderNumber = `TST-${i}`;
  fs.writeFileSync(`${dir}/registration-${String(i).padStart(4, "0")}.json`, JSON.stringify(p, null, 2) + "\n");
}
JS
}

# ajv_run DIR: ajv validate on every *.json file of DIR (run from DIR's parent, where legacy-keyword.js is).
ajv_run() {
  (cd "$(dirname "$1")" && "$ajv" validate --spec=draft2020 --allow-union-types -c ajv-formats -c ./legacy-keyword.js \
    -s "$schemas/registration.json" -r "$schemas/defs.json" -d "$(basename "$1")/*.json" > /dev/null 2>&1)
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

ratio() { awk -v k="$1" -v a="$2" 'BEGIN {printf "%.2f", k / a}'; }

machine() {
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), node $(node --version)"
}
