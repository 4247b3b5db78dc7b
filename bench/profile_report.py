#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Summarise a bench/profile run: where exnic's transmit time goes.

Reads DIR/runs.tsv and DIR/runs/ (bench/profile_guest.sh) and prints, per
instrumented module (variant), size and path:

  rates      median kpps on the sink and the null device, exnic/limit
             (sink / null, same round) and page/copy (same round);
  steps      us a frame of exnic_start_xmit() and its steps, and of the
             null device's xmit (count and free), min-max over rounds;
  device     us a frame of the simulated engine (gathering the frames)
             and of its interrupt and NAPI completion, on CPU 1;
  page-copy  the driver's transmit, the engine, the completion and the
             frames a sendto() sent: page path minus copy path within
             each round (median and min-max over the rounds). The two
             runs of a round are seconds apart, so a host whose speed
             drifts moves these less than the min-max of each path;
  CPU 1      the share of the run's time that engine and completion
             took on CPU 1 (their us a frame x the sink's rate; near
             100 % the device, not the sender, sets the rate), and the
             frames a sendto() sent on the sink (the kernel sends up to
             32; fewer when the ring is full or no frame has completed);
  budget     what 0.9 x limit leaves the driver's transmit a frame:
             the time a frame may take at 0.9 x the null device's rate
             (its time / 0.9) minus the stack's share (the null device's
             time minus its own xmit, which frees the skb; exnic frees
             on completion, on CPU 1).

Writes the same text to DIR/profile.txt.

Usage: bench/profile_report.py DIR
"""
import json
import re
import statistics
import sys
from pathlib import Path

STEPS = ("xmit", "prepare", "map", "commit", "doorbell")
PROF = re.compile(r"exnic-profile: (sink|null) (\w+) frames (\d+) (.*)")


def load(d):
    runs = {}
    for line in (d / "runs.tsv").read_text().splitlines():
        r, var, size, dev, path, rc = line.split("\t")
        base = d / "runs" / ("r%s-%s-%s-%s-%s" % (r, var, size, dev, path))
        run = {"rc": int(rc), "pps": None, "per_kick": None, "steps": {},
               "engine": {}}
        try:
            j = json.loads(base.with_suffix(".json").read_text())
            run["pps"] = j["pps"]
            if j.get("kicks"):
                run["per_kick"] = j["frames_sent"] / j["kicks"]
        except (OSError, ValueError, KeyError):
            pass
        frames, sums = 0, {}
        log = base.with_suffix(".log")
        lines = [m for m in PROF.finditer(log.read_text() if log.exists()
                                          else "") if m.group(1) == dev]
        # The module's sums run on across runs: the first line of a run
        # may hold frames of the run before it. Skip it when there are more.
        for m in lines[1:] if len(lines) > 1 else lines:
            frames += int(m.group(3))
            kv = m.group(4).split()
            for k, v in zip(kv[::2], kv[1::2]):
                sums[k] = sums.get(k, 0) + int(v)
        if frames:
            run["steps"] = {k: v / frames / 1000 for k, v in sums.items()}
        st0, st1 = base.with_suffix(".st0"), base.with_suffix(".st1")
        if st0.exists() and st1.exists():
            a = dict(line.split()[:2] for line in st0.read_text().splitlines())
            b = dict(line.split()[:2] for line in st1.read_text().splitlines())
            n = int(b["tx_frames"]) - int(a["tx_frames"])
            if n > 0:
                run["engine"] = {
                    k: (int(b[k]) - int(a[k])) / n / 1000
                    for k in ("engine_tx_ns", "engine_irq_ns")}
        runs[(int(r), var, int(size), dev, path)] = run
    return runs


def rng(xs, fmt="%.2f"):
    xs = [x for x in xs if x is not None]
    if not xs:
        return "-"
    return (fmt + "-" + fmt) % (min(xs), max(xs))


def med(xs, fmt="%.3f"):
    xs = [x for x in xs if x is not None]
    return fmt % statistics.median(xs) if xs else "-"


def measure(run, k):
    """A run's step time (us a frame), device time or per_kick, by name"""
    if k in STEPS:
        return run["steps"].get(k)
    if k.startswith("engine_"):
        return run["engine"].get(k)
    return run.get(k)


def mid(xs):
    """median [min, max] of differences, signed"""
    if not xs:
        return "-"
    return "%+.2f [%+.2f, %+.2f]" % (statistics.median(xs), min(xs), max(xs))


