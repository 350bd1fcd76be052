#!/usr/bin/env bash
# Times `planpress serve` from a saved edit to the new page being served, on
# the 1,000-section plan from ../shared/bench/gen_corpus.py, side by side
# with `zola serve --fast` on the Zola flavour of the same corpus (Zola
# 0.22.1 at ../shared/bin/zola), in the same run.
#
#   bash bench/serve.sh [RUNS] [SECTIONS]        (defaults 20 and 1000)
#
# For each tool and each kind of edit (a word in a section's text, and the
# section's title, which every page's navigation shows) bench/serve_probe.py
# saves the edit, asks for the page every millisecond until it holds the
# edit, and repeats; for planpress it also times the reload event on the
# event stream and the page fetched then, which is what an open browser tab
# sees. Zola runs with its default 1 s debounce and with 20 ms, planpress's.
# Everything lives in /dev/shm; the copies edited are made fresh each run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
n=${2:-1000}
# shared/ lies beside the checkout (../shared), or beside the folder of
# worktrees a checkout may sit in (../../shared).
shared=../shared
[ -d "$shared" ] || shared=../../shared
gen=$shared/bench/gen_corpus.py
zola=$PWD/$shared/bin/zola
work=/dev/shm/planpress-serve-bench
rm -rf "$work"
mkdir -p "$work"
python3 "$gen" --sections "$n" --flavor planpress --out "$work/plan"
python3 "$gen" --sections "$n" --flavor zola --out "$work/zola"
cargo build --release --quiet
pp=$PWD/target/release/planpress
probe=$PWD/bench/serve_probe.py
mid=$(printf "%05d" $((n / 2)))
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# Waits until URL answers 200.
ready() {
  for _ in $(seq 600); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2
  return 1
}

echo "== planpress serve, $n sections"
"$pp" serve "$work/plan" --port 8470 2>"$work/planpress.log" &
pids+=($!)
ready http://127.0.0.1:8470/index.html
# The first PDF is made in the background right after start: let it finish
# (a request for it waits for it), so it does not share the cores.
curl -sf -o /dev/null "http://127.0.0.1:8470/syntetisk-beskaeftigelsesplan.pdf"
python3 "$probe" http://127.0.0.1:8470/ "$work/plan/content/$mid.md" "/$mid.html" \
  --kind body --runs "$runs" --events --label "planpress: a word in section $mid"
# A new title puts new navigation into every page (about 0.6 s here): the
# next edit waits for that to be done.
python3 "$probe" http://127.0.0.1:8470/ "$work/plan/content/$mid.md" "/$mid.html" \
  --kind title --runs "$runs" --pause 1.2 --events --label "planpress: the title of section $mid"
kill -INT "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

for debounce in 1000 20; do
  echo "== zola serve --fast --debounce $debounce, $n sections"
  (cd "$work/zola" && exec "$zola" serve --fast --port 8471 --debounce "$debounce" >"$work/zola.log" 2>&1) &
  pids+=($!)
  ready http://127.0.0.1:8471/
  python3 "$probe" http://127.0.0.1:8471/ "$work/zola/content/s$mid.md" "/s$mid/" \
    --kind body --runs "$runs" --pause 1.2 --label "zola --debounce $debounce: a word in s$mid"
  python3 "$probe" http://127.0.0.1:8471/ "$work/zola/content/s$mid.md" "/s$mid/" \
    --kind title --runs "$runs" --pause 1.2 --label "zola --debounce $debounce: the title of s$mid"
  kill -INT "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
done
echo "(planpress's log: $work/planpress.log)"
