#!/bin/bash
# vm-run: --timeout 1500 --append init_on_alloc=1 --nic e1000:hub0 --nic e1000:hub0
# e1000 on qemu's 82540EM model (a device model nobody here wrote), before
# and after its reference series (series/e1000/): see tests/driver_series.sh.
# With the flag forced on, the unpatched e1000_tx_map() puts frag 0 one ring
# slot late and the transmit unit hangs (NL-02), so NL-13 fails too.
. "$(dirname "$0")/../lib.sh"
. "$KIT_ROOT/tests/checklist_lib.sh"
. "$KIT_ROOT/tests/driver_series.sh"

series_driver_test e1000 NL-02,NL-13
done_testing
