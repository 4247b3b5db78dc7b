#!/bin/bash
# vm-run: --timeout 420
# exnic comes up in every quirk profile and its port pair carries traffic:
# ping across (port 1 in its own namespace) and a burst over AF_PACKET;
# ethtool shows the counters and no device error.
. "$(dirname "$0")/../lib.sh"

profiles="none no-zero-len min-inline tx-header trailer max-bufs dma-align no-pad strict"

check "exnic loads (one port pair)" load_exnic
p0=$(iface_by_driver exnic 0)
p1=$(iface_by_driver exnic 1)
check "exnic port pair is present" test -n "$p0" -a -n "$p1" || { done_testing; exit; }
d0=$(basename "$(readlink "/sys/class/net/$p0/device")")
d1=$(basename "$(readlink "/sys/class/net/$p1/device")")
dbg=/sys/kernel/debug/exnic

check "IFF_TX_SKB_NO_LINEAR private flag is on" sh -c "ethtool --show-priv-flags $p0 | grep -Eq 'tx-no-linear *: on'"
check "scatter-gather and hw checksum are on" sh -c "ethtool -k $p0 | grep -q 'scatter-gather: on' && ethtool -k $p0 | grep -q 'tx-checksum-ip-generic: on'"
check "4 channels by default" sh -c "ethtool -l $p0 | grep -A4 'Current' | grep -Eq 'Combined:\s+4'"

ip netns add peer
ip link set "$p1" netns peer
ip addr add 10.99.0.1/24 dev "$p0"
ip -n peer addr add 10.99.0.2/24 dev "$p1"


for prof in $profiles; do
	ip link set "$p0" down
	ip -n peer link set "$p1" down
	echo "$prof" >"$dbg/$d0/profile" && echo "$prof" >"$dbg/$d1/profile"
	check "[$prof] profile set on both ports" grep -q "$prof" "$dbg/$d0/profile"
	check "[$prof] both ports come up" sh -c "ip link set $p0 up && ip -n peer link set $p1 up"
	sleep 0.5
	check "[$prof] ping across the port pair" ping -c 3 -i 0.2 -W 2 10.99.0.2
	check "[$prof] 1400-byte ping across" ping -c 2 -i 0.2 -s 1400 -W 2 10.99.0.2
	errs=$(grep -v rx_no_buf "$dbg/$d0/errors" | awk '{ s += $NF } END { print s + 0 }')
	expect "[$prof] no device error on the sending port" "$errs" 0
	check "[$prof] the standard statistics count packets" \
		test "$(cat "/sys/class/net/$p0/statistics/tx_packets")" -gt 0
done


# Back to the default profile for the ethtool knobs.
ip link set "$p0" down; ip -n peer link set "$p1" down
echo none >"$dbg/$d0/profile"; echo none >"$dbg/$d1/profile"
ip link set "$p0" up; ip -n peer link set "$p1" up
sleep 0.5

# The MAC counts broadcasts from what it sends (ethtool's eth-mac group);
# the driver keeps the count across the resets of -G and -L.
mac_bcast() {
	ethtool -S "$1" --groups eth-mac | awk -F': ' '/-BroadcastFramesXmittedOK:/ { print $2 }'
}
b0=$(mac_bcast "$p0")
python3 -c "
import socket
with socket.socket(socket.AF_PACKET, socket.SOCK_RAW) as s:
    s.bind(('$p0', 0))
    for _ in range(100):
        s.send(b'\xff' * 6 + bytes(6) + b'\x88\xb5' + bytes(46))
"
sleep 0.5
b1=$(mac_bcast "$p0")
check "eth-mac BroadcastFramesXmittedOK counts 100 broadcasts sent ($b0 -> $b1)" \
	test "$((b1 - b0))" -ge 100 -a "$((b1 - b0))" -le 105

check "ethtool -G: rings resized on a running port" ethtool -G "$p0" tx 128 rx 128
check "ethtool -g reports the new sizes" sh -c "ethtool -g $p0 | grep -A4 'Current' | grep -Eq 'TX:\s+128'"
check "ethtool -G: a size that is not a power of two is refused" sh -c "! ethtool -G $p0 tx 100 2>/dev/null"
check "ethtool -L: 2 channels on a running port" ethtool -L "$p0" combined 2
check "ethtool -l reports 2 channels" sh -c "ethtool -l $p0 | grep -A4 'Current' | grep -Eq 'Combined:\s+2'"
check "traffic after -G and -L" ping -c 3 -i 0.2 -W 2 10.99.0.2
b2=$(mac_bcast "$p0")
check "eth-mac counts kept across the device resets of -G and -L ($b1 -> $b2)" \
	test "$b2" -ge "$b1"
check "private flag tx-no-linear off clears IFF_TX_SKB_NO_LINEAR" \
	sh -c "ethtool --set-priv-flags $p0 tx-no-linear off && ethtool --show-priv-flags $p0 | grep -Eq 'tx-no-linear *: off'"
check "traffic with the flag off" ping -c 2 -i 0.2 -W 2 10.99.0.2
check "private flag back on" ethtool --set-priv-flags "$p0" tx-no-linear on
# netdev's convention: packets and bytes in rtnl stats64 and qstats
# (tests/vm/drivers_net.sh runs the kernel's stats.py on them), only the
# driver's own counters in ethtool -S.
expect "ethtool -S duplicates no standard counter" \
	"$(ethtool -S "$p0" | grep -cE '^ +(tx|rx)_(packets|bytes|stop|restart|csum_partial|alloc_err|multicast|broadcast):')" 0
check "ethtool -S shows the adoption counters" \
	sh -c "ethtool -S $p0 | grep -q tx_headlen0 && ethtool -S $p0 | grep -q tx_frag0_map && ethtool -S $p0 | grep -q dev_err_zero_len"

done_testing
