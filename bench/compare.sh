#!/usr/bin/env bash
# hyoka side by side with the tools an officer would otherwise use, in one session.
#
#   bash bench/compare.sh            # RUNS=11 single-document runs, BATCH=200 documents
#   RUNS=5 BATCH=50 bash bench/compare.sh
#   BATCH=0 bash bench/compare.sh     # the single document and watch only
#
# Runs alternate (hyoka, typst, chromium, hyoka, …) so that a slow moment of the machine hits
# every tool alike; each figure is the median. Peak memory is GNU time's maximum RSS.
# What it measures (issue 6's targets):
#   1. the example's PDF: `hyoka render --format pdf` of its 重点項目評価書 alone vs
#      `typst compile` of the .typ hyoka emits (same fonts, same PDF standards) vs Chromium
#      printing hyoka's HTML; and the example as it is, the 重点項目評価書 with its
#      基礎項目評価書 (issue 11's target: the pair ≤ 1.3× the 重点項目評価書 alone);
#   2. a batch of BATCH generated assessments: `hyoka build --format pdf` vs `typst compile`
#      once per document (as many at once as there are cores), hyoka on 1 thread vs all,
#      and a second build with nothing changed;
#   3. `hyoka watch`: from saving the file to the new PDF on disk.
# The in-process stage timings (validate vs parsing the YAML, diff) are criterion's:
# `cargo bench --bench stages`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-11}
BATCH=${BATCH:-200}
BATCH_RUNS=${BATCH_RUNS:-3}
TYPST_VERSION=0.15.1
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/hyoka-bench
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

