#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Host tests of checklist/static --corpus (checklist/corpus_score.py):
the scoring of canned findings against canned verdicts, the bad input
that must end in exit 2 with a JSON report that says why, and two runs
of the rules on a corpus of the kit's fixtures (spatch). No kernel tree,
no VM. Prints TAP and 'N passed, N failed'; exits 1 on a failure."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKLIST = os.path.dirname(HERE)
STATIC = os.path.join(CHECKLIST, 'static')
sys.path.insert(0, CHECKLIST)
import corpus_score as cs  # noqa: E402

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def entry(item, line, verdict, file='drivers/net/x/x.c'):
    return {'item': item, 'file': file, 'line': line, 'verdict': verdict,
            'reason': 'test'}


def rec(item, line, severity='fail', file='drivers/net/x/x.c'):
    return {'item': item, 'severity': severity, 'line': line,
            'file': os.path.join('/t', file), 'message': 'msg'}


@case
def scoring_counts_every_outcome():
    d = {'driver': 'x', 'paths': ['drivers/net/x'], 'xmit': [], 'entries': [
        entry('NL-02', 1, 'true'), entry('NL-02', 2, 'latent'),
        entry('NL-03', 3, 'false'), entry('NL-03', 4, 'unreachable'),
        entry('NL-02', 5, 'true'),             # miss
        entry('NL-08', 6, 'latent'),           # miss, reported as a note
        entry('NL-08', 7, 'unreachable'),      # said as a note
        entry('NL-03', 8, 'unreachable'),      # silently dropped
        entry('NL-03', 9, 'false'),            # not reported: fine
        entry('NL-09', 10, 'true'),            # note right
        entry('NL-11', 11, 'false'),           # note wrong
        entry('NL-03', 12, 'unreachable'),     # NL-11 note of an NL-03 read
        entry('NL-09', 13, 'true'),            # note no longer reported
    ]}
    found = [rec('NL-02', 1), rec('NL-02', 2), rec('NL-03', 3),
             rec('NL-03', 4), rec('NL-08', 6, 'note'),
             rec('NL-08', 7, 'note'), rec('NL-09', 10, 'note'),
             rec('NL-11', 11, 'note'), rec('NL-11', 12, 'note'),
             rec('NL-11', 14, 'note'), rec('NL-05', 15)]
    s = cs.score_driver(d, found, '/t')
    want = {'fails': 5, 'true': 1, 'latent': 1, 'false': 1,
            'unreachable': 1, 'unjudged': 1, 'notes': 6, 'notes_right': 3,
            'notes_wrong': 2, 'notes_unjudged': 1, 'true_entries': 2,
            'true_found': 1, 'latent_entries': 2, 'latent_found': 1,
            'precision': 50.0, 'recall': 50.0, 'recall_latent': 50.0}
    got = {k: s[k] for k in want}
    assert got == want, got
    assert [(m['line'], m['reported_as_note']) for m in s['misses']] == \
        [(5, False), (6, True)], s['misses']
    assert [x['line'] for x in s['said_as_note']] == [7, 12], \
        s['said_as_note']
    assert [x['line'] for x in s['silently_dropped']] == [8], \
        s['silently_dropped']
    assert [x['line'] for x in s['notes_not_reported']] == [13]
    out = {(f['line'], f['outcome']) for f in s['findings']}
    assert (15, 'unjudged') in out and (3, 'wrong') in out and \
        (1, 'correct') in out and (14, 'unjudged') in out, out
    o = cs.overall([s, s])
    assert (o['fails'], o['misses'], o['precision'], o['recall']) == \
        (10, 4, 50.0, 50.0), o


@case
def scoring_without_findings_or_entries():
    s = cs.score_driver({'driver': 'x', 'paths': ['a'], 'xmit': [],
                         'entries': []}, [], '/t')
    assert s['precision'] is None and s['recall'] is None, s
    assert cs._fmt_pct(None) == '-' and cs._fmt_pct(55.9) == '55.9%'


