#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Host tests of checklist/run's judgement: canned headlen0_tx reports and
counter deltas (ethtool -S, its eth-mac group) in, item results out. No
root, no VM, no NIC.
Prints TAP and 'N passed, N failed'; exits 1 on a failure."""

import contextlib
import copy
import importlib.machinery
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import types

HERE = os.path.dirname(os.path.abspath(__file__))
loader = importlib.machinery.SourceFileLoader(
    'checklist_run', os.path.join(HERE, '..', 'run'))
cr = types.ModuleType(loader.name)
cr.__file__ = loader.path
loader.exec_module(cr)

N = 200
REPORT = {
    'flags': {'tx_skb_no_linear': True, 'sg': True},
    'tx': {'frames_sent': N, 'frames_completed': N, 'umem_modified': 0,
           'completion_errors': {'duplicate': 0, 'unknown': 0,
                                 'missing': 0}},
    'probe': {'at_driver': True, 'headlen0_pct': 100.0,
              'driver': {'skbs': N, 'headlen0': N}},
    'verify': {'expected': N, 'good': N, 'corrupted': 0},
    'result': 'pass',
}
COUNTERS = {cr.STD_TX_PACKETS: N, 'tx_packets': N, 'tx_bytes': N * 64,
            'tx_headlen0': N,
            'tx_multicast': N, 'tx_dma_err': 0, 'dev_err_zero_len': 0}


def runs(edit=None, probe='all'):
    """The quick matrix, every run clean, then edit(name, report, counters)."""
    out = []
    for i, (name, extra, kind) in enumerate(cr.matrix(1500, True)):
        rep, d = copy.deepcopy(REPORT), dict(COUNTERS)
        if probe == 'first' and i:
            rep['probe'] = None
        if edit:
            edit(name, rep, d)
        out.append({'name': name, 'args': extra, 'kind': kind,
                    'report': rep, 'counters': d})
    return out


def judge(rs, peer='eth1', control=None):
    args = types.SimpleNamespace(peer=peer)
    v, _, _ = cr.judge(args, rs, control)
    return {i: v.res[i] for i, _ in cr.ITEMS}


def failed(res):
    return sorted(i for i, r in res.items() if r == 'fail')


def edit_run(name, fn):
    return lambda n, rep, d: fn(rep, d) if n == name else None


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def clean_driver_passes_every_item():
    res = judge(runs())
    assert failed(res) == [], failed(res)
    assert res['NL-13'] == 'pass' and res['NL-11'] == 'n/a'


@case
def probe_in_first_run_only_still_judges():
    res = judge(runs(probe='first'))
    assert failed(res) == [], failed(res)
    assert res['NL-12'] == 'pass'


@case
def zero_len_device_error_fails_nl02_not_nl09():
    def e(n, rep, d):
        d['dev_err_zero_len'] = N
        rep['verify']['good'] = 0
    res = judge(runs(e))
    assert failed(res) == ['NL-02', 'NL-13'], failed(res)


@case
def stalled_transmit_fails_nl02_and_nl10():
    def e(n, rep, d):
        rep['tx'].update(stalled=True, frames_completed=3)
    res = judge(runs(e))
    assert failed(res) == ['NL-02', 'NL-10', 'NL-13'], failed(res)


@case
def frame_held_and_never_at_the_peer_fails_nl02_and_nl10():
    # e1000e with frag 0 one slot late: the run's last frame waits for
    # the next transmit; a stale slot went out in its place.
    def e(rep, d):
        rep['tx'].update(frames_completed=N - 1)
        rep['tx']['completion_errors']['missing'] = 1
        rep['verify'].update(good=N - 1, foreign=1)
    res = judge(runs(edit_run('1514B', e)))
    assert 'NL-02' in failed(res) and 'NL-10' in failed(res), failed(res)


@case
def frame_held_but_good_at_the_peer_fails_nl10_only():
    def e(rep, d):
        rep['tx'].update(frames_completed=N - 1)
        rep['tx']['completion_errors']['missing'] = 1
    res = judge(runs(edit_run('1514B', e)))
    assert failed(res) == ['NL-10', 'NL-13'], failed(res)


@case
def queue_still_busy_after_a_run_fails_nl02():
    rs = runs()[:2]
    rs[-1]['hung_after'] = True
    res = judge(rs)
    assert failed(res) == ['NL-02', 'NL-13'], failed(res)


@case
def modified_umem_fails_nl04():
    res = judge(runs(edit_run('1514B', lambda rep, d: rep['tx'].update(
        umem_modified=3))))
    assert failed(res) == ['NL-04', 'NL-13'], failed(res)


@case
def broadcast_counted_as_unicast_fails_nl03():
    res = judge(runs(edit_run('14B', lambda rep, d: d.update(
        tx_multicast=N - 1))))
    assert failed(res) == ['NL-03', 'NL-13'], failed(res)


@case
def foreign_headers_at_the_peer_fail_nl08():
    def e(rep, d):
        rep['verify'].update(good=0, foreign=N)
        d['tx_multicast'] = 0
    res = judge(runs(edit_run('1514B', e)))
    assert failed(res) == ['NL-03', 'NL-08', 'NL-13'], failed(res)


@case
def unchanged_multicast_counter_fails_nl03():
    res = judge(runs(edit_run('1514B', lambda rep, d: d.update(
        tx_multicast=0))))
    assert failed(res) == ['NL-03', 'NL-13'], failed(res)


@case
def multicast_counter_that_never_moves_is_no_evidence():
    res = judge(runs(lambda n, rep, d: d.update(tx_multicast=0)))
    assert failed(res) == [] and res['NL-03'] == 'n/a', res


@case
def no_run_counted_but_the_linear_control_did_fails_nl03():
    # Every destination misread (the baseline in min-inline): no headlen-0
    # run moves tx_multicast, but the packet-socket control showed it live.
    res = judge(runs(lambda n, rep, d: d.update(tx_multicast=0)),
                control={'tx_multicast': cr.CONTROL_FRAMES})
    assert failed(res) == ['NL-03', 'NL-13'], failed(res)


@case
def control_counter_live_and_every_run_counted_passes_nl03():
    res = judge(runs(), control={'tx_multicast': cr.CONTROL_FRAMES})
    assert failed(res) == [] and res['NL-03'] == 'pass', res


# The MAC's IEEE 802.3 counters (get_eth_mac_stats) instead of the driver's
# tx_multicast: MulticastFramesXmittedOK leaves broadcasts out, so only the
# runs of 1 to 13 bytes (ff:00:00:00:00:00) move it.
BCAST = 'eth-mac-BroadcastFramesXmittedOK'
MULTI = 'eth-mac-MulticastFramesXmittedOK'


def mac_runs(edit=None):
    """runs() on a driver whose MAC counts the destinations."""
    def e(n, rep, d):
        sub = int(n.split('B')[0]) < cr.ETH_HLEN
        del d['tx_multicast']
        d.update({'eth-mac-FramesTransmittedOK': N, BCAST: 0 if sub else N,
                  MULTI: N if sub else 0})
        if edit:
            edit(n, rep, d)
    return runs(e)


def mac_stats_of(stdout, rc=0, stderr=''):
    """cr.mac_stats() of an ethtool that prints STDOUT and exits RC."""
    def sh(argv, fix=''):
        assert argv[-2:] == ['--groups', 'eth-mac'], argv
        return subprocess.CompletedProcess(argv, rc, stdout, stderr)
    saved, cr.sh = cr.sh, sh
    try:
        return cr.mac_stats('eth0')
    finally:
        cr.sh = saved


@case
def mac_stats_parses_the_eth_mac_group():
    got = mac_stats_of('Standard stats for eth0:\n'
                       'eth-mac-FramesTransmittedOK: 1232\n'
                       'eth-mac-MulticastFramesXmittedOK: 0\n'
                       'eth-mac-BroadcastFramesXmittedOK: 232\n')
    assert got == {'eth-mac-FramesTransmittedOK': 1232, MULTI: 0,
                   BCAST: 232}, got
    # Bare names under the header are keyed the same way.
    got = mac_stats_of('Standard stats for eth0:\n'
                       '     BroadcastFramesXmittedOK: 7\n')
    assert got == {BCAST: 7}, got


@case
def mac_stats_without_get_eth_mac_stats_is_empty():
    # The driver has no get_eth_mac_stats (virtio_net): the header only.
    assert mac_stats_of('Standard stats for eth0:\n') == {}
    # ethtool without netlink, or a kernel without ETHTOOL_MSG_STATS_GET.
    got = mac_stats_of('', 1, 'netlink error: Operation not supported\n')
    assert got == {}, got


@case
def mac_broadcast_counter_short_fails_nl03():
    rs = mac_runs(edit_run('14B', lambda rep, d: d.update({BCAST: N - 3})))
    v, _, _ = cr.judge(types.SimpleNamespace(peer='eth1'), rs,
                       {BCAST: cr.CONTROL_FRAMES})
    assert failed(v.res) == ['NL-03', 'NL-13'], v.res
    assert v.why['NL-03'] == [f'14B: {BCAST} +{N - 3} for {N} broadcast '
                              'frames: the destination was read from '
                              'outside the frame'], v.why['NL-03']


@case
def mac_broadcast_counter_counting_all_passes_nl03():
    assert cr.MCAST.match(BCAST) and cr.MCAST.match(MULTI)
    # No control: the runs alone show the counter live.
    for control in (None, {BCAST: cr.CONTROL_FRAMES}):
        v, _, _ = cr.judge(types.SimpleNamespace(peer='eth1'), mac_runs(),
                           control)
        assert failed(v.res) == [] and v.res['NL-03'] == 'pass', v.res
        assert v.why['NL-03'][0].startswith(
            f'{BCAST} counted every broadcast frame'), v.why['NL-03']


@case
def mac_receive_and_medium_errors_are_not_the_transmit_path():
    # Frames received bad, or a carrier lost on a half-duplex link: nothing
    # the driver built. Only FramesLostDueToIntMACXmitError is.
    def e(n, rep, d):
        d.update({'eth-mac-FrameCheckSequenceErrors': 3,
                  'eth-mac-AlignmentErrors': 1,
                  'eth-mac-FramesLostDueToIntMACRcvError': 1,
                  'eth-mac-FrameTooLongErrors': 2,
                  'eth-mac-CarrierSenseErrors': 1})
    res = judge(mac_runs(e), control={BCAST: cr.CONTROL_FRAMES})
    assert failed(res) == [], failed(res)


@case
def mac_internal_transmit_error_fails_nl02():
    res = judge(mac_runs(edit_run('1514B', lambda rep, d: d.update({
        'eth-mac-FramesLostDueToIntMACXmitError': 2}))))
    assert failed(res) == ['NL-02', 'NL-13'], failed(res)


@case
def mac_frames_transmitted_is_not_the_drivers_packet_count():
    # NL-12 asks for the driver's standard counters: what the MAC sent
    # says nothing of them.
    def e(n, rep, d):
        del d['tx_packets'], d[cr.STD_TX_PACKETS]
    res = judge(mac_runs(e))
    assert failed(res) == ['NL-12', 'NL-13'], failed(res)


@case
def lost_runts_fail_nl05():
    res = judge(runs(edit_run('14B', lambda rep, d: rep['verify'].update(
        good=N - 5))))
    assert failed(res) == ['NL-05', 'NL-13'], failed(res)


@case
def matrix_has_frames_shorter_than_the_header():
    full = {n: (a, k) for n, a, k in cr.matrix(1500, False)}
    for s in (1, 6, 12, 13):
        assert full[f'{s}B'] == (['-s', str(s), '--sub-header'], 'subhdr'), s
    assert full['12B-unaligned'][1] == 'subhdr'
    assert full['14B'] == (['-s', '14'], 'runt')
    assert len(full) == 22, len(full)
    quick = [(n, k) for n, _, k in cr.matrix(1500, True)]
    assert ('1B', 'subhdr') in quick and len(quick) == 5, quick
    for n, a, k in cr.matrix(9000, False) + cr.matrix(1500, True):
        assert ('--sub-header' in a) == (int(a[1]) < 14) == (k == 'subhdr'), n


@case
def subhdr_frames_leave_multicast_counters_unjudged():
    # No whole header: a driver may count the destination or not.
    res = judge(runs(edit_run('1B', lambda rep, d: d.update(
        tx_multicast=0))), control={'tx_multicast': cr.CONTROL_FRAMES})
    assert failed(res) == [] and res['NL-03'] == 'pass', res


@case
def subhdr_frames_do_not_make_a_counter_live():
    # qemu's e1000 keeps tx_multicast at 0 for broadcast frames, but a
    # 1-byte frame of 0xff padded with zeros goes to ff:00:00:00:00:00, a
    # multicast address it counts: that is no evidence that the counter
    # counts the broadcast runs.
    def e(n, rep, d):
        d['tx_multicast'] = N if n in ('1B', '6B', '12B', '13B',
                                       '12B-unaligned') else 0
    res = judge(runs(e))
    assert failed(res) == [] and res['NL-03'] == 'n/a', res


@case
def subhdr_dirty_padding_fails_nl05():
    res = judge(runs(edit_run('1B', lambda rep, d: rep['verify'].update(
        good=N - 1, corrupted=1, first_corrupt={
            'seq': None, 'offset': 40, 'length_mismatch': False,
            'umem_guard': False}))))
    assert failed(res) == ['NL-05', 'NL-13'], failed(res)


@case
def subhdr_umem_guard_on_the_wire_fails_nl08():
    def e(rep, d):
        rep['verify'].update(good=0, corrupted=N, first_corrupt={
            'seq': None, 'offset': 1, 'length_mismatch': False,
            'umem_guard': True})
    rs = runs(edit_run('1B', e))
    v, _, _ = cr.judge(types.SimpleNamespace(peer='eth1'), rs)
    assert failed({i: v.res[i] for i, _ in cr.ITEMS}) == ['NL-08', 'NL-13']
    assert 'read past the frame' in v.why['NL-08'][0], v.why['NL-08']


@case
def subhdr_frames_not_found_fail_nl08():
    res = judge(runs(edit_run('1B', lambda rep, d: rep['verify'].update(
        good=0, foreign=N + 3))))
    assert failed(res) == ['NL-08', 'NL-13'], failed(res)


@case
def subhdr_frames_dropped_fail_nl05():
    res = judge(runs(edit_run('1B', lambda rep, d: rep['verify'].update(
        good=0, foreign=2))))
    assert failed(res) == ['NL-05', 'NL-13'], failed(res)


@case
def subhdr_linearize_counter_fails_nl05():
    res = judge(runs(edit_run('1B', lambda rep, d: d.update(
        tx_linearize=N))))
    assert failed(res) == ['NL-05', 'NL-13'], failed(res)


@case
def corrupt_multibuffer_frames_fail_nl09():
    res = judge(runs(edit_run('1514B-mb5', lambda rep, d: rep['verify']
                              .update(good=N - 1, corrupted=1))))
    assert failed(res) == ['NL-09', 'NL-13'], failed(res)


@case
def runt_linearize_counter_fails_nl05():
    res = judge(runs(edit_run('59B-unaligned', lambda rep, d: d.update(
        tx_linearize=N))))
    assert failed(res) == ['NL-05', 'NL-13'], failed(res)


@case
def duplicate_completion_fails_nl10():
    res = judge(runs(edit_run('1514B', lambda rep, d: rep['tx'][
        'completion_errors'].update(duplicate=1))))
    assert failed(res) == ['NL-10', 'NL-13'], failed(res)


@case
def link_reset_after_a_run_fails_nl02_and_nl10():
    rs = runs()
    rs[1]['reset_after'] = 'eth0'
    res = judge(rs[:2])
    assert failed(res) == ['NL-02', 'NL-10', 'NL-13'], failed(res)


@case
def no_headlen0_counter_is_only_a_note():
    def e(n, rep, d):
        del d['tx_headlen0']
    args = types.SimpleNamespace(peer='eth1')
    v, _, _ = cr.judge(args, runs(e), None)
    assert v.res['NL-12'] == 'pass' and v.res['NL-13'] == 'pass', v.res
    assert 'note: no driver-specific headlen-0 counter' in v.why['NL-12'][0]


@case
def standard_stats_alone_count_the_packets():
    # virtio_net in 6.12: packets in rtnl stats64 and qstats, none in
    # ethtool -S, no headlen-0 counter: no fail.
    def e(n, rep, d):
        for k in ('tx_packets', 'tx_bytes', 'tx_headlen0', 'tx_multicast'):
            del d[k]
    res = judge(runs(e))
    assert failed(res) == [], failed(res)


@case
def no_tx_packet_counter_anywhere_fails_nl12():
    def e(n, rep, d):
        del d['tx_packets'], d[cr.STD_TX_PACKETS]
    res = judge(runs(e))
    assert failed(res) == ['NL-12', 'NL-13'], failed(res)


@case
def standard_counter_that_does_not_grow_fails_nl12():
    def e(n, rep, d):
        del d['tx_packets']
        d[cr.STD_TX_PACKETS] = 0
    res = judge(runs(e))
    assert failed(res) == ['NL-12', 'NL-13'], failed(res)


@case
def headlen0_counter_short_of_probe_fails_nl12():
    res = judge(runs(edit_run('1514B', lambda rep, d: d.update(
        tx_headlen0=N - 2))))
    assert failed(res) == ['NL-12', 'NL-13'], failed(res)


@case
def linear_skbs_with_flag_set_fail_nl13():
    res = judge(runs(edit_run('1514B', lambda rep, d: rep['probe'].update(
        headlen0_pct=50.0))))
    assert failed(res) == ['NL-13'], failed(res)


@case
def flag_off_leaves_flag_items_na():
    def e(n, rep, d):
        rep['flags']['tx_skb_no_linear'] = False
        rep['tx']['umem_modified'] = 1     # not the driver's doing: n/a
    res = judge(runs(e))
    assert failed(res) == [], failed(res)
    assert [i for i, r in res.items() if r == 'pass'] == ['NL-01', 'NL-10']


@case
def sg_off_fails_nl01():
    res = judge(runs(lambda n, rep, d: rep['flags'].update(sg=False)))
    assert 'NL-01' in failed(res), failed(res)


@case
def no_peer_leaves_wire_items_na():
    res = judge(runs(), peer=None)
    assert failed(res) == [], failed(res)
    assert res['NL-02'] == 'n/a' and res['NL-08'] == 'n/a'


@case
def unknown_flags_are_a_setup_error():
    rs = runs(lambda n, rep, d: rep.update(flags=None))
    try:
        judge(rs)
    except cr.SetupError:
        return
    raise AssertionError('no SetupError')


# What headlen0_tx prints on stderr when it cannot run (tools/*.c), with the
# arguments checklist/run gives it filled in.
TOOL_ERRORS = [
    "missing CAP_BPF (with CAP_PERFMON, or CAP_SYS_ADMIN): the driver probe "
    "needs it; run as root, 'setcap cap_net_raw,cap_bpf,cap_perfmon+ep "
    "headlen0_tx', or pass --no-probe",
    "cannot read /proc/kallsyms: No such file or directory; the probe finds "
    "its hooks and the driver there: mount /proc, or run with --no-probe",
    "cannot open the BPF probe: libbpf: failed to find BTF; or run with "
    "--no-probe",
    "cannot select the probe's programs (bpf_program__set_autoload: Invalid "
    "argument); check the libbpf version, or run with --no-probe",
    "cannot trigger the probe's discovery: SIOCGIFFLAGS on eth0: No such "
    "device; did the interface go away? check 'ip link', or run with "
    "--no-probe",
    "cannot attach the BPF probe (fentry: EPERM); it needs fentry "
    "(CONFIG_FUNCTION_TRACER, BTF) or kprobes (CONFIG_KPROBES) with "
    "CONFIG_BPF_EVENTS, and no lockdown/LSM refusing tracing programs "
    "(EPERM); or run with --no-probe",
    "--verify: eth1 has no carrier (not RUNNING) after 3 s: no frame can "
    "arrive; connect the link or bring the other end up",
    "unknown interface 'eth1' for --verify: no such device in this network "
    "namespace; check 'ip link'",
    "-s 9014: frame larger than its 4096-byte UMEM chunk; split it with "
    "--mb 3",
    "-s 1514: size out of range 14..1014 for eth0 (MTU 1000 + 14); use -s "
    "1014 or less, or raise the MTU: ip link set dev eth0 mtu 1500",
    "cannot bind AF_XDP (XDP_COPY | XDP_USE_SG) to eth0 queue 0: Invalid "
    "argument; the kernel refused the bind: --mb needs XDP_USE_SG (Linux "
    "6.6+); also check -q against 'ethtool -l'",
    "cannot bind AF_XDP (XDP_COPY) to eth0 queue 0: Invalid argument; the "
    "kernel refused the bind: check -q against the queues of the interface "
    "('ethtool -l') and -f/--unaligned",
    "cannot register the UMEM: Cannot allocate memory; cannot pin the UMEM: "
    "raise 'ulimit -l' (RLIMIT_MEMLOCK) or lower --frames",
    "cannot map 16777216 bytes of UMEM: Cannot allocate memory; lower "
    "--frames",
    "-i 'eth0': not an interface name; give a name of 1..15 characters, "
    "e.g. -i eth0\n(see 'headlen0_tx -h')",
]
# headlen0_tx's options that checklist/run does not have (-n it shares).
FOREIGN = re.compile(
    r"(?<![\w-])(-[iqsdbrfuh]|--(iface|queue|size|duration|batch|rate|"
    r"frame-size|frames|unaligned|mb|sndbuf|no-check|sub-header|src-mac|"
    r"dst-mac|udp|"
    r"raw|src-ip|dst-ip|port|run-id|verify|timeout|no-probe|no-progress|"
    r"expect-headlen0|expect-linear|help))(?![\w-])|headlen0_tx -h")


@contextlib.contextmanager
def fake_tool(stderr, stdout='', rc=2):
    """A headlen0_tx that prints STDERR and STDOUT and exits RC."""
    with tempfile.TemporaryDirectory() as d:
        tool = os.path.join(d, 'headlen0_tx')
        with open(tool, 'w', encoding='utf-8') as f:
            f.write(f'#!{sys.executable}\nimport sys\n'
                    f'sys.stdout.write({stdout!r})\n'
                    f'sys.stderr.write({stderr!r})\nsys.exit({rc})\n')
        os.chmod(tool, stat.S_IRWXU)
        saved, cr.counters = cr.counters, lambda iface: {}
        try:
            yield types.SimpleNamespace(tool=tool, iface='eth0', peer='eth1',
                                        count=1)
        finally:
            cr.counters = saved


def run_one_error(stderr, stdout=''):
    """The SetupError run_one makes of a headlen0_tx that says STDERR."""
    with fake_tool(stderr, stdout) as args:
        try:
            cr.run_one(args, '64B', ['-s', '64'], True)
        except cr.SetupError as e:
            return str(e)
    raise AssertionError('no SetupError')


@case
def relayed_tool_errors_name_no_foreign_option():
    for msg in TOOL_ERRORS:
        lines = ''.join(f'headlen0_tx: {m}\n' if not m.startswith('(') else
                        m + '\n' for m in msg.split('\n'))
        for out in ('', json.dumps(REPORT)):   # no report, and a report
            got = run_one_error(lines, out)
            bad = FOREIGN.search(got)
            assert not bad, f'{bad.group(0)!r} in {got!r}'


@case
def relayed_tool_errors_keep_the_cause():
    got = run_one_error('headlen0_tx: ' + TOOL_ERRORS[0] + '\n')
    assert 'missing CAP_BPF' in got and 'run as root' in got, got
    got = run_one_error('headlen0_tx: ' + TOOL_ERRORS[-1] + '\n')
    assert "not an interface name" in got, got
    got = run_one_error('headlen0_tx: ' + TOOL_ERRORS[8] + '\n')
    assert 'mtu 4082' in got, got


@case
def unknown_flags_error_gives_the_probes_reason():
    note = ("cannot load the kernel's BTF (/sys/kernel/btf/vmlinux: No such "
            "file or directory): IFF_TX_SKB_NO_LINEAR unknown; build the "
            "kernel with CONFIG_DEBUG_INFO_BTF=y")

    def e(n, rep, d):
        rep['flags']['tx_skb_no_linear'] = None
        rep['probe']['note'] = note + '; or run with --no-probe'
    try:
        judge(runs(e))
    except cr.SetupError as err:
        got = str(err)
    else:
        raise AssertionError('no SetupError')
    assert note in got and not FOREIGN.search(got), got


def run_cli(*argv):
    """checklist/run ARGV as a user runs it: (exit status, stdout, stderr)."""
    r = subprocess.run([sys.executable, os.path.join(HERE, '..', 'run'),
                        *argv], capture_output=True, text=True, check=False,
                       timeout=60)
    return r.returncode, r.stdout, r.stderr


@case
def help_gives_exit_codes_and_needs():
    rc, out, err = run_cli('--help')
    assert rc == 0 and not err, (rc, err)
    flat = ' '.join(out.split())
    for want in ('0 no item failed', '1 an item failed',
                 '2 bad usage or setup error', 'root', 'CAP_NET_RAW',
                 'CAP_NET_ADMIN', 'CAP_BPF', 'CAP_PERFMON',
                 '/sys/kernel/btf/vmlinux', 'make -C tools', 'PEER'):
        assert want in flat, f'{want!r} not in --help:\n{out}'


NO_IFACE = 'h0nosuchif0'       # no interface has this name


def cli_json(*argv, path=None):
    """checklist/run --json FILE ARGV: (status, stderr, FILE's JSON)."""
    with tempfile.TemporaryDirectory() as d:
        path = path or os.path.join(d, 'out.json')
        rc, _, err = run_cli('--json', path, *argv)
        assert 'Traceback' not in err, err
        assert os.path.exists(path), f'no {path}; stderr: {err}'
        with open(path, encoding='utf-8') as f:
            return rc, err, json.load(f)


def assert_error_report(rc, err, rep, why):
    assert rc == 2, (rc, err)
    assert rep['result'] == 'error' and rep['exit'] == 2, rep
    assert why in rep['error'] and why in err, (why, rep, err)


@case
def json_written_on_setup_error():
    rc, err, rep = cli_json('--tool', sys.executable, NO_IFACE, 'eth1')
    assert_error_report(rc, err, rep, f"interface '{NO_IFACE}' not found")
    assert rep['iface'] == NO_IFACE and rep['peer'] == 'eth1', rep


@case
def json_written_on_bad_usage():
    for argv, why in (
            (['--count', '0', NO_IFACE], '--count 0 out of range'),
            (['--count', 'many', NO_IFACE], "invalid int value: 'many'"),
            (['--probe', 'none', NO_IFACE], 'invalid choice'),
            ([], 'IFACE'),
            (['--tool', '/nonexistent/headlen0_tx', NO_IFACE],
             'not an executable headlen0_tx')):
        rc, err, rep = cli_json(*argv)
        assert_error_report(rc, err, rep, why)
    # What was parsed is in the report.
    rc, err, rep = cli_json('--count', '0', NO_IFACE)
    assert rep['iface'] == NO_IFACE and rep['count'] == 0, rep


@case
def unwritable_json_file_is_bad_usage():
    rc, _, err = run_cli('--json', '/nonexistent/dir/out.json', '--tool',
                         sys.executable, NO_IFACE)
    assert rc == 2 and 'Traceback' not in err, (rc, err)
    assert '/nonexistent/dir' in err, err


@case
def reports_are_json_with_result_and_exit():
    args = types.SimpleNamespace(iface='eth0', peer='eth1', count=N)
    for edit, result, code in ((None, 'pass', 0),
                               (edit_run('1514B', lambda rep, d: rep['tx']
                                         .update(umem_modified=1)),
                                'fail', 1)):
        rs = [dict(r, result='pass') for r in runs(edit)]
        v, flag, sg = cr.judge(args, rs, None)
        rep = json.loads(json.dumps(cr.results_report(
            args, 'exnic', flag, sg, rs, v, {})))
        assert (rep['result'], rep['exit']) == (result, code), rep
    rep = json.loads(json.dumps(cr.error_report(
        cr.SetupError('eth0 is down'), args)))
    assert rep == {'result': 'error', 'exit': 2, 'error': 'eth0 is down',
                   'iface': 'eth0', 'peer': 'eth1', 'count': N}, rep


class FakePacketSocket:
    """socket.socket for control_mc(): takes the frames, sends nothing."""

    def __init__(self, *a):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def bind(self, addr):
        pass

    def send(self, frame):
        return len(frame)


def control_reads(reads):
    """control_mc() on counters that read as READS, one after the other
    (the last one repeated): (what it returns, how many reads it took)."""
    seen = []

    def counters(iface):
        seen.append(iface)
        return reads[min(len(seen), len(reads)) - 1]
    saved = (cr.counters, cr.iface_mac, cr.socket.socket, cr.time.sleep)
    cr.counters, cr.iface_mac = counters, lambda iface: bytes(6)
    cr.socket.socket, cr.time.sleep = FakePacketSocket, lambda s: None
    try:
        return cr.control_mc('eth0', frames=32), len(seen) - 1
    finally:
        cr.counters, cr.iface_mac, cr.socket.socket, cr.time.sleep = saved


@case
def control_stops_once_the_counters_are_still():
    # exnic: every broadcast in the MAC's broadcast counter, the
    # multicast one leaves them out and stays put.
    z = {'eth-mac-BroadcastFramesXmittedOK': 0,
         'eth-mac-MulticastFramesXmittedOK': 0, 'tx_packets': 0}
    done = dict(z, **{'eth-mac-BroadcastFramesXmittedOK': 32,
                      'tx_packets': 32})
    live, n = control_reads([z, done])
    assert live == {'eth-mac-BroadcastFramesXmittedOK': 32}, live
    assert n == 2, f'{n} reads'


@case
def control_waits_while_a_counter_moves():
    z = {'tx_broadcast': 0, 'tx_multicast': 0}
    reads = [z, dict(z, tx_broadcast=32, tx_multicast=10),
             dict(z, tx_broadcast=32, tx_multicast=32),
             dict(z, tx_broadcast=32, tx_multicast=32)]
    live, n = control_reads(reads)
    assert live == {'tx_broadcast': 32, 'tx_multicast': 32}, live
    assert n == 3, f'{n} reads'


@case
def control_without_such_counters_reads_once():
    live, n = control_reads([{'tx_packets': 0}, {'tx_packets': 32}])
    assert live == {} and n == 1, (live, n)


@case
def control_gives_up_after_five_seconds():
    z = {'tx_broadcast': 0}
    clock = iter(range(0, 100, 1))
    saved = cr.time.monotonic
    cr.time.monotonic = lambda: next(clock)
    try:
        live, n = control_reads([z, dict(z, tx_broadcast=5)])
    finally:
        cr.time.monotonic = saved
    assert live == {} and n <= 5, (live, n)


@case
def missing_command_is_a_setup_error():
    try:
        cr.sh(['/nonexistent/ethtool', '-S', 'eth0'])
    except cr.SetupError as e:
        assert '/nonexistent/ethtool' in str(e), e
    except OSError as e:
        raise AssertionError(f'{e!r}, not a SetupError') from e
    else:
        raise AssertionError('no SetupError')


def main():
    fails = 0
    for i, fn in enumerate(CASES, 1):
        try:
            fn()
            print(f'ok {i} - {fn.__name__}')
        except AssertionError as e:
            fails += 1
            print(f'not ok {i} - {fn.__name__}\n#   {e}')
    print(f'1..{len(CASES)}')
    print(f'{len(CASES) - fails} passed, {fails} failed')
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
