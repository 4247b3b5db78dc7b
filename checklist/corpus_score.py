# SPDX-License-Identifier: GPL-2.0
"""checklist/corpus_score.py - score checklist/static on the corpus.

checklist/static --corpus TREE [--corpus-dir DIR] [--json FILE] [--rst
FILE] runs the rules once (one analyze()) over every driver of the
hand-verified corpus (checklist/corpus/DRIVER.json, format in
checklist/corpus/README.rst) in the kernel tree TREE and over the mutants
of DIR/mutants.json, then compares what the run reports with the
verdicts:

  - a finding is a record of severity 'fail', keyed (item, file relative
    to TREE, line); an entry with verdict true or latent makes it correct,
    false or unreachable wrong; without an entry it is unjudged (exit 1
    until it is judged in DRIVER.json);
  - NL-09 and NL-11 are notes: their entries judge the note (true or
    unreachable: right, false: wrong) and stay out of precision/recall;
  - an entry true or latent that is not reported as a fail is a miss; an
    entry unreachable reported as a note is "said as a note"; one not
    reported at all is "silently dropped" (listed: the policy is a note
    with a reason);
  - precision = (true + latent findings) / judged findings, recall = true
    entries found / true entries, and recall counting latent;
  - each mutant (the driver with one guard the rules rely on removed, one
    line edited in a copy) must be reported at every expected line, and
    the unmutated driver must not be.

With --rst FILE the figures of the run (the per-driver table, precision,
recall, mutants, checks, run time, misses) are written as reStructuredText:
between the ".. BEGIN corpus-table" and ".. END corpus-table" lines of
FILE when it has them (docs/readiness.rst), else as a fragment of its own.
"python3 checklist/corpus_score.py [--check] REPORT RST" writes them from
a saved --json report instead, or (--check) compares them with those
between the markers of RST, the run-time line aside (scripts/test-all
does so for docs/readiness.rst).

Exit status: 0 every check passed, 1 a check failed (precision < 90 %,
recall < 95 %, an unjudged finding, a mutant not flagged, more than 10 s
per driver), 2 bad input (TREE, the corpus, a stale mutant, spatch
missing, an incomplete spatch run, a --rst FILE without the markers
that is not a fragment it wrote). With --json FILE the report is
written whatever the exit status.

This module is imported by checklist/static, which hands itself over to
run() (Unit, analyze(), UsageError, KIT).
"""

import json
import os
import re
import shutil
import sys
import tempfile
import textwrap
import time

NOTE_ITEMS = ('NL-09', 'NL-11')
VERDICTS = ('true', 'latent', 'unreachable', 'false')
PRECISION_GOAL = 90.0
RECALL_GOAL = 95.0
SECONDS_GOAL = 10.0
MUTANTS = 'mutants.json'
KIT_DRIVER = re.compile(r'kit:[A-Za-z0-9_.-]+$')
CORPUS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          'corpus')

DRIVER_KEYS = ('driver', 'paths', 'xmit', 'entries')
ENTRY_KEYS = ('item', 'file', 'line', 'verdict', 'reason')
MUTANT_KEYS = ('name', 'driver', 'file', 'line', 'from', 'to', 'expect',
               'why')
MUTANT_KIT_KEYS = ('paths', 'xmit', 'defines', 'undefs')


class InputError(Exception):
    """Bad input: exit status 2. The message names the cause and the fix."""


def _rel(path, root):
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root))


def _pct(num, den):
    return round(100.0 * num / den, 1) if den else None


def _fmt_pct(p):
    return '-' if p is None else '%.1f%%' % p


# ---------------------------------------------------------------------------
# Reading the corpus and the mutants
# ---------------------------------------------------------------------------

def read_json(path, what):
    try:
        with open(path, encoding='utf-8') as fh:
            return json.load(fh)
    except json.JSONDecodeError as e:
        raise InputError('%s: not valid JSON (line %d, column %d: %s): fix '
                         'the %s' % (path, e.lineno, e.colno, e.msg, what))
    except UnicodeDecodeError as e:
        raise InputError('%s: not UTF-8 (%s): fix the %s' % (path, e, what))
    except OSError as e:
        raise InputError('%s: cannot read it (%s)' % (path, e.strerror))


def _relpath_ok(p):
    return (isinstance(p, str) and p and not os.path.isabs(p) and
            '..' not in p.split('/'))


def _check_keys(obj, required, optional, where, fix):
    if not isinstance(obj, dict):
        raise InputError('%s: not a JSON object: %s' % (where, fix))
    for k in required:
        if k not in obj:
            raise InputError('%s: lacks "%s": %s' % (where, k, fix))
    for k in obj:
        if k == 'found' and 'verdict' in required:
            raise InputError('%s: has "found", which the format no longer '
                             'has (--corpus measures what is found): '
                             'delete it' % where)
        if k not in required and k not in optional:
            raise InputError('%s: unknown field "%s" (fields: %s): %s' % (
                where, k, ', '.join(required + optional), fix))


