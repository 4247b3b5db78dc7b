#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Summarise a bench run (bench/guest.sh's output directory), or pool the
rounds of several.

Usage: bench/report.py DIR
       bench/report.py --pool OUT DIR DIR...

Reads DIR/runs.tsv and the JSON of every run, prints the tables to stdout
and writes the same text to DIR/bench.txt and the numbers to DIR/bench.json
(with --pool: to OUT/, which it creates; the DIRs are only read).
Every ratio is taken within one round (the two runs it compares were
measured minutes apart at most), then summarised over the rounds as
min / median / max. page/copy is also summarised, per size and device, as
the geometric mean of the rounds' ratios with its 95 % t-interval, and
judged against the seed's gain on that interval: met, not met or
undecided, with the rounds an interval of +-3 % would need at the spread
seen. Round 0 is the guest's warm-up (every run once, before the clock
that counts): it is counted and left out.

--pool takes every round of every DIR as one sample (the benches must be
the same: a mix of kernels or machines is the caller's error) and also
gives each DIR's own interval per size and device. Where two DIRs'
intervals do not overlap, the runs disagree: the pooled verdict is then
"undecided", whatever the pooled interval says, because the rounds of one
run would not be a sample of the next.
Exit status: 0, or 2 on bad usage or when a DIR holds no usable run.
"""
import json
import math
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
        "nullb": "limit-busy", "e1000e": "e1000e", "virtio": "virtio_net",
        "sinkab": "exnic-ab", "sinkabnf": "exnic-ab-nofetch", "nullab": "limit-ab",
        "e1000eab": "e1000e-ab", "virtioab": "virtio_net-ab",
        "nullremoteab": "limit-remote-ab"}
SINKS = ("sink", "sinkwq", "sinkab", "sinkabnf")
LIMITS = ("null", "nullb", "nullab")
# the null device measured as a device is, for its stack share (default null)
STACK_LIMIT = {"sinkab": "nullab", "sinkabnf": "nullab", "e1000eab": "nullab",
               "virtioab": "nullab", "nullremoteab": "nullab"}
# key prefix of a device in bench.json's ratios
KEY = {"sink": "exnic", "sinkwq": "exnic_wq", "null": "limit",
       "nullb": "limit_busy", "e1000e": "e1000e", "virtio": "virtio_net",
       "sinkab": "exnic_ab", "sinkabnf": "exnic_ab_nofetch", "nullab": "limit_ab",
       "e1000eab": "e1000e_ab", "virtioab": "virtio_net_ab",
       "nullremoteab": "limit_remote_ab"}
PATHS = {"off": "copy", "on": "page"}
# frames one sendto() sends in AF_XDP's generic mode (TX_BATCH_SIZE, net/xdp/xsk.c)
KICK_MAX = 32
# the device the goals are judged on: exnic's sink, back to back or
# interleaved (the first of these a run has)
GOAL_DEVS = ("sink", "sinkab")
# bench/guest.sh's warm-up round: every run once, not measured
WARMUP = 0


def devices(runs):
    """The devices measured: those of DEVS in its order, then any other
    device of runs.tsv (named as it is there) in the order it first appears."""
    seen = {r["dev"] for r in runs}
    out = [dv for dv in DEVS if dv in seen]
    for r in runs:
        if r["dev"] not in out:
            out.append(r["dev"])
    return out


def goal_dev(devs):
    return next((d for d in GOAL_DEVS if d in devs), None)


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
                kick = (t.get("frames_sent"), t.get("kicks"))
                if "interleave_ms" in t:
                    # both paths in one run (xsk_min_tx --interleave)
                    t = dict(t[PATHS[flag]], elapsed_s=t[PATHS[flag]]["seconds"])
                    kick = (t.get("frames"), t.get("kicks"))
                v = {k: float(t[k]) for k in ("pps", "gbps", "elapsed_s")}
                # json.load takes NaN and Infinity: such a run is left out
                if all(math.isfinite(x) for x in v.values()):
                    run.update(v)
                    # xsk_min_tx: the frames a sendto() sent
                    if tool == "min" and kick[1]:
                        run["per_kick"] = float(kick[0]) / float(kick[1])
            runs.append(run)
    return runs


# Student's t, 0.975 quantile (two-sided 95 %), for 1..30 degrees of freedom
T975 = (12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912,
        2.364624, 2.306004, 2.262157, 2.228139, 2.200985, 2.178813,
        2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922,
        2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
        2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272)
Z975 = 1.959964
# a page/copy interval this narrow (half-width, in log) is a +-3 % figure
WIDTH_3PCT = math.log(1.03)


def t975(df):
    """t(0.975, df): the table up to df 30; beyond, the normal quantile
    with the first two terms of its Cornish-Fisher expansion in 1/df
    (within 1e-4 of the exact value from df 31 on, 1.96 as df grows)."""
    if df <= len(T975):
        return T975[df - 1]
    z = Z975
    return (z + (z ** 3 + z) / (4 * df)
            + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2))


def mean_interval(xs):
    """The arithmetic mean of xs and its 95 % t-interval, mean +- t(0.975,
    n-1) sd / sqrt(n), with sd and the half-width (None with one value),
    for quantities that may be 0 or negative."""
    n = len(xs)
    if not n:
        return None
    m = statistics.fmean(xs)
    out = {"n": n, "mean": m, "lo": None, "hi": None, "sd": None, "half": None}
    if n >= 2:
        sd = statistics.stdev(xs)
        h = t975(n - 1) * sd / math.sqrt(n)
        out.update(sd=sd, half=h, lo=m - h, hi=m + h)
    return out


def interval(xs):
    """The geometric mean of the ratios xs and its 95 % interval: the
    t-interval of their logs (mean_interval()), exponentiated.
    With one ratio there is a mean but no interval (lo, hi None)."""
    c = mean_interval([math.log(x) for x in xs])
    if not c:
        return None
    out = {"n": c["n"], "gmean": math.exp(c["mean"]), "lo": None, "hi": None,
           "sd_log": c["sd"], "half_log": c["half"]}
    if c["lo"] is not None:
        out.update(lo=math.exp(c["lo"]), hi=math.exp(c["hi"]))
    return out


def verdict(ci, gain_pct):
    """met: the interval is at or above 1 + gain; not met: below it;
    undecided: it straddles it. None without a goal or an interval."""
    if gain_pct is None or not ci or ci["lo"] is None:
        return None
    goal = 1 + gain_pct / 100
    if ci["lo"] >= goal:
        return "met"
    if ci["hi"] < goal:
        return "not met"
    return "undecided"


def rounds_needed(sd, width=WIDTH_3PCT):
    """Rounds for an interval of half-width <= width (log) given the sd of
    the log ratios: the least n >= 2 with t(0.975, n-1) sd / sqrt(n) <= width.
    None when sd is None (no estimate) or 0."""
    if not sd:
        return None
    n = max(2, math.ceil((Z975 * sd / width) ** 2))
    while t975(n - 1) * sd / math.sqrt(n) > width:
        n += 1
    return n


def pct(x):
    return None if x is None else (x - 1) * 100


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
    """The measured runs (round 0, the warm-up, left out), by (run, round):
    run is the index of the DIR a run came from (0 without --pool)."""
    def __init__(self, runs):
        self.by = {}
        ids = sorted({r.get("run", 0) for r in runs})
        runs = [r for r in runs if r["round"] != WARMUP]
        for r in runs:
            if r["exit"] == 0 and "pps" in r:
                self.by[((r.get("run", 0), r["round"]), r["size"], r["dev"],
                         r["flag"], r["tool"])] = r
        self.rounds = sorted({(r.get("run", 0), r["round"]) for r in runs})
        self.sizes = sorted({r["size"] for r in runs})
        self.nruns = len(ids)
        # pooled: each run's own table, in the order of the runs
        self.per_run = [self.only(n) for n in ids] if len(ids) > 1 else []

    def only(self, run):
        """The same table restricted to the rounds of one run."""
        t = Table([])
        t.by = {k: v for k, v in self.by.items() if k[0][0] == run}
        t.rounds = [n for n in self.rounds if n[0] == run]
        t.sizes, t.nruns = self.sizes, 1
        return t

    def get(self, rnd, size, dev, flag, tool, key="pps"):
        r = self.by.get((rnd, size, dev, flag, tool))
        return r.get(key) if r else None

    def values(self, size, dev, flag, tool, key="pps"):
        return stats3([self.get(n, size, dev, flag, tool, key) for n in self.rounds])

    def ratio_list(self, size, num, den):
        """Per-round ratios num/den, each a (dev, flag, tool) triple; a
        round without both runs (failed, or no JSON) is left out."""
        out = []
        for n in self.rounds:
            a = self.get(n, size, *num)
            b = self.get(n, size, *den)
            if a is not None and b:
                out.append(a / b)
        return out

    def ratios(self, size, num, den):
        return stats3(self.ratio_list(size, num, den))

    def page_over_copy(self, size, dev, tool, gain_pct):
        """page/copy's 95 % interval over the rounds, judged against gain_pct.
        A ratio of 0 (a run that sent nothing) has no log: left out.
        Pooled over several runs, also each run's own interval (per_run)
        and whether they overlap (runs_agree); where they do not, the
        verdict is undecided."""
        xs = [x for x in self.ratio_list(size, (dev, "on", tool), (dev, "off", tool))
              if x > 0]
        ci = interval(xs)
        if not ci:
            return None
        ci.update(gain_pct=pct(ci["gmean"]), lo_pct=pct(ci["lo"]),
                  hi_pct=pct(ci["hi"]), goal_gain_pct=gain_pct,
                  verdict=verdict(ci, gain_pct),
                  rounds_for_3pct=rounds_needed(ci["sd_log"]))
        if self.nruns > 1:
            per = [t.page_over_copy(size, dev, tool, gain_pct) for t in self.per_run]
            ci["per_run"] = per
            ci["runs_agree"] = agree(per)
            if ci["runs_agree"] is False and ci["verdict"] is not None:
                ci["verdict"] = "undecided"
        return ci


def stack_share(t, size, dev, tool, lim, gain_pct):
    """What the stack's saving is worth on dev: per round, the limit's
    saving a frame (its copy frame minus its page frame, us) over dev's
    page-path frame (us), the gain dev would see if the flag saved it
    exactly what it saves the stack. Its mean and 95 % t-interval, the
    medians of both times, the median of dev's own saving (what the flag
    saves dev a frame beyond what it saves the stack: negative when dev's
    driver and device cost more on the page path), and the frame cost at
    which the stack's median saving would give the seed's gain (None
    without a seed)."""
    save, cost, share, own = [], [], [], []
    for n in t.rounds:
        c, p = t.get(n, size, lim, "off", tool), t.get(n, size, lim, "on", tool)
        d = t.get(n, size, dev, "on", tool)
        dc = t.get(n, size, dev, "off", tool)
        if c and p and d and dc:
            save.append(1e6 / c - 1e6 / p)
            cost.append(1e6 / d)
            share.append(save[-1] / cost[-1])
            own.append(1e6 / dc - 1e6 / d - save[-1])
    ci = mean_interval(share)
    if not ci:
        return None
    del ci["sd"], ci["half"]
    saved = statistics.median(save)
    ci.update(save_us=saved, cost_us=statistics.median(cost),
              own_us=statistics.median(own), goal_gain_pct=gain_pct,
              max_cost_us_for_goal=saved / (gain_pct / 100) if gain_pct else None)
    # the share is a gain: judged as verdict() judges the ratio 1 + share
    v = verdict({"lo": None if ci["lo"] is None else 1 + ci["lo"],
                 "hi": None if ci["hi"] is None else 1 + ci["hi"]}, gain_pct)
    ci["side"] = {"met": "above", "not met": "below", "undecided": "across"}.get(v)
    return ci


def agree(cis):
    """False when two of the intervals cis (None: no rounds; lo None: one
    round) are disjoint, True when every pair overlaps, None when fewer
    than two have an interval."""
    iv = [(c["lo"], c["hi"]) for c in cis if c and c["lo"] is not None]
    if len(iv) < 2:
        return None
    return all(a[1] >= b[0] and b[1] >= a[0]
               for i, a in enumerate(iv) for b in iv[i + 1:])


def build(d, pool=None):
    """The results of run directory d, or of the directories pool (a list:
    their rounds pooled, d then only names where the results go)."""
    runs = []
    for n, src in enumerate(pool or [d]):
        rs = load(src)
        if not rs:
            print(f"bench/report.py: no runs in {src}/runs.tsv", file=sys.stderr)
            sys.exit(2)
        for r in rs:
            r["run"] = n
            if pool:
                r["file"] = os.path.join(src, r["file"])
        runs += rs
    t = Table(runs)
    devs = devices(runs)
    res = {"devices": devs, "rounds": len(t.rounds), "sizes": t.sizes, "failed_runs":
           list(dict.fromkeys(r["file"] for r in runs if r["exit"] != 0)),
           "warmup_runs": sum(1 for r in runs if r["round"] == WARMUP),
           "by_tool": {}}
    if pool:
        res["pooled"] = [{"dir": src, "rounds": len(pt.rounds)}
                         for src, pt in zip(pool, t.per_run)]
    for tool in (tl for tl in TOOLS if any(r["tool"] == tl for r in runs)):
        per = {}
        for s in t.sizes:
            e = {}
            for dev in devs:
                for flag, path in PATHS.items():
                    e[f"{dev}_{path}"] = {
                        "pps": t.values(s, dev, flag, tool),
                        "gbps": t.values(s, dev, flag, tool, "gbps"),
                        "per_kick": t.values(s, dev, flag, tool, "per_kick")}
                e[f"{dev}_page_over_copy"] = t.ratios(
                    s, (dev, "on", tool), (dev, "off", tool))
            for dev in (d for d in SINKS if d in devs):
                for lim in (d for d in LIMITS if d in devs):
                    for flag, path in PATHS.items():
                        e[f"{key(dev)}_over_{key(lim)}_{path}"] = t.ratios(
                            s, (dev, flag, tool), (lim, flag, tool))
            if tool == "h0" and any(r["tool"] == "min" for r in runs):
                for dev in devs:
                    for flag, path in PATHS.items():
                        e[f"min_over_h0_{dev}_{path}"] = t.ratios(
                            s, (dev, flag, "min"), (dev, flag, "h0"))
            g = SEED_GAIN.get(s)
            for dev in devs:
                e[f"{dev}_page_over_copy_ci"] = t.page_over_copy(s, dev, tool, g)
            for dev in (x for x in devs if x not in LIMITS):
                lim = STACK_LIMIT.get(dev, "null")
                if lim in devs:
                    e[f"{dev}_stack_share"] = stack_share(t, s, dev, tool, lim, g)
            ci = e.get(f"{goal_dev(devs)}_page_over_copy_ci")
            lim = e.get("exnic_over_limit_page")
            limb = e.get("exnic_over_limit_busy_page")
            e["goal_gain_pct"] = g
            e["gain_verdict"] = ci["verdict"] if ci else None
            e["limit_met"] = None if not lim else bool(lim["median"] >= LIMIT_GOAL)
            e["limit_busy_met"] = (None if not limb
                                   else bool(limb["median"] >= LIMIT_GOAL))
            per[str(s)] = e
        res["by_tool"][TOOLS[tool]] = per
    return res


def ci_row(ci, goal):
    """n, gain, interval, goal, verdict and rounds for +-3 % of one row."""
    g = f"+{goal:.1f}%" if goal is not None else "-"
    if not ci:
        return f"{0:>3} {'-':>7} {'-':<19} {g:>6}  {'-':<9} {'-':>16}"
    iv = (f"{ci['lo_pct']:+.1f}% .. {ci['hi_pct']:+.1f}%" if ci["lo"] is not None
          else "none")
    v = ci["verdict"] or "-"
    r = str(ci["rounds_for_3pct"]) if ci["rounds_for_3pct"] else "-"
    row = (f"{ci['n']:>3} {ci['gain_pct']:+6.1f}% {iv:<19} {g:>6}  "
           f"{v:<9} {r:>16}")
    if "per_run" in ci:
        row += "  " + " | ".join(
            "-" if not c else f"{c['gain_pct']:+.1f}% none" if c["lo"] is None
            else f"{c['gain_pct']:+.1f}% {c['lo_pct']:+.1f}..{c['hi_pct']:+.1f}"
            for c in ci["per_run"])
        if ci["runs_agree"] is False:
            row += "  runs disagree"
    return row


def verdicts(per, dev):
    """'met at 1500 B; not met at 64 B; ...' for dev over the seed's sizes."""
    by = {}
    for s, e in per.items():
        if e["goal_gain_pct"] is None:
            continue
        ci = e[f"{dev}_page_over_copy_ci"]
        v = (ci["verdict"] if ci and ci["lo"] is not None
             else "no interval" if ci else "no runs")
        by.setdefault(v, []).append(s)
    order = ("met", "not met", "undecided", "no interval", "no runs")
    return "; ".join(f"{v} at {', '.join(by[v])} B" for v in order if v in by) or "-"


