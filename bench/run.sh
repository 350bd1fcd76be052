#!/usr/bin/env bash
# Times planpress on the 1,000-section synthetic plan from
# ../shared/bench/gen_corpus.py, side by side with Hugo (site) and Typst (PDF)
# on the same corpus when they are installed.
#
#   bash bench/run.sh [SECTIONS]        (default 1000)
#
# Needs: python3, hyperfine (apt-get install hyperfine); optional: hugo
# (apt-get install hugo), typst (pip install typst). The PDF part runs
# planpress and Typst alternately, PDF_ROUNDS rounds (default 5), and reports
# medians, spreads and the load; then the inputs of bench/stress.py (a 1 MB
# word, 10,000 goals, a 20 MB section).
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
echo "== PDF: planpress beside Typst, alternating, peak memory from /usr/bin/time"
# Outputs go to /dev/shm when it exists: the disk's noise is not the tools'.
shm=/dev/shm/planpress-bench
[ -d /dev/shm ] || shm="$work/shm"
mkdir -p "$shm"
have_typst=0
if python3 -c "import typst" 2>/dev/null; then
  have_typst=1
  [ -d "$work/typst$n" ] || python3 "$gen" --sections "$n" --flavor typst --out "$work/typst$n"
else
  echo "(pip install typst to compare)"
fi
# The same plan with kerning off, to measure what kerning costs.
nokern="$work/plan$n-nokern"
if [ ! -d "$nokern" ]; then
  cp -r "$plan" "$nokern"
  mkdir -p "$nokern/themes/nokern"
  printf 'text:\n  kerning: false\n' > "$nokern/themes/nokern/pdf.yaml"
  sed -i 's/^theme: .*/theme: nokern/' "$nokern/plan.yaml"
  grep -q '^theme:' "$nokern/plan.yaml" || echo 'theme: nokern' >> "$nokern/plan.yaml"
fi
pdf_run() { # label, command...
  local label=$1; shift
  rm -rf "$shm/out"
  # time appends its line itself: the tools' own messages stay out of it.
  /usr/bin/time -a -o "$shm/times" -f "$label %e s %M KB" "$@" >/dev/null 2>&1 || true
}
: > "$shm/times"
# The machine may be shared: the load is printed with the figures, and the
# ratio to Typst is taken within each round (the two ran side by side).
rounds=${PDF_ROUNDS:-5}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  pdf_run planpress "$pp" build "$plan" --out "$shm/out" --only pdf
  pdf_run nokern "$pp" build "$nokern" --out "$shm/out" --only pdf
  [ "$have_typst" = 1 ] && pdf_run typst python3 -c "import typst; typst.compile('$work/typst$n/plan.typ', output='$shm/typst.pdf')"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$shm/out"
"$pp" build "$plan" --out "$shm/out" --only pdf >/dev/null 2>&1
# The plan's own PDF, not the status report or the changes beside it.
main_pdf() { ls "$1"/*.pdf | grep -v -e '-status\.pdf$' -e '-changes\.pdf$' | head -1; }
size=$(stat -c %s "$(main_pdf "$shm/out")")
rm -rf "$shm/plain"
PLANPRESS_PDF_TAGGED=0 "$pp" build "$plan" --out "$shm/plain" --only pdf >/dev/null 2>&1
plain=$(stat -c %s "$(main_pdf "$shm/plain")")
echo "== where the tagged PDF's bytes go (bench/pdf_bytes.py)"
python3 bench/pdf_bytes.py "$(main_pdf "$shm/out")"
echo "== where the PDF build's time goes (one run)"
rm -rf "$shm/out"
PLANPRESS_TIMING=1 "$pp" build "$plan" --out "$shm/out" --only pdf 2>&1 | grep timing
python3 - "$shm/times" "$size" "$plain" <<'PY'
import sys, statistics, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 5 and parts[2] == "s":
        runs[parts[0]].append((float(parts[1]), int(parts[3]) / 1024))
def spread(v):
    t = [x for x, _ in v]
    return f"{statistics.median(t):.2f} s (median of {len(t)}, {min(t):.2f}–{max(t):.2f})"
peak = {k: max(m for _, m in v) for k, v in runs.items()}
print(f"planpress pdf: {spread(runs['planpress'])}, {peak['planpress']:.0f} MB peak, "
      f"{int(sys.argv[2]) / 1e6:.1f} MB tagged, {int(sys.argv[3]) / 1e6:.1f} MB untagged")
p = statistics.median(t for t, _ in runs["planpress"])
k = statistics.median(t for t, _ in runs["nokern"])
print(f"without kerning: {spread(runs['nokern'])}; kerning costs {100 * (p - k) / k:+.0f} % of the PDF build")
if "typst" in runs:
    ratios = [t / q for (t, _), (q, _) in zip(runs["typst"], runs["planpress"])]
    print(f"typst: {spread(runs['typst'])}, {peak['typst']:.0f} MB peak; planpress is "
          f"{statistics.median(ratios):.1f}x faster (per round {min(ratios):.1f}–{max(ratios):.1f}x) "
          f"with 1/{peak['typst'] / peak['planpress']:.1f} of the memory")
PY
echo "== PDF: inputs that would show a quadratic path (bench/stress.py)"
[ -d "$work/stress" ] || python3 bench/stress.py "$work/stress"
for s in word goals section; do
  rm -rf "$shm/out"
  /usr/bin/time -f "$s: %e s, %M KB peak" "$pp" build "$work/stress/$s" --out "$shm/out" --only pdf 2>&1 | grep -v '^built'
done
rm -rf "$shm"