def check_driver(d, path):
    """Validate one DRIVER.json (already parsed); returns it."""
    fix = 'see the format in checklist/corpus/README.rst'
    _check_keys(d, DRIVER_KEYS, (), path, fix)
    stem = os.path.basename(path)[:-len('.json')]
    if d['driver'] != stem:
        raise InputError('%s: "driver" is "%s" but the file is named '
                         '%s.json: make them the same' %
                         (path, d['driver'], stem))
    if (not isinstance(d['paths'], list) or not d['paths'] or
            not all(_relpath_ok(p) for p in d['paths'])):
        raise InputError('%s: "paths" must be a non-empty list of paths '
                         'relative to the kernel tree: %s' % (path, fix))
    if (not isinstance(d['xmit'], list) or
            not all(isinstance(x, str) and x for x in d['xmit'])):
        raise InputError('%s: "xmit" must be a list of function names: %s'
                         % (path, fix))
    if not isinstance(d['entries'], list):
        raise InputError('%s: "entries" must be a list: %s' % (path, fix))
    seen = set()
    for n, e in enumerate(d['entries'], 1):
        where = '%s: entry %d' % (path, n)
        _check_keys(e, ENTRY_KEYS, (), where, fix)
        if not (isinstance(e['item'], str) and
                re.match(r'NL-\d\d$', e['item'])):
            raise InputError('%s: "item" must be NL-xx, not %r' %
                             (where, e['item']))
        if not _relpath_ok(e['file']):
            raise InputError('%s: "file" must be a path relative to the '
                             'kernel tree, not %r' % (where, e['file']))
        if (not isinstance(e['line'], int) or isinstance(e['line'], bool)
                or e['line'] < 1):
            raise InputError('%s: "line" must be a line number, not %r' %
                             (where, e['line']))
        if e['verdict'] not in VERDICTS:
            raise InputError('%s: "verdict" must be one of %s, not %r' %
                             (where, ', '.join(VERDICTS), e['verdict']))
        if not (isinstance(e['reason'], str) and e['reason'].strip()):
            raise InputError('%s: "reason" must say in one line why' %
                             where)
        key = (e['item'], e['file'], e['line'])
        if key in seen:
            raise InputError('%s: a second entry for %s at %s:%d: keep one'
                             % (where, e['item'], e['file'], e['line']))
        seen.add(key)
    return d


def load_corpus(cdir):
    """The drivers of the corpus directory @cdir, validated."""
    if not os.path.isdir(cdir):
        raise InputError('%s: no such corpus directory: pass --corpus-dir '
                         'DIR with the DRIVER.json files (default %s)' %
                         (cdir, CORPUS_DIR))
    names = sorted(f for f in os.listdir(cdir)
                   if f.endswith('.json') and f != MUTANTS)
    if not names:
        raise InputError('%s: no DRIVER.json file: pass --corpus-dir DIR '
                         'with the corpus (default %s)' % (cdir, CORPUS_DIR))
    return [check_driver(read_json(os.path.join(cdir, f), 'corpus file'),
                         os.path.join(cdir, f)) for f in names]


def load_mutants(cdir, drivers):
    """The mutants of @cdir/mutants.json, validated ([] without one)."""
    path = os.path.join(cdir, MUTANTS)
    if not os.path.exists(path):
        return []
    data = read_json(path, 'mutants file')
    fix = 'see the format in checklist/corpus/README.rst'
    if not isinstance(data, list):
        raise InputError('%s: must be a JSON list of mutants: %s' %
                         (path, fix))
    names = set(d['driver'] for d in drivers)
    seen = set()
    for n, m in enumerate(data, 1):
        where = '%s: mutant %d' % (path, n)
        _check_keys(m, MUTANT_KEYS, MUTANT_KIT_KEYS + ('also',), where, fix)
        if not (isinstance(m['name'], str) and
                re.match(r'[A-Za-z0-9_.-]+$', m['name'])):
            raise InputError('%s: "name" must be letters, digits, "-", '
                             '"_" or ".", not %r' % (where, m['name']))
        where = '%s: mutant %s' % (path, m['name'])
        if m['name'] in seen:
            raise InputError('%s: the name is taken twice: rename one' %
                             where)
        seen.add(m['name'])
        kit = isinstance(m['driver'], str) and KIT_DRIVER.match(m['driver'])
        if kit:
            if not isinstance(m.get('paths'), list) or not m['paths'] or \
                    not all(_relpath_ok(p) for p in m['paths']):
                raise InputError('%s: a "kit:" driver needs "paths", '
                                 'relative to the kit root' % where)
            for k in ('xmit', 'defines', 'undefs'):
                v = m.get(k, [])
                if not isinstance(v, list) or \
                        not all(isinstance(x, str) and x for x in v):
                    raise InputError('%s: "%s" must be a list of names' %
                                     (where, k))
        else:
            if m['driver'] not in names:
                raise InputError('%s: driver %r is not in the corpus: name '
                                 'a corpus driver or kit:NAME with "paths"'
                                 % (where, m['driver']))
            extra = [k for k in MUTANT_KIT_KEYS if k in m]
            if extra:
                raise InputError('%s: "%s" is for kit: drivers only; a '
                                 'corpus driver brings its own' %
                                 (where, extra[0]))
        if not _relpath_ok(m['file']):
            raise InputError('%s: "file" must be a relative path' % where)
        if (not isinstance(m['line'], int) or isinstance(m['line'], bool)
                or m['line'] < 1):
            raise InputError('%s: "line" must be a line number' % where)
        for k in ('from', 'to'):
            if not isinstance(m[k], str) or '\n' in m[k]:
                raise InputError('%s: "%s" must be text within one line '
                                 '(line numbers stay those of the driver)'
                                 % (where, k))
        if not m['from'] or m['from'] == m['to']:
            raise InputError('%s: "from" must be non-empty and differ from '
                             '"to"' % where)
        also = m.get('also', [])
        if not isinstance(also, list):
            raise InputError('%s: "also" must be a list of edits' % where)
        for x in also:
            _check_keys(x, ('line', 'from', 'to'), (), where + ' also', fix)
            if not isinstance(x['line'], int) or x['line'] < 1 or \
                    not all(isinstance(x[k], str) and '\n' not in x[k]
                            for k in ('from', 'to')) or not x['from']:
                raise InputError('%s: also %r: needs "line" and one-line '
                                 '"from" and "to"' % (where, x))
        if not isinstance(m['expect'], list) or not m['expect']:
            raise InputError('%s: "expect" must list the findings the '
                             'mutant must cause' % where)
        for x in m['expect']:
            _check_keys(x, ('item', 'line'), ('file',), where + ' expect',
                        fix)
            if not (isinstance(x['item'], str) and
                    re.match(r'NL-\d\d$', x['item'])) or \
                    not isinstance(x['line'], int) or x['line'] < 1 or \
                    not _relpath_ok(x.get('file', m['file'])):
                raise InputError('%s: expect %r: needs "item" NL-xx and '
                                 '"line" (and "file", relative)' % (where, x))
        if not (isinstance(m['why'], str) and m['why'].strip()):
            raise InputError('%s: "why" must say which guard is removed' %
                             where)
    return data