def dev_path_rows(per, devs, field, f="{:.3f}"):
    """A table with a column per device and path: field(e, dev, path) of
    each size's results e, as min / median / max."""
    rows = [f"{'size':>5} " + " ".join(
        f"{label(dv) + ' ' + p:<23}" for dv in devs for p in PATHS.values())]
    for s, e in per.items():
        rows.append(f"{s:>5} " + " ".join(
            f"{fmt3(field(e, dv, p), f):<23}" for dv in devs for p in PATHS.values()))
    return rows


def text(res, d):
    L = []
    for n, src in enumerate([p["dir"] for p in res.get("pooled", [])] or [d]):
        if "pooled" in res:
            L.append(f"  run {n + 1}: {src}, {res['pooled'][n]['rounds']} rounds")
        for p in (os.path.join(src, "host-env.txt"), os.path.join(src, "guest-env.txt")):
            if os.path.exists(p):
                with open(p) as f:
                    L += ["  " + ("  " if "pooled" in res else "") + x.rstrip() for x in f]
        hs = (res.get("host_steady") or [None] * (n + 1))[n]
        if hs:
            L.append("  " + ("  " if "pooled" in res else "")
                     + f"host steadiness (bench/host_steady, every CPU at once, before the run): "
                     f"fastest / slowest try {hs['min_ms']:.0f} / {hs['max_ms']:.0f} ms, "
                     f"x{hs['spread']:.2f} (1.00: a steady host)")
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
             "min / median / max over the rounds;")
    L.append("  page/copy is judged on the 95 % interval of its geometric mean "
             "over the rounds")
    L.append("  Under qemu TCG the absolute rates mean little: read the ratios.")
    if "pooled" in res:
        L.append(f"  pooled: the rounds of {len(res['pooled'])} runs as one sample; "
                 "after each interval, each run's own;")
        L.append("  where two runs' intervals are disjoint the runs disagree "
                 "and the verdict is undecided")
    if res.get("warmup_runs"):
        L.append(f"  round 0, the warm-up ({res['warmup_runs']} runs), left out")
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
            poc = e.get(f"{goal_dev(devs)}_page_over_copy")
            gain = f"{(poc['median'] - 1) * 100:+.1f}%" if poc else "-"
            goal = (f"+{e['goal_gain_pct']:.1f}%" if e["goal_gain_pct"] is not None
                    else "-")
            L.append(f"{s:>5} " + " ".join(
                f"{fmt3(e[d + '_page_over_copy']):<23}" for d in devs)
                + f" {gain:>7} {goal:>7}")
        L.append("")
        L.append("page/copy gain: geometric mean of the rounds' ratios and its 95 % "
                 "t-interval; verdict against the seed's gain")
        L.append("  (met: interval >= goal; not met: interval < goal; undecided: "
                 "across it; rounds: for an interval of +-3 % at this spread)")
        L.append(f"{'size':>5} {'device':<{dw}} {'n':>3} {'gain':>7} "
                 f"{'95 % interval':<19} {'goal':>6}  {'verdict':<9} "
                 f"{'rounds for +-3 %':>16}")
        few = False
        for s, e in per.items():
            for dev in devs:
                L.append(f"{s:>5} {label(dev):<{dw}} "
                         + ci_row(e[f"{dev}_page_over_copy_ci"], e["goal_gain_pct"]))
                ci = e[f"{dev}_page_over_copy_ci"]
                few = few or (ci is not None and ci["lo"] is None)
        if few:
            L.append("  none: fewer than 2 rounds, no interval and no verdict")
        L.append("")
        share = [dv for dv in devs if f"{dv}_stack_share" in next(iter(per.values()))]
        if share:
            L.append("the stack's saving on each device: what the flag saves the null device a "
                     "frame (copy - page, us, median),")
            L.append("  the device's page-path frame (us, median), and their ratio per round: "
                     "the gain the stack's saving alone")
            L.append("  gives the device (mean, 95 % t-interval; below/above: the interval "
                     "against the seed's gain); for seed:")
            L.append("  the most a page-path frame may cost for the stack's median saving to "
                     "give the seed's gain; own:")
            L.append("  what the flag saves the device's own driver and device a frame (us, "
                     "median; < 0: they cost more on the page path)")
            L.append(f"{'size':>5} {'device':<{dw}} {'saves us':>8} {'frame us':>8} "
                     f"{'stack share':>11} {'95 % interval':<17} {'seed':>6} "
                     f"{'side':<6} {'for seed us':>11} {'own us':>7}")
            for s, e in per.items():
                for dv in share:
                    c = e[f"{dv}_stack_share"]
                    if not c:
                        continue
                    iv = ("none" if c["lo"] is None
                          else f"{c['lo'] * 100:+.1f}% .. {c['hi'] * 100:+.1f}%")
                    g = (f"+{c['goal_gain_pct']:.1f}%" if c["goal_gain_pct"] is not None
                         else "-")
                    mc = (f"{c['max_cost_us_for_goal']:.2f}"
                          if c["max_cost_us_for_goal"] is not None else "-")
                    L.append(f"{s:>5} {label(dv):<{dw}} {c['save_us']:>8.2f} "
                             f"{c['cost_us']:>8.2f} {c['mean'] * 100:>+10.1f}% {iv:<17} "
                             f"{g:>6} {c['side'] or '-':<6} {mc:>11} {c['own_us']:>+7.2f}")
            L.append("")
        if any(e[f"{dv}_{p}"]["per_kick"] for e in per.values() for dv in devs
               for p in PATHS.values()):
            L.append("frames a sendto() sent (min / median / max over the rounds): "
                     f"the kernel sends up to {KICK_MAX} a call;")
            L.append("  fewer: the sender waited for the device (a full ring, or no "
                     "frame completed yet), not the other way round")
            L += dev_path_rows(per, devs, lambda e, dv, p: e[f"{dv}_{p}"]["per_kick"],
                               "{:.1f}")
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
        lm = [s for s, e in per.items() if e["limit_met"] is False]
        lb = [s for s, e in per.items() if e["limit_busy_met"] is False]
        for dev in sorted(devs, key=lambda d: d != goal_dev(devs)):
            head = ("goal page/copy gain on" if dev == goal_dev(devs)
                    else "     page/copy gain on")
            L.append(f"{head} {label(dev)} >= seed (95 % interval): "
                     + verdicts(per, dev))
        if any(e["limit_met"] is not None for e in per.values()):
            L.append(f"goal exnic page >= {LIMIT_GOAL} x limit (median): "
                     f"{'met' if not lm else 'NOT met at ' + ', '.join(lm) + ' B'}")
        if any(e["limit_busy_met"] is not None for e in per.values()):
            L.append(f"     exnic page >= {LIMIT_GOAL} x limit-busy (median): "
                     f"{'met' if not lb else 'NOT met at ' + ', '.join(lb) + ' B'}")
        if tool == "headlen0_tx" and "xsk_min_tx" in res["by_tool"]:
            L.append("")
            L.append("sender check: xsk_min_tx pps / headlen0_tx pps, same device, "
                     "path, size and round (> 1: headlen0_tx is slower)")
            L += dev_path_rows(per, devs, lambda e, dv, p: e[f"min_over_h0_{dv}_{p}"])
    # Padded columns end in spaces; rST and checkpatch want none.
    return "\n".join(x.rstrip() for x in L) + "\n"


