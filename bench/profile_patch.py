#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Copy exnic's sources and add per-step timing to its transmit path.

bench/profile builds the copy against the bench kernel and loads it in
place of the kit's exnic.ko. The timing is ktime_get_ns() around the steps
of exnic_start_xmit() (prepare, map, commit, and the doorbell inside the
commit) and around the null device's exnic_null_xmit() (in exnic_sim.ko).
Every PROFILE_FRAMES frames the module logs one line per device kind:

  exnic-profile: sink headlen0 frames 20000 xmit NS prepare NS map NS
                 commit NS doorbell NS
  exnic-profile: null linear frames 20000 xmit NS

NS are sums over the frames; "headlen0" or "linear" is the shape of the
frame that closed the batch (a run sends one shape). The counters are
plain globals: one queue, one sender pinned to one CPU, as bench/profile
runs it.

Variants (VARIANTS, each ANCHORS plus its own edits): steps, the timing
only. A variant that changes one step of the driver prices it A/B in one
boot (bench/profile --variant steps --variant NAME).

The patch finds its places by text. When the driver changes under it, it
stops with the text it could not find (exit 1): update ANCHORS below.

Usage: bench/profile_patch.py [--variant NAME] SRC_DIR DEST_DIR
"""
import argparse
import shutil
import sys
from pathlib import Path

PROFILE_FRAMES = 20000

# name: the edits a variant makes on top of ANCHORS
VARIANTS = {"steps": []}

TXRX_HELPERS = r"""/* Added by bench/profile_patch.py: per-step time of exnic_start_xmit(). */
static u64 exprof_frames, exprof_xmit, exprof_prep, exprof_map;
static u64 exprof_commit, exprof_db;

static netdev_tx_t exnic_start_xmit_steps(struct sk_buff *skb,
					  struct net_device *ndev);

static void exprof_account(bool linear, u64 ns)
{
	exprof_xmit += ns;
	if (++exprof_frames < %(frames)d)
		return;
	pr_info("exnic-profile: sink %%s frames %%llu xmit %%llu prepare %%llu map %%llu commit %%llu doorbell %%llu\n",
		linear ? "linear" : "headlen0", exprof_frames, exprof_xmit,
		exprof_prep, exprof_map, exprof_commit, exprof_db);
	exprof_frames = 0;
	exprof_xmit = 0;
	exprof_prep = 0;
	exprof_map = 0;
	exprof_commit = 0;
	exprof_db = 0;
}