@case
def thresholds_are_exact():
    def tot(true, latent, judged, found, entries, unjudged=0):
        t = {'true': true, 'latent': latent, 'false': judged - true - latent,
             'unreachable': 0, 'true_found': found, 'true_entries': entries,
             'latent_found': 0, 'latent_entries': 0, 'unjudged': unjudged}
        cs._figures(t)
        return t
    ok = [c[1] for c in cs.run_checks(tot(85, 5, 100, 19, 20), 10.0, [])]
    assert ok == [True, True, True, True], ok
    # 89.96 % and 94.99 % print as 90.0 % and 95.0 %, and still fail
    t = tot(8996, 0, 10000, 9499, 10000, 1)
    assert (t['precision'], t['recall']) == (90.0, 95.0), t
    m = {'name': 'm', 'flagged': False}
    ok = [c[1] for c in cs.run_checks(t, 10.01, [m])]
    assert ok == [False, False, False, False, False], ok


def bad_driver(edit):
    d = {'driver': 'x', 'paths': ['drivers/net/x'], 'xmit': [],
         'entries': [entry('NL-02', 1, 'true')]}
    edit(d)
    try:
        cs.check_driver(d, '/c/x.json')
    except cs.InputError as e:
        return str(e)
    raise AssertionError('no InputError for %r' % d)


@case
def corpus_format_is_checked():
    assert '"found"' in bad_driver(
        lambda d: d['entries'][0].update(found='finding'))
    assert 'lacks "verdict"' in bad_driver(
        lambda d: d['entries'][0].pop('verdict'))
    assert '"verdict" must be one of' in bad_driver(
        lambda d: d['entries'][0].update(verdict='maybe'))
    assert 'a second entry' in bad_driver(
        lambda d: d['entries'].append(dict(d['entries'][0])))
    assert 'the file is named x.json' in bad_driver(
        lambda d: d.update(driver='y'))
    assert '"paths"' in bad_driver(lambda d: d.update(paths=['/abs']))
    assert '"line"' in bad_driver(
        lambda d: d['entries'][0].update(line='12'))
    assert 'lacks "xmit"' in bad_driver(lambda d: d.pop('xmit'))


@case
def mutant_edit_keeps_the_lines():
    with tempfile.TemporaryDirectory() as t:
        os.makedirs(os.path.join(t, 'tree', 'd'))
        with open(os.path.join(t, 'tree', 'd', 'a.c'), 'w') as fh:
            fh.write('int a;\n\tif (len) {\n}\n')
        m = {'name': 'm', 'driver': 'x', 'file': 'd/a.c', 'line': 2,
             'from': 'if (len)', 'to': 'if (1)'}
        root = cs.make_mutant(m, os.path.join(t, 'tree'), ['d'], t, t)
        with open(os.path.join(root, 'd', 'a.c')) as fh:
            assert fh.read() == 'int a;\n\tif (1) {\n}\n'
        with open(os.path.join(t, 'tree', 'd', 'a.c')) as fh:
            assert 'if (len)' in fh.read(), 'the tree itself was changed'
        m = dict(m, name='m2', line=1)
        try:
            cs.make_mutant(m, os.path.join(t, 'tree'), ['d'], t, t)
        except cs.InputError as e:
            assert 'stale mutant m2' in str(e) and 'reads "int a;"' in \
                str(e), e
        else:
            raise AssertionError('no InputError for a stale mutant')


