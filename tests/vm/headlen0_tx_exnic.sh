#!/bin/bash
# vm-run: --timeout 600
# headlen0_tx on exnic's port pair in every quirk profile: 100% of the skbs
# reach exnic's ndo_start_xmit with headlen 0, verify mode confirms every
# byte on the peer port, frames shorter than an Ethernet header included
# (the padding checked to be zeros), and the device reports no error. The
# private flag turns the flag off: then every skb arrives linear.
. "$(dirname "$0")/../lib.sh"

check "exnic loads (one port pair)" load_exnic || { done_testing; exit; }
p0=$(iface_by_driver exnic 0)
p1=$(iface_by_driver exnic 1)
dbg=/sys/kernel/debug/exnic
d0=$(basename "$(readlink "/sys/class/net/$p0/device")")
d1=$(basename "$(readlink "/sys/class/net/$p1/device")")

for prof in none no-zero-len min-inline tx-header trailer max-bufs dma-align no-pad strict; do
	ip link set "$p0" down; ip link set "$p1" down
	echo "$prof" >"$dbg/$d0/profile"; echo "$prof" >"$dbg/$d1/profile"
	ip link set "$p0" up; ip link set "$p1" up
	sleep 0.3
	check "[$prof] 1000 x 1500 B: 100% headlen 0 at exnic, every frame verified" \
		h0tx "exnic-$prof" -i "$p0" -n 1000 -s 1500 --verify="$p1" --expect-headlen0=100
	check "[$prof] 1000 x 40 B runts, unaligned UMEM: headlen 0, verified" \
		h0tx "exnic-$prof-runt" -i "$p0" -n 1000 -s 40 --unaligned --verify="$p1" --expect-headlen0=100
	check "[$prof] multi-buffer, 5 descriptors a frame: headlen 0, verified" \
		h0tx "exnic-$prof-mb" -i "$p0" -n 500 -s 1400 --mb 5 --verify="$p1" --expect-headlen0=100
	# Shorter than the Ethernet header: padded with zeros, no header read
	check "[$prof] 500 x 1 B frames: headlen 0, verified, zero padding" \
		h0tx "exnic-$prof-1" -i "$p0" -n 500 -s 1 --sub-header --verify="$p1" --expect-headlen0=100
	check "[$prof] 500 x 13 B frames, unaligned UMEM (MACs in two pages): verified" \
		h0tx "exnic-$prof-13u" -i "$p0" -n 500 -s 13 --sub-header --unaligned --verify="$p1" --expect-headlen0=100
	errs=$(grep -v rx_no_buf "$dbg/$d0/errors" | awk '{ s += $NF } END { print s + 0 }')
	expect "[$prof] no device error on the sending port" "$errs" 0
done
expect "the probe sits at exnic's ndo_start_xmit" \
	"$(json_get "$KIT_OUT/exnic-none.json" probe.at_driver)" true
# The last profile is strict: the other sub-header sizes there, one in
# three descriptors (a byte of the header in each of the first ones).
check "[strict] 500 x 6 B frames (the destination only): verified" \
	h0tx exnic-strict-6 -i "$p0" -n 500 -s 6 --sub-header --verify="$p1" --expect-headlen0=100
check "[strict] 500 x 12 B frames in 3 descriptors: verified" \
	h0tx exnic-strict-12-mb -i "$p0" -n 500 -s 12 --sub-header --mb 3 --verify="$p1" --expect-headlen0=100
expect "  ... the peer checked their padding" \
	"$(json_get "$KIT_OUT/exnic-strict-12-mb.json" verify.padding_checked)" true

# Descriptors per frame (docs/porting.rst, NL-09): with the flag, one frag
# per descriptor and at most MAX_SKB_FRAGS (17); the copy path puts the
# first descriptor in the linear part and takes one more.
check "NO_LINEAR path: 17 descriptors a frame (MAX_SKB_FRAGS) arrive headlen 0, verified" \
	h0tx exnic-mb17 -i "$p0" -n 300 -s 1500 --mb 17 --verify="$p1" --expect-headlen0=100
h0tx exnic-mb18 -i "$p0" -n 300 -s 1500 --mb 18 --verify="$p1"
expect "NO_LINEAR path: 18 descriptors a frame are dropped by the kernel (exit 1)" "$?" 1
expect "  ... and headlen0_tx says it is the kernel's per-frame limit" \
	"$(json_get "$KIT_OUT/exnic-mb18.json" checks | grep -c 'more than 17 descriptors is dropped')" 1
expect "  ... and no frame reached the peer" \
	"$(json_get "$KIT_OUT/exnic-mb18.json" verify.good)" 0

ethtool --set-priv-flags "$p0" tx-no-linear off
check "tx-no-linear off: every skb reaches exnic linear (copy path)" \
	h0tx exnic-copy -i "$p0" -n 1000 -s 1500 --verify="$p1" --expect-linear
check "copy path: 18 descriptors a frame, verified" \
	h0tx exnic-copy-mb18 -i "$p0" -n 300 -s 1500 --mb 18 --verify="$p1"
expect "  ... each skb a linear part (the first descriptor) and 17 frags" \
	"$(json_get "$KIT_OUT/exnic-copy-mb18.json" probe.driver.partial) $(json_get "$KIT_OUT/exnic-copy-mb18.json" probe.driver.max_frags)" "300 17"
ethtool --set-priv-flags "$p0" tx-no-linear on
done_testing
