#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Host tests of bench/profile_report.py: a synthetic bench/profile results
dir (runs.tsv, the senders' JSON, the modules' "exnic-profile:" lines and
the sink's debugfs stats before and after) in, its tables out. No VM.
Prints TAP and 'N passed, N failed'; exits 1 on a failure."""
import json
import os
import subprocess
import sys
import tempfile

import tap

HERE = os.path.dirname(os.path.abspath(__file__))
REPORT = os.path.join(HERE, "..", "profile_report.py")

# One round, one size. Sink copy: 200 kpps, 2.0 + 1.0 us a frame on
# CPU 1 (60 % busy), 20 frames a kick. Sink page: 250 kpps, 2.4 + 1.2 us
# (90 %), 8 frames a kick. The null device at 400 and 500 kpps.
SINK = {"copy": (200000.0, 2000, 1000, 20.0),
        "page": (250000.0, 2400, 1200, 8.0)}
NULL = {"copy": 400000.0, "page": 500000.0}
FRAMES = 100000


def stats(tx_frames, tx_ns, irq_ns):
    return ("tx_frames %d\ntx_bytes 0\nengine_tx_ns %d\nengine_irq_ns %d\n"
            % (tx_frames, tx_ns, irq_ns))


def make(d, kicks=True):
    os.makedirs(os.path.join(d, "runs"))
    rows = []
    for path in ("copy", "page"):
        for dev in ("sink", "null"):
            base = os.path.join(d, "runs", "r1-steps-1500-%s-%s" % (dev, path))
            j = {"pps": NULL[path], "frames_sent": FRAMES}
            if dev == "sink":
                pps, tx, irq, per_kick = SINK[path]
                j["pps"] = pps
                if kicks:
                    j["kicks"] = int(FRAMES / per_kick)
                with open(base + ".st0", "w") as f:
                    f.write(stats(1000, 5, 7))
                with open(base + ".st1", "w") as f:
                    f.write(stats(1000 + FRAMES, 5 + tx * FRAMES,
                                  7 + irq * FRAMES))
            with open(base + ".json", "w") as f:
                json.dump(j, f)
            with open(base + ".log", "w") as f:
                f.write("")
            rows.append("1\tsteps\t1500\t%s\t%s\t0" % (dev, path))
    with open(os.path.join(d, "runs.tsv"), "w") as f:
        f.write("\n".join(rows) + "\n")


def run(d):
    p = subprocess.run([sys.executable, REPORT, d], capture_output=True,
                       text=True)
    return p.returncode, p.stdout, p.stderr


def table(text, title):
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(title))
    out = {}
    for line in lines[i + 2:]:
        if not line.startswith("  "):
            break
        f = line.split()
        out[(f[1], f[2])] = f[3:]
    return out


def cpu1_busy_and_kicks():
    with tempfile.TemporaryDirectory() as d:
        make(d)
        rc, out, err = run(d)
        assert rc == 0, err
        t = table(out, "CPU 1:")
        assert t[("1500", "copy")] == ["60%-60%", "20.0-20.0"], t
        assert t[("1500", "page")] == ["90%-90%", "8.0-8.0"], t
        with open(os.path.join(d, "profile.txt")) as f:
            assert f.read() == out


def rates_and_device_steps():
    with tempfile.TemporaryDirectory() as d:
        make(d)
        rc, out, err = run(d)
        assert rc == 0, err
        t = table(out, "rates")
        assert t[("1500", "copy")] == ["200.0", "400.0", "0.500"], t
        assert t[("1500", "page")] == ["250.0", "500.0", "0.500", "1.250"], t
        t = table(out, "steps,")
        assert t[("1500", "page")][-2:] == ["2.40-2.40", "1.20-1.20"], t


def page_minus_copy():
    with tempfile.TemporaryDirectory() as d:
        make(d)
        rc, out, err = run(d)
        assert rc == 0, err
        lines = out.split("\n")
        i = next(n for n, line in enumerate(lines) if line.startswith("page - copy"))
        # xmit: no "exnic-profile:" lines in these runs
        assert lines[i + 2].split() == ["steps", "1500", "-",
                                        "+0.40", "[+0.40,", "+0.40]",
                                        "+0.20", "[+0.20,", "+0.20]",
                                        "-12.00", "[-12.00,", "-12.00]"], lines[i + 2]


def no_kicks_in_the_json():
    with tempfile.TemporaryDirectory() as d:
        make(d, kicks=False)
        rc, out, err = run(d)
        assert rc == 0, err
        assert table(out, "CPU 1:")[("1500", "page")] == ["90%-90%", "-"]


def fetch_in_the_header():
    for fetch, head in (("1\n", "sink fetch: on\n"),
                        ("0\n", "sink fetch: off (bench/profile --no-fetch"),
                        ("both\n", "sink fetch: on, and off in the rows of "
                                   "VARIANT-nofetch")):
        with tempfile.TemporaryDirectory() as d:
            make(d)
            with open(os.path.join(d, "fetch"), "w") as f:
                f.write(fetch)
            rc, out, err = run(d)
            assert rc == 0 and out.startswith(head), (rc, out[:80], err)


def bad_usage():
    with tempfile.TemporaryDirectory() as d:
        rc, out, err = run(d)
        assert rc == 2 and "no runs.tsv" in err, (rc, err)
    p = subprocess.run([sys.executable, REPORT], capture_output=True,
                       text=True)
    assert p.returncode == 2 and "usage" in p.stderr


CASES = [cpu1_busy_and_kicks, rates_and_device_steps, page_minus_copy, no_kicks_in_the_json,
         fetch_in_the_header, bad_usage]


if __name__ == "__main__":
    tap.run(CASES)
