#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Summarise one bench run (bench/guest.sh's output directory).

Usage: bench/report.py DIR

Reads DIR/runs.tsv and the JSON of every run, prints the tables to stdout
and writes the same text to DIR/bench.txt and the numbers to DIR/bench.json.
Every ratio is taken within one round (the two runs it compares were
measured minutes apart at most), then summarised over the rounds as
min / median / max. Exit status: 0, or 2 when DIR holds no usable run.
"""
import json
import os
import statistics
import sys

# page/copy gain of the seed, percent, per frame size: the goal
SEED_GAIN = {64: 3.0, 512: 10.0, 1024: 21.6, 1500: 32.3}
LIMIT_GOAL = 0.9
TOOLS = {"h0": "headlen0_tx", "min": "xsk_min_tx"}
# exnic in sink mode: its simulated DMA engine polling on the second CPU
# (the goals' device), and its work item on the sender's CPU; the null
# device (the limit) with the second CPU idle, and with it spinning.
# A device here gets its label in the tables; one runs.tsv has and this
# does not is reported under its own name (and key) after these.
DEVS = {"sink": "exnic", "sinkwq": "exnic-wq", "null": "limit",
        "nullb": "limit-busy", "e1000e": "e1000e"}
SINKS = ("sink", "sinkwq")
LIMITS = ("null", "nullb")
# key prefix of a device in bench.json's ratios
KEY = {"sink": "exnic", "sinkwq": "exnic_wq", "null": "limit",
       "nullb": "limit_busy", "e1000e": "e1000e"}
PATHS = {"off": "copy", "on": "page"}
# the device the goals are judged on
GOAL_DEV = "sink"


def devices(runs):
    """The devices measured: those of DEVS in its order, then any other
    device of runs.tsv (named as it is there) in the order it first appears."""
    seen = {r["dev"] for r in runs}
    out = [dv for dv in DEVS if dv in seen]
    for r in runs:
        if r["dev"] not in out:
            out.append(r["dev"])
    return out


def label(dev):
    return DEVS.get(dev, dev)


def key(dev):
    return KEY.get(dev, dev)


def load(d):
    runs = []
    with open(os.path.join(d, "runs.tsv")) as f:
        for line in f:
            r, size, dev, flag, tool, rc, path = line.rstrip("\n").split("\t")
            run = {"round": int(r), "size": int(size), "dev": dev, "flag": flag,
                   "tool": tool, "exit": int(rc), "file": path}
            try:
                with open(os.path.join(d, path)) as jf:
                    j = json.load(jf)
            except (OSError, ValueError):
                j = None
            if j is not None:
                t = j["tx"] if tool == "h0" else j
                run["pps"] = float(t["pps"])
                run["gbps"] = float(t["gbps"])
                run["elapsed_s"] = float(t["elapsed_s"])
            runs.append(run)
    return runs


def stats3(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return None
    return {"min": min(xs), "median": statistics.median(xs), "max": max(xs), "n": len(xs)}


def fmt3(s, f="{:.3f}"):
    if not s:
        return "-"
    return " / ".join(f.format(s[k]) for k in ("min", "median", "max"))


class Table:
    def __init__(self, runs):
        self.by = {}
        for r in runs:
            if r["exit"] == 0 and "pps" in r:
                self.by[(r["round"], r["size"], r["dev"], r["flag"], r["tool"])] = r
        self.rounds = sorted({r["round"] for r in runs})
        self.sizes = sorted({r["size"] for r in runs})

    def get(self, rnd, size, dev, flag, tool, key="pps"):
        r = self.by.get((rnd, size, dev, flag, tool))
        return r[key] if r else None

    def values(self, size, dev, flag, tool, key="pps"):
        return stats3([self.get(n, size, dev, flag, tool, key) for n in self.rounds])

    def ratios(self, size, num, den):
        """Per-round ratios num/den, each a (dev, flag, tool) triple."""
        out = []
        for n in self.rounds:
            a = self.get(n, size, *num)
            b = self.get(n, size, *den)
            if a is not None and b:
                out.append(a / b)
        return stats3(out)


def build(d):
    runs = load(d)
    if not runs:
        print(f"bench/report.py: no runs in {d}/runs.tsv", file=sys.stderr)
        sys.exit(2)
    t = Table(runs)
    devs = devices(runs)
    res = {"devices": devs, "rounds": len(t.rounds), "sizes": t.sizes, "failed_runs":
           [r["file"] for r in runs if r["exit"] != 0], "by_tool": {}}
    for tool in TOOLS:
        per = {}
        for s in t.sizes:
            e = {}
            for dev in devs:
                for flag, path in PATHS.items():
                    e[f"{dev}_{path}"] = {
                        "pps": t.values(s, dev, flag, tool),
                        "gbps": t.values(s, dev, flag, tool, "gbps")}
                e[f"{dev}_page_over_copy"] = t.ratios(
                    s, (dev, "on", tool), (dev, "off", tool))
            for dev in (d for d in SINKS if d in devs):
                for lim in (d for d in LIMITS if d in devs):
                    for flag, path in PATHS.items():
                        e[f"{key(dev)}_over_{key(lim)}_{path}"] = t.ratios(
                            s, (dev, flag, tool), (lim, flag, tool))
            if tool == "h0":
                for dev in devs:
                    for flag, path in PATHS.items():
                        e[f"min_over_h0_{dev}_{path}"] = t.ratios(
                            s, (dev, flag, "min"), (dev, flag, "h0"))
            g = SEED_GAIN.get(s)
            poc = e.get(f"{GOAL_DEV}_page_over_copy")
            lim = e.get("exnic_over_limit_page")
            limb = e.get("exnic_over_limit_busy_page")
            e["goal_gain_pct"] = g
            e["gain_met"] = (None if g is None or not poc
                             else (poc["median"] - 1) * 100 >= g)
            e["limit_met"] = None if not lim else bool(lim["median"] >= LIMIT_GOAL)
            e["limit_busy_met"] = (None if not limb
                                   else bool(limb["median"] >= LIMIT_GOAL))
            if e["gain_met"] is not None:
                e["gain_met"] = bool(e["gain_met"])
            per[str(s)] = e
        res["by_tool"][TOOLS[tool]] = per
    return res


def text(res, d):
    L = []
    env = os.path.join(d, "guest-env.txt")
    host = os.path.join(d, "host-env.txt")
    for p in (host, env):
        if os.path.exists(p):
            with open(p) as f:
                L += ["  " + x.rstrip() for x in f]
    tc = res.get("tcg_costs")
    if tc:
        L.append("  fixed vs per-byte cost (bench/tcg_costs), guest under TCG / host:")
        for k, unit in (("syscall_ns", "ns a getppid()"),
                        ("alloc_ns", "ns a malloc+free"),
                        ("movq_ns_per_byte", "ns a byte of movq copy"),
                        ("movsb_ns_per_byte", "ns a byte of rep movsb"),
                        ("movq_bytes_per_alloc", "bytes of movq copy per malloc+free")):
            g, h = tc["guest"].get(k), tc["host"].get(k)
            if g is not None and h:
                L.append(f"    {unit:<36} {g:>10.3f} / {h:>10.3f}  (x{g / h:.1f})")
    L.append(f"  {res['rounds']} rounds; every ratio is per round, shown as "
             "min / median / max over the rounds")
    L.append("  Under qemu TCG the absolute rates mean little: read the ratios.")
    if res["failed_runs"]:
        L.append(f"  FAILED runs (left out): {' '.join(res['failed_runs'])}")
    for tool, per in res["by_tool"].items():
        L.append("")
        L.append(f"== sender: {tool}")
        devs = res["devices"]
        dw = max([10] + [len(label(d)) for d in devs])
        L.append(f"{'size':>5} {'device':<{dw}} {'path':<5} "
                 f"{'kpps min / med / max':<26} {'Gb/s min / med / max':<26}")
        for s, e in per.items():
            for dev in devs:
                for path in PATHS.values():
                    v = e[f"{dev}_{path}"]
                    kp = {k: x / 1e3 if k != "n" else x for k, x in v["pps"].items()} \
                        if v["pps"] else None
                    L.append(f"{s:>5} {label(dev):<{dw}} "
                             f"{path:<5} {fmt3(kp, '{:.1f}'):<26} "
                             f"{fmt3(v['gbps'], '{:.4f}'):<26}")
        L.append("")
        L.append("page/copy: pps with tx-no-linear on / off, same device and round")
        L.append(f"{'size':>5} " + " ".join(f"{label(d):<23}" for d in devs)
                 + f" {'gain':>7} {'goal':>7}")
        for s, e in per.items():
            poc = e.get(f"{GOAL_DEV}_page_over_copy")
            gain = f"{(poc['median'] - 1) * 100:+.1f}%" if poc else "-"
            goal = (f"+{e['goal_gain_pct']:.1f}%" if e["goal_gain_pct"] is not None
                    else "-")
            L.append(f"{s:>5} " + " ".join(
                f"{fmt3(e[d + '_page_over_copy']):<23}" for d in devs)
                + f" {gain:>7} {goal:>7}")
        L.append("")
        L.append("exnic/limit: pps on an exnic sink / on the null device, same path and round")
        first = next(iter(per.values()))
        pairs = [(dv, lm) for dv in SINKS for lm in LIMITS
                 if f"{key(dv)}_over_{key(lm)}_page" in first]
        for path in ("page", "copy"):
            L.append(f"{'size':>5} " + " ".join(
                f"{(label(dv) + '/' + label(lm) + ' ' + path):<26}"
                for dv, lm in pairs))
            for s, e in per.items():
                L.append(f"{s:>5} " + " ".join(
                    f"{fmt3(e[f'{key(dv)}_over_{key(lm)}_{path}']):<26}"
                    for dv, lm in pairs))
        L.append("")
        gm = [s for s, e in per.items() if e["gain_met"] is False]
        lm = [s for s, e in per.items() if e["limit_met"] is False]
        lb = [s for s, e in per.items() if e["limit_busy_met"] is False]
        L.append(f"goal page/copy gain on exnic >= seed (median): "
                 f"{'met' if not gm else 'NOT met at ' + ', '.join(gm) + ' B'}")
        if any(e["limit_met"] is not None for e in per.values()):
            L.append(f"goal exnic page >= {LIMIT_GOAL} x limit (median): "
                     f"{'met' if not lm else 'NOT met at ' + ', '.join(lm) + ' B'}")
        if any(e["limit_busy_met"] is not None for e in per.values()):
            L.append(f"     exnic page >= {LIMIT_GOAL} x limit-busy (median): "
                     f"{'met' if not lb else 'NOT met at ' + ', '.join(lb) + ' B'}")
        if tool == "headlen0_tx":
            L.append("")
            L.append("sender check: xsk_min_tx pps / headlen0_tx pps, same device, "
                     "path, size and round (> 1: headlen0_tx is slower)")
            L.append(f"{'size':>5} " + " ".join(
                f"{label(d) + ' ' + p:<23}" for d in devs for p in PATHS.values()))
            for s, e in per.items():
                L.append(f"{s:>5} " + " ".join(
                    f"{fmt3(e[f'min_over_h0_{d}_{p}']):<23}"
                    for d in devs for p in PATHS.values()))
    # Padded columns end in spaces; rST and checkpatch want none.
    return "\n".join(x.rstrip() for x in L) + "\n"


def main():
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr if len(sys.argv) != 2 else sys.stdout)
        sys.exit(2 if len(sys.argv) != 2 else 0)
    d = sys.argv[1]
    if not os.path.exists(os.path.join(d, "runs.tsv")):
        print(f"bench/report.py: {d}/runs.tsv not found: not a bench run directory",
              file=sys.stderr)
        sys.exit(2)
    res = build(d)
    tc = {}
    for side in ("guest", "host"):
        try:
            with open(os.path.join(d, f"tcg-costs-{side}.json")) as f:
                tc[side] = json.load(f)
        except (OSError, ValueError):
            pass
    if len(tc) == 2:
        res["tcg_costs"] = tc
    txt = text(res, d)
    with open(os.path.join(d, "bench.json"), "w") as f:
        json.dump(res, f, indent=1, sort_keys=True)
        f.write("\n")
    with open(os.path.join(d, "bench.txt"), "w") as f:
        f.write(txt)
    sys.stdout.write(txt)


if __name__ == "__main__":
    main()
