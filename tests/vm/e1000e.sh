#!/bin/bash
# vm-run: --timeout 1500 --append init_on_alloc=1 --nic e1000e:hub0 --nic e1000e:hub0
# e1000e on qemu's 82574L model (a device model nobody here wrote), before
# and after its reference series (series/e1000e/): see tests/driver_series.sh.
# With the flag forced on, the unpatched e1000_tx_map() puts frag 0 one ring
# slot late: a stale slot goes out in its place, and each run's last frame
# is neither sent nor completed until the next transmit (NL-02), so NL-13
# fails too.
. "$(dirname "$0")/../lib.sh"
. "$KIT_ROOT/tests/checklist_lib.sh"
. "$KIT_ROOT/tests/driver_series.sh"

series_driver_test e1000e NL-02,NL-13
check "[e1000e patched] private flag tx-no-linear off: skbs arrive linear" \
	sh -c "ethtool --set-priv-flags $(iface_by_driver e1000e 0) tx-no-linear off &&
	       $H0TX --json --no-progress -i $(iface_by_driver e1000e 0) -n 200 -s 512 --expect-linear >$KIT_OUT/e1000e-copy.json"
check "[e1000e patched] private flag tx-no-linear on again: headlen 0" \
	sh -c "ethtool --set-priv-flags $(iface_by_driver e1000e 0) tx-no-linear on &&
	       $H0TX --json --no-progress -i $(iface_by_driver e1000e 0) -n 200 -s 512 --expect-headlen0=100 >$KIT_OUT/e1000e-page.json"
done_testing
