#!/usr/bin/env bash
# The follow-up benchmark on the 1,000-section synthetic plan from
# ../shared/bench/gen_corpus.py:
#  1. `planpress figures import` of 10,000 figures (target: under 1 s);
#  2. `planpress build` with the status report and the changes since
#     adoption against the same build without them (target: at most 10 %
#     slower).
#
#   bash bench/followup.sh [SECTIONS] [BASELINE]
#
# SECTIONS defaults to 1000. BASELINE is the planpress binary to compare
# with (default: a copy of ../main's, the lead's checkout, taken at the
# start so a rebuild there cannot change it mid-run): main's, to see what a
# change to the follow-up gains, or one built with the follow-up left out,
# for the 10 % target. The build's own timings (PLANPRESS_TIMING) show what
# the follow-up phases cost within one build as well.
#
# Needs python3, git and hyperfine. Everything is written under /dev/shm.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
base_src=${2:-../main/target/release/planpress}
[ -x "$base_src" ] || base_src=../../main/target/release/planpress
shared=../shared
[ -d "$shared" ] || shared=../../shared
cargo build --release --quiet
pp=$PWD/target/release/planpress
work=/dev/shm/planpress-followup-bench
rm -rf "$work"
mkdir -p "$work"
cp "$base_src" "$work/planpress-baseline"
base=$work/planpress-baseline
python3 "$shared/bench/gen_corpus.py" --sections "$n" --flavor planpress --out "$work/plan"

# The indicators' ids and units, from the plan's own open data.
"$pp" build "$work/plan" --out "$work/data" --only data >/dev/null 2>&1
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
goals = json.load(open(f"{work}/data/goals.json"))["goals"]
inds = [(i["id"], i["unit"]) for g in goals for i in g["indicators"] if i["unit"] != "text"]
rows, years = [], [2025, 2024, 2023, 2022, 2021]
for y in years:
    for k, (iid, unit) in enumerate(inds):
        if len(rows) == 10_000:
            break
        v = {"percent": f"{40 + k % 50},{k % 10}", "rank": str(1 + k % 90)}.get(unit, str(1000 + k))
        rows.append(f"{iid};{y};{v}")
with open(f"{work}/figures.csv", "w") as f:
    f.write("indikator;periode;værdi\n" + "\n".join(rows) + "\n")
print(f"{len(rows)} figures for {len(inds)} indicators")
PY

echo "== figures import: 10,000 figures into $n sections (a fresh copy each run)"
hyperfine --warmup 1 --runs 10 \
  --prepare "rm -rf $work/copy && cp -r $work/plan $work/copy" \
  "$pp figures import $work/figures.csv $work/copy"
echo "== the same, --dry-run (reading and checking only)"
hyperfine --warmup 1 --runs 10 "$pp figures import $work/figures.csv $work/plan --dry-run"

# Two plans alike but for `adopted.ref`: one with the report and the
# changes since a commit that changed a target, one with the report only
# (a plan always has its report) and no git history.
cp -r "$work/plan" "$work/with"
(
  cd "$work/with"
  git init -q && git add . && git -c user.name=b -c user.email=b@x commit -qm vedtaget && git tag vedtaget
  sed -i '0,/targets: { 2026: 3200/s//targets: { 2026: 3300/' content/00002.md
  printf 'adopted: { date: 2025-12-01, by: Byrådet, ref: vedtaget }\n' >> plan.yaml
  git -c user.name=b -c user.email=b@x commit -qam ændret
)
trash=$work/trash
mkdir -p "$trash"
echo "== build: this binary with the report and the changes vs the baseline binary"
hyperfine --warmup 1 --runs 6 \
  --prepare "mv $work/out-a $trash/a.\$RANDOM 2>/dev/null || true; mv $work/out-b $trash/b.\$RANDOM 2>/dev/null || true" \
  -n "report+changes" "$pp build $work/with --out $work/out-a" \
  -n "baseline" "$base build $work/with --out $work/out-b"
echo "== where the time goes in one build with report and changes"
rm -rf "$work/out-a"
PLANPRESS_TIMING=1 "$pp" build "$work/with" --out "$work/out-a" 2>&1 | grep -v '^skrev' || true
rm -rf "$trash"