# ---------------------------------------------------------------------------
# Trees
# ---------------------------------------------------------------------------

KERNEL_TREE_MARKS = ('drivers/net', 'include/linux/skbuff.h')
TREE_FIX = ('pass the root of a Linux 6.12 source tree (scripts/kernel-src '
            'unpacks one into .cache/src/linux-6.12)')


def check_tree(tree):
    if not os.path.isdir(tree):
        raise InputError('%s: no such directory: %s' % (tree, TREE_FIX))
    missing = [m for m in KERNEL_TREE_MARKS
               if not os.path.exists(os.path.join(tree, m))]
    if missing:
        raise InputError('%s: not a kernel tree (no %s): %s' % (
            tree, ' or '.join(missing), TREE_FIX))


def check_paths(tree, drivers, cdir):
    for d in drivers:
        for p in d['paths']:
            if not os.path.exists(os.path.join(tree, p)):
                raise InputError(
                    '%s: %s, a path of corpus driver %s, is not there: the '
                    'corpus was judged on Linux 6.12; %s, or fix "paths" in '
                    '%s' % (tree, p, d['driver'], TREE_FIX,
                            os.path.join(cdir, d['driver'] + '.json')))


def make_mutant(m, root, paths, tmp, cdir):
    """Copy @paths of @root into a tree of its own under @tmp and apply the
    edit of mutant @m; returns the mutant tree's root."""
    mroot = os.path.join(tmp, 'mutant-' + m['name'])
    for p in paths:
        src, dst = os.path.join(root, p), os.path.join(mroot, p)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if os.path.isdir(src):
            shutil.copytree(src, dst)
        elif os.path.isfile(src):
            shutil.copy2(src, dst)
        else:
            raise InputError('mutant %s: %s is not in %s: fix "paths" in '
                             '%s' % (m['name'], p, root,
                                     os.path.join(cdir, MUTANTS)))
    target = os.path.join(mroot, m['file'])
    if not os.path.isfile(target):
        raise InputError('mutant %s: %s is not under the paths of %s: fix '
                         '"file" in %s' % (m['name'], m['file'], m['driver'],
                                           os.path.join(cdir, MUTANTS)))
    with open(target, encoding='utf-8', errors='surrogateescape',
              newline='') as fh:
        lines = fh.read().split('\n')
    for e in [m] + m.get('also', []):
        n = e['line']
        if n > len(lines) or e['from'] not in lines[n - 1]:
            now = lines[n - 1].strip() if n <= len(lines) else \
                '(no such line)'
            raise InputError('stale mutant %s: "%s" is not on %s:%d, which '
                             'reads "%s": update "line" and "from" in %s' % (
                                 m['name'], e['from'], m['file'], n, now,
                                 os.path.join(cdir, MUTANTS)))
        lines[n - 1] = lines[n - 1].replace(e['from'], e['to'], 1)
    with open(target, 'w', encoding='utf-8', errors='surrogateescape',
              newline='') as fh:
        fh.write('\n'.join(lines))
    return mroot


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def _entry_json(e, driver):
    return {'driver': driver, 'item': e['item'], 'file': e['file'],
            'line': e['line'], 'verdict': e['verdict'],
            'reason': e['reason']}


def score_driver(d, findings, tree):
    """Compare the records @findings of driver @d (a corpus dict) with its
    entries. Returns the driver's part of the report."""
    entries = {(e['item'], e['file'], e['line']): e for e in d['entries']}
    name = d['driver']
    s = {'driver': name, 'fails': 0, 'true': 0, 'latent': 0, 'false': 0,
         'unreachable': 0, 'unjudged': 0, 'notes': 0, 'notes_right': 0,
         'notes_wrong': 0, 'notes_unjudged': 0, 'findings': [],
         'misses': [], 'said_as_note': [], 'silently_dropped': [],
         'notes_not_reported': []}
    fails, notes = {}, {}
    for r in findings:
        key = (r['item'], _rel(r['file'], tree), r['line'])
        rec = {'item': key[0], 'file': key[1], 'line': key[2],
               'severity': r['severity'], 'function': r.get('function'),
               'message': r.get('message', ''), 'verdict': None,
               'reason': None}
        if r['severity'] == 'fail':
            e = entries.get(key)
            fails[key] = rec
            s['fails'] += 1
            if e is None:
                rec['outcome'] = 'unjudged'
                s['unjudged'] += 1
            else:
                rec['verdict'], rec['reason'] = e['verdict'], e['reason']
                rec['outcome'] = ('correct' if e['verdict'] in
                                  ('true', 'latent') else 'wrong')
                s[e['verdict']] += 1
        elif r['severity'] == 'note':
            e = entries.get(key)
            if e is None and key[0] == 'NL-11':
                # NL-11 is an NL-03 read on CHECKSUM_PARTIAL-only code.
                e = entries.get(('NL-03',) + key[1:])
            notes[key] = rec
            if e is not None:
                notes[(e['item'], e['file'], e['line'])] = rec
            s['notes'] += 1
            if e is None:
                rec['outcome'] = 'unjudged'
                s['notes_unjudged'] += 1
            else:
                rec['verdict'], rec['reason'] = e['verdict'], e['reason']
                if e['item'] in NOTE_ITEMS:
                    right = e['verdict'] != 'false'
                else:
                    # a hazard said as a note only: the note hides it
                    right = e['verdict'] not in ('true', 'latent')
                rec['outcome'] = 'right' if right else 'wrong'
                s['notes_right' if right else 'notes_wrong'] += 1
        else:
            continue
        s['findings'].append(rec)
    t = {'true': [0, 0], 'latent': [0, 0]}     # [entries, found]
    for key, e in sorted(entries.items(),
                         key=lambda x: (x[0][1], x[0][2], x[0][0])):
        if e['item'] in NOTE_ITEMS:
            if key not in notes and key not in fails:
                s['notes_not_reported'].append(_entry_json(e, name))
            continue
        v = e['verdict']
        if v in t:
            t[v][0] += 1
            if key in fails:
                t[v][1] += 1
            else:
                miss = _entry_json(e, name)
                miss['reported_as_note'] = key in notes
                s['misses'].append(miss)
        elif v == 'unreachable' and key not in fails:
            if key in notes:
                s['said_as_note'].append(_entry_json(e, name))
            else:
                s['silently_dropped'].append(_entry_json(e, name))
    s['true_entries'], s['true_found'] = t['true']
    s['latent_entries'], s['latent_found'] = t['latent']
    _figures(s)
    return s


