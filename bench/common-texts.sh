#!/usr/bin/env bash
# One change of a common text, recorded into the change table of every assessment of an office
# that uses it, with one command (issue 14's target: 20 assessments in under 2 s).
#
#   bash bench/common-texts.sh            # OFFICE=20 assessments, RUNS=11
#   OFFICE=100 RUNS=5 bash bench/common-texts.sh
#   PROFILE=debug bash bench/common-texts.sh   # without building the release binary
#
# The office is generated from the example: assessments/common-texts and OFFICE copies of
# mihon-jidou-teate (a 基礎項目評価書 that uses the town's 開示請求 請求先 and 問合せ 連絡先).
# Each run saves the library (hyoka texts save), changes the 請求先 entry, and times
# `hyoka texts changes before --record`, which reads every assessment twice, diffs, and writes
# every change table all or nothing; then the tables are put back for the next run. It checks
# that each table got exactly one row. The figure is the median; this is a measurement, not a
# test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OFFICE=${OFFICE:-20}
RUNS=${RUNS:-11}
PROFILE=${PROFILE:-release}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [[ $PROFILE == release ]]; then
  cargo build --release --locked --quiet
else
  cargo build --locked --quiet
fi
HYOKA=$ROOT/target/$PROFILE/hyoka

office=$WORK/assessments
mkdir -p "$office"
cp -r assessments/common-texts "$office/"
for i in $(seq -w 1 "$OFFICE"); do
  cp -r assessments/mihon-jidou-teate "$office/jidou-teate-$i"
done
cd "$WORK"
"$HYOKA" texts save --name before >/dev/null
sed -i 's/見本町　総務課　電話/見本町　総務部　総務課　電話/' assessments/common-texts/見本町.yaml
for table in assessments/*/changes.yaml; do cp "$table" "$table.kept"; done

times=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  "$HYOKA" texts changes before --record --date 令和8年4月1日 --reason 組織改編による >/dev/null 2>&1
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
  rows=$(grep -c '^  - 変更日: 令和8年4月1日' assessments/*/changes.yaml | grep -c ':1$')
  if [[ $rows != "$OFFICE" ]]; then
    echo "run $run: $rows of $OFFICE change tables got their row" >&2
    exit 1
  fi
  for table in assessments/*/changes.yaml; do cp "$table.kept" "$table"; done
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
echo "hyoka texts changes --record, $OFFICE assessments ($PROFILE, $RUNS runs): median ${median} ms (runs: ${times[*]} ms)"
