#!/bin/bash
# The demo, in the guest: exnic's port pair comes up, headlen0_tx sends
# through AF_XDP generic mode on port 0 and verifies every frame on port 1,
# and exnic's counters show what the driver did.
. "$(dirname "$0")/../lib.sh"

echo "== kernel $(uname -r)"
load_exnic || { echo "exnic: the module did not load"; exit 1; }
p0=$(iface_by_driver exnic 0) && p1=$(iface_by_driver exnic 1) ||
	{ echo "exnic: the port pair did not come up"; exit 1; }
echo "== exnic port pair: $p0 -> $p1"
ethtool -i "$p0" | head -3
ethtool --show-priv-flags "$p0"
ip link set "$p0" up
ip link set "$p1" up
sleep 0.5

echo "== headlen0_tx on $p0, verified on $p1"
"$H0TX" -i "$p0" -n 20000 -s 512 --no-progress --verify="$p1" --expect-headlen0=100
rc=$?
echo "== ethtool -S $p0 (non-zero counters)"
ethtool -S "$p0" | awk -F: '$2 + 0 != 0'
exit "$rc"