""" % {"frames": PROFILE_FRAMES}

# (file, text to find, replacement); each text must occur exactly once
ANCHORS = [
    ("exnic_txrx.c",
     "static void exnic_tx_doorbell(struct exnic_ring *ring)\n{\n",
     TXRX_HELPERS +
     "static void exnic_tx_doorbell(struct exnic_ring *ring)\n{\n"
     "\tu64 exprof_t0 = ktime_get_ns();\n\n"),
    ("exnic_txrx.c",
     "\texnic_hw_wr32(ring->priv->hw, EXNIC_REG_TXQ_TAIL(ring->q_idx),\n"
     "\t\t      ring->tail);\n}\n",
     "\texnic_hw_wr32(ring->priv->hw, EXNIC_REG_TXQ_TAIL(ring->q_idx),\n"
     "\t\t      ring->tail);\n"
     "\texprof_db += ktime_get_ns() - exprof_t0;\n}\n"),
    ("exnic_txrx.c",
     "netdev_tx_t exnic_start_xmit(struct sk_buff *skb, struct net_device *ndev)\n{\n",
     "netdev_tx_t exnic_start_xmit(struct sk_buff *skb, struct net_device *ndev)\n{\n"
     "\tbool linear = skb_headlen(skb);\n"
     "\tu64 t0 = ktime_get_ns();\n"
     "\tnetdev_tx_t ret = exnic_start_xmit_steps(skb, ndev);\n\n"
     "\texprof_account(linear, ktime_get_ns() - t0);\n"
     "\treturn ret;\n}\n\n"
     "static netdev_tx_t exnic_start_xmit_steps(struct sk_buff *skb,\n"
     "\t\t\t\t\t  struct net_device *ndev)\n{\n"
     "\tu64 t0, t1;\n"),
    ("exnic_txrx.c",
     "\terr = exnic_tx_prepare(ring, &f);\n\tif (!err)\n\t\terr = exnic_tx_map(ring, &f);\n",
     "\tt0 = ktime_get_ns();\n"
     "\terr = exnic_tx_prepare(ring, &f);\n"
     "\tt1 = ktime_get_ns();\n"
     "\texprof_prep += t1 - t0;\n"
     "\tif (!err)\n\t\terr = exnic_tx_map(ring, &f);\n"
     "\texprof_map += ktime_get_ns() - t1;\n"),
    ("exnic_txrx.c",
     "\texnic_tx_commit(ring, &f);\n\treturn NETDEV_TX_OK;\n",
     "\tt0 = ktime_get_ns();\n"
     "\texnic_tx_commit(ring, &f);\n"
     "\texprof_commit += ktime_get_ns() - t0;\n"
     "\treturn NETDEV_TX_OK;\n"),
    # the null device's xmit when it frees at once (free-remote off)
    ("sim/exnic_sim_null.c",
     "\tunsigned int cpu;\n\n"
     "\tdev_sw_netstats_tx_add(ndev, 1, skb->len);\n",
     "\tunsigned int cpu;\n"
     "\tstatic u64 frames, sum;\n"
     "\tbool linear = skb_headlen(skb);\n"
     "\tu64 t0 = ktime_get_ns();\n\n"
     "\tdev_sw_netstats_tx_add(ndev, 1, skb->len);\n"),
    ("sim/exnic_sim_null.c",
     "\t\tdev_consume_skb_any(skb);\n\t\treturn NETDEV_TX_OK;\n",
     "\t\tdev_consume_skb_any(skb);\n"
     "\t\tsum += ktime_get_ns() - t0;\n"
     "\t\tif (++frames == %d) {\n"
     "\t\t\tpr_info(\"exnic-profile: null %%s frames %%llu xmit %%llu\\n\",\n"
     "\t\t\t\tlinear ? \"linear\" : \"headlen0\", frames, sum);\n"
     "\t\t\tframes = 0;\n\t\t\tsum = 0;\n\t\t}\n"
     "\t\treturn NETDEV_TX_OK;\n" % PROFILE_FRAMES),
]

def patch(dest, edits):
    for name, old, new in edits:
        path = dest / name
        if not path.is_file():
            sys.exit("bench/profile_patch.py: the driver has no %s; the "
                     "driver changed: update ANCHORS in "
                     "bench/profile_patch.py" % name)
        text = path.read_text()
        n = text.count(old)
        if n != 1:
            sys.exit("bench/profile_patch.py: %s has %s of the text below, "
                     "not one; the driver changed: update ANCHORS in "
                     "bench/profile_patch.py\n%s" %
                     (name, "none" if n == 0 else "%d copies" % n, old))
        path.write_text(text.replace(old, new))


def main():
    ap = argparse.ArgumentParser(
        description="Copy exnic's sources and time its transmit steps "
                    "(bench/profile).")
    ap.add_argument("--variant", default="steps", choices=VARIANTS)
    ap.add_argument("src", type=Path, help="exnic's source directory")
    ap.add_argument("dest", type=Path, help="where the patched copy goes "
                    "(replaced)")
    a = ap.parse_args()
    if not (a.src / "exnic_txrx.c").is_file():
        print("bench/profile_patch.py: %s has no exnic_txrx.c; give the "
              "driver's directory (drivers/net/ethernet/example)" % a.src,
              file=sys.stderr)
        return 2
    if a.dest.resolve() == a.src.resolve():
        print("bench/profile_patch.py: DEST_DIR is the source itself; give "
              "a scratch directory", file=sys.stderr)
        return 2
    if a.dest.exists():
        shutil.rmtree(a.dest)
    shutil.copytree(a.src, a.dest,
                    ignore=shutil.ignore_patterns("*.o", "*.ko", "*.mod*",
                                                  ".*.cmd", "*.order",
                                                  "Module.symvers"))
    patch(a.dest, ANCHORS + VARIANTS[a.variant])
    return 0


if __name__ == "__main__":
    sys.exit(main())
