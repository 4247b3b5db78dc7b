# shellcheck shell=bash
# Runs the kernel's AF_XDP selftest (scripts/build-xskxceiver) in the test
# VM, one test a process (-t N), so that a test that aborts the program
# (exit_with_error) costs only itself, and turns each result into a TAP
# line of the VM test. Source after tests/lib.sh.
#
# xsk_run LABEL TX RX [-b]: every test of 'xskxceiver -l' in SKB mode with
# TX sending to RX (-b: busy poll, as test_xsk.sh sets it up); with
# XSK_ONLY=REGEX, only the tests whose whole name matches. A test that
# fails the way tests/xsk/expected lists for LABEL's driver is reported as
# an expected failure ('ok ... # TODO expected failure: REASON'); one that
# passes against that list is an unexpected pass, reported 'not ok' so the
# list stays true. Raw output: $KIT_OUT/xsk/LABEL/NAME.txt.

XSKX=$(dirname "$KIT_BUILD")/xsk-$(basename "$KIT_BUILD" | sed 's/^build-\([0-9.]*\)-.*/\1/')/xskxceiver
XSK_EXPECTED=$KIT_ROOT/tests/xsk/expected
XSK_DEADLINE=${XSK_DEADLINE:-20}

# xsk_expected DRIVER TEST: the reason TEST is expected to fail on DRIVER
xsk_expected() {
	awk -v d="$1" -v t="$2" '
		/^#/ || NF < 3 { next }
		($1 == d || $1 == "*") && $2 == t { $1 = ""; $2 = ""; sub(/^ +/, ""); print; exit }' \
		"$XSK_EXPECTED"
}

# xsk_prepare IFACE...: what test_xsk.sh does to its veth pair (no IPv6),
# and promiscuous mode: the selftest sends to a fixed MAC address
# (55:44:33:22:11:01) that a real NIC's (or qemu model's) unicast filter
# drops before generic XDP sees the frame; veth filters nothing.
xsk_prepare() {
	local i
	for i in "$@"; do
		[ -w "/proc/sys/net/ipv6/conf/$i/disable_ipv6" ] &&
			echo 1 >"/proc/sys/net/ipv6/conf/$i/disable_ipv6"
		ip link set "$i" promisc on up
	done
}

# xsk_one TX RX N OUT DEADLINE [-b]: test N once with a step deadline of
# DEADLINE seconds (tests/xsk/03-thread-timeout.patch), output in OUT; prints
# its result line
xsk_one() {
	local t0=$(date +%s)
	XSKX_THREAD_TMOUT=$5 timeout $((120 * KIT_TIMEOUT_SCALE)) \
		"$XSKX" -i "$1" -i "$2" -m skb -t "$3" ${6:-} >"$4" 2>&1
	echo "# rc $? in $(($(date +%s) - t0)) s" >>"$4"
	grep -aE '^(not )?ok 1 ' "$4" | head -n 1
}

# xsk_result KIND TEXT: a TAP line for xsk_run's test (KIND pass, skip,
# xfail or fail), recorded for xsk_summary under xsk_run's $label
xsk_result() {
	_result "$([ "$1" = fail ] && echo 1 || echo 0)" "$2"
	echo "$label $1" >>"$KIT_OUT/xsk/results.txt"
}

xsk_run() {
	local label=$1 tx=$2 rx=$3 busy=${4:-} drv n name line res why out retried deadline
	drv=$(basename "$(readlink "/sys/class/net/$tx/device/driver" 2>/dev/null)")
	[ -n "$drv" ] || drv=$(ethtool -i "$tx" 2>/dev/null | sed -n 's/^driver: //p')
	mkdir -p "$KIT_OUT/xsk/$label"
	"$XSKX" -l | sed -n 's/^\([0-9]*:\) \([A-Z0-9_]*\)$/\1 \2/p' >"$KIT_OUT/xsk/tests.txt"
	if [ -n "$busy" ]; then
		for i in "$tx" "$rx"; do
			echo 2 >"/sys/class/net/$i/napi_defer_hard_irqs"
			echo 200000 >"/sys/class/net/$i/gro_flush_timeout"
		done
	fi
	while read -r n name; do
		n=${n%:}
		[ -z "${XSK_ONLY:-}" ] || [[ $name =~ ^($XSK_ONLY)$ ]] || continue
		out=$KIT_OUT/xsk/$label/$name.txt
		why=$(xsk_expected "$drv" "$name")
		# Upstream's 3 s for an expected failure (it fails so on
		# veth too); XSK_DEADLINE for the rest, which a NIC model
		# under TCG needs (tests/xsk/03-thread-timeout.patch).
		deadline=$((XSK_DEADLINE * KIT_TIMEOUT_SCALE))
		[ -z "$why" ] || deadline=3
		line=$(xsk_one "$tx" "$rx" "$n" "$out" "$deadline" $busy)
		retried=
		if [ -z "$why" ] && [ "${line#ok 1 }" = "$line" ]; then
			# Under TCG a receive deadline of the test can pass
			# before a slow device delivers: one more run, said.
			mv "$out" "${out%.txt}.first.txt"
			line=$(xsk_one "$tx" "$rx" "$n" "$out" "$deadline" $busy)
			retried=" (passed on a second run; the first: ${out##*/xsk/}.first.txt)"
		fi
		case $line in
		"ok 1 PASS"*)
			if [ -n "$why" ]; then
				xsk_result fail "[$label] $name: passes, but tests/xsk/expected says it fails ($why)"
			else
				xsk_result pass "[$label] $name$retried"
			fi ;;
		"ok 1 # SKIP"*)
			res=${line#ok 1 # SKIP }
			xsk_result skip "[$label] $name # SKIP $res" ;;
		*)
			if [ -n "$why" ]; then
				xsk_result xfail "[$label] $name # TODO expected failure: $why"
			else
				xsk_result fail "[$label] $name"
				grep -aE '^# |^not ok' "$out" | head -n 8 | sed 's/^/#   /'
			fi ;;
		esac
	done <"$KIT_OUT/xsk/tests.txt"
	if [ -n "$busy" ]; then
		for i in "$tx" "$rx"; do
			echo 0 >"/sys/class/net/$i/napi_defer_hard_irqs"
			echo 0 >"/sys/class/net/$i/gro_flush_timeout"
		done
	fi
}

# xsk_summary: one line per xsk_run label, '# xskxceiver [LABEL]: P passed
# (X expected failures, S skipped), F failed'
xsk_summary() {
	awk '{ if (!($1 in p)) { order[n++] = $1; p[$1] = f[$1] = x[$1] = s[$1] = 0 }
	       if ($2 == "fail") f[$1]++; else p[$1]++
	       if ($2 == "xfail") x[$1]++
	       if ($2 == "skip") s[$1]++ }
	END { for (i = 0; i < n; i++)
		printf "# xskxceiver [%s]: %d passed (%d expected failures, %d skipped), %d failed\n",
			order[i], p[order[i]], x[order[i]], s[order[i]], f[order[i]] }' \
		"$KIT_OUT/xsk/results.txt"
}
