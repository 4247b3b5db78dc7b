# shellcheck shell=bash
# TAP helpers for the scripts that run in the test VM (tests/vm/*.sh,
# tests/demo/), sourced in the guest.
#   check NAME CMD...   runs CMD; 'ok N - NAME' when it succeeds
#   expect NAME GOT WANT  compares two strings
#   done_testing        prints the plan; exits non-zero on any failure
KIT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export KIT_ROOT
_n=0 _fails=0

_result() {
	_n=$((_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_fails=$((_fails + 1))
	fi
}
check() {
	local name=$1 out rc
	shift
	out=$("$@" 2>&1)
	rc=$?
	_result "$rc" "$name"
	[ "$rc" = 0 ] || printf '#   %s\n' "$ $*" "${out//$'\n'/$'\n'#   }" | head -40
	return "$rc"
}
expect() {
	local rc=1
	[ "$2" = "$3" ] && rc=0
	_result "$rc" "$1"
	[ "$rc" = 0 ] || echo "#   got '$2', want '$3'"
	return "$rc"
}
done_testing() {
	echo "1..$_n"
	[ "$_fails" = 0 ]
}
# iface_by_driver DRIVER [N]: the Nth (default first) interface bound to DRIVER
iface_by_driver() {
	local d i=0 want=${2:-0}
	for d in /sys/class/net/*; do
		[ "$(basename "$(readlink "$d/device/driver" 2>/dev/null)")" = "$1" ] || continue
		[ "$i" = "$want" ] && { basename "$d"; return 0; }
		i=$((i + 1))
	done
	return 1
}
# json_get FILE KEY.KEY...: one value of a JSON object, or '' (jq: a
# python3 start costs the test VM seconds); an object or list as JSON
json_get() {
	jq -r --arg k "$2" 'getpath($k | split(".") | map(tonumber? // .)) |
		if . == null then empty
		elif type == "object" or type == "array" then tojson
		else . end' "$1" 2>/dev/null || true
}
H0TX="$KIT_ROOT/tools/headlen0_tx"
# h0tx NAME ARGS...: runs headlen0_tx --json, keeps the report as $KIT_OUT/NAME.json
h0tx() {
	local name=$1
	shift
	"$H0TX" --json --no-progress "$@" >"$KIT_OUT/$name.json" 2>"$KIT_OUT/$name.err"
	local rc=$?
	[ "$rc" = 0 ] || { echo "# headlen0_tx $* -> exit $rc"; sed 's/^/#   /' "$KIT_OUT/$name.err" | tail -5; }
	return "$rc"
}
# load_exnic [PARAM=VALUE...]: loads the test kernel's exnic_sim module,
# which creates the simulated devices (the PARAMs are its), then exnic,
# which binds to them
load_exnic() {
	load_exnic_from "$KIT_BUILD/drivers/net/ethernet/example" "$@"
}
# load_exnic_from DIR [PARAM=VALUE...]: the same, from DIR's exnic_sim.ko
# and exnic.ko (an out-of-tree build)
load_exnic_from() {
	local dir=$1
	shift
	insmod "$dir/exnic_sim.ko" "$@" || return 1
	insmod "$dir/exnic.ko" || { rmmod exnic_sim; return 1; }
}
# unload_exnic: exnic, then exnic_sim with its devices
unload_exnic() {
	rmmod exnic exnic_sim
}
# exnic's quirk profiles (debugfs profile), 'none' first
EXNIC_PROFILES="none no-zero-len min-inline tx-header trailer max-bufs dma-align no-pad strict"
# exnic_profile P0 P1 NAME: both exnic ports in quirk profile NAME, up
exnic_profile() {
	local d
	ip link set "$1" down; ip link set "$2" down
	for d in "$1" "$2"; do
		echo "$3" >"/sys/kernel/debug/exnic/$(basename "$(readlink "/sys/class/net/$d/device")")/profile"
	done
	ip link set "$1" up; ip link set "$2" up
	sleep 0.3
}
# load_intel DRIVER: loads the test kernel's own (unpatched) e1000 or e1000e
# module and waits until its interfaces exist
load_intel() {
	insmod "$KIT_BUILD/drivers/net/ethernet/intel/$1/$1.ko" || return 1
	wait_iface "$1"
}
# wait_iface DRIVER: waits up to 10 s for an interface bound to DRIVER
wait_iface() {
	local t
	for t in $(seq 50); do
		iface_by_driver "$1" >/dev/null && return 0
		sleep 0.2
	done
	echo "no interface of $1 after 10 s" >&2
	return 1
}
