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
# copies no frame byte.
#
# Usage: bench/profile_guest.sh ROUNDS SECONDS SNDBUF FETCH NAME=KO... -- SIZE...
set -euo pipefail

usage() { echo "usage: bench/profile_guest.sh ROUNDS SECONDS SNDBUF FETCH NAME=KO... -- SIZE..." >&2; exit 2; }
[ $# -ge 6 ] || usage
rounds=$1 secs=$2 sndbuf=$3 fetch=$4
shift 4
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

for r in $(seq "$rounds"); do
	for v in "${variants[@]}"; do
		name=${v%%=*} ko=${v#*=}
		insmod "$(dirname "$ko")/exnic_sim.ko" pairs=0 sinks=1 nulls=1 queues=1
		insmod "$ko"
		sink=$(iface_by_mode sink) || { log "no sink device after insmod $ko"; exit 1; }
		null=$(iface_by_mode null) || { log "no null device after insmod $ko"; exit 1; }
		sinkdev=$(dev_of_iface "$sink")
		echo "$fetch" >"$dbg/$sinkdev/fetch"
		for i in "$sink" "$null"; do ip link set "$i" mtu 9000 up; done
		sleep 1
		for s in "${sizes[@]}"; do
			for flag in off on; do
				path=copy; [ "$flag" = on ] && path=page
				for dev in sink null; do
					i=$sink; [ "$dev" = null ] && i=$null
					ethtool --set-priv-flags "$i" tx-no-linear "$flag"
					if [ "$dev" = sink ]; then
						echo 10 >"$dbg/$sinkdev/poll_ms"
						echo 2 >"$wqmask"
						cp "$dbg/$sinkdev/stats" "$out/runs/r$r-$name-$s-$dev-$path.st0"
					else
						echo 1 >"$wqmask"
					fi
					dmesg -c >/dev/null
					rc=0
					taskset -c 0 "$min" -i "$i" -s "$s" --mb "$(mb_for "$s")" -d "$secs" \
						--sndbuf "$sndbuf" --json \
						>"$out/runs/r$r-$name-$s-$dev-$path.json" || rc=$?
					sleep 0.1
					[ "$dev" = sink ] &&
						cp "$dbg/$sinkdev/stats" "$out/runs/r$r-$name-$s-$dev-$path.st1"
					dmesg | grep -o 'exnic-profile: .*' \
						>"$out/runs/r$r-$name-$s-$dev-$path.log" || true
					printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$name" "$s" "$dev" "$path" "$rc" \
						>>"$out/runs.tsv"
					log "round $r $name $s B $dev $path: exit $rc"
				done
			done
		done
		echo 0 >"$dbg/$sinkdev/poll_ms"
		echo 1 >"$wqmask"
		sleep 0.2
		rmmod exnic exnic_sim
	done
done