def _figures(s):
    judged = s['true'] + s['latent'] + s['false'] + s['unreachable']
    s['judged_fails'] = judged
    s['precision'] = _pct(s['true'] + s['latent'], judged)
    s['recall'] = _pct(s['true_found'], s['true_entries'])
    s['recall_latent'] = _pct(s['true_found'] + s['latent_found'],
                              s['true_entries'] + s['latent_entries'])


def overall(scores):
    o = {}
    for k in ('fails', 'true', 'latent', 'false', 'unreachable', 'unjudged',
              'notes', 'notes_right', 'notes_wrong', 'notes_unjudged',
              'true_entries', 'true_found', 'latent_entries',
              'latent_found'):
        o[k] = sum(s[k] for s in scores)
    for k in ('misses', 'said_as_note', 'silently_dropped',
              'notes_not_reported'):
        o[k] = sum(len(s[k]) for s in scores)
    _figures(o)
    return o


def check_mutant(m, unit, mroot, orig_unit, orig_root):
    """Whether mutant @m's @unit reports every expected finding and the
    unmutated driver (@orig_unit) none of them."""
    got = set((r['item'], _rel(r['file'], mroot), r['line'])
              for r in unit.findings if r['severity'] == 'fail')
    had = set((r['item'], _rel(r['file'], orig_root), r['line'])
              for r in orig_unit.findings if r['severity'] == 'fail')
    res = {'name': m['name'], 'driver': m['driver'], 'file': m['file'],
           'line': m['line'], 'from': m['from'], 'to': m['to'],
           'why': m['why'], 'expect': [], 'flagged': True}
    for x in m['expect']:
        key = (x['item'], x.get('file', m['file']), x['line'])
        r = {'item': key[0], 'file': key[1], 'line': key[2],
             'reported': key in got, 'reported_unmutated': key in had}
        res['expect'].append(r)
        if not r['reported'] or r['reported_unmutated']:
            res['flagged'] = False
    res['fails'] = len(got)
    res['fails_unmutated'] = len(had)
    return res


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------

def run(args, st):
    """checklist/static --corpus: returns the exit status."""
    cdir = args.corpus_dir or CORPUS_DIR
    report = {'tool': 'checklist/static --corpus', 'tree': args.corpus,
              'corpus_dir': cdir, 'exit': 2, 'error': None,
              'goals': {'precision': PRECISION_GOAL, 'recall': RECALL_GOAL,
                        'seconds_per_driver': SECONDS_GOAL}}
    if args.json:
        d = os.path.dirname(os.path.abspath(args.json))
        if not os.path.isdir(d) or not os.access(d, os.W_OK):
            warn('--json %s: cannot write into %s: pick a writable path' %
                 (args.json, d))
            return 2
    rst = getattr(args, 'rst', None)
    rst_ok = False
    try:
        if rst:
            rst_target(rst)
            rst_ok = True
        status = _run(args, st, cdir, report)
    except (InputError, st.UsageError) as e:
        warn(str(e))
        report['error'] = str(e)
        status = 2
    except OSError as e:
        msg = '%s: %s: check that the directory is writable and has room' % (
            e.filename or 'a temporary file', e.strerror)
        warn(msg)
        report['error'] = msg
        status = 2
    report['exit'] = status
    if args.json and not write_report(args.json, report):
        return 2
    if rst and status != 2:
        try:
            write_rst(rst, report)
        except (InputError, OSError) as e:
            warn('--rst %s: %s' % (rst, getattr(e, 'strerror', None) or e))
            return 2
    elif rst_ok:
        warn('--rst %s: not written: the run has no figures' % rst)
    return status


def warn(msg):
    print('checklist/static: ' + msg, file=sys.stderr)


