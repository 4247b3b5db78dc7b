#!/bin/bash
# bench/profile's guest half: runs in the VM under scripts/vm-run. For
# every round and every instrumented exnic.ko (bench/profile_patch.py),
# loads it with one sink and one null device, then for every size, with
# the private flag "tx-no-linear" off (copy path) then on (page path),
# times bench/xsk_min_tx pinned to CPU 0 on the sink (its simulated DMA
# engine polling on CPU 1, as bench/run's "exnic" setup) and on the null
# device. Per run, in $KIT_OUT/runs/: the sender's JSON (.json), the
# module's "exnic-profile:" lines (.log) and, for the sink, its debugfs
# stats before and after (.st0, .st1); one line per run in
# $KIT_OUT/runs.tsv. FETCH 0 turns the sink's debugfs "fetch" off: it
# copies no frame byte; "both" runs every size with it on and then off,
# the second as the variant NAME-nofetch. Odd rounds run the copy path
# first, even rounds the page path.
#
# Usage: bench/profile_guest.sh ROUNDS SECONDS SNDBUF FETCH NAME=KO... -- SIZE...
set -euo pipefail

usage() { echo "usage: bench/profile_guest.sh ROUNDS SECONDS SNDBUF FETCH NAME=KO... -- SIZE..." >&2; exit 2; }
[ $# -ge 6 ] || usage
rounds=$1 secs=$2 sndbuf=$3 fetch=$4
shift 4
case $fetch in
0 | 1) fetches=("$fetch") ;;
both) fetches=(1 0) ;;
*) usage ;;
esac
variants=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do variants+=("$1"); shift; done
[ "${1:-}" = -- ] || usage
shift
{ [ ${#variants[@]} -gt 0 ] && [ $# -gt 0 ]; } || usage
sizes=("$@")

root=$(cd "$(dirname "$0")/.." && pwd)
min=$root/bench/xsk_min_tx
out=${KIT_OUT:?run me under scripts/vm-run}
dbg=/sys/kernel/debug/exnic
wqmask=/sys/devices/virtual/workqueue/cpumask
mkdir -p "$out/runs"
: >"$out/runs.tsv"
echo "$fetch" >"$out/fetch"

log() { printf '[profile] %s\n' "$*" >&2; }

# shellcheck source=bench/guest_lib.sh
source "$root/bench/guest_lib.sh"

# one_run ROUND NAME SIZE DEV PATH: one timed run of xsk_min_tx on the sink
# or the null device ($sink, $null, $sinkdev), its files in $out/runs/
one_run() {
	local r=$1 name=$2 s=$3 dev=$4 path=$5 i=$sink rc=0 flag=off
	local base=$out/runs/r$1-$2-$3-$4-$5

	[ "$dev" = null ] && i=$null
	[ "$path" = page ] && flag=on
	ethtool --set-priv-flags "$i" tx-no-linear "$flag"
	if [ "$dev" = sink ]; then
		echo 10 >"$dbg/$sinkdev/poll_ms"
		echo 2 >"$wqmask"
		cp "$dbg/$sinkdev/stats" "$base.st0"
	else
		echo 1 >"$wqmask"
	fi
	dmesg -c >/dev/null
	taskset -c 0 "$min" -i "$i" -s "$s" --mb "$(mb_for "$s")" -d "$secs" \
		--sndbuf "$sndbuf" --json >"$base.json" || rc=$?
	sleep 0.1
	[ "$dev" = sink ] && cp "$dbg/$sinkdev/stats" "$base.st1"
	dmesg | grep -o 'exnic-profile: .*' >"$base.log" || true
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$name" "$s" "$dev" "$path" "$rc" \
		>>"$out/runs.tsv"
	log "round $r $name $s B $dev $path: exit $rc"
}

for r in $(seq "$rounds"); do
	paths=(copy page)
	[ $((r % 2)) = 0 ] && paths=(page copy)
	for v in "${variants[@]}"; do
		ko=${v#*=}
		insmod "$(dirname "$ko")/exnic_sim.ko" pairs=0 sinks=1 nulls=1 queues=1
		insmod "$ko"
		sink=$(iface_by_mode sink) || { log "no sink device after insmod $ko"; exit 1; }
		null=$(iface_by_mode null) || { log "no null device after insmod $ko"; exit 1; }
		sinkdev=$(dev_of_iface "$sink")
		for i in "$sink" "$null"; do ip link set "$i" mtu 9000 up; done
		sleep 1
		for s in "${sizes[@]}"; do
			for fv in "${fetches[@]}"; do
				echo "$fv" >"$dbg/$sinkdev/fetch"
				name=${v%%=*}
				[ "$fv" = 0 ] && [ "$fetch" = both ] && name+=-nofetch
				for path in "${paths[@]}"; do
					for dev in sink null; do
						one_run "$r" "$name" "$s" "$dev" "$path"
					done
				done
			done
		done
		echo 0 >"$dbg/$sinkdev/poll_ms"
		echo 1 >"$wqmask"
		sleep 0.2
		rmmod exnic exnic_sim
	done
done
