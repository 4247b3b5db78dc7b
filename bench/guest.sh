#!/bin/bash
# The bench's guest half: runs in the VM under scripts/vm-run (bench/run
# starts it; see bench/README.md). Loads exnic with one sink device and one
# null device, then, in every round, for every size and setup (--setups),
# with the copy path (private flag "tx-no-linear" off; on virtio_net,
# nl_force.ko clear=1) and the page path back to back, times the senders
# (--senders: xsk_min_tx, headlen0_tx), each pinned to CPU 0. The setups:
#   sink    the simulated device's TX engine (an unbound work item: DMA,
#           write-back, the interrupt and NAPI) on CPU 1, polling its ring
#           (debugfs poll_ms): a DMA engine beside the sender's CPU
#   sinkwq  the engine on CPU 0 with the sender, queued by each doorbell
#   null    the null device, CPU 1 idle
#   nullb   the null device while a busy loop holds CPU 1, as the polling
#           engine does: under TCG a busy vCPU takes host time from the other
#   e1000e  a real driver on qemu's 82574L model, when the VM has one and
#           $KIT_BUILD/kit-series/e1000e/e1000e.ko (series/e1000e/) exists:
#           its private flag tx-no-linear switches the path as exnic's does
#   virtio  virtio_net, the upstream adopter, on two virtio-net NICs on a
#           tap bridge; its copy path is the flag cleared by nl_force.ko
#   sinkab  the sink as in "sink", nullab the null device as in "null", with
#   nullab  both paths in one run of xsk_min_tx --interleave 100: the flag
#           switched every 100 ms, each path measured in its own slices, so
#           that a change of the host's speed slows both alike
#   sinkabnf  sinkab with the sink's fetch off in its runs (as --fetch 0),
#           so that one run has the sink with and without it side by side
#   e1000eab  e1000e, and virtio_net, with both paths in one run as in
#   virtioab  sinkab; virtio_net's flag switched through nl_force.ko's
#           parameter no_linear (xsk_min_tx --flag-file), loaded clear=1
#   nullremoteab  nullab with the null device's private flag free-remote
#           on: its skbs freed in a work item on CPU 1, as exnic completes
#           them there, so that nullab beside it prices that completion
# One JSON file per run in $KIT_OUT/runs/, one line per run in
# $KIT_OUT/runs.tsv.
#
# Usage: bench/guest.sh ROUNDS SECONDS [--sndbuf BYTES] [--fetch 0|1]
#                      [--poll-ms MS] [--setups "sink null ..."]
#                      [--senders "min h0"] SIZE...
#   SIZE is a frame length with the Ethernet header; above 4096 the frame
#   is sent as ceil(SIZE / 3072) descriptors (--mb, multi-buffer).
#   --sndbuf: both senders' SO_SNDBUF (0 or absent: the kernel's default).
#   --fetch 0: the sink checks DATA buffer addresses but copies no bytes
#   (its debugfs "fetch" switch), as a NIC whose DMA costs no CPU.
#   --poll-ms: how long the sink's engine polls after its last frame in
#   the "sink" setup (default 10).
#   --setups: the setups to time, of sink, sinkwq, null, nullb, e1000e,
#   virtio, sinkab, sinkabnf, nullab, e1000eab, virtioab, nullremoteab
#   (default "sink null e1000e virtio"; e1000e* and virtio* only when the
#   VM has them).
#   --senders: min (xsk_min_tx, the default) and/or h0 (headlen0_tx).
#   headlen0_tx runs with --no-check (each UMEM chunk written once, no
#   compare on completion), as xsk_min_tx does.
# Round 0 is a warm-up: every run once, for 1 s, recorded as round 0 and
# left out by bench/report.py (a size's first runs after boot pay for
# first-time allocations and translations, on whichever path runs first).
# In a round, a device's two paths run back to back, their order and the
# devices' order turned round every other round.
#   EXNIC_KO=PATH loads that exnic.ko instead of the kernel build's (after
#   the kernel build's exnic_sim.ko, which creates the devices).
set -euo pipefail

