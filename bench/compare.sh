#!/usr/bin/env bash
# Compares two planpress binaries on one command, run in turn (before,
# after, after, before, …) so a machine that gets busier or quieter during
# the run weighs on both alike. Prints the median wall time and the median
# CPU time (user + system) of each; on a shared machine the CPU time is the
# steadier figure.
#
#   bash bench/compare.sh OLD NEW RUNS ARGS…     (OUT in ARGS: a fresh folder)
#   bash bench/compare.sh /tmp/old/planpress target/release/planpress 12 \
#     build /dev/shm/plan1000 --out OUT --only site
#
# An argument PLAN stands for $PLAN_OLD for the old binary and $PLAN_NEW
# for the new one: a plan folder for each, for an older binary that cannot
# read the newer theme's pdf.yaml.
#   PLAN_OLD=/dev/shm/plan-old PLAN_NEW=/dev/shm/plan-new \
#     bash bench/compare.sh OLD NEW 8 build PLAN --out OUT --only pdf
set -euo pipefail
old=$1 new=$2 runs=$3
shift 3
trash=/dev/shm/planpress-compare-trash
mkdir -p "$trash"
python3 - "$old" "$new" "$runs" "$trash" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, time
old, new, runs, trash, *args = sys.argv[1:]
res = {"before": [], "after": []}
for i in range(int(runs)):
    order = [("before", old, "PLAN_OLD"), ("after", new, "PLAN_NEW")]
    for name, binary, plan in order if i % 2 == 0 else order[::-1]:
        out = f"/dev/shm/planpress-compare-{name}"
        # Moved aside, not deleted: see ../shared/bench/README.md.
        if os.path.exists(out):
            os.rename(out, f"{trash}/{name}{time.time_ns()}")
        cmd = [binary] + [
            os.environ[plan] if a == "PLAN" else a.replace("OUT", out) for a in args
        ]
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - t
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
        res[name].append((wall, cpu))
for name, v in res.items():
    wall = statistics.median(w for w, _ in v) * 1000
    cpu = statistics.median(c for _, c in v) * 1000
    print(f"{name:6}  wall {wall:7.1f} ms   cpu {cpu:7.1f} ms   ({len(v)} runs)")
PY
rm -rf "$trash"
