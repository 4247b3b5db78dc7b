#!/bin/bash
# vm-run: --timeout 300
# Ring and channel changes (ethtool -G, -L) on every kind of device the
# exnic modules create (a port pair, a sink, a null device), while down and
# while up, then traffic, then unload: every change either takes effect or
# is refused as unsupported, the pair still carries traffic, and nothing is
# left behind (kmemleak after unload, DMA-API debug and lockdep through
# the VM's report check).
. "$(dirname "$0")/../lib.sh"

leak=/sys/kernel/debug/kmemleak
before=$(cd /sys/class/net && echo *)
check "exnic loads (a pair, a sink, a null device)" \
	load_exnic pairs=1 sinks=1 nulls=1 queues=4
new=()
for d in /sys/class/net/*; do
	i=${d##*/}
	grep -qw -- "$i" <<<"$before" || new+=("$i")
done
expect "four interfaces appear" "${#new[@]}" 4

# change IFACE STATE WHAT SET SHOW WANT: ethtool SET (e.g. -G IFACE rx 128
# tx 128) is applied, as ethtool SHOW's "Current" part then shows a line
# matching WANT, or refused with EOPNOTSUPP; nothing else
change() {
	local i=$1 st=$2 what=$3 set=$4 show=$5 want=$6 out
	# shellcheck disable=SC2086 # $set is ethtool's arguments
	if out=$(ethtool $set 2>&1); then
		ethtool "$show" "$i" | sed -n '/Current/,$p' | grep -Eq "$want" ||
			{ echo "$i $st: $what accepted, ethtool $show shows otherwise"; return 1; }
	elif ! grep -q "Operation not supported" <<<"$out"; then
		echo "$i $st: $what: $out"
		return 1
	fi
}

# reconf IFACE STATE: -G and -L twice each
reconf() {
	local i=$1 st=$2 sz n
	for sz in 128 512; do
		change "$i" "$st" "-G $sz" "-G $i rx $sz tx $sz" -g "^TX:\s+$sz$" || return 1
	done
	for n in 2 4; do
		change "$i" "$st" "-L $n" "-L $i combined $n" -l "^Combined:\s+$n$" || return 1
	done
}

for i in "${new[@]}"; do
	drv=$(ethtool -i "$i" 2>/dev/null | awk '/^driver:/ { print $2 }')
	ip link set "$i" down
	check "[$i, $drv] -G and -L while down" reconf "$i" down
	check "[$i, $drv] comes up" ip link set "$i" up
	check "[$i, $drv] -G and -L while up" reconf "$i" up
	check "[$i, $drv] still up after them" \
		sh -c "ip -o link show $i | grep -q 'state UP\|state UNKNOWN'"
done

# The pair still carries traffic after being reconfigured while up.
p0=$(iface_by_driver exnic 0)
p1=$(iface_by_driver exnic 1)
ip netns add peer
ip link set "$p1" netns peer
ip addr add 10.98.0.1/24 dev "$p0"
ip -n peer addr add 10.98.0.2/24 dev "$p1"
ip link set "$p0" up
ip -n peer link set "$p1" up
sleep 0.5
check "ping across the reconfigured pair" ping -c 3 -i 0.2 -W 2 10.98.0.2
ip netns del peer
sleep 0.5

check "the exnic modules unload" unload_exnic
if [ -w "$leak" ]; then
	# kmemleak reports objects older than 5 s only
	sleep 6
	echo scan >"$leak"
	echo scan >"$leak"
	report=$(cat "$leak")
	expect "kmemleak: nothing left behind by the reconfigurations" \
		"$(grep -c '^unreferenced object' <<<"$report")" 0
	[ -z "$report" ] || head -40 <<<"$report" | sed 's/^/#   /'
	echo clear >"$leak"
else
	check "kmemleak is available in the test kernel" test -w "$leak"
fi

done_testing