def canned_report():
    """A --corpus report as _run() makes it, for two drivers."""
    x = {'driver': 'x', 'paths': ['drivers/net/x'], 'xmit': [], 'entries': [
        entry('NL-02', 1, 'true'), entry('NL-03', 2, 'unreachable'),
        entry('NL-05', 3, 'true'), entry('NL-11', 4, 'unreachable')]}
    y = {'driver': 'y', 'paths': ['drivers/net/y'], 'xmit': [], 'entries': [
        entry('NL-08', 5, 'latent', 'drivers/net/y/y.c')]}
    sx = cs.score_driver(x, [rec('NL-02', 1), rec('NL-02', 9, 'note'),
                             rec('NL-03', 2), rec('NL-11', 4, 'note')],
                         '/t')
    sy = cs.score_driver(y, [], '/t')
    sx['flag_set_at'], sy['flag_set_at'] = None, 'drivers/net/y/y.c:7'
    mres = [{'name': 'm1', 'flagged': True}, {'name': 'm2', 'flagged': False}]
    tot = cs.overall([sx, sy])
    checks = cs.run_checks(tot, 1.5, mres)
    bad = sum(1 for _, ok in checks if not ok)
    return {'tool': 'checklist/static --corpus', 'exit': 1, 'error': None,
            'goals': {'precision': 90.0, 'recall': 95.0,
                      'seconds_per_driver': 10.0},
            'items': ['NL-01', 'NL-02', 'NL-03', 'NL-05', 'NL-08', 'NL-11'],
            'time': {'analyze_seconds': 3.0, 'units': 4, 'drivers': 2,
                     'mutants': 2, 'kit_drivers': 0,
                     'seconds_per_driver': 0.75, 'spatch_seconds': 2.0,
                     'spatch_cpu_seconds': 1.5, 'jobs': 2},
            'drivers': [sx, sy], 'overall': tot, 'mutants': mres,
            'checks': [{'name': n, 'ok': ok} for n, ok in checks],
            'passed': len(checks) - bad, 'failed': bad}


@case
def rst_fragment_of_a_report():
    frag = cs.rst_fragment(canned_report())
    lines = frag.split('\n')
    assert lines[0] == cs.GENERATED, lines[0]
    rows = {x.split()[0]: x.split() for x in lines
            if x[:2] in ('x ', 'y ', 'to')}
    # driver 01 02 03 05 08 11 flag missed precision recall
    assert rows['x'] == ['x', '0', '1', '(1)', '1', '0', '0', '0', '(1)',
                         'no', '1', '1/2', '1/2'], rows['x']
    assert rows['y'] == ['y', '0', '0', '0', '0', '0', '0', 'yes', '1',
                         'n/a', 'n/a'], rows['y']
    assert rows['total'] == ['total', '0', '1', '(1)', '1', '0', '0', '0',
                             '(1)', '1', '2', '1/2', '1/2'], rows['total']
    # a cell '(1)' would be an enumerated list
    assert not [x for x in lines if re.search(r'(^|  )\(', x)], frag
    text = ' '.join(frag.split())
    for want in ('Precision, findings that are true or latent hazards: 1/2 '
                 '= 50.0% (goal >= 90%).',
                 'Recall, true hazards of the corpus reported as findings: '
                 '1/2 = 50.0% (goal >= 95%); counting latent ones, 1/3 = '
                 '33.3%.',
                 'Mutants flagged: 1 of 2 (not flagged: m2).',
                 'Checks of the run: 3 passed, 3 failed (precision >= 90%: '
                 '50.0%; recall >= 95%: 50.0%; mutant m2 flagged).',
                 cs.TIME_LINE + 'one analyze() of 4 drivers (2 corpus, 2 '
                 'mutants, 0 unmutated kit) in 3.0 s, 0.8 s per driver',
                 '- x: ``x.c:3`` NL-05, true',
                 '- y: ``y.c:5`` NL-08, latent',
                 'Findings judged false or unreachable (1): - x: ``x.c:2`` '
                 'NL-03, unreachable'):
        assert want in text, 'no %r in:\n%s' % (want, frag)
    assert all(x == x.rstrip() for x in lines), 'trailing whitespace'


def doc_with(fragment=''):
    return ('Title\n=====\n\nBefore.\n\n%s\n\n%s%s\n\nAfter.\n' %
            (cs.BEGIN_MARK, fragment, cs.END_MARK))