def write_report(path, report):
    """Write @report as JSON to @path, whole or not at all."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(
            prefix='.report-', dir=os.path.dirname(os.path.abspath(path)))
        with os.fdopen(fd, 'w') as fh:
            json.dump(report, fh, indent=1)
            fh.write('\n')
        os.replace(tmp, path)
        return True
    except OSError as e:
        warn('cannot write the report %s: %s: pick a writable path' %
             (path, e.strerror))
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        return False


def error_report(path, msg, problems=()):
    """The --json report of a run that ends in bad usage, a missing tool or
    an incomplete spatch run (the normal and the --readiness mode)."""
    if path:
        write_report(path, {'tool': 'checklist/static', 'units': [],
                            'problems': list(problems), 'exit': 2,
                            'error': msg})


def run_checks(tot, per, mres):
    """[(name, ok)]: the goals, unjudged findings, time, each mutant."""
    good = tot['true'] + tot['latent']
    checks = [
        ('precision >= %.0f%%: %s' % (PRECISION_GOAL,
                                      _fmt_pct(tot['precision'])),
         100 * good >= PRECISION_GOAL * tot['judged_fails']),
        ('recall >= %.0f%%: %s' % (RECALL_GOAL, _fmt_pct(tot['recall'])),
         100 * tot['true_found'] >= RECALL_GOAL * tot['true_entries']),
        ('no unjudged findings: %d' % tot['unjudged'],
         tot['unjudged'] == 0),
        ('each driver under %.0f s: %.1f s per driver' % (SECONDS_GOAL, per),
         per <= SECONDS_GOAL),
    ]
    for r in mres:
        checks.append(('mutant %s flagged' % r['name'], r['flagged']))
    return checks


def _run(args, st, cdir, report):
    tree = args.corpus
    check_tree(tree)
    drivers = load_corpus(cdir)
    check_paths(tree, drivers, cdir)
    mutants = load_mutants(cdir, drivers)
    report['drivers_in_corpus'] = len(drivers)
    report['mutants_in_corpus'] = len(mutants)
    if not shutil.which('spatch'):
        raise InputError('spatch not found in PATH: install coccinelle '
                         '(apt-get install coccinelle, or scripts/deps as '
                         'root)')
    byname = {d['driver']: d for d in drivers}
    tmp = tempfile.mkdtemp(prefix='nl-corpus-')
    try:
        units = [st.Unit(d['driver'], [os.path.join(tree, p)
                                       for p in d['paths']],
                         roots=d['xmit']) for d in drivers]
        corpus_units = dict(zip(byname, units))
        kit_units = {}
        mus = []
        for m in mutants:
            if m['driver'] in byname:
                d = byname[m['driver']]
                root, paths, roots = tree, d['paths'], d['xmit']
                defines, undefs = [], []
                orig = corpus_units[m['driver']]
            else:
                root, paths = st.KIT, m['paths']
                roots = m.get('xmit', [])
                defines, undefs = m.get('defines', []), m.get('undefs', [])
                key = (m['driver'], tuple(paths), tuple(roots),
                       tuple(defines), tuple(undefs))
                if key not in kit_units:
                    for p in paths:
                        if not os.path.exists(os.path.join(root, p)):
                            raise InputError(
                                'mutant %s: %s is not in the kit (%s): fix '
                                '"paths" in %s' % (m['name'], p, root,
                                                   os.path.join(cdir,
                                                                MUTANTS)))
                    kit_units[key] = st.Unit(
                        m['driver'], [os.path.join(root, p) for p in paths],
                        defines, undefs, roots)
                orig = kit_units[key]
            mroot = make_mutant(m, root, paths, tmp, cdir)
            u = st.Unit('mutant ' + m['name'],
                        [os.path.join(mroot, p) for p in paths],
                        defines, undefs, roots)
            mus.append((m, u, mroot, orig, root))
        every = units + list(kit_units.values()) + [x[1] for x in mus]
        t0 = time.time()
        stats = st.analyze(every, depth=args.depth, jobs=args.jobs)
        secs = time.time() - t0
    finally:
        if os.environ.get('NL_STATIC_KEEP'):
            warn('kept the mutant trees in %s' % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    report['problems'] = stats['problems']
    if stats['problems']:
        raise InputError('the spatch run was incomplete (%d problem%s, the '
                         'first: %s): no verdict; fix the rule or the code '
                         'it names, or raise the timeout, and run again' % (
                             len(stats['problems']),
                             '' if len(stats['problems']) == 1 else 's',
                             stats['problems'][0]))
    for u in every:
        if not u.roots:
            raise InputError('%s: no function assigned to .ndo_start_xmit '
                             'in %s: name it in "xmit" of its corpus file' %
                             (u.name, ' '.join(u.paths)))

    scores = [score_driver(d, u.findings, tree)
              for d, u in zip(drivers, units)]
    for s, u in zip(scores, units):
        flag = u.info.get('flag')
        if flag:
            f, line = flag.rsplit(':', 1)
            flag = '%s:%s' % (_rel(f, tree), line)
        s['flag_set_at'] = flag
    report['items'] = list(st.ITEMS)
    tot = overall(scores)
    mres = [check_mutant(m, u, mroot, orig, root)
            for m, u, mroot, orig, root in mus]
    per = secs / len(every)
    report['time'] = {'analyze_seconds': round(secs, 1),
                      'units': len(every), 'drivers': len(units),
                      'mutants': len(mus),
                      'kit_drivers': len(kit_units),
                      'seconds_per_driver': round(per, 2),
                      'spatch_seconds': stats['spatch_seconds'],
                      'spatch_cpu_seconds': stats['spatch_cpu_seconds'],
                      'jobs': args.jobs}
    report['drivers'] = scores
    report['overall'] = tot
    report['mutants'] = mres

    checks = run_checks(tot, per, mres)
    report['checks'] = [{'name': n, 'ok': bool(ok)} for n, ok in checks]
    bad = sum(1 for _, ok in checks if not ok)
    report['passed'], report['failed'] = len(checks) - bad, bad
    print_report(report, tree, cdir)
    return 1 if bad else 0


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

COLS = [('fails', 'fails'), ('true', 'true'), ('latent', 'latent'),
        ('false', 'false'), ('unreachable', 'unrch'), ('misses', 'miss'),
        ('notes', 'notes'), ('unjudged', 'unjdg')]


def _row(name, s):
    cells = []
    for k, _ in COLS:
        v = s[k]
        cells.append(len(v) if isinstance(v, list) else v)
    return '%-11s' % name + ''.join('%7d' % c for c in cells) + \
        '%8s%8s' % (_fmt_pct(s['precision']), _fmt_pct(s['recall']))


def _where(x):
    return '%s:%d: %s' % (x['file'], x['line'], x['item'])


def print_report(rep, tree, cdir):
    t, o = rep['time'], rep['overall']
    print('checklist/static --corpus: %d drivers of %s, %d mutants' % (
        t['drivers'], tree, t['mutants']))
    print('%-11s' % 'driver' + ''.join('%7s' % h for _, h in COLS) +
          '%8s%8s' % ('prec', 'recall'))
    for s in rep['drivers']:
        print(_row(s['driver'], s))
    print(_row('total', o))
    print('(unrch: unreachable code reported as a fail; miss: true or latent '
          'entries not reported as a fail; unjdg: findings without an '
          'entry)')
    print('precision (true+latent)/judged findings = %d/%d = %s '
          '(goal >= %.0f%%)' % (o['true'] + o['latent'], o['judged_fails'],
                                _fmt_pct(o['precision']), PRECISION_GOAL))
    print('recall true found/true entries = %d/%d = %s (goal >= %.0f%%)' % (
        o['true_found'], o['true_entries'], _fmt_pct(o['recall']),
        RECALL_GOAL))
    print('recall counting latent (true+latent found)/(true+latent entries) '
          '= %d/%d = %s' % (o['true_found'] + o['latent_found'],
                            o['true_entries'] + o['latent_entries'],
                            _fmt_pct(o['recall_latent'])))
    print('notes: %d, judged right %d, wrong %d, unjudged %d' % (
        o['notes'], o['notes_right'], o['notes_wrong'], o['notes_unjudged']))
    print('unreachable entries said as a note: %d, silently dropped: %d' % (
        o['said_as_note'], o['silently_dropped']))

    def listing(title, rows, fmt):
        if rows:
            print('\n%s (%d):' % (title, len(rows)))
            for x in rows:
                print('  ' + fmt(x))

    drivers = rep['drivers']
    listing('misses', [m for s in drivers for m in s['misses']],
            lambda x: '%s [%s, %s%s]: %s' % (
                _where(x), x['driver'], x['verdict'],
                ', only a note' if x['reported_as_note'] else '',
                x['reason']))

    def picked(outcome, severity):
        return [dict(f, driver=s['driver']) for s in drivers
                for f in s['findings']
                if f['outcome'] == outcome and f['severity'] == severity]

    def judged(x):
        return '%s [%s, %s]: %s' % (_where(x), x['driver'], x['verdict'],
                                    x['reason'])
    listing('wrong findings', picked('wrong', 'fail'), judged)
    listing('wrong notes', picked('wrong', 'note'), judged)
    listing('unreachable entries silently dropped (policy: a note with a '
            'reason)', [x for s in drivers for x in s['silently_dropped']],
            lambda x: '%s [%s]: %s' % (_where(x), x['driver'], x['reason']))
    listing('judged notes no longer reported',
            [x for s in drivers for x in s['notes_not_reported']], judged)
    listing('unjudged notes', picked('unjudged', 'note'),
            lambda x: '%s [%s]: %s' % (_where(x), x['driver'],
                                       x['message']))
    unj = picked('unjudged', 'fail')
    listing('UNJUDGED findings', unj,
            lambda x: '%s [%s]: %s' % (_where(x), x['driver'],
                                       x['message']))
    for name in sorted(set(x['driver'] for x in unj)):
        print('judge them: add an entry (item, file, line, verdict, reason) '
              'for each to %s' % os.path.join(cdir, name + '.json'))

    if rep['mutants']:
        print('\nmutants (%d):' % len(rep['mutants']))
    for r in rep['mutants']:
        exp = []
        for x in r['expect']:
            state = ('flagged' if x['reported'] else 'NOT flagged')
            if x['reported_unmutated']:
                state += ', but the unmutated driver is flagged too'
            exp.append('%s at %d %s' % (x['item'], x['line'], state))
        print('  %-4s %s (%s %s:%d "%s" -> "%s"): %s' % (
            'ok' if r['flagged'] else 'FAIL', r['name'], r['driver'],
            r['file'], r['line'], r['from'], r['to'], '; '.join(exp)))
    print('\ntime: one analyze() of %d drivers (%d corpus, %d mutants, %d '
          'unmutated kit) in %.1f s: %.1f s per driver (goal <= %.0f s); '
          'spatch %.1f s, %.1f s CPU, jobs %d' % (
              t['units'], t['drivers'], t['mutants'], t['kit_drivers'],
              t['analyze_seconds'], t['seconds_per_driver'], SECONDS_GOAL,
              t['spatch_seconds'], t['spatch_cpu_seconds'], t['jobs']))
    print('checks:')
    for c in rep['checks']:
        print('  %-4s %s' % ('ok' if c['ok'] else 'FAIL', c['name']))
    print('%d passed, %d failed' % (rep['passed'], rep['failed']))


# ---------------------------------------------------------------------------
# The figures of docs/readiness.rst (--rst FILE)
# ---------------------------------------------------------------------------

KIT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READINESS_DOC = os.path.join(KIT, 'docs', 'readiness.rst')
BEGIN_MARK = '.. BEGIN corpus-table'
END_MARK = '.. END corpus-table'
GENERATED = ('.. Generated from a checklist/static --corpus report by '
             'checklist/corpus_score.py: do not edit by hand.')
TIME_LINE = '- Run time: '
REGENERATE = ('checklist/static --corpus .cache/src/linux-6.12 '
              '--json out/checklist/corpus.json --rst docs/readiness.rst')


def _frac(num, den):
    return '%d/%d' % (num, den) if den else 'n/a'


def _ratio(num, den, goal=None):
    text = '%d/%d = %s' % (num, den, _fmt_pct(_pct(num, den))) if den \
        else 'n/a (nothing to count)'
    return text + (' (goal >= %.0f%%)' % goal if goal is not None else '')


def _cell(fail, note):
    # '0 (2)', not '(2)': a table cell that starts '(2)' is a list item
    return '%d (%d)' % (fail, note) if note else str(fail)


def _short(x):
    return '``%s:%d`` %s' % (os.path.basename(x['file']), x['line'],
                             x['item'])


def _table(rep):
    items = list(rep.get('items') or [])
    for s in rep['drivers']:
        for f in s['findings']:
            if f['item'] not in items:
                items.append(f['item'])
    items.sort()
    head = ['driver'] + [i[3:] for i in items] + \
        ['flag', 'missed', 'precision', 'recall']
    rows = []
    total = {i: [0, 0] for i in items}
    for s in rep['drivers']:
        c = {i: [0, 0] for i in items}
        for f in s['findings']:
            k = 0 if f['severity'] == 'fail' else 1
            c[f['item']][k] += 1
            total[f['item']][k] += 1
        rows.append([s['driver']] + [_cell(*c[i]) for i in items] + [
            'yes' if s.get('flag_set_at') else 'no', str(len(s['misses'])),
            _frac(s['true'] + s['latent'], s['judged_fails']),
            _frac(s['true_found'], s['true_entries'])])
    o = rep['overall']
    rows.append(['total'] + [_cell(*total[i]) for i in items] + [
        str(sum(1 for s in rep['drivers'] if s.get('flag_set_at'))),
        str(o['misses']), _frac(o['true'] + o['latent'], o['judged_fails']),
        _frac(o['true_found'], o['true_entries'])])
    widths = [max(len(r[n]) for r in rows + [head])
              for n in range(len(head))]
    rule = '  '.join('=' * w for w in widths)

    def line(r):
        return '  '.join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
    return [rule, line(head), rule] + [line(r) for r in rows] + [rule]


def rst_fragment(rep):
    """The figures of a --corpus report @rep (a run that did not end in
    exit 2) as reStructuredText: the per-driver table, precision, recall,
    notes, mutants, checks, run time, and what the rules miss or get
    wrong. Deterministic for given findings but for the run-time line."""
    o, t = rep['overall'], rep['time']
    drivers = rep['drivers']
    out = []
    out.append('*n (m)*: n findings and m notes of the checklist item '
               '(NL-01 to NL-09, NL-11); *flag*: the driver sets '
               '``IFF_TX_SKB_NO_LINEAR``; *missed*: true or latent entries '
               'of the driver\'s corpus file not reported as a finding; '
               '*precision*: true or latent findings / judged findings; '
               '*recall*: true entries reported / true entries.')
    out.append('')
    mres = rep.get('mutants', [])
    flagged = sum(1 for m in mres if m['flagged'])
    failed = [c['name'] for c in rep.get('checks', []) if not c['ok']]
    out += [
        '- Precision, findings that are true or latent hazards: %s.' %
        _ratio(o['true'] + o['latent'], o['judged_fails'],
               rep.get('goals', {}).get('precision', PRECISION_GOAL)),
        '- Recall, true hazards of the corpus reported as findings: %s; '
        'counting latent ones, %s.' % (
            _ratio(o['true_found'], o['true_entries'],
                   rep.get('goals', {}).get('recall', RECALL_GOAL)),
            _ratio(o['true_found'] + o['latent_found'],
                   o['true_entries'] + o['latent_entries'])),
        '- Findings: %d, of which %d unjudged. Notes: %d, judged right %d, '
        'wrong %d, unjudged %d. Unreachable entries said as a note: %d, '
        'silently dropped: %d.' % (
            o['fails'], o['unjudged'], o['notes'], o['notes_right'],
            o['notes_wrong'], o['notes_unjudged'], o['said_as_note'],
            o['silently_dropped']),
        '- Mutants flagged: %d of %d%s.' % (
            flagged, len(mres), ''.join(
                ' (not flagged: %s)' % ', '.join(m['name'] for m in mres
                                                 if not m['flagged'])
                for _ in [0] if flagged < len(mres))),
        '- Checks of the run: %d passed, %d failed%s.' % (
            rep.get('passed', 0), rep.get('failed', 0),
            ' (%s)' % '; '.join(failed) if failed else ''),
        TIME_LINE + 'one analyze() of %d drivers (%d corpus, %d mutants, %d '
        'unmutated kit) in %.1f s, %.1f s per driver (goal <= %.0f s); '
        'spatch %.1f s, %.1f s CPU, jobs %d.' % (
            t['units'], t['drivers'], t['mutants'], t['kit_drivers'],
            t['analyze_seconds'], t['seconds_per_driver'],
            rep.get('goals', {}).get('seconds_per_driver', SECONDS_GOAL),
            t['spatch_seconds'], t['spatch_cpu_seconds'], t['jobs']),
    ]

    def listing(title, rows):
        if rows:
            out.extend(['', '%s (%d):' % (title, len(rows)), ''] +
                       ['- %s' % r for r in rows])
    listing('True or latent entries the rules miss',
            ['%s: %s, %s%s' % (x['driver'], _short(x), x['verdict'],
                               ', said as a note only'
                               if x.get('reported_as_note') else '')
             for s in drivers for x in s['misses']])
    listing('Findings judged false or unreachable',
            ['%s: %s, %s' % (s['driver'], _short(f), f['verdict'])
             for s in drivers for f in s['findings']
             if f['outcome'] == 'wrong' and f['severity'] == 'fail'])
    listing('Notes judged wrong',
            ['%s: %s, %s' % (s['driver'], _short(f), f['verdict'])
             for s in drivers for f in s['findings']
             if f['outcome'] == 'wrong' and f['severity'] == 'note'])
    listing('Unjudged findings',
            ['%s: %s' % (s['driver'], _short(f)) for s in drivers
             for f in s['findings']
             if f['outcome'] == 'unjudged' and f['severity'] == 'fail'])
    listing('Unreachable entries silently dropped',
            ['%s: %s' % (x['driver'], _short(x)) for s in drivers
             for x in s['silently_dropped']])
    return '\n'.join([GENERATED, ''] + _table(rep) + [''] +
                     [_wrap(x) for x in out]) + '\n'


def _wrap(line):
    """@line filled to 76 columns; a bullet's lines indented by two."""
    if len(line) <= 76 or line.startswith(('..', '=')):
        return line
    return textwrap.fill(line, 76, subsequent_indent='  ' if
                         line.startswith('- ') else '',
                         break_long_words=False, break_on_hyphens=False)


