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
# items NAME RESULT: the items of run NAME with RESULT, comma-separated
items() {
	python3 - "$KIT_OUT/cl-$1.json" "$2" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    if 'items' not in d:
        # checklist/run's report of a setup error or bad usage
        print(f"no verdict ({d.get('result')}: {d.get('error')})")
        sys.exit()
    print(','.join(i['id'] for i in d['items'] if i['result'] == sys.argv[2]))
except Exception as e:
    print(f'no report ({e})')
PY
}
show() { sed 's/^/#   /' "$KIT_OUT/cl-$1.txt" | head -40; }