@case
def figures_spliced_and_compared():
    rep = canned_report()
    doc = cs.splice(doc_with('old\n'), cs.rst_fragment(rep))
    assert doc.startswith('Title\n') and doc.endswith('\nAfter.\n'), doc
    assert 'old' not in doc and cs.region(doc) == cs.rst_fragment(rep)
    assert cs.compare(doc, rep) == []
    assert cs.splice(doc, cs.rst_fragment(rep)) == doc, 'not idempotent'
    slow = json.loads(json.dumps(rep))
    slow['time']['analyze_seconds'] = 123.4
    slow['time']['spatch_cpu_seconds'] = 99.9
    assert cs.compare(doc, slow) == [], 'the run time is not a figure'
    moved = json.loads(json.dumps(rep))
    moved['drivers'][0]['findings'][0]['line'] = 11
    moved['overall']['true_found'] = 0
    diff = cs.compare(doc, moved)
    assert any(x.startswith('-- Recall') for x in diff) and \
        any(x.startswith('+- Recall') for x in diff), diff
    for bad in ('no markers\n', doc_with() + cs.BEGIN_MARK + '\n',
                doc_with().replace(cs.END_MARK, '')):
        try:
            cs.region(bad)
        except cs.InputError as e:
            assert 'needs one "%s" line' % cs.BEGIN_MARK in str(e), e
        else:
            raise AssertionError('no InputError for %r' % bad)


@case
def rst_written_whole_or_between_the_markers():
    rep = canned_report()
    with tempfile.TemporaryDirectory() as t:
        new = os.path.join(t, 'new.rst')
        cs.write_rst(new, rep)
        with open(new) as fh:
            assert fh.read() == cs.rst_fragment(rep)
        cs.write_rst(new, rep)      # a fragment it wrote: rewritten
        page = os.path.join(t, 'page.rst')
        with open(page, 'w') as fh:
            fh.write(doc_with('old\n'))
        os.chmod(page, 0o664)
        cs.write_rst(page, rep)
        with open(page) as fh:
            assert fh.read() == cs.splice(doc_with(), cs.rst_fragment(rep))
        assert os.stat(page).st_mode & 0o777 == 0o664
        hand = os.path.join(t, 'hand.rst')
        with open(hand, 'w') as fh:
            fh.write('A page written by hand.\n')
        try:
            cs.write_rst(hand, rep)
        except cs.InputError as e:
            assert 'add the markers' in str(e), e
        else:
            raise AssertionError('a page without markers was overwritten')
        with open(hand) as fh:
            assert fh.read() == 'A page written by hand.\n'


def corpus_score_cli(args):
    r = subprocess.run([sys.executable, os.path.join(CHECKLIST,
                                                     'corpus_score.py')] +
                       args, capture_output=True, text=True)
    assert 'Traceback' not in r.stderr, r.stderr
    return r.returncode, r.stdout, r.stderr


@case
def check_doc_against_a_report():
    rep = canned_report()
    with tempfile.TemporaryDirectory() as t:
        j, page = os.path.join(t, 'r.json'), os.path.join(t, 'page.rst')
        with open(j, 'w') as fh:
            json.dump(rep, fh)
        with open(page, 'w') as fh:
            fh.write(doc_with())
        rc, out, _ = corpus_score_cli(['--check', j, page])
        assert rc == 1 and out.startswith('not ok 1 - %s does not quote '
                                          'the figures' % page) and \
            '#   +- Mutants flagged: 1 of 2' in out and \
            out.endswith('0 passed, 1 failed\n'), out
        rc, out, err = corpus_score_cli([j, page])     # regenerate
        assert rc == 0, out + err
        rc, out, _ = corpus_score_cli(['--check', j, page])
        assert rc == 0 and out.startswith('ok 1 - %s quotes the figures' %
                                          page) and \
            out.endswith('1 passed, 0 failed\n'), out
        with open(j, 'w') as fh:
            json.dump({'exit': 2, 'error': 'planted'}, fh)
        rc, out, _ = corpus_score_cli(['--check', j, page])
        assert rc == 1 and 'exit 2 (planted)' in out, out
        rc, _, err = corpus_score_cli([j, page])
        assert rc == 2 and 'no figures' in err, err
        rc, _, err = corpus_score_cli(['--check', j])
        assert rc == 2 and 'usage' in err.lower(), err