rounds=${1:?usage: bench/guest.sh ROUNDS SECONDS SIZE...}
secs=${2:?usage: bench/guest.sh ROUNDS SECONDS SIZE...}
shift 2
sndbuf=0 fetch=1 poll_ms=10 setups="sink null e1000e virtio" senders=min
while [ $# -gt 0 ]; do
	case $1 in
	--setups) setups=${2:?--setups needs a list}; shift 2 ;;
	--senders) senders=${2:?--senders needs a list}; shift 2 ;;
	--poll-ms) poll_ms=${2:?--poll-ms needs milliseconds}; shift 2 ;;
	--sndbuf) sndbuf=${2:?--sndbuf needs bytes}; shift 2 ;;
	--fetch) fetch=${2:?--fetch needs 0 or 1}; shift 2 ;;
	*) break ;;
	esac
done
sb=(); [ "$sndbuf" = 0 ] || sb=(--sndbuf "$sndbuf")
# The setups: a device's two paths back to back, and both in one run
setups_b2b="sink sinkwq null nullb e1000e virtio"
setups_ab="sinkab sinkabnf nullab e1000eab virtioab nullremoteab"
# interleaved SETUP: whether SETUP runs both paths in one run (timed_ab)
interleaved() { [[ " $setups_ab " == *" $1 "* ]]; }
[ $# -gt 0 ] || { echo "bench/guest.sh: no sizes given" >&2; exit 2; }
for x in $setups; do
	case " $setups_b2b " in *" $x "*) ;;
	*) interleaved "$x" || { echo "bench/guest.sh: unknown setup '$x' ($setups_b2b $setups_ab)" >&2; exit 2; }
	   [[ " $senders " == *" min "* ]] ||
		{ echo "bench/guest.sh: setup '$x' needs the sender min (xsk_min_tx --interleave)" >&2; exit 2; } ;;
	esac
done
for x in $senders; do
	case $x in min|h0) ;;
	*) echo "bench/guest.sh: unknown sender '$x' (min h0)" >&2; exit 2 ;;
	esac
done
if [ -z "$setups" ] || [ -z "$senders" ]; then
	echo "bench/guest.sh: no setup or no sender" >&2
	exit 2
fi
sizes=("$@")

root=$(cd "$(dirname "$0")/.." && pwd)
h0=$root/tools/headlen0_tx
min=$root/bench/xsk_min_tx
out=${KIT_OUT:?run me under scripts/vm-run}
dbg=/sys/kernel/debug/exnic
mkdir -p "$out/runs"
: >"$out/runs.tsv"

log() { printf '[bench] %s\n' "$*" >&2; }

# shellcheck source=bench/guest_lib.sh
source "$root/bench/guest_lib.sh"
# shellcheck source=tests/lib.sh
source "$root/tests/lib.sh"	# iface_by_driver

# The machine and kernel this run came from
{
	echo "kernel: $(uname -r) $(uname -v)"
	echo "config: $(grep -cE '^CONFIG_(DMA_API_DEBUG|PROVE_LOCKING|DEBUG_KMEMLEAK|KASAN)=y' \
		"$KIT_BUILD/.config") of DMA_API_DEBUG, PROVE_LOCKING, DEBUG_KMEMLEAK, KASAN set"
	echo "cmdline: $(cat /proc/cmdline)"
	echo "cpus: $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)," \
	     "copy flags: $(grep -m1 -o -w -E 'erms|fsrm' /proc/cpuinfo | tr '\n' ' ')"
	echo "memory: $(sed -n 's/^MemTotal:\s*//p' /proc/meminfo)"
	echo "clocksource: $(cat /sys/devices/system/clocksource/clocksource0/current_clocksource)"
} >"$out/guest-env.txt"

# Fixed against per-byte costs under TCG (bench/tcg_costs.c)
taskset -c 0 "$root/bench/tcg_costs" --json >"$out/tcg-costs-guest.json"

