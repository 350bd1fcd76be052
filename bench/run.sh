#!/usr/bin/env bash
# Times planpress on the 1,000-section synthetic plan from
# ../shared/bench/gen_corpus.py, side by side with Hugo (site) and Typst (PDF)
# on the same corpus when they are installed.
#
#   bash bench/run.sh [SECTIONS]        (default 1000)
#
# Needs: python3, hyperfine (apt-get install hyperfine); optional: hugo
# (apt-get install hugo), typst (pip install typst).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
# shared/ lies beside the checkout (../shared), or beside the folder of
# worktrees a checkout may sit in (../../shared).
shared=../shared
[ -d "$shared" ] || shared=../../shared
gen=$shared/bench/gen_corpus.py
work=bench/work
mkdir -p "$work"
[ -d "$work/plan$n" ] || python3 "$gen" --sections "$n" --flavor planpress --out "$work/plan$n"
[ -d "$work/hugo$n" ] || python3 "$gen" --sections "$n" --flavor hugo --out "$work/hugo$n"
cargo build --release --quiet
pp=target/release/planpress
plan="$work/plan$n"
out="$work/out$n"

echo "== planpress check, $n sections"
hyperfine --warmup 2 --runs 10 --export-json "$work/check.json" "$pp check $plan"
echo "== planpress build --only data"
hyperfine --warmup 1 --runs 10 "$pp build $plan --out $out --only data"
echo "== site: planpress vs Hugo (same corpus, same navigation on every page)"
if command -v hugo >/dev/null; then
  # Both write into a fresh folder each run, as in CI's fresh clone. Old
  # outputs are moved aside, not deleted: on ext4, creating a thousand files
  # right after deleting a thousand is slow and uneven (inode reuse), which
  # would measure the file system rather than the tools.
  trash="$work/trash"
  mkdir -p "$trash"
  aside() { echo "mv $1 $trash/\$(date +%s%N) 2>/dev/null || true"; }
  hyperfine --warmup 1 --runs 8 --export-json "$work/site.json" \
    -n planpress --prepare "$(aside "$out")" "$pp build $plan --out $out --only site" \
    -n hugo --prepare "$(aside "$work/hugo-out$n")" "hugo --quiet --source $work/hugo$n --destination $PWD/$work/hugo-out$n"
  rm -rf "$trash"
  python3 - "$work/site.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"site: planpress {r['planpress']:.3f} s, Hugo {r['hugo']:.3f} s, planpress is {r['hugo']/r['planpress']:.1f}x faster")
PY
else
  hyperfine --warmup 1 --runs 5 "$pp build $plan --out $out --only site"
  echo "(install hugo to compare: apt-get install hugo)"
fi
if "$pp" build --help | grep -q "pdf"; then
  echo "== PDF: planpress (peak memory from /usr/bin/time)"
  /usr/bin/time -f "planpress pdf: %e s, %M KB peak" "$pp" build "$plan" --out "$out" --only pdf
  if python3 -c "import typst" 2>/dev/null; then
    [ -d "$work/typst$n" ] || python3 "$gen" --sections "$n" --flavor typst --out "$work/typst$n"
    /usr/bin/time -f "typst: %e s, %M KB peak" python3 -c "import typst; typst.compile('$work/typst$n/plan.typ', output='$work/typst$n/x.pdf')"
  else
    echo "(pip install typst to compare)"
  fi
fi
