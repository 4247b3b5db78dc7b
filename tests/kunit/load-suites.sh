#!/bin/bash
# In the guest: loads the KUnit suites from a module dir (a kernel build's
# drivers/net/ethernet/example or an out-of-tree build of it), in
# dependency order. Each test module runs its suites as it loads; the KTAP
# goes to the kernel log. exnic_sim is loaded with no devices of its own:
# the tests create theirs. The skb-shape library and its tests come from
# LIB_DIR, the kernel build's drivers/net/skb_shapes.
dir=${1:?usage: load-suites.sh MODULE_DIR LIB_DIR}
lib=${2:?usage: load-suites.sh MODULE_DIR LIB_DIR}
set -e
insmod "$lib/skb_shapes.ko"
insmod "$lib/skb_shapes_test.ko"
insmod "$dir/exnic_sim.ko" pairs=0
insmod "$dir/exnic.ko"
insmod "$dir/kunit/exnic_test.ko"
rmmod exnic_test skb_shapes_test exnic exnic_sim skb_shapes
