#!/bin/bash
# vm-run: --timeout 2400 --mem 2048 --nic virtio:bridge0 --nic virtio:bridge0 --nic e1000e:hub0 --nic e1000e:hub0
# The kernel's own AF_XDP selftest, tools/testing/selftests/bpf/xskxceiver
# (scripts/build-xskxceiver, with tests/xsk/*.patch), in SKB (generic)
# mode, the mode IFF_TX_SKB_NO_LINEAR changes, on:
#   veth        the control: what fails there is the kernel's or the test's
#   exnic       its port pair in the none profile, with and without busy
#               poll, then the TX-path tests in every quirk profile
#   virtio_net  two virtio NICs on a bridge of taps (vnet_hdr: SG on)
#   e1000e      patched by series/e1000e/, two 82574L ports on a qemu hub
# Every test is a counted case; expected failures (tests/xsk/expected) are
# TODO lines with their reason. Hugepages for the unaligned tests.
. "$(dirname "$0")/../lib.sh"
. "$KIT_ROOT/tests/xsk/run_xskxceiver.sh"

check "xskxceiver is built ($XSKX)" test -x "$XSKX" || { done_testing; exit; }
echo "# selftest patches applied (tests/xsk/*.patch, each with its reason): $(tr '\n' ' ' <"$(dirname "$XSKX")/patches" 2>/dev/null)"
check "64 hugepages of 2 MB for the unaligned tests" \
	sh -c 'echo 64 >/proc/sys/vm/nr_hugepages && [ "$(cat /proc/sys/vm/nr_hugepages)" = 64 ]'

ip link add ve0 numtxqueues 4 numrxqueues 4 type veth peer name ve1 numtxqueues 4 numrxqueues 4
xsk_prepare ve0 ve1
xsk_run veth ve0 ve1
ip link del ve0

check "exnic loads (one port pair)" load_exnic
p0=$(iface_by_driver exnic 0)
p1=$(iface_by_driver exnic 1)
xsk_prepare "$p0" "$p1"
xsk_run exnic "$p0" "$p1"
xsk_run exnic-busy-poll "$p0" "$p1" -b
# The quirk profiles change only the device's TX rules: the tests that
# send frames of every shape through them.
echo "# exnic-PROFILE: the 7 tests that send frames of every shape run in each quirk" \
	"profile; the other 24 do not depend on the TX rules and ran on exnic above"
for prof in $EXNIC_PROFILES; do
	[ "$prof" = none ] && continue
	exnic_profile "$p0" "$p1" "$prof"
	XSK_ONLY='SEND_RECEIVE|SEND_RECEIVE_2K_FRAME|SEND_RECEIVE_SINGLE_PKT|SEND_RECEIVE_UNALIGNED|SEND_RECEIVE_9K_PACKETS|SEND_RECEIVE_UNALIGNED_9K_PACKETS|BIDIRECTIONAL' \
		xsk_run "exnic-$prof" "$p0" "$p1"
done
exnic_profile "$p0" "$p1" none

v0=$(iface_by_driver virtio_net 0)
v1=$(iface_by_driver virtio_net 1)
xsk_prepare "$v0" "$v1"
check "virtio_net: scatter-gather on (tap with vnet_hdr)" \
	sh -c "ethtool -k $v0 | grep -q 'scatter-gather: on'"
xsk_run virtio_net "$v0" "$v1"
xsk_run virtio_net-busy-poll "$v0" "$v1" -b

if check "e1000e patched by its series loads" insmod "$KIT_BUILD/kit-series/e1000e/e1000e.ko"; then
	wait_iface e1000e
	e0=$(iface_by_driver e1000e 0)
	e1=$(iface_by_driver e1000e 1)
	xsk_prepare "$e0" "$e1"
	sleep 3	# autonegotiation
	xsk_run e1000e "$e0" "$e1"
	xsk_run e1000e-busy-poll "$e0" "$e1" -b
fi
xsk_summary
done_testing
