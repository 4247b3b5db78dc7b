#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Host tests of bench/report.py: synthetic run directories (runs.tsv and
the senders' JSON) in, the page/copy interval, verdicts and bench.json out.
No VM. Prints TAP and 'N passed, N failed'; exits 1 on a failure."""
import contextlib
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile

import tap

HERE = os.path.dirname(os.path.abspath(__file__))
REPORT = os.path.join(HERE, "..", "report.py")
spec = importlib.util.spec_from_file_location("bench_report", REPORT)
rp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rp)

COPY_PPS = 100000.0
# log page/copy ratios with mean 0.10 and sd sqrt(0.001 / 4) = 0.0158114
LOGS = [0.10, 0.12, 0.08, 0.11, 0.09]
# by hand: t(0.975, 4) = 2.776445, half-width 2.776445 * 0.0158114 /
# sqrt(5) = 0.0196324; exp(0.10), exp(0.10 -+ 0.0196324)
GMEAN, LO, HI = 1.1051709, 1.0836853, 1.1270825


def run_json(tool, pps):
    t = {"pps": pps, "gbps": pps * 1500 * 8 / 1e9, "elapsed_s": 1.0}
    return {"tx": t} if tool == "h0" else t


def make(d, ratios, sizes=(1500,), tools=("h0", "min"), edit=None, first=1):
    """A run directory: ratios maps a device to its page/copy ratio per
    round (the copy run at COPY_PPS). edit(row, text) may change a run:
    row is [round, size, dev, flag, tool, exit, path], text the JSON."""
    os.makedirs(os.path.join(d, "runs"), exist_ok=True)
    rows = []
    for dev, rs in ratios.items():
        for n, x in enumerate(rs, first):
            for size in sizes:
                for flag, pps in (("off", COPY_PPS), ("on", COPY_PPS * x)):
                    for tool in tools:
                        path = f"runs/r{n}-s{size}-{dev}-{flag}-{tool}.json"
                        row = [n, size, dev, flag, tool, 0, path]
                        txt = json.dumps(run_json(tool, pps))
                        if edit:
                            txt = edit(row, txt)
                        if txt is not None:
                            with open(os.path.join(d, path), "w") as f:
                                f.write(txt)
                        rows.append(row)
    with open(os.path.join(d, "runs.tsv"), "w") as f:
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    return d


def strict(text):
    def bad(c):
        raise ValueError(f"{c} in bench.json")
    return json.loads(text, parse_constant=bad)


def report(d, pool=None):
    """bench/report.py DIR (or --pool DIR POOL...): its bench.json (parsed
    strictly) and bench.txt."""
    args = ["--pool", d] + pool if pool else [d]
    p = subprocess.run([sys.executable, REPORT] + args, capture_output=True, text=True)
    assert p.returncode == 0, f"exit {p.returncode}: {p.stderr}"
    with open(os.path.join(d, "bench.json")) as f:
        res = strict(f.read())
    with open(os.path.join(d, "bench.txt")) as f:
        txt = f.read()
    assert txt == p.stdout
    return res, txt


@contextlib.contextmanager
def tmpdir():
    with tempfile.TemporaryDirectory(prefix="bench-report-test.") as d:
        yield d


def ci(res, dev, size=1500, tool="xsk_min_tx"):
    return res["by_tool"][tool][str(size)][f"{dev}_page_over_copy_ci"]


def close(a, b, tol=1e-6):
    return a is not None and abs(a - b) <= tol


def rows(txt, title="page/copy gain:"):
    """The rows of the first interval table of txt."""
    lines = txt.split("\n")
    i = next(n for n, x in enumerate(lines) if x.startswith(title))
    out = []
    for x in lines[i + 3:]:
        if not x or x.startswith("  "):
            break
        out.append(x.split())
    return out


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def t_table_and_beyond():
    assert rp.t975(1) == 12.706205 and rp.t975(4) == 2.776445
    assert rp.t975(30) == 2.042272
    # exact t(0.975, df) past the table
    for df, t in ((31, 2.039513), (40, 2.021075), (60, 2.000298),
                  (120, 1.979930), (1000, 1.962339)):
        assert abs(rp.t975(df) - t) < 2e-4, (df, rp.t975(df), t)
    ts = [rp.t975(df) for df in range(1, 200)]
    assert all(a > b for a, b in zip(ts, ts[1:])), "t(0.975, df) not decreasing"


@case
def interval_of_known_logs():
    c = rp.interval([math.exp(x) for x in LOGS])
    assert c["n"] == 5
    assert close(c["gmean"], GMEAN) and close(c["lo"], LO) and close(c["hi"], HI), c
    assert close(c["sd_log"], 0.0158114, 1e-7), c


@case
def interval_in_the_report():
    with tmpdir() as d:
        res, txt = report(make(d, {"sink": [math.exp(x) for x in LOGS]}))
        for tool in ("xsk_min_tx", "headlen0_tx"):
            c = ci(res, "sink", tool=tool)
            assert c["n"] == 5
            assert close(c["gmean"], GMEAN) and close(c["lo"], LO) \
                and close(c["hi"], HI), c
            assert close(c["gain_pct"], 10.51709, 1e-4)
            assert close(c["lo_pct"], 8.36853, 1e-4) and close(c["hi_pct"], 12.70825, 1e-4)
        r = rows(txt)
        assert r == [["1500", "exnic", "5", "+10.5%", "+8.4%", "..", "+12.7%",
                      "+32.3%", "not", "met", "4"]], r
        # the min / median / max table stays
        assert "page/copy: pps with tx-no-linear on / off" in txt
        assert "1.083 / 1.105 / 1.127" in txt


@case
def three_verdicts():
    met = [1.50, 1.52, 1.48, 1.51, 1.49]       # 32.3 % goal: clearly above
    no = [1.00, 1.02, 0.98, 1.01, 0.99]        # clearly below
    und = [1.20, 1.45, 1.30, 1.40, 1.25]       # straddles 1.323
    with tmpdir() as d:
        res, txt = report(make(d, {"sink": met, "null": no, "e1000e": und},
                               sizes=(1500, 9000)))
        assert ci(res, "sink")["verdict"] == "met"
        assert ci(res, "null")["verdict"] == "not met"
        c = ci(res, "e1000e")
        assert c["verdict"] == "undecided" and c["lo"] < 1.323 <= c["hi"], c
        assert ci(res, "sink", 9000)["verdict"] is None       # no seed at 9000 B
        e = res["by_tool"]["xsk_min_tx"]["1500"]
        assert e["gain_verdict"] == "met" and "gain_met" not in e
        assert res["by_tool"]["xsk_min_tx"]["9000"]["gain_verdict"] is None
        assert "goal page/copy gain on exnic >= seed (95 % interval): met at 1500 B" \
            in txt, txt
        assert "page/copy gain on limit >= seed (95 % interval): not met at 1500 B" in txt
        assert "page/copy gain on e1000e >= seed (95 % interval): undecided at 1500 B" \
            in txt
        assert "seed (median)" not in txt
        devs = [r[1] for r in rows(txt)]
        assert devs == ["exnic", "limit", "e1000e"] * 2, devs


@case
def verdict_at_the_bounds():
    c = {"lo": 1.03, "hi": 1.05}
    assert rp.verdict(c, 3.0) == "met"                 # lower bound == goal
    assert rp.verdict({"lo": 1.0, "hi": 1.0299}, 3.0) == "not met"
    assert rp.verdict({"lo": 1.0, "hi": 1.03}, 3.0) == "undecided"
    assert rp.verdict({"lo": None, "hi": None}, 3.0) is None
    assert rp.verdict(c, None) is None


@case
def rounds_needed():
    w = math.log(1.03)
    sd = 0.0158114
    # by hand: n=3: 4.302653 * sd / sqrt(3) = 0.0393 > 0.0296;
    #          n=4: 3.182446 * sd / 2 = 0.0252 <= 0.0296
    assert rp.rounds_needed(sd) == 4
    # past the table: n=47 (t(0.975, 46) = 2.012896), not 46 (2.014103)
    assert rp.rounds_needed(0.1) == 47
    for s in (0.001, 0.03, 0.05, 0.2, 0.5):
        n = rp.rounds_needed(s)
        assert rp.t975(n - 1) * s / math.sqrt(n) <= w
        assert n == 2 or rp.t975(n - 2) * s / math.sqrt(n - 1) > w, (s, n)
    assert rp.rounds_needed(0.0) is None and rp.rounds_needed(None) is None
    with tmpdir() as d:
        res, txt = report(make(d, {"sink": [math.exp(x) for x in LOGS],
                                   "null": [1.2] * 4}))
        assert ci(res, "sink")["rounds_for_3pct"] == 4
        c = ci(res, "null")
        assert c["sd_log"] == 0 and c["rounds_for_3pct"] is None, c
        assert c["verdict"] == "not met"
        r = rows(txt)
        assert r[0][-1] == "4" and r[1][-1] == "-", r


@case
def one_round_no_interval():
    with tmpdir() as d:
        res, txt = report(make(d, {"sink": [1.4]}))
        c = ci(res, "sink")
        assert c["n"] == 1 and close(c["gmean"], 1.4), c
        for k in ("lo", "hi", "lo_pct", "hi_pct", "sd_log", "verdict",
                  "rounds_for_3pct"):
            assert c[k] is None, (k, c)
        assert res["by_tool"]["xsk_min_tx"]["1500"]["gain_verdict"] is None
        assert rows(txt)[0] == ["1500", "exnic", "1", "+40.0%", "none",
                                "+32.3%", "-", "-"], rows(txt)
        assert "fewer than 2 rounds, no interval and no verdict" in txt
        assert "exnic >= seed (95 % interval): no interval at 1500 B" in txt
    assert rp.interval([]) is None


@case
def failed_runs_left_out():
    xs = [math.exp(x) for x in LOGS]

    def edit(row, txt):
        n, flag, tool = row[0], row[3], row[4]
        if n == 2 and flag == "on":
            row[5] = 1                          # failed: its (wild) rate is ignored
            return json.dumps(run_json(tool, COPY_PPS * 50))
        if n == 4 and flag == "off":
            return "{not json"                  # exit 0 but no usable JSON
        if n == 5 and flag == "off":
            return None                         # no JSON file at all
        return txt
    with tmpdir() as d:
        res, txt = report(make(d, {"sink": xs}, edit=edit))
        want = rp.interval([xs[0], xs[2]])
        c = ci(res, "sink")
        assert c["n"] == 2, c
        assert close(c["lo"], want["lo"]) and close(c["hi"], want["hi"]), (c, want)
        assert sorted(res["failed_runs"]) == [
            "runs/r2-s1500-sink-on-h0.json", "runs/r2-s1500-sink-on-min.json"]
        assert "FAILED runs (left out): runs/r2-s1500-sink-on-h0.json" in txt


@case
def bench_json_has_no_nan():
    def edit(row, txt):
        if row[0] == 3 and row[3] == "on":
            return txt.replace('"pps": ', '"pps": NaN, "x": ')
        if row[0] == 4 and row[3] == "off":
            return txt.replace('"pps": ', '"pps": Infinity, "x": ')
        return txt
    with tmpdir() as d:
        res, _ = report(make(d, {"sink": [1.1, 1.2, 1.3, 1.15], "null": [1.0]},
                             edit=edit))
        assert ci(res, "sink")["n"] == 2
        c = ci(res, "null")
        assert c["lo"] is None and c["verdict"] is None
    with tmpdir() as d:
        res, txt = report(make(d, {"sink": [0.0, 1.0, 1.1]}))
        assert ci(res, "sink")["n"] == 2          # a ratio of 0 has no log


@case
def devices_from_the_data():
    saved = dict(rp.DEVS), dict(rp.KEY)
    rp.DEVS["virtio"] = "virtio_net"
    rp.KEY["virtio"] = "virtio"
    try:
        with tmpdir() as d:
            make(d, {"sink": [1.4, 1.45, 1.5], "virtio": [1.1, 1.12, 1.14],
                     "other-nic": [1.0, 1.01, 1.02]})
            res = rp.build(d)
            txt = rp.text(res, d)
            assert res["devices"] == ["sink", "virtio", "other-nic"], res["devices"]
            assert ci(res, "virtio")["verdict"] == "not met"
            assert ci(res, "other-nic")["n"] == 3
            assert [r[1] for r in rows(txt)] == ["exnic", "virtio_net", "other-nic"]
            assert "page/copy gain on virtio_net >= seed (95 % interval): not met" in txt
            assert " virtio_net " in txt.split("page/copy: pps")[1].split("\n")[1]
            json.dumps(res, allow_nan=False)
    finally:
        rp.DEVS.clear()
        rp.DEVS.update(saved[0])
        rp.KEY.clear()
        rp.KEY.update(saved[1])
    with tmpdir() as d:                        # no exnic at all
        res, txt = report(make(d, {"null": [1.0, 1.1], "e1000e": [1.0, 1.2]}))
        assert res["by_tool"]["xsk_min_tx"]["1500"]["gain_verdict"] is None
        assert "goal exnic page" not in txt
        assert [r[1] for r in rows(txt)] == ["limit", "e1000e"]


@case
def warmup_round_left_out():
    # round 0 at a wild ratio: the interval is that of rounds 1..5 alone
    xs = [50.0] + [math.exp(x) for x in LOGS]
    with tmpdir() as d:
        res, txt = report(make(d, {"sink": xs}, tools=("min",), first=0))
        c = ci(res, "sink")
        assert c["n"] == 5 and close(c["lo"], LO) and close(c["hi"], HI), c
        assert res["rounds"] == 5 and res["warmup_runs"] == 2, res
        assert "round 0, the warm-up (2 runs), left out" in txt
        assert "5 rounds;" in txt
        # one sender: no headlen0_tx table and no sender check
        assert list(res["by_tool"]) == ["xsk_min_tx"], list(res["by_tool"])
        assert "== sender: headlen0_tx" not in txt and "sender check" not in txt
        assert "min_over_h0_sink_copy" not in res["by_tool"]["xsk_min_tx"]["1500"]


@case
def pooled_runs():
    a = [math.exp(x) for x in LOGS]                 # around +10.5 %
    b = [math.exp(x + 0.01) for x in LOGS]          # around +11.6 %: overlaps a
    far = [math.exp(x + 0.3) for x in LOGS]         # around +49 %: disjoint
    with tmpdir() as top:
        da, db, dc, out = (os.path.join(top, x) for x in ("a", "b", "c", "out"))
        make(da, {"sink": a, "null": a}, tools=("min",), first=0)
        make(db, {"sink": b, "null": far}, tools=("min",))
        res, txt = report(out, [da, db])
        c = ci(res, "sink")
        want = rp.interval(a[1:] + b)
        assert c["n"] == 9 and close(c["lo"], want["lo"]) and close(c["hi"], want["hi"]), c
        assert c["runs_agree"] is True and c["verdict"] == "not met", c
        assert [p["n"] for p in c["per_run"]] == [4, 5], c["per_run"]
        assert close(c["per_run"][1]["lo"], LO * math.exp(0.01)), c["per_run"]
        # the limit's two runs disagree: undecided, whatever the pooled interval
        n = ci(res, "null")
        assert n["runs_agree"] is False and n["verdict"] == "undecided", n
        assert rp.verdict(n, 0.0) == "met"          # what pooling alone would say
        assert res["pooled"] == [{"dir": da, "rounds": 4}, {"dir": db, "rounds": 5}]
        assert res["rounds"] == 9 and res["warmup_runs"] == 4
        r = rows(txt)
        assert r[1][-2:] == ["runs", "disagree"] and "disagree" not in r[0], r
        assert f"run 1: {da}, 4 rounds" in txt and f"run 2: {db}, 5 rounds" in txt
        assert "pooled: the rounds of 2 runs" in txt
        assert not os.path.exists(os.path.join(da, "bench.txt")), "a pooled dir written"
        # a run that has one round only has no interval of its own: no disagreement
        make(dc, {"sink": [2.0], "null": [2.0]}, tools=("min",))
        res, _ = report(out, [da, dc])
        assert ci(res, "null")["runs_agree"] is None
        assert ci(res, "null")["per_run"][1]["lo"] is None
    assert rp.agree([None, {"lo": 1.0, "hi": 1.1}, {"lo": 1.1, "hi": 1.2}]) is True
    assert rp.agree([{"lo": 1.0, "hi": 1.1}, {"lo": 1.11, "hi": 1.2}]) is False


@case
def stack_share():
    # the null device saves 10 us * (1 - 1 / 1.25) = 2 us a frame; exnic's
    # page frame costs 10 us / x: shares 0.2 x = 0.20, 0.22, 0.18, 0.20
    with tmpdir() as d:
        res, txt = report(make(d, {"null": [1.25] * 4, "sink": [1.0, 1.1, 0.9, 1.0],
                                   "virtio": [8.0, 8.0, 8.0, 8.4]}, tools=("min",)))
        e = res["by_tool"]["xsk_min_tx"]["1500"]
        c = e["sink_stack_share"]
        h = 3.182446 * math.sqrt(0.0008 / 3) / 2
        assert c["n"] == 4 and close(c["mean"], 0.20), c
        assert close(c["lo"], 0.20 - h) and close(c["hi"], 0.20 + h), c
        assert close(c["save_us"], 2.0) and close(c["cost_us"], 10.0), c
        assert close(c["max_cost_us_for_goal"], 2.0 / 0.323), c
        # exnic's copy frame is 10 us, its page frame 10 / x: it saves
        # 10 - 10 / x, 2 us of which the stack's: own = 8 - 10 / x, median
        # of -2, -1.0909, -3.1111, -2
        assert close(c["own_us"], -2.0), c
        assert c["side"] == "below" and c["goal_gain_pct"] == 32.3, c
        v = e["virtio_stack_share"]                 # 1.6 (x4: 1.68): above the seed
        assert v["side"] == "above" and v["lo"] >= 0.323, v
        assert "null_stack_share" not in e          # not for the limit itself
        r = rows(txt, "  gives the device (mean")
        r = r[1:]                                   # past the column heads
        assert r[0][:3] == ["1500", "exnic", "2.00"] and r[1][1] == "virtio_net", r
        assert r[0][:6] == ["1500", "exnic", "2.00", "10.00", "+20.0%", "+17.4%"], r
        assert r[0][-3:] == ["below", "6.19", "-2.00"], r
        assert r[1][-3:-1] == ["above", "6.19"], r
    with tmpdir() as d:                             # the ab setups' limit is nullab
        res, txt = report(make(d, {"null": [1.25] * 3, "nullab": [1.5] * 3,
                                   "sink": [1.0] * 3, "sinkab": [1.0] * 3,
                                   "virtio": [1.0] * 3, "virtioab": [1.0] * 3,
                                   "e1000eab": [1.0] * 3}, tools=("min",)))
        e = res["by_tool"]["xsk_min_tx"]["1500"]
        assert close(e["sink_stack_share"]["save_us"], 2.0), e["sink_stack_share"]
        assert close(e["virtio_stack_share"]["save_us"], 2.0), e["virtio_stack_share"]
        for dv in ("sinkab", "virtioab", "e1000eab"):
            c = e[f"{dv}_stack_share"]              # 10 us * (1 - 1 / 1.5)
            assert close(c["save_us"], 10 / 3) and close(c["mean"], 1 / 3), (dv, c)
        assert "nullab_stack_share" not in e
        assert "virtioab_page_over_copy_ci" in e and "e1000eab_page_over_copy_ci" in e, e
        r = rows(txt, "  gives the device (mean")[1:]
        assert [x[1] for x in r if x and x[0] == "1500"] == [
            "exnic", "virtio_net", "exnic-ab", "e1000e-ab", "virtio_net-ab"], r
    with tmpdir() as d:                             # no null device: no such table
        res, txt = report(make(d, {"sink": [1.1, 1.2]}, tools=("min",)))
        assert "sink_stack_share" not in res["by_tool"]["xsk_min_tx"]["1500"]
        assert "the stack's saving" not in txt


@case
def interleaved_runs():
    """xsk_min_tx --interleave: one JSON holds both paths; runs.tsv names
    it on the copy row and on the page row, and each row takes its path."""
    with tmpdir() as d:
        os.makedirs(os.path.join(d, "runs"))
        with open(os.path.join(d, "runs.tsv"), "w") as f:
            for n, lg in enumerate(LOGS, 1):
                path = f"runs/r{n}-s1500-sinkab-ab-min.json"
                page = COPY_PPS * math.exp(lg)
                j = {"pps": 1.0, "gbps": 1.0, "elapsed_s": 4.0, "interleave_ms": 100,
                     "copy": {"slices": 20, "frames": 1, "seconds": 1.5,
                              "pps": COPY_PPS, "gbps": COPY_PPS * 1.2e-5},
                     "page": {"slices": 20, "frames": 1, "seconds": 1.5,
                              "pps": page, "gbps": page * 1.2e-5}}
                with open(os.path.join(d, path), "w") as jf:
                    json.dump(j, jf)
                for flag in ("off", "on"):
                    f.write(f"{n}\t1500\tsinkab\t{flag}\tmin\t0\t{path}\n")
        res, txt = report(d)
        c = ci(res, "sinkab")
        assert c["n"] == 5 and close(c["gmean"], GMEAN), c
        assert close(c["lo"], LO) and close(c["hi"], HI), c
        assert res["devices"] == ["sinkab"], res["devices"]
        r = rows(txt)
        assert r[0][:3] == ["1500", "exnic-ab", "5"], r
        # without a back-to-back sink, exnic-ab is the goal's device
        e = res["by_tool"]["xsk_min_tx"]["1500"]
        assert e["gain_verdict"] == c["verdict"], e["gain_verdict"]
        assert "goal page/copy gain on exnic-ab >= seed" in txt, txt
        # a failed interleaved run (a path stalled: exit 1) is left out
        # from both paths, and named once
        tsv = os.path.join(d, "runs.tsv")
        with open(tsv) as f:
            lines = f.read().splitlines()
        lines = [ln[:-len(ln.split("\t")[-1]) - 2] + "1\t" + ln.split("\t")[-1]
                 if ln.startswith("2\t") else ln for ln in lines]
        with open(tsv, "w") as f:
            f.write("\n".join(lines) + "\n")
        res, txt = report(d)
        assert ci(res, "sinkab")["n"] == 4, ci(res, "sinkab")
        assert res["failed_runs"] == ["runs/r2-s1500-sinkab-ab-min.json"], res["failed_runs"]
        assert txt.count("r2-s1500-sinkab-ab-min.json") == 1, txt


@case
def frames_per_kick():
    """xsk_min_tx's kicks: the frames a sendto() sent, per path; from each
    path's own counts in an interleaved run, from the run's in a
    back-to-back one; none for headlen0_tx, and no table without kicks."""
    with tmpdir() as d:
        os.makedirs(os.path.join(d, "runs"))
        with open(os.path.join(d, "runs.tsv"), "w") as f:
            for n in (1, 2):
                path = f"runs/r{n}-s1500-sinkab-ab-min.json"
                j = {"pps": 1.0, "gbps": 1.0, "elapsed_s": 4.0, "interleave_ms": 100,
                     "frames_sent": 6000, "kicks": 1000,
                     "copy": {"slices": 20, "frames": 3000, "seconds": 1.5,
                              "pps": 2000.0, "gbps": 0.02, "kicks": 100 * n},
                     "page": {"slices": 20, "frames": 3000, "seconds": 1.5,
                              "pps": 2000.0, "gbps": 0.02, "kicks": 375}}
                with open(os.path.join(d, path), "w") as jf:
                    json.dump(j, jf)
                for flag in ("off", "on"):
                    f.write(f"{n}\t1500\tsinkab\t{flag}\tmin\t0\t{path}\n")
                for flag, kicks in (("off", 250), ("on", 500)):
                    path = f"runs/r{n}-s1500-null-{flag}-min.json"
                    with open(os.path.join(d, path), "w") as jf:
                        json.dump({"pps": 1.0, "gbps": 1.0, "elapsed_s": 1.0,
                                   "frames_sent": 8000, "kicks": kicks}, jf)
                    f.write(f"{n}\t1500\tnull\t{flag}\tmin\t0\t{path}\n")
        res, txt = report(d)
        e = res["by_tool"]["xsk_min_tx"]["1500"]
        assert e["sinkab_copy"]["per_kick"] == {"min": 15.0, "median": 22.5,
                                                "max": 30.0, "n": 2}, e["sinkab_copy"]
        assert e["sinkab_page"]["per_kick"]["median"] == 8.0, e["sinkab_page"]
        assert e["null_copy"]["per_kick"]["median"] == 32.0, e["null_copy"]
        assert e["null_page"]["per_kick"]["median"] == 16.0, e["null_page"]
        lines = txt.split("\n")
        i = next(n for n, x in enumerate(lines) if x.startswith("frames a sendto()"))
        assert lines[i + 2].split() == ["size", "limit", "copy", "limit", "page",
                                        "exnic-ab", "copy", "exnic-ab", "page"], lines[i + 2]
        assert lines[i + 3].split() == ["1500", "32.0", "/", "32.0", "/", "32.0",
                                        "16.0", "/", "16.0", "/", "16.0",
                                        "15.0", "/", "22.5", "/", "30.0",
                                        "8.0", "/", "8.0", "/", "8.0"], lines[i + 3]
    with tmpdir() as d:
        make(d, {"sink": [1.1, 1.2]})
        res, txt = report(d)
        e = res["by_tool"]["headlen0_tx"]["1500"]
        assert e["sink_page"]["per_kick"] is None, e["sink_page"]
        assert "frames a sendto()" not in txt, txt


@case
def host_steadiness():
    """host-steady.json (bench/host_steady before the run): its fastest and
    slowest try in the header and in bench.json; a bad file is left out."""
    with tmpdir() as d:
        make(d, {"sink": [1.1, 1.2]}, tools=("min",))
        with open(os.path.join(d, "host-steady.json"), "w") as f:
            json.dump({"tool": "host_steady", "tries": 20, "min_ms": 33.4, "max_ms": 70.1,
                       "spread": 2.099, "cpus": [], "exit": 0}, f)
        res, txt = report(d)
        assert res["host_steady"] == [{"min_ms": 33.4, "max_ms": 70.1, "spread": 2.099,
                                       "tries": 20}], res["host_steady"]
        assert "fastest / slowest try 33 / 70 ms, x2.10" in txt, txt
        for bad in ('{"min_ms": NaN, "max_ms": 1, "spread": 1, "tries": 2}',
                    '{"min_ms": 1}', "[1, 2]", "not json"):
            with open(os.path.join(d, "host-steady.json"), "w") as f:
                f.write(bad)
            res, txt = report(d)
            assert "host_steady" not in res and "steadiness" not in txt, (bad, res)


@case
def bad_usage():
    def run(*args):
        return subprocess.run([sys.executable, REPORT] + list(args),
                              capture_output=True, text=True)
    with tmpdir() as d:
        make(d, {"sink": [1.1, 1.2]}, tools=("min",))
        for args in ([], [d, d], ["--pool", d, d], ["--pool", os.path.join(d, "o"), d, d],
                     ["--bogus"], [os.path.join(d, "none")],
                     ["--pool", os.path.join(d, "o"), d, os.path.join(d, "none")]):
            p = run(*args)
            assert p.returncode == 2 and p.stderr.startswith("bench/report.py: "), \
                (args, p.returncode, p.stderr)
            assert "Traceback" not in p.stderr, p.stderr
        p = run("--help")
        assert p.returncode == 0 and "--pool OUT DIR DIR" in p.stdout, p


if __name__ == "__main__":
    tap.run(CASES)
