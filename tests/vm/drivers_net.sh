#!/bin/bash
# vm-run: --timeout 900
# The kernel's driver tests, tools/testing/selftests/drivers/net/ (ping.py,
# stats.py, queues.py from the unpacked 6.12 tree, unchanged), on exnic's
# port pair: the local end is port 0, the remote end port 1 in a network
# namespace (NetDrvEpEnv with REMOTE_TYPE=netns, as the tests' README
# describes). Each case of their KTAP output is a counted case; a skip
# keeps the reason the test gives.
. "$(dirname "$0")/../lib.sh"

ksrc=$(dirname "$KIT_BUILD")/src/linux-$(basename "$KIT_BUILD" | sed 's/^build-\([0-9.]*\)-.*/\1/')
tdir=$ksrc/tools/testing/selftests/drivers/net
export PYTHONDONTWRITEBYTECODE=1	# the tree is read-only in the guest

# ksft_cases LABEL SCRIPT: runs SCRIPT, one counted case per KTAP result
ksft_cases() {
	local label=$1 script=$2 out=$KIT_OUT/drivers-net-$1.txt line name rest
	(cd "$tdir" && timeout $((300 * KIT_TIMEOUT_SCALE)) python3 "$script") >"$out" 2>&1
	echo "# $script exited with $? (output: ${out##*/})"
	local n=0
	while IFS= read -r line; do
		[[ $line =~ ^(not\ )?ok\ [0-9]+\ (.*)$ ]] || continue
		n=$((n + 1))
		rest=${BASH_REMATCH[2]}
		name=${rest%% # *}
		if [ -z "${BASH_REMATCH[1]}" ]; then
			case $rest in
			*"# SKIP"*)	_result 0 "[$label] $name # SKIP ${rest#*# SKIP }" ;;
			*"# XFAIL"*)	_result 0 "[$label] $name # TODO expected failure: ${rest#*# XFAIL }" ;;
			*)		_result 0 "[$label] $name" ;;
			esac
		else
			_result 1 "[$label] $name"
			grep -aE '^# ' "$out" | grep -v '^# \(Totals\|Planned\)' | tail -n 8 | sed 's/^/#   /'
		fi
	done <"$out"
	[ "$n" -gt 0 ] || { _result 1 "[$label] $script reported no case"; sed 's/^/#   /' "$out" | tail -n 15; }
}

check "the 6.12 tree's driver tests are there ($tdir)" test -f "$tdir/ping.py" ||
	{ done_testing; exit; }
check "exnic loads (one port pair)" load_exnic || { done_testing; exit; }
p0=$(iface_by_driver exnic 0)
p1=$(iface_by_driver exnic 1)
ip netns add kitremote
ip link set "$p1" netns kitremote
# scripts/vm-run boots with IPv6 off on every interface: on for these two.
sysctl -qw "net.ipv6.conf.$p0.disable_ipv6=0"
ip netns exec kitremote sysctl -qw "net.ipv6.conf.$p1.disable_ipv6=0"
ip addr add 192.0.2.1/24 dev "$p0"
ip -6 addr add 2001:db8::1/64 dev "$p0" nodad
ip link set "$p0" up
ip -n kitremote link set lo up
ip -n kitremote addr add 192.0.2.2/24 dev "$p1"
ip -n kitremote -6 addr add 2001:db8::2/64 dev "$p1" nodad
ip -n kitremote link set "$p1" up
export NETIF=$p0 LOCAL_V4=192.0.2.1 REMOTE_V4=192.0.2.2 \
	LOCAL_V6=2001:db8::1 REMOTE_V6=2001:db8::2 REMOTE_TYPE=netns REMOTE_ARGS=kitremote

for t in ping stats; do
	ksft_cases "$t" "$t.py"
done
# queues.py compares the queues netlink reports with the rx-* directories
# of /sys/class/net/IFACE/queues, which net_rx_queue_update_kobjects()
# creates only with CONFIG_RPS (SMP): the test kernel is uniprocessor.
if ls -d "/sys/class/net/$p0/queues/rx-"* >/dev/null 2>&1; then
	ksft_cases queues queues.py
else
	_result 0 "[queues] queues.py # SKIP it counts /sys/class/net/$p0/queues/rx-*, which a kernel without CONFIG_RPS (this uniprocessor test kernel) does not create"
fi
ip netns del kitremote
done_testing
