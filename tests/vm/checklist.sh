#!/bin/bash
# vm-run: --timeout 1500 --append init_on_alloc=1 --nic virtio:tap --nic e1000:hub0 --nic e1000:hub0
# The runtime checklist (checklist/run) against exnic in every quirk
# profile, against the linear-assuming baseline exnic with the flag forced
# on, and against virtio_net and e1000, asserting what each must report.
# The baseline module is the out-of-tree build of scripts/kunit-vm
# --baseline, nl_force.ko (forces the flag on) that of
# scripts/build-nl-force; make test runs both first. init_on_alloc=1 keeps
# stale bytes out of fresh skb heads: without it, a driver that reads the
# header from an empty head often finds the previous frame's header there
# and gets away with it.
. "$(dirname "$0")/../lib.sh"
. "$KIT_ROOT/tests/checklist_lib.sh"

kver=$(basename "$KIT_BUILD" | sed 's/^build-\([0-9.]*\)-.*/\1/')
baseline_dir=$(dirname "$KIT_BUILD")/baseline-$kver


# --- adopted exnic: every item passes or is n/a, in every profile ---------
check "exnic loads (one port pair)" load_exnic || { done_testing; exit; }
p0=$(iface_by_driver exnic 0)
p1=$(iface_by_driver exnic 1)
for prof in $EXNIC_PROFILES; do
	exnic_profile "$p0" "$p1" "$prof"
	# The full matrix once; five runs per other profile (a frame of one
	# byte among them), one probed.
	m="--quick --probe first" what="5 runs"
	[ "$prof" = none ] && m= what="full matrix"
	if cl "adopted-$prof" $m "$p0" "$p1"; then
		_result 0 "[adopted $prof] checklist/run, $what: no item fails"
	else
		_result 1 "[adopted $prof] checklist/run, $what: no item fails"
		show "adopted-$prof"
	fi
done
expect "[adopted none] 22 runs (frames of 1 to 13 bytes too), every frame verified, flag judged pass" \
	"$(items adopted-none pass | tr , '\n' | grep -c NL-)" 12
expect "[adopted none] only NL-11 is n/a (no checksum request from AF_XDP)" \
	"$(items adopted-none n/a)" NL-11

# --- baseline exnic, flag forced on by nl_force: the device rules catch it
unload_exnic
if check "baseline exnic loads ($baseline_dir)" load_exnic_from "$baseline_dir"; then
	p0=$(iface_by_driver exnic 0)
	p1=$(iface_by_driver exnic 1)
	exnic_profile "$p0" "$p1" none
	cl baseline-copy --quick --probe first "$p0" "$p1"
	expect "[baseline, flag off] linear skbs: no item fails" "$(rc_of baseline-copy)" 0
	expect "[baseline, flag off] the flag items are n/a" \
		"$(items baseline-copy n/a)" "NL-02,NL-03,NL-04,NL-05,NL-06,NL-07,NL-08,NL-09,NL-11,NL-12,NL-13"
	check "nl_force.ko forces IFF_TX_SKB_NO_LINEAR on the baseline's port" \
		insmod "$force_ko" ifname="$p0"
	# What each device rule catches in the baseline: a zero-length head
	# buffer (no-zero-len), the inline bytes and the header read from the
	# empty head (min-inline: frames corrupt at the peer, broadcasts
	# counted as unicast).
	for pe in "no-zero-len NL-02" "min-inline NL-08" "min-inline NL-03"; do
		set -- $pe
		prof=$1 item=$2
		if [ ! -f "$KIT_OUT/cl-baseline-$prof.rc" ]; then
			exnic_profile "$p0" "$p1" "$prof"
			cl "baseline-$prof" --quick --probe first "$p0" "$p1"
			expect "[baseline $prof, flag on] checklist/run fails (exit 1)" \
				"$(rc_of "baseline-$prof")" 1
			check "[baseline $prof, flag on] NL-13 fails with it" \
				sh -c "grep -q '^NL-13  fail' $KIT_OUT/cl-baseline-$prof.txt"
		fi
		check "[baseline $prof, flag on] $item fails" \
			sh -c "grep -q '^$item  fail' $KIT_OUT/cl-baseline-$prof.txt" ||
			show "baseline-$prof"
	done
	rmmod nl_force
	cl baseline-unforced --quick --probe first "$p0" "$p1"
	expect "[baseline] rmmod nl_force: the flag is off again (NL-13 n/a)" \
		"$(items baseline-unforced n/a | grep -o NL-13)" NL-13
	unload_exnic
fi