def host_steady(d):
    """bench/host_steady's figures of run directory d (fastest and slowest
    try, their ratio, the tries a CPU), or None without a usable file."""
    try:
        with open(os.path.join(d, "host-steady.json")) as f:
            j = json.load(f)
        out = {k: float(j[k]) for k in ("min_ms", "max_ms", "spread")}
        out["tries"] = int(j["tries"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return out if all(math.isfinite(x) and x > 0 for x in out.values()) else None


def usage_error(msg):
    print(f"bench/report.py: {msg} (see --help)", file=sys.stderr)
    sys.exit(2)


def main():
    args = sys.argv[1:]
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__.strip())
        sys.exit(0)
    pool = None
    if args[:1] == ["--pool"]:
        if len(args) < 4:
            usage_error("--pool wants OUT and at least two run directories")
        d, pool = args[1], args[2:]
        if len(set(map(os.path.realpath, pool))) != len(pool):
            usage_error("--pool names a run directory twice")
    elif len(args) != 1 or args[0].startswith("-"):
        usage_error("wants one run directory, or --pool OUT DIR DIR...")
    else:
        d = args[0]
    for src in pool or [d]:
        if not os.path.exists(os.path.join(src, "runs.tsv")):
            print(f"bench/report.py: {src}/runs.tsv not found: not a bench run directory",
                  file=sys.stderr)
            sys.exit(2)
    if pool:
        os.makedirs(d, exist_ok=True)
    res = build(d, pool)
    tc = {}
    for side in ("guest", "host"):
        try:
            with open(os.path.join((pool or [d])[0], f"tcg-costs-{side}.json")) as f:
                tc[side] = json.load(f)
        except (OSError, ValueError):
            pass
    if len(tc) == 2:
        res["tcg_costs"] = tc
    steady = [host_steady(src) for src in pool or [d]]
    if any(steady):
        res["host_steady"] = steady
    txt = text(res, d)
    with open(os.path.join(d, "bench.json"), "w") as f:
        json.dump(res, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")
    with open(os.path.join(d, "bench.txt"), "w") as f:
        f.write(txt)
    sys.stdout.write(txt)


if __name__ == "__main__":
    main()