@case
def readiness_page_covers_the_corpus():
    """docs/readiness.rst: generated figures between its markers, a table
    row and a verdict per corpus driver, each verdict citing entries of
    the driver's corpus file and every true one, no figure by hand."""
    with open(cs.READINESS_DOC, encoding='utf-8') as fh:
        doc = fh.read()
    names = [d['driver'] for d in cs.load_corpus(cs.CORPUS_DIR)]
    frag = cs.region(doc, 'docs/readiness.rst')
    assert frag.startswith(cs.GENERATED + '\n'), \
        'the figures are not a generated fragment: %s' % cs.REGENERATE
    table = frag.split('\n')
    rules = [n for n, x in enumerate(table) if x.startswith('====')]
    rows = [x.split()[0] for x in table[rules[1] + 1:rules[2]]]
    assert rows == names + ['total'], \
        'table rows %s, corpus %s: %s' % (rows, names, cs.REGENERATE)
    outside = doc.replace(frag, '')
    hand = re.findall(r'\d+(?:\.\d+)? ?%|\d+/\d+ =', outside)
    assert not hand, 'figures by hand outside the markers: %s' % hand

    sec = doc.split('\nPer-driver verdicts\n')[1].split('\nMethod\n')[0]
    terms = list(re.finditer(r'^(\S+) \(``checklist/corpus/(\S+)\.json``\)$',
                             sec, re.M))
    assert [m.group(1) for m in terms] == names and \
        all(m.group(1) == m.group(2) for m in terms), \
        'verdicts for %s, corpus %s' % ([m.group(1) for m in terms], names)
    for m, nxt in zip(terms, terms[1:] + [None]):
        name = m.group(1)
        text = sec[m.end():nxt.start() if nxt else len(sec)]
        with open(os.path.join(cs.CORPUS_DIR, name + '.json')) as fh:
            entries = json.load(fh)['entries']
        have = {(os.path.basename(e['file']), e['line']) for e in entries}
        cited = {(f, int(n)) for f, n in
                 re.findall(r'``([\w.+-]+\.[ch]):(\d+)``', text)}
        assert cited <= have, '%s: %s cited, not entries of %s.json' % (
            name, sorted(cited - have), name)
        true = {(os.path.basename(e['file']), e['line']) for e in entries
                if e['verdict'] == 'true' and e['item'] not in
                cs.NOTE_ITEMS}
        assert true <= cited, '%s: true entries %s not cited' % (
            name, sorted(true - cited))


# --- the command line ------------------------------------------------------

def fake_tree(t, files=()):
    """A kernel tree as far as --corpus looks, with fixtures copied in as
    drivers/net/NAME/FILE."""
    tree = os.path.join(t, 'tree')
    os.makedirs(os.path.join(tree, 'drivers', 'net'))
    os.makedirs(os.path.join(tree, 'include', 'linux'))
    open(os.path.join(tree, 'include', 'linux', 'skbuff.h'), 'w').close()
    for name, fixture in files:
        os.makedirs(os.path.join(tree, 'drivers', 'net', name))
        shutil.copy(os.path.join(HERE, fixture),
                    os.path.join(tree, 'drivers', 'net', name))
    return tree


def write_corpus(t, drivers, mutants=None):
    cdir = os.path.join(t, 'corpus')
    os.makedirs(cdir, exist_ok=True)
    for d in drivers:
        with open(os.path.join(cdir, d['driver'] + '.json'), 'w') as fh:
            json.dump(d, fh)
    if mutants is not None:
        with open(os.path.join(cdir, 'mutants.json'), 'w') as fh:
            json.dump(mutants, fh)
    return cdir


def static(args, path=None):
    """Run checklist/static; (exit status, stdout, stderr)."""
    env = dict(os.environ)
    if path is not None:
        env['PATH'] = path
    r = subprocess.run([sys.executable, STATIC] + args, capture_output=True,
                       text=True, env=env)
    assert 'Traceback' not in r.stderr, r.stderr
    return r.returncode, r.stdout, r.stderr


def exit2(args, words, path=None, json_file=None):
    """The run exits 2 with one line on stderr holding @words, and its
    --json report says so."""
    rc, out, err = static(args, path)
    assert rc == 2, 'exit %d, not 2: %s' % (rc, err or out)
    lines = [x for x in err.splitlines() if x]
    assert lines and all(w in lines[-1] for w in words), \
        'stderr %r lacks %r' % (err, words)
    if json_file:
        with open(json_file) as fh:
            rep = json.load(fh)
        assert rep['exit'] == 2 and all(w in rep['error'] for w in words), \
            rep
        return rep
    return None


