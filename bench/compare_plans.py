#!/usr/bin/env python3
"""Compares two planpress binaries, each building its own copy of a plan.

bench/compare.sh gives both binaries the same arguments; this takes a plan
folder per binary, for when the older one cannot read the newer one's theme
(a pdf.yaml key it does not know). Runs alternate (old, new, new, old, ...)
so a machine that gets busier weighs on both alike; it prints the median
wall and CPU time (user + system) of each. Outputs go to /dev/shm, moved
aside rather than deleted (see ../shared/bench/README.md).

    python3 bench/compare_plans.py OLD OLD_PLAN NEW NEW_PLAN RUNS [BUILD ARGS...]
    python3 bench/compare_plans.py /dev/shm/planpress-old /dev/shm/plan-old \\
        target/release/planpress /dev/shm/plan-new 8 --only pdf
"""
import os
import resource
import statistics
import subprocess
import sys
import time

old, old_plan, new, new_plan, runs, *extra = sys.argv[1:]
pairs = [("before", old, old_plan), ("after", new, new_plan)]
trash = "/dev/shm/planpress-compare-plans-trash"
os.makedirs(trash, exist_ok=True)
res = {"before": [], "after": []}
for i in range(int(runs)):
    for name, binary, plan in pairs if i % 2 == 0 else pairs[::-1]:
        out = f"/dev/shm/planpress-compare-plans-{name}"
        if os.path.exists(out):
            os.rename(out, f"{trash}/{name}{time.time_ns()}")
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([binary, "build", plan, "--out", out, *extra],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - t
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
        res[name].append((wall, cpu))
for name, times in res.items():
    wall = statistics.median(w for w, _ in times) * 1000
    cpu = statistics.median(c for _, c in times) * 1000
    print(f"{name:7} wall {wall:7.1f} ms   cpu {cpu:7.1f} ms   ({len(times)} runs)")
