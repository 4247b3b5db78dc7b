#!/bin/bash
# vm-run: --timeout 300 --nic virtio:tap --nic e1000:hub0 --nic e1000:hub0
# headlen0_tx on real upstream drivers: virtio_net (sets IFF_TX_SKB_NO_LINEAR;
# tap backend, so SG is on) must see 100% headlen-0 skbs at start_xmit;
# e1000 (no flag) must see linear skbs; verify mode checks every frame on
# the e1000 peer port.
. "$(dirname "$0")/../lib.sh"

v=$(iface_by_driver virtio_net)
check "the e1000 module loads" load_intel e1000
e0=$(iface_by_driver e1000 0)
e1=$(iface_by_driver e1000 1)
for i in $v $e0 $e1; do ip link set "$i" up; done
sleep 1

check "virtio_net: 1500 B frames reach start_xmit with headlen 0 (100%)" \
	h0tx virtio-1500 -i "$v" -n 2000 -s 1500 --expect-headlen0=100
expect "virtio_net: the tool reports IFF_TX_SKB_NO_LINEAR" \
	"$(json_get "$KIT_OUT/virtio-1500.json" flags.tx_skb_no_linear)" true
expect "virtio_net: the probe sits at the driver's ndo_start_xmit" \
	"$(json_get "$KIT_OUT/virtio-1500.json" probe.driver_symbol)" start_xmit
expect "virtio_net: every UMEM frame completed exactly once" \
	"$(json_get "$KIT_OUT/virtio-1500.json" tx.frames_completed)" 2000
check "virtio_net: 14 B frames, headlen 0" \
	h0tx virtio-14 -i "$v" -n 500 -s 14 --expect-headlen0=100
check "virtio_net: 1 B frames (shorter than the header), headlen 0, all completed" \
	h0tx virtio-1 -i "$v" -n 500 -s 1 --sub-header --expect-headlen0=100
check "virtio_net: unaligned UMEM, frames crossing pages, headlen 0" \
	h0tx virtio-unaligned -i "$v" -n 1000 -s 1000 --unaligned --expect-headlen0=100
check "virtio_net: multi-buffer (4 descriptors a frame), headlen 0" \
	h0tx virtio-mb -i "$v" -n 500 -s 1200 --mb 4 --expect-headlen0=100

check "e1000: skbs reach e1000_xmit_frame linear (no flag)" \
	h0tx e1000-linear -i "$e0" -n 1000 -s 512 --expect-linear
expect "e1000: the tool reports no IFF_TX_SKB_NO_LINEAR" \
	"$(json_get "$KIT_OUT/e1000-linear.json" flags.tx_skb_no_linear)" false
check "e1000 pair: verify confirms every frame on the peer" \
	h0tx e1000-verify -i "$e0" -n 2000 -s 256 --verify="$e1"
expect "e1000 pair: no frame lost, duplicated or corrupted" \
	"$(json_get "$KIT_OUT/e1000-verify.json" result)" pass
# e1000 pads short frames in the skb (eth_skb_pad()); the peer finds the
# frame's 6 bytes, then zeros
check "e1000 pair: 6 B frames (shorter than the header), zero padding verified" \
	h0tx e1000-verify-6 -i "$e0" -n 500 -s 6 --sub-header --verify="$e1"

check "bad usage: unknown interface exits 2" \
	sh -c "$H0TX -i nosuchif0 -n 1 >/dev/null 2>&1; [ \$? = 2 ]"
check "bad usage: -s 9 without --sub-header exits 2" \
	sh -c "$H0TX -i $v -s 9 >/dev/null 2>&1; [ \$? = 2 ]"
check "bad usage: -s 0 exits 2, with --sub-header too" \
	sh -c "$H0TX -i $v -s 0 --sub-header >/dev/null 2>&1; [ \$? = 2 ]"
done_testing
