# shellcheck shell=bash
# One real driver before and after its reference series (series/DRIVER/),
# on two of qemu's ports wired together on a hub (tests/vm/e1000e.sh,
# tests/vm/e1000.sh). Source after tests/lib.sh and tests/checklist_lib.sh.
#
#   1. The test kernel's own module, unpatched, with IFF_TX_SKB_NO_LINEAR
#      forced on by nl_force.ko: checklist/run must fail, naming the items.
#   2. The module scripts/check-driver-series built from the tree after the
#      last patch ($KIT_BUILD/kit-series/DRIVER/DRIVER.ko): checklist/run's
#      full matrix passes every item that applies, and headlen0_tx verifies
#      every frame on the peer with every skb headlen 0 at the driver, over
#      the size matrix (frames of 1 to 13 bytes too), unaligned UMEM and
#      multi-buffer frames.

# up_pair P0 P1: both ports up, carrier on both (autonegotiation under TCG)
up_pair() {
	local p t
	for p in "$@"; do ip link set "$p" up || return 1; done
	for t in $(seq 100); do
		[ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = 1 ] &&
			[ "$(cat "/sys/class/net/$2/carrier" 2>/dev/null)" = 1 ] && return 0
		sleep 0.2
	done
	echo "no carrier on $1/$2 after 20 s" >&2
	return 1
}

# series_driver_test DRIVER ITEMS: ITEMS are the checklist items the
# unpatched driver must fail with the flag forced (comma-separated); the
# others that fail with them are listed in a comment.
series_driver_test() {
	local drv=$1 want_fail=$2 p0 p1 patched s failing it
	patched=$KIT_BUILD/kit-series/$drv/$drv.ko

	# --- 1. unpatched, flag forced ------------------------------------
	check "[$drv unpatched] the test kernel's $drv module loads" load_intel "$drv" || return
	p0=$(iface_by_driver "$drv" 0)
	p1=$(iface_by_driver "$drv" 1)
	check "[$drv unpatched] two ports, carrier on both" up_pair "$p0" "$p1"
	cl "$drv-unpatched" --quick --probe first "$p0" "$p1"
	expect "[$drv unpatched] the driver does not set the flag" \
		"$(json_get "$KIT_OUT/cl-$drv-unpatched.json" tx_skb_no_linear)" false
	if check "[$drv unpatched] nl_force.ko forces IFF_TX_SKB_NO_LINEAR" \
		insmod "$force_ko" ifname="$p0"; then
		cl "$drv-forced" --quick --probe first "$p0" "$p1"
		expect "[$drv unpatched, flag forced] checklist/run fails it (exit 1)" \
			"$(rc_of "$drv-forced")" 1
		failing=$(items "$drv-forced" fail)
		echo "# [$drv unpatched, flag forced] failing items: $failing"
		for it in ${want_fail//,/ }; do
			expect "[$drv unpatched, flag forced] $it fails" \
				"$(tr , '\n' <<<"$failing" | grep -x "$it")" "$it"
		done
		sed 's/^/# /' "$KIT_OUT/cl-$drv-forced.txt"
		rmmod nl_force
	fi
	rmmod "$drv"

	# --- 2. patched ---------------------------------------------------
	check "[$drv patched] the series' module loads ($patched)" \
		insmod "$patched" || return
	wait_iface "$drv"
	p0=$(iface_by_driver "$drv" 0)
	p1=$(iface_by_driver "$drv" 1)
	check "[$drv patched] two ports, carrier on both" up_pair "$p0" "$p1"
	if cl "$drv-patched" "$p0" "$p1"; then
		_result 0 "[$drv patched] checklist/run, full matrix: no item fails"
	else
		_result 1 "[$drv patched] checklist/run, full matrix: no item fails"
		show "$drv-patched"
	fi
	expect "[$drv patched] the driver sets the flag" \
		"$(json_get "$KIT_OUT/cl-$drv-patched.json" tx_skb_no_linear)" true
	expect "[$drv patched] NL-13 passes: every skb reached the driver headlen 0" \
		"$(items "$drv-patched" pass | grep -o NL-13)" NL-13
	sed 's/^/# /' "$KIT_OUT/cl-$drv-patched.txt"
	# 1..13 B: shorter than the Ethernet header (headlen0_tx --sub-header),
	# padded with zeros by the pad descriptor and the MAC
	for s in 1 6 12 13 14 30 59 60 64 512 1500 1514; do
		sub=
		[ "$s" -lt 14 ] && sub=--sub-header
		check "[$drv patched] $s B: every frame verified on $p1, headlen 0 (100%)" \
			h0tx "$drv-$s" -i "$p0" -n 500 -s "$s" $sub --verify="$p1" --expect-headlen0=100
	done
	check "[$drv patched] 1000 B, unaligned UMEM: verified, headlen 0" \
		h0tx "$drv-unaligned" -i "$p0" -n 500 -s 1000 --unaligned --verify="$p1" --expect-headlen0=100
	check "[$drv patched] 1514 B in 4 descriptors (multi-buffer): verified, headlen 0" \
		h0tx "$drv-mb" -i "$p0" -n 300 -s 1514 --mb 4 --verify="$p1" --expect-headlen0=100
	check "[$drv patched] 59 B multi-buffer runt (2 descriptors, pad descriptor): verified" \
		h0tx "$drv-mb-runt" -i "$p0" -n 300 -s 59 --mb 2 --verify="$p1" --expect-headlen0=100
	check "[$drv patched] 13 B in 2 descriptors, unaligned UMEM: verified, zero padding" \
		h0tx "$drv-mb-sub" -i "$p0" -n 300 -s 13 --sub-header --mb 2 --unaligned --verify="$p1" --expect-headlen0=100
	expect "[$drv patched] the probe at the driver's xmit saw all 500 skbs of the 1500 B run, headlen 0" \
		"$(json_get "$KIT_OUT/$drv-1500.json" probe.driver.headlen0)" 500
}