say() { printf '%s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------------------
cargo build --release --locked --quiet
cargo build --release --locked --quiet --example synth
HYOKA=$ROOT/target/release/hyoka
SYNTH=$ROOT/target/release/examples/synth

TYPST=$(command -v typst || true)
if [[ -z $TYPST || $("$TYPST" --version) != "typst $TYPST_VERSION"* ]]; then
  TYPST=$CACHE/typst-cli/bin/typst
  if [[ ! -x $TYPST ]]; then
    say "installing typst-cli $TYPST_VERSION into $CACHE/typst-cli (once)"
    cargo install --locked --quiet typst-cli --version "=$TYPST_VERSION" --root "$CACHE/typst-cli"
  fi
fi
if ! command -v chromium >/dev/null || [[ ! -x /usr/bin/time ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium time >/dev/null
fi
CHROMIUM=$(command -v chromium)

# --- measuring ----------------------------------------------------------------------------
# run NAME CMD…: runs CMD once, appends "seconds peak_kb" to $WORK/NAME.times.
run() {
  local name=$1
  shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f %M -o "$WORK/mem" "$@" >/dev/null 2>"$WORK/err" || {
    say "failed: $*"
    cat "$WORK/err" >&2
    exit 1
  }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000 )) $(tail -1 "$WORK/mem")" >>"$WORK/$name.times"
}
# median NAME [column]: the median of a column (1 = microseconds, 2 = peak KB).
median() {
  sort -n -k"${2:-1}","${2:-1}" "$WORK/$1.times" | awk -v c="${2:-1}" '{v[NR]=$c} END {
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ms() { awk -v u="$(median "$1")" 'BEGIN { printf "%.0f ms", u / 1000 }'; }
mb() { awk -v k="$(median "$1" 2)" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
ratio() { awk -v a="$(median "$1")" -v b="$(median "$2")" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '| %s | %s | %s |\n' "$1" "$(ms "$2")" "$(mb "$2")"; }

# --- 1. the example's PDF -----------------------------------------------------------------
EXAMPLE=$ROOT/assessments/takaoka-vaccination
# The 重点項目評価書 alone: the example's folder without its kiso.yaml.
SOLO=$WORK/solo/takaoka-vaccination
mkdir -p "$SOLO"
cp "$EXAMPLE/assessment.yaml" "$EXAMPLE/changes.yaml" "$SOLO/"
ONE=$WORK/one
mkdir -p "$ONE"
"$HYOKA" render "$SOLO" --format typ,html --out "$ONE" 2>/dev/null
say "1. the example's PDF, $RUNS alternating runs each"
for _ in $(seq "$RUNS"); do
  run hyoka "$HYOKA" render "$SOLO" --format pdf --out "$ONE/hyoka"
  run pair "$HYOKA" render "$EXAMPLE" --format pdf --out "$ONE/pair"
  run typst "$TYPST" compile --font-path "$ROOT/templates/fonts" --ignore-system-fonts \
    --ignore-embedded-fonts --pdf-standard a-2a,ua-1 "$ONE/takaoka-vaccination.juten.typ" "$ONE/typst.pdf"
  run chromium "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$ONE/chromium.pdf" "file://$ONE/takaoka-vaccination.juten.html"
done

# --- 2. a batch of generated assessments --------------------------------------------------
if ((BATCH > 0)); then
say "2. a batch of $BATCH generated assessments, $BATCH_RUNS alternating runs each"
"$SYNTH" "$WORK/batch" "$BATCH"
"$HYOKA" build "$WORK/batch" --format typ --out "$WORK/typ" 2>/dev/null
find "$WORK/typ" -name '*.typ' | sort >"$WORK/typ.list"
CORES=$(nproc)
cat >"$WORK/typst-each" <<EOF
#!/usr/bin/env bash
exec xargs -P $CORES -I{} "$TYPST" compile --font-path "$ROOT/templates/fonts" --ignore-system-fonts \\
  --ignore-embedded-fonts --pdf-standard a-2a,ua-1 {} <"$WORK/typ.list"
EOF
chmod +x "$WORK/typst-each"
for _ in $(seq "$BATCH_RUNS"); do
  rm -rf "$WORK/out-all" "$WORK/out-one"
  run build "$HYOKA" build "$WORK/batch" --format pdf --out "$WORK/out-all"
  run rebuild "$HYOKA" build "$WORK/batch" --format pdf --out "$WORK/out-all"
  run build1 "$HYOKA" build "$WORK/batch" --format pdf --out "$WORK/out-one" --jobs 1
  run typst_each "$WORK/typst-each"
done
fi

# --- 3. watch: save → new PDF on disk -----------------------------------------------------
say "3. hyoka watch, $RUNS saves"
cp -r "$EXAMPLE" "$WORK/watched"
"$HYOKA" watch "$WORK/watched" --format pdf --out "$WORK/watch-out" >/dev/null 2>&1 &
PDF=$WORK/watch-out/watched.juten.pdf
for _ in $(seq 600); do [[ -s $PDF ]] && break; sleep 0.05; done
sleep 0.5
for i in $(seq "$RUNS"); do
  before=$(stat -c %.9Y "$PDF" 2>/dev/null || true)
  t0=$(date +%s%N)
  sed -i "s/^# watched .*//" "$WORK/watched/assessment.yaml"
  echo "# watched $i" >>"$WORK/watched/assessment.yaml"
  while [[ $(stat -c %.9Y "$PDF" 2>/dev/null || true) == "$before" ]]; do sleep 0.002; done
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000 )) 0" >>"$WORK/watch.times"
  sleep 0.3
done

# --- report -------------------------------------------------------------------------------
batch_report() {
  cat <<TABLE
| batch of $BATCH assessments to PDF ($BATCH_RUNS runs, median) | time | per document |
|---|---|---|
| hyoka build, $CORES threads | $(ms build) | $(batch_per_doc build) |
| hyoka build --jobs 1 | $(ms build1) | $(batch_per_doc build1) |
| typst compile per document, $CORES at once | $(ms typst_each) | $(batch_per_doc typst_each) |
| hyoka build again, nothing changed | $(ms rebuild) | $(batch_per_doc rebuild) |

hyoka build throughput / typst per document = $(ratio typst_each build)  (target ≥ 2)
hyoka build $CORES threads / 1 thread = $(ratio build1 build)  (target ≥ 1.7 on 2 cores)
second build / first build = $(awk -v a="$(median rebuild)" -v b="$(median build)" 'BEGIN { printf "%.1f %%", 100 * a / b }')  (target < 10 %)
TABLE
}
batch_per_doc() { awk -v u="$(median "$1")" -v n="$BATCH" 'BEGIN { printf "%.1f ms/doc", u / 1000 / n }'; }
cat <<EOF

Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
Tools: $("$HYOKA" --version), $("$TYPST" --version), $("$CHROMIUM" --version 2>/dev/null)

| the example's PDF ($RUNS runs, median) | time | peak memory |
|---|---|---|
$(row "hyoka render --format pdf (重点項目評価書 alone)" hyoka)
$(row "hyoka render --format pdf (重点項目評価書 and 基礎項目評価書)" pair)
$(row "typst compile (same .typ, fonts, PDF/A-2a + UA-1)" typst)
$(row "chromium --headless --print-to-pdf (hyoka's HTML)" chromium)

hyoka / typst = $(ratio hyoka typst)  (target ≤ 1.0)
chromium / hyoka = $(ratio chromium hyoka)  (target ≥ 5)
pair / 重点項目評価書 alone = $(ratio pair hyoka)  (target ≤ 1.3)

$(if ((BATCH > 0)); then batch_report; fi)

hyoka watch, save → new PDF on disk: median $(ms watch) over $RUNS saves (target < 150 ms)
EOF
