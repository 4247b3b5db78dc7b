#!/bin/bash
# The demo, in the guest: exnic's port pair, headlen0_tx, the report.
. "$(dirname "$0")/../vm/lib.sh"
tool=$KIT_ROOT/tools/headlen0_tx

echo "== kernel"
uname -r
p0=$(iface_by_driver exnic 0) || {
	echo "exnic: no exnic interface in this kernel (driver not built in)"
	exit 1
}
p1=$(iface_by_driver exnic 1)
echo "== exnic port pair: $p0 -> $p1"
ethtool -i "$p0"
ip netns add peer
ip link set "$p1" netns peer
ip link set "$p0" up
ip -n peer link set "$p1" up
ip -d link show "$p0"

if [ -x "$tool" ]; then
	echo "== headlen0_tx: verify on $p1, send on $p0"
	ip netns exec peer "$tool" --verify -i "$p1" -n 10000 -s 256 --timeout 60 \
		>"$KIT_OUT/verify.txt" 2>&1 &
	vpid=$!
	sleep 1
	"$tool" -i "$p0" -n 10000 -s 256 --expect-headlen0=100
	src=$?
	wait "$vpid"
	vrc=$?
	cat "$KIT_OUT/verify.txt"
else
	echo "headlen0_tx: not built yet; sending with ping instead"
	ip addr add 10.99.0.1/24 dev "$p0"
	ip -n peer addr add 10.99.0.2/24 dev "$p1"
	ping -c 5 -i 0.2 10.99.0.2
	src=$? vrc=0
fi
echo "== ethtool -S $p0 (non-zero)"
ethtool -S "$p0" | awk -F: '$2 + 0 != 0'
[ "$src" = 0 ] && [ "$vrc" = 0 ]