X = {'driver': 'x', 'paths': ['drivers/net/x'], 'xmit': [],
     'entries': [entry('NL-02', 18, 'true', 'drivers/net/x/nl02-pos.c')]}


@case
def not_a_directory():
    with tempfile.TemporaryDirectory() as t:
        j = os.path.join(t, 'r.json')
        exit2(['--corpus', os.path.join(t, 'none'), '--json', j],
              ['no such directory', 'kernel-src'], json_file=j)


@case
def not_a_kernel_tree():
    with tempfile.TemporaryDirectory() as t:
        j = os.path.join(t, 'r.json')
        exit2(['--corpus', t, '--json', j],
              ['not a kernel tree', 'Linux 6.12'], json_file=j)


@case
def corpus_path_missing_from_the_tree():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t)
        cdir = write_corpus(t, [X])
        j = os.path.join(t, 'r.json')
        exit2(['--corpus', tree, '--corpus-dir', cdir, '--json', j],
              ['drivers/net/x', 'corpus driver x', 'is not there',
               os.path.join(cdir, 'x.json')], json_file=j)


@case
def corpus_json_broken():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        cdir = write_corpus(t, [X])
        with open(os.path.join(cdir, 'y.json'), 'w') as fh:
            fh.write('{"driver": "y",\n')
        j = os.path.join(t, 'r.json')
        exit2(['--corpus', tree, '--corpus-dir', cdir, '--json', j],
              [os.path.join(cdir, 'y.json'), 'not valid JSON', 'line 2'],
              json_file=j)


@case
def corpus_entry_lacks_a_field():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        d = json.loads(json.dumps(X))
        del d['entries'][0]['reason']
        cdir = write_corpus(t, [d])
        j = os.path.join(t, 'r.json')
        exit2(['--corpus', tree, '--corpus-dir', cdir, '--json', j],
              ['x.json: entry 1', 'lacks "reason"'], json_file=j)


@case
def stale_mutant():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        cdir = write_corpus(t, [X], [{
            'name': 'gone', 'driver': 'x',
            'file': 'drivers/net/x/nl02-pos.c', 'line': 18,
            'from': 'if (len)', 'to': 'if (1)',
            'expect': [{'item': 'NL-02', 'line': 18}], 'why': 'test'}])
        j = os.path.join(t, 'r.json')
        exit2(['--corpus', tree, '--corpus-dir', cdir, '--json', j],
              ['stale mutant gone', 'nl02-pos.c:18', 'mutants.json'],
              json_file=j)


@case
def mutant_of_an_unknown_driver():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        cdir = write_corpus(t, [X], [{
            'name': 'm', 'driver': 'nope', 'file': 'a.c', 'line': 1,
            'from': 'a', 'to': 'b', 'expect': [{'item': 'NL-02', 'line': 1}],
            'why': 'test'}])
        exit2(['--corpus', tree, '--corpus-dir', cdir],
              ['mutant m', "'nope' is not in the corpus"])


@case
def spatch_missing():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        cdir = write_corpus(t, [X])
        empty = os.path.join(t, 'bin')
        os.mkdir(empty)
        j = os.path.join(t, 'r.json')
        exit2(['--corpus', tree, '--corpus-dir', cdir, '--json', j],
              ['spatch not found', 'apt-get install coccinelle'],
              path=empty, json_file=j)


def failing_spatch(t):
    d = os.path.join(t, 'fakebin')
    os.mkdir(d)
    with open(os.path.join(d, 'spatch'), 'w') as fh:
        fh.write('#!/bin/sh\necho "fatal error: planted" >&2\nexit 1\n')
    os.chmod(os.path.join(d, 'spatch'), 0o755)
    return d + os.pathsep + os.environ.get('PATH', '')


@case
def spatch_run_incomplete():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        cdir = write_corpus(t, [X])
        j = os.path.join(t, 'r.json')
        rep = exit2(['--corpus', tree, '--corpus-dir', cdir, '--json', j],
                    ['spatch run was incomplete', 'fatal error: planted'],
                    path=failing_spatch(t), json_file=j)
        assert 'fatal error: planted' in rep['problems'], rep