def _markers(lines, where):
    b = [n for n, x in enumerate(lines) if x.rstrip() == BEGIN_MARK]
    e = [n for n, x in enumerate(lines) if x.rstrip() == END_MARK]
    if len(b) != 1 or len(e) != 1 or e[0] < b[0]:
        raise InputError(
            '%s: needs one "%s" line and, after it, one "%s" line around '
            'the generated figures (found %d and %d)' % (
                where, BEGIN_MARK, END_MARK, len(b), len(e)))
    return b[0], e[0]


def splice(doc, fragment, where='the page'):
    """@doc with the lines between its corpus-table markers replaced by
    @fragment."""
    lines = doc.split('\n')
    b, e = _markers(lines, where)
    return '\n'.join(lines[:b + 1] + [''] + fragment.rstrip('\n').split('\n')
                     + [''] + lines[e:])


def region(doc, where='the page'):
    """The text between the corpus-table markers of @doc."""
    lines = doc.split('\n')
    b, e = _markers(lines, where)
    return '\n'.join(lines[b + 1:e]).strip('\n') + '\n'


def _has_figures(rep):
    return isinstance(rep, dict) and all(
        k in rep for k in ('drivers', 'overall', 'time'))


def compare(doc, rep, where='the page'):
    """[] when the figures between the markers of @doc are those of the
    report @rep (the run-time line aside, it changes from run to run);
    else the lines of a diff."""
    import difflib

    def timeless(text):
        out, skip = [], False
        for x in text.rstrip('\n').split('\n'):
            skip = x.startswith(TIME_LINE) or (skip and
                                               x.startswith('  '))
            if not skip:
                out.append(x)
        return out
    have = timeless(region(doc, where))
    want = timeless(rst_fragment(rep))
    if have == want:
        return []
    return list(difflib.unified_diff(have, want, where, 'the run', n=0,
                                     lineterm=''))


