#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Host tests of checklist/run's judgement: canned headlen0_tx reports and
ethtool -S deltas in, item results out. No root, no VM, no NIC.
Prints TAP and 'N passed, N failed'; exits 1 on a failure."""

import copy
import importlib.machinery
import os
import sys
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


@case
def lost_runts_fail_nl05():
    res = judge(runs(edit_run('14B', lambda rep, d: rep['verify'].update(
        good=N - 5))))
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