@case
def normal_mode_json_on_exit_2():
    with tempfile.TemporaryDirectory() as t:
        j = os.path.join(t, 'r.json')
        exit2([os.path.join(t, 'none'), '--json', j],
              ['no such file or directory'], json_file=j)
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        drv = os.path.join(tree, 'drivers', 'net', 'x')
        empty = os.path.join(t, 'bin')
        os.mkdir(empty)
        exit2([drv, '--json', j], ['spatch not found'], path=empty,
              json_file=j)
        rep = exit2([drv, '--json', j], ['spatch run was incomplete'],
                    path=failing_spatch(t), json_file=j)
        assert 'fatal error: planted' in rep['problems'], rep


@case
def bad_usage():
    rc, _, err = static(['--corpus', '/tmp', 'drivers/net'])
    assert rc == 2 and '--corpus takes a kernel tree' in err, err
    rc, _, err = static(['--corpus-dir', '/tmp', 'drivers/net'])
    assert rc == 2 and '--corpus-dir goes with --corpus' in err, err
    rc, _, err = static(['--rst', '/tmp/x.rst', 'drivers/net'])
    assert rc == 2 and '--rst goes with --readiness or --corpus' in err, err


@case
def rst_without_markers_refused_before_the_run():
    with tempfile.TemporaryDirectory() as t:
        tree = fake_tree(t, [('x', 'nl02-pos.c')])
        cdir = write_corpus(t, [X])
        hand, j = os.path.join(t, 'hand.rst'), os.path.join(t, 'r.json')
        with open(hand, 'w') as fh:
            fh.write('By hand.\n')
        empty = os.path.join(t, 'bin')
        os.mkdir(empty)     # no spatch: it must not get that far
        exit2(['--corpus', tree, '--corpus-dir', cdir, '--json', j,
               '--rst', hand], [hand, 'add the markers'], path=empty,
              json_file=j)
        with open(hand) as fh:
            assert fh.read() == 'By hand.\n'


# --- runs of the rules (spatch) --------------------------------------------

POS = 'drivers/net/pos/nl02-pos.c'
NEG = 'drivers/net/neg/nl02-neg.c'


def fixture_corpus(t, drop=None, extra=(), mutants=()):
    """The fixtures as a corpus: every EXPECT line of nl02-pos.c judged
    true (but @drop), nl02-neg.c clean, and one mutant of nl02-neg.c (and
    @mutants)."""
    tree = fake_tree(t, [('pos', 'nl02-pos.c'), ('neg', 'nl02-neg.c')])
    lines = []
    with open(os.path.join(tree, POS)) as fh:
        for n, line in enumerate(fh, 1):
            if 'EXPECT NL-02' in line and n != drop:
                lines.append(n)
    with open(os.path.join(tree, NEG)) as fh:
        neg = fh.read().split('\n')
    at = next(n for n, x in enumerate(neg, 1) if x.strip() ==
              'if (headlen) {')
    pos = {'driver': 'pos', 'paths': ['drivers/net/pos'], 'xmit': [],
           'entries': [entry('NL-02', n, 'true', POS) for n in lines] +
           list(extra)}
    negd = {'driver': 'neg', 'paths': ['drivers/net/neg'], 'xmit': [],
            'entries': []}
    cdir = write_corpus(t, [pos, negd], [{
        'name': 'neg-if', 'driver': 'neg', 'file': NEG, 'line': at,
        'from': 'if (headlen)', 'to': 'if (1)',
        'expect': [{'item': 'NL-02', 'line': at + 1}],
        'why': 'zero check removed'}] + list(mutants))
    return tree, cdir, lines


