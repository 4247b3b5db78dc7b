#!/bin/bash
# vm-run: --timeout 600
# headlen0_tx's behaviour at its edges, on a veth pair in a namespace: what
# the host unit tests (make -C tools check) show with fakes, seen on a live
# socket. Interrupted runs fail and say so, back-to-back runs on one queue
# do not trip over the previous socket, a queue another socket holds is a
# setup error after a bounded retry, a receiver that goes down is a setup
# error, receive-only mode says it is, the receiver's memory does not
# grow with -n, and frames shorter than the Ethernet header, which veth
# drops, are reported lost.
. "$(dirname "$0")/../lib.sh"

ip netns add h0tx
ip -n h0tx link add v0 type veth peer name v1
ip -n h0tx link set v0 up
ip -n h0tx link set v1 up
# ip netns exec execs the program: a signal or $! reaches headlen0_tx.
X=(ip netns exec h0tx "$H0TX")
out=$KIT_OUT

# An interrupted run: exit 1, 'interrupted' in the text and the JSON.
timeout --preserve-status -s INT 2 "${X[@]}" -i v0 -d 30 -r 10000 --verify=v1 --no-probe \
	--no-progress >"$out/int.txt" 2>&1
expect "SIGINT during a run: exit 1" "$?" 1
check "  ... the result says INTERRUPTED" grep -q "INTERRUPTED" "$out/int.txt"
timeout --preserve-status -s TERM 2 "${X[@]}" -i v0 -d 30 -r 10000 --no-probe --json \
	>"$out/term.json" 2>/dev/null
expect "SIGTERM: the JSON says interrupted, exit 1" \
	"$(json_get "$out/term.json" interrupted) $(json_get "$out/term.json" exit)" "SIGTERM 1"

# Back to back on queue 0: the previous socket's teardown is asynchronous.
rcs=
for i in 1 2 3 4 5 6; do
	"${X[@]}" -i v0 -n 1000 --no-probe --no-progress >/dev/null 2>"$out/b2b-$i.err"
	rcs="$rcs$?"
done
expect "six back-to-back runs on one queue all pass" "$rcs" 000000

# A queue another run holds: a setup error after the retry, which says so.
"${X[@]}" -i v0 -d 10 -r 1000 --no-probe --no-progress >/dev/null 2>&1 &
holder=$!
sleep 1
"${X[@]}" -i v0 -n 10 --no-probe --no-progress >/dev/null 2>"$out/busy.err"
expect "a queue another socket holds: exit 2" "$?" 2
check "  ... after retrying, and naming the cause" \
	sh -c "grep -q 'busy' '$out/busy.err' && grep -q 'attempts' '$out/busy.err'"
wait "$holder"

# A receiver that is down before the run, or goes down during it: exit 2.
ip -n h0tx link set v1 down
"${X[@]}" --verify -i v1 -n 10 --no-progress >/dev/null 2>"$out/down.err"
expect "receive-only on a down interface: exit 2" "$?" 2
check "  ... telling how to bring it up" grep -q "ip link set dev v1 up" "$out/down.err"
ip -n h0tx link set v1 up
(sleep 2; ip -n h0tx link set v1 down) &
"${X[@]}" --verify -i v1 --timeout 10 --no-progress >"$out/down2.txt" 2>&1
expect "the receiver goes down during the run: exit 2" "$?" 2
wait
ip -n h0tx link set v1 up

# -i X --verify without a peer: receive-only, and it says so.
"${X[@]}" -i v0 --verify --timeout 1 --json >"$out/note.json" 2>"$out/note.err"
check "--verify without a peer says it is receive-only (stderr)" grep -q "receive-only" "$out/note.err"
check "  ... and in the JSON" grep -q '"note":"[^"]*receive-only' "$out/note.json"

# The receiver's memory is bounded whatever -n says.
"${X[@]}" --verify -i v1 -n 8589934592 --timeout 3 --no-progress >/dev/null 2>&1 &
rx=$!
sleep 1.5
rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$rx/status" 2>/dev/null)
wait "$rx"
check "receiving with -n 8589934592 stays under 64 MB resident (${rss:-?} kB)" \
	test "${rss:-999999}" -lt 65536

# Frames shorter than the Ethernet header: veth drops them (veth_xmit()
# needs ETH_HLEN bytes), and headlen0_tx says so instead of passing.
"${X[@]}" -i v0 -n 200 -s 6 --sub-header --verify=v1 --no-probe --no-progress --json \
	>"$out/sub6.json" 2>/dev/null
expect "6 B frames on veth: exit 1, every frame lost, dropped by veth" \
	"$? $(json_get "$out/sub6.json" verify.lost) $(json_get "$out/sub6.json" tx.dev_tx_dropped)" "1 200 200"
"${X[@]}" --verify -i v1 -s 6 --sub-header --timeout 1 >/dev/null 2>"$out/sub6rx.err"
expect "receive-only 6 B frames without --src-mac/--dst-mac: exit 2" "$?" 2
check "  ... saying which options to give" grep -q -- "--src-mac and --dst-mac" "$out/sub6rx.err"

ip netns del h0tx
done_testing