def report(runs):
    L = []
    rounds = sorted({k[0] for k in runs})
    variants = list(dict.fromkeys(k[1] for k in sorted(runs, key=lambda k: k[0])))
    sizes = sorted({k[2] for k in runs})
    bad = [k for k, v in runs.items() if v["rc"] or v["pps"] is None]
    L.append("%d rounds; us a frame are min-max over the rounds, ratios "
             "are per round, their median shown" % len(rounds))
    if bad:
        L.append("failed runs (left out): %d, e.g. round %d %s %d B %s %s"
                 % ((len(bad),) + bad[0]))

    def get(r, v, s, dev, path):
        run = runs.get((r, v, s, dev, path))
        return run if run and not run["rc"] and run["pps"] else None

    def ratio(v, s, a, b):
        out = []
        for r in rounds:
            x, y = get(r, v, s, *a), get(r, v, s, *b)
            if x and y:
                out.append(x["pps"] / y["pps"])
        return out

    L.append("")
    L.append("rates (xsk_min_tx)")
    L.append("  %-15s %5s %5s %11s %11s %12s %10s" %
             ("variant", "size", "path", "sink kpps", "null kpps",
              "exnic/limit", "page/copy"))
    for v in variants:
        for s in sizes:
            for path in ("copy", "page"):
                sk = [get(r, v, s, "sink", path) for r in rounds]
                nl = [get(r, v, s, "null", path) for r in rounds]
                pc = ratio(v, s, ("sink", "page"), ("sink", "copy")) \
                    if path == "page" else []
                L.append("  %-15s %5d %5s %11s %11s %12s %10s" % (
                    v, s, path,
                    med([x["pps"] / 1e3 for x in sk if x], "%.1f"),
                    med([x["pps"] / 1e3 for x in nl if x], "%.1f"),
                    med(ratio(v, s, ("sink", path), ("null", path))),
                    med(pc) if pc else ""))

    L.append("")
    L.append("steps, us a frame (ktime_get_ns() around each; the timing adds to each)")
    L.append("  %-15s %5s %5s %11s %11s %11s %11s %11s %11s %11s %11s" %
             (("variant", "size", "path", "null xmit") + STEPS +
              ("engine", "irq+NAPI")))
    for v in variants:
        for s in sizes:
            for path in ("copy", "page"):
                sk = [get(r, v, s, "sink", path) for r in rounds]
                nl = [get(r, v, s, "null", path) for r in rounds]
                L.append("  %-15s %5d %5s %11s " % (
                    v, s, path,
                    rng([x["steps"].get("xmit") for x in nl if x])) +
                    " ".join("%11s" % rng([x["steps"].get(k) for x in sk if x])
                             for k in STEPS) + " " +
                    " ".join("%11s" % rng([x["engine"].get(k) for x in sk if x])
                             for k in ("engine_tx_ns", "engine_irq_ns")))

    L.append("")
    L.append("page - copy, same round: us a frame and frames a kick, median "
             "[min, max] over the rounds")
    L.append("  %-15s %5s %18s %18s %18s %18s" %
             ("variant", "size", "xmit", "engine", "irq+NAPI", "per kick"))
    for v in variants:
        for s in sizes:
            d = {k: [] for k in ("xmit", "engine_tx_ns", "engine_irq_ns",
                                 "per_kick")}
            for r in rounds:
                c, p = get(r, v, s, "sink", "copy"), get(r, v, s, "sink", "page")
                if not (c and p):
                    continue
                for k in d:
                    a, b = measure(p, k), measure(c, k)
                    if a is not None and b is not None:
                        d[k].append(a - b)
            L.append("  %-15s %5d " % (v, s) + " ".join(
                "%18s" % mid(d[k]) for k in d))

    L.append("")
    L.append("CPU 1: engine and completion, share of the run's time; "
             "frames a sendto() sent (sink)")
    L.append("  %-15s %5s %5s %11s %11s" %
             ("variant", "size", "path", "CPU 1 busy", "per kick"))
    for v in variants:
        for s in sizes:
            for path in ("copy", "page"):
                sk = [get(r, v, s, "sink", path) for r in rounds]
                busy = [100 * x["pps"] * (x["engine"]["engine_tx_ns"] +
                                          x["engine"]["engine_irq_ns"]) / 1e6
                        for x in sk if x and x["engine"]]
                L.append("  %-15s %5d %5s %11s %11s" % (
                    v, s, path, rng(busy, "%.0f%%"),
                    rng([x["per_kick"] for x in sk if x], "%.1f")))

    L.append("")
    L.append("budget: what 0.9 x limit leaves the driver's transmit, us a "
             "frame (null time / 0.9 - (null time - null xmit)), and exnic's")
    L.append("  %-15s %5s %5s %11s %11s" %
             ("variant", "size", "path", "budget", "exnic xmit"))
    for v in variants:
        for s in sizes:
            for path in ("copy", "page"):
                bud, xm = [], []
                for r in rounds:
                    n, k = get(r, v, s, "null", path), get(r, v, s, "sink", path)
                    if n and "xmit" in n["steps"]:
                        t = 1e6 / n["pps"]
                        bud.append(t / 0.9 - (t - n["steps"]["xmit"]))
                    if k and "xmit" in k["steps"]:
                        xm.append(k["steps"]["xmit"])
                L.append("  %-15s %5d %5s %11s %11s" %
                         (v, s, path, rng(bud), rng(xm)))
    return "\n".join(L) + "\n"


def main():
    if len(sys.argv) != 2:
        print("usage: bench/profile_report.py DIR", file=sys.stderr)
        return 2
    d = Path(sys.argv[1])
    if not (d / "runs.tsv").is_file():
        print("bench/profile_report.py: %s has no runs.tsv; give a "
              "bench/profile results dir" % d, file=sys.stderr)
        return 2
    text = report(load(d))
    fetch = d / "fetch"
    if fetch.is_file():
        says = {"1": "on",
                "0": "off (bench/profile --no-fetch: the sink copies no "
                     "frame byte)",
                "both": "on, and off in the rows of VARIANT-nofetch "
                        "(bench/profile --fetch-both)"}
        text = "sink fetch: %s\n" % says.get(fetch.read_text().strip(),
                                             "?") + text
    (d / "profile.txt").write_text(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
