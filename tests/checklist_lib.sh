# shellcheck shell=bash
# checklist/run in the test VM: helpers for tests/vm/checklist.sh and the
# driver-series tests (tests/driver_series.sh). Source after tests/lib.sh.

CL=$KIT_ROOT/checklist/run
# nl_force.ko (forces IFF_TX_SKB_NO_LINEAR on), scripts/build-nl-force's
force_ko=$(dirname "$KIT_BUILD")/checklist-$(basename "$KIT_BUILD" | sed 's/^build-\([0-9.]*\)-.*/\1/')/nl_force.ko

# cl NAME ARGS...: checklist/run --json $KIT_OUT/cl-NAME.json ARGS; keeps the
# table in $KIT_OUT/cl-NAME.txt and prints it on failure. Returns its status.
cl() {
	local name=$1 rc
	shift
	"$CL" --json "$KIT_OUT/cl-$name.json" "$@" >"$KIT_OUT/cl-$name.txt" 2>&1
	rc=$?
	echo "$rc" >"$KIT_OUT/cl-$name.rc"
	return "$rc"
}
# rc_of NAME: checklist/run's exit status of run NAME
rc_of() { cat "$KIT_OUT/cl-$1.rc" 2>/dev/null; }
# items NAME RESULT: the items of run NAME with RESULT, comma-separated;
# "no verdict (...)" for the report of a setup error or bad usage
items() {
	jq -r --arg r "$2" 'if has("items")
		then [.items[] | select(.result == $r) | .id] | join(",")
		else "no verdict (\(.result): \(.error))" end' \
		"$KIT_OUT/cl-$1.json" 2>/dev/null ||
		echo "no report ($KIT_OUT/cl-$1.json missing or not a report)"
}
show() { sed 's/^/#   /' "$KIT_OUT/cl-$1.txt" | head -40; }
