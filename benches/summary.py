#!/usr/bin/env python3
"""Summarise the last `cargo bench` run from target/criterion: time,
throughput, parse throughput as a fraction of the `lines_trim` and
`memchr_lines` references over the same bytes, time per byte along the size
series (linearity: 100 MB within 1.3x of 1 MB), the growth of each
pathological input from 1x to 16x, and merge cost per update.

    python3 benches/summary.py [target/criterion]
"""
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), "..", "target", "criterion")

runs = {}
for dirpath, _, files in os.walk(root):
    if os.path.basename(dirpath) != "new" or "benchmark.json" not in files:
        continue
    with open(os.path.join(dirpath, "benchmark.json")) as f:
        bench = json.load(f)
    with open(os.path.join(dirpath, "estimates.json")) as f:
        est = json.load(f)
    t = est["median"]["point_estimate"] if "median" in est else est["mean"]["point_estimate"]
    tp = bench.get("throughput") or {}
    runs[bench["full_id"]] = (t, tp.get("Bytes"), tp.get("Elements"))


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def mibs(ns, n):
    return n / (ns / 1e9) / (1 << 20)


print("## parse vs references (median)")
print(f"{'input':28} {'parse':>10} {'MiB/s':>8} {'lines+trim MiB/s':>17} {'memchr MiB/s':>13} {'of lines':>9} {'of memchr':>9}")
for full in sorted(runs):
    parts = full.split("/")
    if len(parts) != 3 or parts[1] != "parse" or parts[0] not in ("seeds", "large"):
        continue
    group, _, inp = parts
    t, n, _ = runs[full]
    lt = runs.get(f"{group}/lines_trim/{inp}")
    mt = runs.get(f"{group}/memchr_lines/{inp}")
    row = f"{group + '/' + inp:28} {fmt_time(t):>10} {mibs(t, n):8.1f}"
    if lt and mt:
        row += f" {mibs(lt[0], n):17.0f} {mibs(mt[0], n):13.0f} {lt[0] / t:9.2%} {mt[0] / t:9.3%}"
    print(row)

series = sorted((int(k.split("/")[1]), v) for k, v in runs.items()
                if k.startswith("size_series/"))
if series:
    print("\n## size series: time per byte")
    per = {size: t / n for size, (t, n, _) in series}
    for size, (t, n, _) in series:
        print(f"{size:>10} B  {fmt_time(t):>10}  {t / n:6.1f} ns/B  {mibs(t, n):6.1f} MiB/s")
    if (1 << 20) in per and (100 << 20) in per:
        r = per[100 << 20] / per[1 << 20]
        print(f"per-byte time at 100 MB / at 1 MB = {r:.2f} (criterion: <= 1.3)")

patho = {}
for k, (t, n, _) in runs.items():
    if k.startswith("pathological/"):
        _, name, _, scale = k.split("/")
        patho.setdefault(name, {})[int(scale)] = (t, n)
if patho:
    print("\n## pathological inputs: 1x -> 16x (16x = the issue's size)")
    for name in sorted(patho):
        s = patho[name]
        cells = "  ".join(f"{x}x {s[x][0] / s[x][1]:6.1f} ns/B" for x in sorted(s))
        growth = ""
        if 1 in s and 16 in s:
            growth = f"  time 16x/1x = {s[16][0] / s[1][0]:5.1f} (per byte {s[16][0] / s[16][1] / (s[1][0] / s[1][1]):.2f})"
        print(f"{name:26} {cells}{growth}")

merges = {}
for k, (t, _, e) in runs.items():
    if k.startswith("merge/"):
        _, what, n = k.split("/")
        merges.setdefault(int(n), {})[what] = (t, e)
if merges:
    print("\n## merge: per update shown across all captures")
    for n in sorted(merges):
        m = merges[n]
        cells = "  ".join(f"{w} {fmt_time(m[w][0]):>9} ({m[w][0] / m[w][1]:7.0f} ns/update)"
                          for w in ("parse", "merge", "absorb") if w in m)
        shown = next(iter(m.values()))[1]
        ratio = f"  merge/parse = {m['merge'][0] / m['parse'][0]:.2f}" if "merge" in m and "parse" in m else ""
        print(f"{n:5} captures, {shown} shown: {cells}{ratio}")
