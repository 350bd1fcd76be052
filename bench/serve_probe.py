#!/usr/bin/env python3
"""Times how long a saved edit takes to show in a served page.

    serve_probe.py URL FILE PAGE --kind body|title [--runs N] [--events]

Edits FILE (a word in its text, or its title), then asks for PAGE every
millisecond until the page holds the new word, and repeats. With --events
it also listens on planpress's reload stream (/__planpress/events) and
times the moment the reload event arrives and the page fetched then holds
the edit: what an open browser tab sees. Prints the median and the 90th
percentile in milliseconds. The original file is put back at the end.
"""

import argparse
import http.client
import re
import socket
import statistics
import threading
import time
import urllib.parse


def fetch(host, port, path):
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", path)
        return conn.getresponse().read().decode("utf-8", "replace")
    finally:
        conn.close()


class Events:
    """Reload events from planpress's event stream, with their arrival time."""

    def __init__(self, host, port):
        self.times = []
        self.cond = threading.Condition()
        sock = socket.create_connection((host, port))
        sock.sendall(b"GET /__planpress/events HTTP/1.1\r\nHost: x\r\n\r\n")
        self.reader = sock.makefile("rb")
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for line in self.reader:
            if line.startswith(b"event: reload"):
                with self.cond:
                    self.times.append(time.perf_counter())
                    self.cond.notify_all()

    def wait_after(self, t0, deadline):
        with self.cond:
            while True:
                later = [t for t in self.times if t > t0]
                if later:
                    return later[0]
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self.cond.wait(left)


def edit(text, kind, marker):
    if kind == "title":
        # The first title line, in YAML (title: …) or TOML (title = "…").
        return re.sub(
            r'^(title\s*[:=]\s*"?)',
            lambda m: f"{m.group(1)}{marker} ",
            text,
            count=1,
            flags=re.M,
        )
    # A word at the start of the body, after the front matter's closing line.
    fence = "\n---\n" if text.startswith("---") else "\n+++\n"
    head, sep, body = text.partition(fence)
    return head + sep + f"{marker} " + body


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("file")
    ap.add_argument("page")
    ap.add_argument("--kind", choices=["body", "title"], default="body")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between edits")
    ap.add_argument("--events", action="store_true")
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    url = urllib.parse.urlparse(args.url)
    host, port = url.hostname, url.port
    events = Events(host, port) if args.events else None
    original = open(args.file, encoding="utf-8").read()
    served, reloaded = [], []
    try:
        for i in range(args.runs):
            marker = f"ed{int(time.time() * 1000) % 100000}{i}"
            text = edit(original, args.kind, marker)
            with open(args.file, "w", encoding="utf-8") as f:
                f.write(text)
            t0 = time.perf_counter()
            deadline = t0 + 30
            while marker not in fetch(host, port, args.page):
                if time.perf_counter() > deadline:
                    raise SystemExit(f"{args.label}: the edit never showed in {args.page}")
                time.sleep(0.001)
            served.append((time.perf_counter() - t0) * 1000)
            if events:
                t = events.wait_after(t0, deadline)
                if t is None:
                    raise SystemExit(f"{args.label}: no reload event")
                if marker not in fetch(host, port, args.page):
                    raise SystemExit(f"{args.label}: the page after the event lacks the edit")
                reloaded.append((time.perf_counter() - t0) * 1000)
            time.sleep(args.pause)
    finally:
        with open(args.file, "w", encoding="utf-8") as f:
            f.write(original)
    line = f"{args.label:<44} served: median {statistics.median(served):6.1f} ms, p90 {percentile(served, 0.9):6.1f} ms"
    if reloaded:
        line += f" | reload event + page: median {statistics.median(reloaded):6.1f} ms, p90 {percentile(reloaded, 0.9):6.1f} ms"
    print(line, flush=True)


if __name__ == "__main__":
    main()
