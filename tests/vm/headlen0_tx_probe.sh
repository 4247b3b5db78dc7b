#!/bin/bash
# vm-run: --timeout 600 --nic e1000:hub0 --nic e1000e:hub0
# headlen0_tx's probe on two drivers whose ndo_start_xmit share a name:
# e1000 and e1000e both have e1000_xmit_frame. Loaded e1000 first (its BTF
# is found first by name), the probe must still count at the function of
# the interface's own driver, see every frame it sent there, and say so.
. "$(dirname "$0")/../lib.sh"

check "e1000 loads" load_intel e1000
check "e1000e loads" load_intel e1000e
e=$(iface_by_driver e1000e)
p=$(iface_by_driver e1000)
for i in $e $p; do ip link set "$i" up; done
sleep 3	# autonegotiation
expect "two functions named e1000_xmit_frame, one in each module" \
	"$(grep -cw e1000_xmit_frame /proc/kallsyms)" 2

check "e1000e: 2000 frames counted at its own ndo_start_xmit, all linear" \
	h0tx probe-e1000e -i "$e" -n 2000 -s 512 --expect-linear --verify="$p"
expect "  ... the probe sits at e1000e's function" \
	"$(json_get "$KIT_OUT/probe-e1000e.json" probe.driver_symbol)" "e1000_xmit_frame [e1000e]"
expect "  ... and saw every frame sent" \
	"$(json_get "$KIT_OUT/probe-e1000e.json" probe.driver.skbs)" 2000

check "e1000: 2000 frames counted at its own ndo_start_xmit, all linear" \
	h0tx probe-e1000 -i "$p" -n 2000 -s 512 --expect-linear --verify="$e"
expect "  ... the probe sits at e1000's function" \
	"$(json_get "$KIT_OUT/probe-e1000.json" probe.driver_symbol)" "e1000_xmit_frame [e1000]"
expect "  ... and saw every frame sent" \
	"$(json_get "$KIT_OUT/probe-e1000.json" probe.driver.skbs)" 2000
done_testing
