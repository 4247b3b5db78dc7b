#!/bin/bash
# In the guest (scripts/driver-kunit): loads the skb-shape library, then
# each KUnit build of a driver, given as LABEL=MODULE.ko, one at a time:
# its suites run as it loads and print KTAP to the kernel log, between two
# markers the host splits the log at ('kit-driver-kunit: begin LABEL',
# '... end LABEL'). Each is unloaded before the next. Exits non-zero when
# a module does not load or unload.
lib=${1:?usage: load-driver-suites.sh SKB_SHAPES_KO LABEL=MODULE.ko...}
shift
rc=0
insmod "$lib" || exit 1
for arg in "$@"; do
	label=${arg%%=*} ko=${arg#*=}
	echo "kit-driver-kunit: begin $label" >/dev/kmsg
	if insmod "$ko"; then
		rmmod "$(basename "$ko" .ko)" || rc=1
	else
		echo "load-driver-suites: insmod $ko failed" >&2
		rc=1
	fi
	echo "kit-driver-kunit: end $label" >/dev/kmsg
done
rmmod skb_shapes || rc=1
exit "$rc"