# --- upstream drivers, reported as they are ---------------------------------
v=$(iface_by_driver virtio_net)
check "the e1000 module loads" load_intel e1000
e0=$(iface_by_driver e1000 0)
e1=$(iface_by_driver e1000 1)
for i in $v $e0 $e1; do ip link set "$i" up; done
sleep 1
cl virtio --quick "$v"
# The one upstream adopter, judged by netdev's conventions: packets in the
# standard statistics, no driver-specific headlen-0 counter required.
expect "virtio_net (tap, SG on, no peer): no item fails" "$(items virtio fail)" ""
expect "virtio_net: SG, frags untouched, completions exact, packets counted, flag" \
	"$(items virtio pass)" "NL-01,NL-04,NL-10,NL-12,NL-13"
check "virtio_net: NL-12 counts packets in rtnl stats64, notes no headlen-0 counter" \
	grep -Eq '^NL-12  pass .*rtnl:tx_packets.*note: no driver-specific' "$KIT_OUT/cl-virtio.txt"
# nl_force clear=1: the flag off on the one upstream driver that sets it
# (the bench's copy path on virtio_net), and on again at rmmod.
if check "nl_force.ko clear=1 clears IFF_TX_SKB_NO_LINEAR on virtio_net" \
	insmod "$force_ko" ifname="$v" clear=1; then
	cl virtio-cleared --quick "$v"
	expect "virtio_net, flag cleared: NL-13 n/a (the stack builds linear skbs)" \
		"$(items virtio-cleared n/a | grep -o NL-13)" NL-13
	# The bench's interleaved runs switch the flag while loaded
	nlp=/sys/module/nl_force/parameters/no_linear
	expect "nl_force no_linear reads the cleared flag" "$(cat $nlp)" N
	check "nl_force no_linear=1: the flag on again, skbs headlen 0" \
		sh -c "echo 1 >$nlp && [ \"\$(cat $nlp)\" = Y ] &&
		       $H0TX --json --no-progress -i $v -n 200 -s 512 --expect-headlen0=100 >$KIT_OUT/nl-switch-on.json"
	check "nl_force no_linear=0: the flag off, skbs linear" \
		sh -c "echo 0 >$nlp && [ \"\$(cat $nlp)\" = N ] &&
		       $H0TX --json --no-progress -i $v -n 200 -s 512 --expect-linear >$KIT_OUT/nl-switch-off.json"
	check "nl_force no_linear refuses a value that is not a boolean" \
		sh -c "! /bin/echo maybe >$nlp 2>/dev/null && [ \"\$(cat $nlp)\" = N ]"
	rmmod nl_force
	cl virtio-restored --quick "$v"
	expect "virtio_net, rmmod nl_force: the flag is back (NL-13 pass)" \
		"$(items virtio-restored pass | grep -o NL-13)" NL-13
fi
cl e1000 --quick --probe first "$e0" "$e1"
expect "e1000 pair (no flag): no item fails" "$(rc_of e1000)" 0
expect "e1000: only SG and completions are judged" "$(items e1000 pass)" "NL-01,NL-10"
# What would e1000 do with the flag? nl_force sets it; the table says.
if check "nl_force.ko forces IFF_TX_SKB_NO_LINEAR on e1000" insmod "$force_ko" ifname="$e0"; then
	cl e1000-forced --quick --probe first "$e0" "$e1"
	# e1000_tx_map() assumes the head took the first ring slot: with an
	# empty head the transmit unit hangs (docs/readiness.rst).
	expect "e1000 with the flag forced: checklist/run fails it (exit 1)" \
		"$(rc_of e1000-forced)" 1
	check "e1000 with the flag forced: NL-02 fails, the transmit hangs" \
		grep -Eq '^NL-02  fail .*(stalled|still held|neither completed)' "$KIT_OUT/cl-e1000-forced.txt"
	sed 's/^/# /' "$KIT_OUT/cl-e1000-forced.txt"
	rmmod nl_force
fi

# --- bad usage ----------------------------------------------------------------
check "bad usage: unknown interface exits 2" \
	sh -c "$CL nosuchif0 >/dev/null 2>&1; [ \$? = 2 ]"
check "bad usage: PEER equal to IFACE exits 2" \
	sh -c "$CL $e0 $e0 >/dev/null 2>&1; [ \$? = 2 ]"
ip link set "$e1" down
check "bad usage: a PEER that is down exits 2 and says how to fix it" \
	sh -c "$CL $e0 $e1 2>&1 >/dev/null | grep -q 'ip link set $e1 up'"
done_testing
