# shellcheck shell=bash
# Helpers of the bench's guest scripts (bench/guest.sh,
# bench/profile_guest.sh). Source it; do not run it. Needs $dbg, exnic's
# debugfs directory.
: "${dbg:?set dbg to the exnic debugfs directory before sourcing bench/guest_lib.sh}"

# The interface of MODE: sink, the one whose simulated device is a sink
# (debugfs mode), or null, a null device (exnic_sim's own net device,
# driver exnic_null in ethtool -i)
iface_by_mode() {
	local d dev
	for d in /sys/class/net/*; do
		if [ "$1" = null ]; then
			ethtool -i "${d##*/}" 2>/dev/null | grep -qx 'driver: exnic_null' &&
				{ basename "$d"; return 0; }
			continue
		fi
		dev=$(basename "$(readlink "$d/device" 2>/dev/null)")
		[ -n "$dev" ] || continue
		[ -r "$dbg/$dev/mode" ] || continue
		[ "$(cat "$dbg/$dev/mode")" = "$1" ] && { basename "$d"; return 0; }
	done
	return 1
}

# The simulated device (its debugfs name) behind interface IFACE
dev_of_iface() { basename "$(readlink "/sys/class/net/$1/device")"; }

# Descriptors a frame of SIZE bytes is sent as (3072 bytes each above 4096)
mb_for() { echo $(( $1 > 4096 ? ($1 + 3071) / 3072 : 1 )); }