@case
def fixture_corpus_passes():
    if not shutil.which('spatch'):
        raise AssertionError('spatch not found: apt-get install coccinelle')
    with tempfile.TemporaryDirectory() as t:
        tree, cdir, lines = fixture_corpus(t)
        j, page = os.path.join(t, 'r.json'), os.path.join(t, 'page.rst')
        with open(page, 'w') as fh:
            fh.write(doc_with())
        rc, out, err = static(['--corpus', tree, '--corpus-dir', cdir,
                               '--json', j, '--rst', page])
        assert rc == 0, 'exit %d: %s%s' % (rc, out, err)
        assert out.rstrip().endswith('\n5 passed, 0 failed'), out
        with open(j) as fh:
            rep = json.load(fh)
        with open(page) as fh:
            doc = fh.read()
        assert cs.compare(doc, rep) == [], cs.compare(doc, rep)
        assert 'Mutants flagged: 1 of 1.' in doc and \
            [x.split()[0] for x in cs.region(doc).split('\n')
             if x[:4] in ('neg ', 'pos ')] == ['neg', 'pos'], doc
        o = rep['overall']
        assert (o['fails'], o['true'], o['precision'], o['recall'],
                o['unjudged']) == (len(lines), len(lines), 100.0, 100.0,
                                   0), o
        assert rep['exit'] == 0 and rep['error'] is None, rep
        assert [m['flagged'] for m in rep['mutants']] == [True], \
            rep['mutants']


@case
def fixture_corpus_unjudged_and_missed():
    if not shutil.which('spatch'):
        raise AssertionError('spatch not found: apt-get install coccinelle')
    with tempfile.TemporaryDirectory() as t:
        tree, _, lines = fixture_corpus(t)
        shutil.rmtree(os.path.join(t, 'corpus'))
        shutil.rmtree(tree)
        with open(os.path.join(HERE, 'nl02-pos.c')) as fh:
            inc = fh.read().split('\n').index(
                '#include <linux/dma-mapping.h>') + 1
        tree, cdir, _ = fixture_corpus(
            t, drop=lines[-1], extra=[entry('NL-02', 2, 'true', POS)],
            mutants=[{'name': 'no-guard', 'driver': 'neg', 'file': NEG,
                      'line': 3, 'from': 'NL-02', 'to': 'NL-2',
                      'expect': [{'item': 'NL-02', 'line': 17}],
                      'why': 'a comment: nothing removed'},
                     {'name': 'flagged-already', 'driver': 'pos',
                      'file': POS, 'line': inc,
                      'from': '<linux/dma-mapping.h>',
                      'to': '"linux/dma-mapping.h"',
                      'expect': [{'item': 'NL-02', 'line': lines[0]}],
                      'why': 'the line is flagged unmutated'}])
        j = os.path.join(t, 'r.json')
        rc, out, err = static(['--corpus', tree, '--corpus-dir', cdir,
                               '--json', j])
        assert rc == 1, 'exit %d: %s%s' % (rc, out, err)
        for want in ('UNJUDGED findings (1):',
                     '%s:%d: NL-02 [pos]' % (POS, lines[-1]),
                     'judge them: add an entry (item, file, line, verdict, '
                     'reason) for each to %s' %
                     os.path.join(cdir, 'pos.json'),
                     'misses (1):', '%s:2: NL-02 [pos, true]' % POS,
                     'FAIL no unjudged findings: 1',
                     'FAIL recall >= 95%',
                     'ok   mutant neg-if flagged',
                     'FAIL mutant no-guard flagged',
                     'NL-02 at 17 NOT flagged',
                     'FAIL mutant flagged-already flagged',
                     'but the unmutated driver is flagged too',
                     '\n3 passed, 4 failed'):
            assert want in out, 'no %r in:\n%s' % (want, out)
        with open(j) as fh:
            rep = json.load(fh)
        assert rep['exit'] == 1 and rep['overall']['unjudged'] == 1 and \
            rep['overall']['misses'] == 1 and rep['failed'] == 4, rep


def main():
    fails = 0
    for i, fn in enumerate(CASES, 1):
        try:
            fn()
            print('ok %d - %s' % (i, fn.__name__))
        except AssertionError as e:
            fails += 1
            print('not ok %d - %s\n#   %s' % (
                i, fn.__name__, str(e).replace('\n', '\n#   ')))
    print('1..%d' % len(CASES))
    print('%d passed, %d failed' % (len(CASES) - fails, fails))
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
