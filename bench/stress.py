#!/usr/bin/env python3
"""Writes the three plans the benchmark builds to show that nothing in a
build grows faster than its input (issue 8, item 7):

  word/      one section whose text is a single word of 1 MB
  goals/     10,000 goals (100 sections of 100 goals, one indicator each)
  section/   one section of 20 MB of prose in paragraphs

Usage: stress.py OUT_DIR    (deterministic: the same bytes every time)
"""
import os
import random
import sys

WORDS = (
    "borgere virksomheder jobcentret indsats beskæftigelse uddannelse ledige "
    "sygedagpenge opkvalificering samarbejde arbejdsmarkedet målgruppe og i på "
    "for med at til af der som er en et det de skal kan vil"
).split()

PLAN = """title: Stor plan 2027
organisation: Storby Kommune
period: 2027
language: da
as_of: 2026-10-01
target_groups:
  - { id: alle, name: Alle borgere }
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def section(title, body, front=""):
    return f"---\ntitle: {title}\ntarget_group: alle\n{front}---\n\n{body}\n"


def main(out):
    rng = random.Random(7)
    # A word of a million bytes (æ is two bytes in UTF-8).
    write(f"{out}/word/plan.yaml", PLAN)
    write(f"{out}/word/content/01-ord.md", section("Et langt ord", "æ" * 500_000))
    # 10,000 goals.
    write(f"{out}/goals/plan.yaml", PLAN)
    for s in range(100):
        goals = ["goals:"]
        for g in range(100):
            n = s * 100 + g
            base = 1000 + rng.randint(0, 500)
            goals += [
                f"  - id: G{n}",
                f"    title: Mål nummer {n} for flere borgere i job",
                "    indicators:",
                f"      - name: Borgere i job, mål {n}",
                "        unit: count",
                "        direction: increase",
                f"        baseline: {{ year: 2025, value: {base} }}",
                f"        actuals: {{ 2026: {base + rng.randint(0, 90)} }}",
                f"        targets: {{ 2027: {base + 100} }}",
            ]
        write(
            f"{out}/goals/content/{s + 1:03}-afsnit-{s + 1}.md",
            section(f"Afsnit {s + 1}", "Målene for afsnittet.\n\n{{ goals() }}", "\n".join(goals) + "\n"),
        )
    # 20 MB of prose in one section.
    paras = []
    size = 0
    while size < 20_000_000:
        p = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))).capitalize() + "."
        paras.append(p)
        size += len(p.encode()) + 2
    write(f"{out}/section/plan.yaml", PLAN)
    write(f"{out}/section/content/01-tekst.md", section("En lang tekst", "\n\n".join(paras)))


if __name__ == "__main__":
    main(sys.argv[1])