def _read_text(path):
    try:
        with open(path, encoding='utf-8') as fh:
            return fh.read()
    except OSError as e:
        raise InputError('%s: cannot read it (%s)' % (path, e.strerror))


def rst_target(path):
    """Check, before a run, that --rst @path can take the figures: a new
    file, a fragment written before, or a page with the markers."""
    if os.path.exists(path):
        text = _read_text(path)
        if BEGIN_MARK in text.split('\n') or END_MARK in text.split('\n'):
            _markers(text.split('\n'), path)
        elif not text.startswith(GENERATED):
            raise InputError(
                '%s: neither a fragment --rst wrote nor a page with "%s" '
                'and "%s" lines: add the markers where the figures go, or '
                'name a new file' % (path, BEGIN_MARK, END_MARK))
    d = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(d) or not os.access(d, os.W_OK):
        raise InputError('cannot write into %s: pick a writable path' % d)


def write_rst(path, rep):
    """Write the figures of @rep to @path: between its markers when it has
    them, else the fragment alone."""
    rst_target(path)
    text = rst_fragment(rep)
    mode = 0o644
    if os.path.exists(path):
        old = _read_text(path)
        mode = os.stat(path).st_mode & 0o7777
        if BEGIN_MARK in old.split('\n'):
            text = splice(old, text, path)
    fd, tmp = tempfile.mkstemp(prefix='.rst-',
                               dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(fd, 'w', encoding='utf-8') as fh:
            fh.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main(argv):
    """python3 checklist/corpus_score.py [--check] REPORT RST

    REPORT is the --json report of a checklist/static --corpus run. Without
    --check, write its figures into RST as --rst RST would have (no spatch
    run). With --check, compare them with those between the markers of
    RST (docs/readiness.rst), the run-time line aside: prints TAP and
    'N passed, N failed'; exit 0 they match, 1 they differ or the run had
    no figures, 2 bad input."""
    check = argv[:1] == ['--check']
    args = argv[1:] if check else argv
    if len(args) != 2 or args[0].startswith('-'):
        print('usage: ' + main.__doc__.split('\n\n')[0], file=sys.stderr)
        return 2
    rpath, rst = args
    try:
        rep = read_json(rpath, '--corpus report')
        if not check:
            if not _has_figures(rep):
                raise InputError('%s: the run ended in exit 2 (%s): no '
                                 'figures' % (rpath, rep.get('error')
                                              if isinstance(rep, dict)
                                              else 'not a report'))
            write_rst(rst, rep)
            return 0
        doc = _read_text(rst)
        if not _has_figures(rep):
            diff = ['the run ended in exit 2 (%s): no figures to compare' %
                    (rep.get('error') if isinstance(rep, dict) else
                     'not a report')]
        else:
            diff = compare(doc, rep, rst)
    except InputError as e:
        warn(str(e))
        return 2
    if diff:
        print('not ok 1 - %s does not quote the figures of %s: regenerate '
              'it with %s (or, from this report, python3 '
              'checklist/corpus_score.py %s %s)' % (
                  rst, rpath, REGENERATE, rpath, rst))
        for x in diff:
            print('#   ' + x)
    else:
        print('ok 1 - %s quotes the figures of %s (%d drivers, %d mutants; '
              'the run time aside)' % (rst, rpath, len(rep['drivers']),
                                       len(rep.get('mutants', []))))
    print('1..1')
    print('%d passed, %d failed' % (0 if diff else 1, 1 if diff else 0))
    return 1 if diff else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