insmod "$KIT_BUILD/drivers/net/ethernet/example/exnic_sim.ko" pairs=0 sinks=1 nulls=1 queues=1
insmod "${EXNIC_KO:-$KIT_BUILD/drivers/net/ethernet/example/exnic.ko}"
sink=$(iface_by_mode sink) || { echo "bench: no exnic sink device" >&2; exit 1; }
null=$(iface_by_mode null) || {
	echo "bench: no exnic null device; rebuild the bench kernel (KIT_VARIANT=bench scripts/build-kernel)" >&2
	exit 1
}
# e1000e, patched by its series, when the VM has qemu's 82574L ports
e1k=
e1000e_ko=$KIT_BUILD/kit-series/e1000e/e1000e.ko
if grep -qx 0x10d3 /sys/bus/pci/devices/*/device 2>/dev/null; then
	[ -f "$e1000e_ko" ] || { echo "bench: no $e1000e_ko; run scripts/check-driver-series e1000e with KIT_VARIANT=bench" >&2; exit 1; }
	insmod "$e1000e_ko"
	e1k=$(iface_by_driver e1000e 0) || { echo "bench: the patched e1000e bound no port" >&2; exit 1; }
	ip link set "$(iface_by_driver e1000e 1)" mtu 9000 up
fi
# virtio_net, the one upstream driver that sets the flag, on two NICs on a
# tap bridge (vnet_hdr: SG on); its copy path is the flag cleared by
# nl_force.ko clear=1 (bench/run builds it against this kernel).
vnet=
force_ko=$KIT_BUILD/kit-force/nl_force.ko
if grep -qxE '0x1000|0x1041' /sys/bus/pci/devices/*/device 2>/dev/null &&
	grep -qx 0x1af4 /sys/bus/pci/devices/*/vendor 2>/dev/null &&
	[ -z "$(iface_by_driver virtio_net 1 2>/dev/null)" ]; then
	echo "bench: the VM has virtio-net NICs but virtio_net bound none; rebuild the bench kernel (CONFIG_VIRTIO_NET, configs/bench.config)" >&2
	exit 1
fi
if [ -n "$(iface_by_driver virtio_net 1 2>/dev/null)" ]; then
	[ -f "$force_ko" ] || { echo "bench: no $force_ko; bench/run builds it (or --no-virtio)" >&2; exit 1; }
	vnet=$(iface_by_driver virtio_net 0)
	ip link set "$(iface_by_driver virtio_net 1)" mtu 9000 up
fi
for i in "$sink" "$null" $e1k $vnet; do
	ip link set "$i" mtu 9000 up
	for _ in $(seq 50); do
		[ "$(cat "/sys/class/net/$i/carrier" 2>/dev/null)" = 1 ] && break
		sleep 0.1
	done
done
sinkdev=$(dev_of_iface "$sink")
remote=0
if ethtool --show-priv-flags "$null" 2>/dev/null | grep -q '^free-remote'; then
	remote=1
elif [[ " $setups " == *" nullremoteab "* ]]; then
	echo "bench: this exnic_sim.ko's null device has no free-remote flag; rebuild the bench kernel (bench/run without --no-build)" >&2
	exit 1
fi
if [ -w "$dbg/$sinkdev/fetch" ]; then
	echo "$fetch" >"$dbg/$sinkdev/fetch"
elif [ "$fetch" = 0 ] || [[ " $setups " == *" sinkabnf "* ]]; then
	echo "bench: this exnic_sim.ko has no sink 'fetch' switch; rebuild the bench kernel (bench/run without --no-build)" >&2
	exit 1
fi
[ -w "$dbg/$sinkdev/poll_ms" ] || {
	echo "bench: this exnic_sim.ko has no 'poll_ms' switch; rebuild the bench kernel (bench/run without --no-build)" >&2
	exit 1
}
log "sink $sink, null $null; $rounds rounds of ${sizes[*]} B, $secs s a run, SO_SNDBUF ${sb[1]:-default}, sink fetch $fetch"
echo "sink fetch: $(cat "$dbg/$sinkdev/fetch" 2>/dev/null || echo Y) (N: the sink copies no frame bytes)" >>"$out/guest-env.txt"
echo "sndbuf: ${sb[1]:-0} (0: the kernel's default) for both senders" >>"$out/guest-env.txt"
echo "sink engine: polls ${poll_ms} ms after its last frame on CPU 1 (exnic), queued per doorbell on CPU 0 (exnic-wq)" >>"$out/guest-env.txt"

# Where unbound work items run: CPU 0 (with the sender) or CPU 1; whether
# the sink's engine polls; whether a busy loop holds CPU 1
wqmask=/sys/devices/virtual/workqueue/cpumask
two_cpus=0
[ "$(nproc)" -ge 2 ] && [ -w "$wqmask" ] && two_cpus=1
devs_all=()
for x in $setups; do
	case $x in
	sink|sinkab|sinkabnf|nullb|nullremoteab) [ "$two_cpus" = 1 ] || { log "one CPU: no $x setup"; continue; } ;;
	e1000e*) [ -n "$e1k" ] || { log "no e1000e in the VM: no $x setup"; continue; } ;;
	virtio*) [ -n "$vnet" ] || { log "no virtio_net in the VM: no $x setup"; continue; } ;;
	esac
	devs_all+=("$x")
done
[ "${#devs_all[@]}" -gt 0 ] || { echo "bench/guest.sh: none of the setups '$setups' exists here" >&2; exit 1; }
read -r -a tools_all <<<"$senders"
spinner=''
unspin() { [ -z "$spinner" ] || { kill "$spinner" 2>/dev/null; wait "$spinner" 2>/dev/null || true; }; spinner=''; }
trap unspin EXIT
place() {
	unspin
	case $1 in sink|sinkab*) echo "$poll_ms" ;; *) echo 0 ;; esac >"$dbg/$sinkdev/poll_ms"
	# sinkabnf: the sink copies no frame byte, whatever --fetch says
	if [ -w "$dbg/$sinkdev/fetch" ]; then
		if [ "$1" = sinkabnf ]; then echo 0; else echo "$fetch"; fi >"$dbg/$sinkdev/fetch"
	fi
	# nullremoteab: the null device frees its skbs on CPU 1
	if [ "$remote" = 1 ]; then
		ethtool --set-priv-flags "$null" free-remote \
			"$([ "$1" = nullremoteab ] && echo on || echo off)"
	fi
	[ -w "$wqmask" ] || return 0
	case $1 in sink|sinkab*) echo 2 ;; *) echo 1 ;; esac >"$wqmask"
	if [ "$1" = nullb ]; then
		taskset -c 1 sh -c 'while :; do :; done' &
		spinner=$!
	fi
}
iface_of() {
	case $1 in
	null*) echo "$null" ;;
	e1000e*) echo "$e1k" ;;
	virtio*) echo "$vnet" ;;
	*) echo "$sink" ;;
	esac
}

# setflag DEV on|off: the page path (on) or the copy path (off) on DEV
# (virtio: nl_force.ko loaded, or not; virtioab: loaded, its no_linear
# parameter switched, as xsk_min_tx --flag-file does)
nl_switch=/sys/module/nl_force/parameters/no_linear
setflag() {
	case $1 in
	virtio|virtioab)
		if [ "$2" = off ] || [ "$1" = virtioab ]; then
			[ -d /sys/module/nl_force ] || insmod "$force_ko" ifname="$vnet" clear=1
		fi
		if [ "$1" = virtioab ]; then
			if [ "$2" = on ]; then echo 1; else echo 0; fi >"$nl_switch"
		elif [ "$2" = on ] && [ -d /sys/module/nl_force ]; then
			rmmod nl_force
		fi ;;
	*) ethtool --set-priv-flags "$(iface_of "$1")" tx-no-linear "$2" ;;
	esac
}
setflags() {
	local dev
	for dev in sink null ${e1k:+e1000e} ${vnet:+virtio}; do setflag "$dev" "$1"; done
}

# Which path the skbs take, per device and flag: the probe at ndo_start_xmit
place sinkwq
for dev in sink null ${e1k:+e1000e} ${vnet:+virtio}; do
	i=$(iface_of "$dev")
	setflag "$dev" off
	"$h0" -i "$i" -s 1500 -n 2000 --json --no-progress --expect-linear \
		>"$out/runs/probe-$dev-off.json" 2>"$out/runs/probe-$dev-off.err" ||
		log "probe: $dev off: not every skb linear (see probe-$dev-off.json)"
	setflag "$dev" on
	"$h0" -i "$i" -s 1500 -n 2000 --json --no-progress --expect-headlen0=100 \
		>"$out/runs/probe-$dev-on.json" 2>"$out/runs/probe-$dev-on.err" ||
		log "probe: $dev on: not every skb headlen 0 (see probe-$dev-on.json)"
done

fails=0
start=$(date +%s)
# timed ROUND SIZE DEV FLAG TOOL SECONDS: one run, recorded in runs.tsv
timed() {
	local r=$1 s=$2 dev=$3 flag=$4 tool=$5 t=$6 i name rc=0 cmd mb
	i=$(iface_of "$dev")
	mb=$(mb_for "$s")
	name=r$r-s$s-$dev-$flag-$tool
	if [ "$tool" = h0 ]; then
		cmd=("$h0" -i "$i" -s "$s" --mb "$mb" -d "$t"
		     --no-probe --no-check "${sb[@]}" --json --no-progress)
	else
		cmd=("$min" -i "$i" -s "$s" --mb "$mb" -d "$t" "${sb[@]}" --json)
	fi
	taskset -c 0 "${cmd[@]}" >"$out/runs/$name.json" 2>"$out/runs/$name.err" || rc=$?
	[ "$rc" = 0 ] || { fails=$((fails + 1))
		log "$name: exit $rc: $(tail -1 "$out/runs/$name.err")"; }
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$s" "$dev" \
		"$flag" "$tool" "$rc" "runs/$name.json" >>"$out/runs.tsv"
}
# timed_ab ROUND SIZE DEV FIRST SECONDS: both paths in one run of
# xsk_min_tx of twice SECONDS (as long as a setup's two runs), tx-no-linear
# switched every 100 ms from FIRST (the interleaved setups; virtioab's
# through nl_force's no_linear); a line in runs.tsv for each path, one JSON
# for both
timed_ab() {
	local r=$1 s=$2 dev=$3 first=$4 t=$5 i name rc=0 flag mb sw=()
	i=$(iface_of "$dev")
	mb=$(mb_for "$s")
	name=r$r-s$s-$dev-ab-min
	setflag "$dev" "$first"
	[ "$dev" != virtioab ] || sw=(--flag-file "$nl_switch")
	taskset -c 0 "$min" -i "$i" -s "$s" --mb "$mb" -d "$((2 * t))" --interleave 100 \
		"${sw[@]}" "${sb[@]}" --json >"$out/runs/$name.json" 2>"$out/runs/$name.err" || rc=$?
	[ "$rc" = 0 ] || { fails=$((fails + 1))
		log "$name: exit $rc: $(tail -1 "$out/runs/$name.err")"; }
	for flag in off on; do
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$s" "$dev" \
			"$flag" min "$rc" "runs/$name.json" >>"$out/runs.tsv"
	done
}
for r in $(seq 0 "$rounds"); do
	# Odd rounds (and the warm-up) copy before page, the devices and the
	# senders in their order; even rounds the other way round, so that a
	# drift does not favour one side. A device's two paths run back to back.
	if [ $((r % 2)) = 0 ] && [ "$r" != 0 ]; then
		flags=(on off) tools=(); devs=()
		for x in "${tools_all[@]}"; do tools=("$x" "${tools[@]}"); done
		for x in "${devs_all[@]}"; do devs=("$x" "${devs[@]}"); done
	else
		flags=(off on) tools=("${tools_all[@]}") devs=("${devs_all[@]}")
	fi
	t=$secs
	[ "$r" != 0 ] || t=1
	for s in "${sizes[@]}"; do
		for dev in "${devs[@]}"; do
			place "$dev"
			if interleaved "$dev"; then
				timed_ab "$r" "$s" "$dev" "${flags[0]}" "$t"
				continue
			fi
			for flag in "${flags[@]}"; do
				setflag "$dev" "$flag"
				for tool in "${tools[@]}"; do
					timed "$r" "$s" "$dev" "$flag" "$tool" "$t"
				done
			done
		done
	done
	if [ "$r" = 0 ]; then
		log "warm-up round done after $(( $(date +%s) - start )) s"
	else
		log "round $r of $rounds done after $(( $(date +%s) - start )) s"
	fi
done
setflags on
place sinkwq

# What the driver and the device counted over the whole run
ethtool -S "$sink" >"$out/ethtool-sink.txt"
for f in stats errors; do
	cat "$dbg/$(basename "$(readlink "/sys/class/net/$sink/device")")/$f"
done >"$out/sim-sink.txt"
log "done: $fails runs failed"
[ "$fails" = 0 ]
