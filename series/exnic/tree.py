#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Writes the kernel-tree files of one patch of the kit's reference series.

scripts/gen-series and scripts/check-series run it on a tree that holds the
pristine files the series modifies (drivers/net/ethernet/{Kconfig,
Makefile}, MAINTAINERS, Documentation/networking/device_drivers/ethernet/
index.rst) after scripts/overlay put the kit's driver, its simulated device
and kunit/ into it. The target kernel is $KIT_KVER (scripts/lib.sh, which
those scripts export; 6.12 when unset): it decides whether the compat
layer stays (below). It rewrites that tree in place:

  state STEP TREE
      The tree as patch STEP of series/exnic/steps leaves it.
      - *.c, *.h of drivers/net/ethernet/example/ and its subdirectories
        but kunit/ (sim/, and compat/ where it stays): each
        CONFIG_EXNIC_BASELINE conditional is tagged with the step that
        owns it (series/exnic/steps: its
        file and enclosing function, or the function its #if line names in
        a trailing comment, '#ifndef CONFIG_EXNIC_BASELINE /* exnic_tx_pad() */',
        for what a step needs outside its function, such as a buffer
        allocated at ring setup), then unifdef resolves the blocks of
        the driver steps up to STEP to the adopted side and the others to
        the baseline side. A block no step owns, or a step item that owns
        no block, is an error.
      - The documented strips below.
      - Before the kunit step: no kunit/, no Kconfig entries of that step,
        no Makefile paragraph that mentions kunit/, and no skb-shape
        library (drivers/net/skb_shapes/, include/net/skb_shapes.h and
        the line each scripts/overlay adds to drivers/net/Kconfig and
        Makefile).
      - Before the base step (the model step, patch 1: the simulated
        device alone): of drivers/net/ethernet/example/ only the files
        and directories the model step's ITEMs name (FILE, DIR/), Kconfig
        and Makefile, and the compat layer where it stays; in Kconfig the
        menu (the symbol of an 'if SYMBOL' line) and the entries its
        ITEMs name (Kconfig:SYMBOL); in the Makefile no line of the other
        entries' modules ('obj-$(CONFIG_SYM) += MODULE.o', 'MODULE-y',
        'CONFIG_SYM := m'), and no else branch left empty.
      - From the docs step on: docs/*.rst in
        Documentation/networking/device_drivers/ethernet/example/ and a
        toctree line in the parent index.rst: example/index when there is
        a docs/index.rst, else one line per page.
      - MAINTAINERS: the series/exnic/MAINTAINERS entries (@AUTHOR@ from
        $KIT_SERIES_AUTHOR, 'Name <email>': scripts/gen-series sets it to
        the git identity of whoever generates the series; no M: line
        without one), each in
        alphabetical place, with the F: lines that match a file of the
        tree: a patch that adds files adds their F: line (the simulated
        device's entry in the model step, the driver's in the base step,
        the docs step its Documentation/ directory), as checkpatch asks.
        An entry none of whose F: lines matches is left out.

  states TREE OUTDIR
      For every step N: a copy of TREE in OUTDIR/N, made into step N's
      state as above (one run for the whole series).

  resolved {adopted|baseline} TREE
      For check-series: the same tree resolved with plain
      'unifdef -UCONFIG_EXNIC_BASELINE' (adopted) or '-D' (baseline) instead
      of the per-step tags, plus the same strips (the compat strips too);
      adopted also gets the docs and the MAINTAINERS entries. Nothing is
      removed for the kunit or the model step.

  steps
      Prints the step table: NUMBER SLUG KIND, one step a line.

  base-files
      Prints the paths of the pristine kernel files the series modifies.

The documented strips. The series' trees have no CONFIG_EXNIC_BASELINE at
all; what mentions it outside the conditionals goes:
  - Kconfig: the 'config EXNIC_BASELINE' entry.
  - Makefile: the 'ifeq ($(CONFIG_EXNIC_BASELINE),y)' ... 'endif' lines
    that pass it to an out-of-tree build, and the end of the comment
    sentence that announces them (', and honour CONFIG_EXNIC_BASELINE=y
    given on the make command line.' becomes '.').
  - *.c, *.h: every paragraph of a block comment that mentions it (the
    header paragraphs of exnic_txrx.c and exnic_ethtool.c that explain the
    switch), with the ' *' line that separates it from the paragraph above.
Anything else in drivers/net/ethernet/example/ that still mentions
EXNIC_BASELINE afterwards is an error: extend the strips here and document
them. The docs may mention it: they describe the kit, which has the switch.

The compat strips, for a target from 6.12 on (the kit's code is 6.12 code;
its compat layer is for older kernels, 6.1, whose series keeps it):
  - exnic_compat.h and compat/ go.
  - Makefile: the paragraph of the version conditional ('ifeq ($(shell
    ... $(VERSION) ...),old)' ... 'else' ... 'endif', with its comment)
    goes; each 'VAR += ...' line of its else branch, the 6.12 side
    ('exnic-y += exnic_qstats.o'), goes after the last line that assigns
    VAR.
  - kunit_compat.h goes (the skb-shape library's, drivers/net/skb_shapes/),
    and so do the '#include "kunit_compat.h"' lines of the library and the
    tests, and the -I line of kunit/Makefile that found it. On 6.12 it adds nothing to <kunit/test.h> but
    <kunit/static_stub.h>: a test that calls kunit_activate_static_stub()
    (exnic_tx_test.c) gets that include in sorted place among its first
    group of '#include <...>' lines (KUNIT_COMPAT_HEADERS).
Anything in drivers/net/ethernet/example/ or the library that still mentions
exnic_compat, kunit_compat, $(VERSION), $(PATCHLEVEL), LINUX_VERSION_CODE
or KERNEL_VERSION() afterwards is an error, as above.

Exit status: 0, 1 on an error in the kit's sources or series/ (message on
stderr says what to fix), 2 on bad usage.
"""

import glob
import os
import re
import shutil
import subprocess
import sys

KIT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERIES = os.path.join(KIT_ROOT, "series", "exnic")
EXAMPLE = 'drivers/net/ethernet/example'
DOCS_DIR = 'Documentation/networking/device_drivers/ethernet/example'
DOCS_INDEX = 'Documentation/networking/device_drivers/ethernet/index.rst'
DOCS_TOC_PREFIX = 'example/'
SYM = 'CONFIG_EXNIC_BASELINE'
# The compat layer for kernels older than 6.12, relative to EXAMPLE.
COMPAT_PATHS = ('exnic_compat.h', 'compat/')
# The skb-shape library, outside EXAMPLE: its directory, its header and
# the line each that scripts/overlay adds to drivers/net/{Kconfig,Makefile}.
LIBRARY = 'drivers/net/skb_shapes'
LIBRARY_HEADER = 'include/net/skb_shapes.h'
LIBRARY_HOOKS = (
    ('drivers/net/Kconfig', 'source "drivers/net/skb_shapes/Kconfig"'),
    ('drivers/net/Makefile', 'obj-$(CONFIG_SKB_SHAPES) += skb_shapes/'),
)
BASE_FILES = (
    'drivers/net/Kconfig',
    'drivers/net/Makefile',
    'drivers/net/ethernet/Kconfig',
    'drivers/net/ethernet/Makefile',
    'MAINTAINERS',
    DOCS_INDEX,
)


class SeriesError(Exception):
    pass


def die(msg, status=1):
    print(f'series/exnic/tree.py: {msg}', file=sys.stderr)
    sys.exit(status)


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def write(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


# ---------------------------------------------------------------- steps

class Step:
    def __init__(self, num, slug, kind, items):
        self.num, self.slug, self.kind, self.items = num, slug, kind, items

    @property
    def tag(self):
        return 'EXNIC_SERIES_BASELINE_' + re.sub(r'\W', '_', self.slug.upper())


def load_steps():
    path = os.path.join(SERIES, 'steps')
    steps = []
    for lineno, line in enumerate(read(path).splitlines(), 1):
        line = line.split('#', 1)[0].split()
        if not line:
            continue
        if len(line) < 3 or not line[0].isdigit():
            raise SeriesError(f'{path}:{lineno}: want NUMBER SLUG KIND [ITEM...]')
        step = Step(int(line[0]), line[1], line[2], line[3:])
        if step.kind not in ('model', 'base', 'driver', 'kunit', 'docs'):
            raise SeriesError(f'{path}:{lineno}: unknown kind {step.kind!r}')
        if step.num != len(steps) + 1:
            raise SeriesError(f'{path}:{lineno}: step {step.num} out of order')
        steps.append(step)
    kinds = [s.kind for s in steps]
    for kind in ('model', 'base', 'kunit', 'docs'):
        if kinds.count(kind) != 1:
            raise SeriesError(f'{path}: want exactly one {kind} step')
    if kinds[:2] != ['model', 'base']:
        raise SeriesError(f'{path}: the model step comes first, the base '
                          'step second')
    return steps


def step_of_kind(steps, kind):
    return next(s for s in steps if s.kind == kind)


# ---------------------------------------------------- C: tags, unifdef

COND_RE = re.compile(r'^\s*#\s*(if|ifdef|ifndef|elif)\b')
# '#ifndef CONFIG_EXNIC_BASELINE /* exnic_tx_pad() */': the block belongs to
# the step that owns that function of the same file.
OWNER_RE = re.compile(r'/\*\s*([A-Za-z_]\w*)\(\)\s*\*/\s*$')
FUNC_RE = re.compile(r'^[A-Za-z_][^;=]*?\b([A-Za-z_]\w*)\s*\(')


def is_comment(line):
    s = line.lstrip()
    return s.startswith(('*', '/*', '//'))


def tag_blocks(name, text, owners, claimed):
    """Renames CONFIG_EXNIC_BASELINE in each conditional of file @name to
    the tag of the step that owns it. @owners maps (file, function) and
    (file, '*') to steps; @claimed collects the owner keys used."""
    out = []
    func = cand = None
    for lineno, line in enumerate(text.split('\n'), 1):
        if line == '{':
            func = cand
        elif line.startswith('}'):
            func = None
        elif not line.startswith(('#', ' ', '\t')):
            m = FUNC_RE.match(line)
            if m:
                cand = m.group(1)
        if SYM in line and not is_comment(line):
            if not COND_RE.match(line):
                raise SeriesError(
                    f'{EXAMPLE}/{name}:{lineno}: {SYM} outside #if/#ifdef/'
                    '#ifndef/#elif; the series can only resolve '
                    'conditionals')
            named = OWNER_RE.search(line)
            if named:
                key = (name, named.group(1))
                if key not in owners:
                    raise SeriesError(
                        f'{EXAMPLE}/{name}:{lineno}: the {SYM} block names '
                        f'{named.group(1)}(), which no driver step of '
                        f'series/exnic/steps names ({name}:{named.group(1)})')
            elif (name, func) in owners:
                key = (name, func)
            else:
                key = (name, '*')
            step = owners.get(key)
            if step is None:
                where = f'in {func}()' if func else 'at file scope'
                raise SeriesError(
                    f'{EXAMPLE}/{name}:{lineno}: a {SYM} block {where} '
                    'belongs to no step; name it in series/exnic/steps '
                    f'({name}:{func or "*"})')
            claimed.add(key)
            line = re.sub(r'\b' + SYM + r'\b', step.tag, line)
        out.append(line)
    return '\n'.join(out)


def unifdef(text, defs, undefs, what):
    args = ['unifdef', '-x2']
    args += ['-D' + d for d in defs] + ['-U' + u for u in undefs]
    try:
        res = subprocess.run(args, input=text, capture_output=True,
                             text=True, check=False)
    except FileNotFoundError:
        raise SeriesError('unifdef not found; install the Debian package '
                          'unifdef (apt-get install unifdef)') from None
    if res.returncode != 0:
        raise SeriesError(f'unifdef failed on {what}: {res.stderr.strip()}')
    return res.stdout


def c_sources(tree):
    """The *.c, *.h of the driver and its subdirectories (the simulated
    device's sim/, compat/ where it stays), relative to EXAMPLE; kunit/ is
    the tests'."""
    d = os.path.join(tree, EXAMPLE)
    found = []
    for root, dirs, files in os.walk(d):
        dirs[:] = sorted(x for x in dirs if x != 'kunit')
        found += [os.path.relpath(os.path.join(root, f), d)
                  for f in files if f.endswith(('.c', '.h'))]
    return sorted(found)


def resolve_steps(tree, steps, upto):
    owners = {}
    for s in steps:
        if s.kind != 'driver':
            continue
        for item in s.items:
            if ':' not in item:
                raise SeriesError(f'series/exnic/steps: step {s.num}: {item!r} is '
                                  'not FILE:FUNCTION or FILE:*')
            fname, func = item.split(':', 1)
            key = (fname, func)
            if key in owners:
                raise SeriesError(f'series/exnic/steps: {item} in two steps')
            owners[key] = s
    claimed = set()
    tagged = {}
    for name in c_sources(tree):
        path = os.path.join(tree, EXAMPLE, name)
        tagged[name] = tag_blocks(name, read(path), owners, claimed)
    for key, s in owners.items():
        if key not in claimed:
            raise SeriesError(
                f'series/exnic/steps: step {s.num} names {key[0]}:{key[1]}, which '
                f'has no {SYM} block')
    drivers = [s for s in steps if s.kind == 'driver']
    defs = [s.tag for s in drivers if s.num > upto]
    undefs = [s.tag for s in drivers if s.num <= upto]
    for name, text in tagged.items():
        path = os.path.join(tree, EXAMPLE, name)
        write(path, unifdef(text, defs, undefs, f'{EXAMPLE}/{name}'))


def resolve_plain(tree, adopted):
    for name in c_sources(tree):
        path = os.path.join(tree, EXAMPLE, name)
        text = read(path)
        defs, undefs = ([], [SYM]) if adopted else ([SYM], [])
        write(path, unifdef(text, defs, undefs, f'{EXAMPLE}/{name}'))


# ------------------------------------------------------------- strips

def strip_c_comments(name, text):
    """Drops each block-comment paragraph that mentions EXNIC_BASELINE."""
    lines = text.split('\n')
    while True:
        hit = next((i for i, l in enumerate(lines)
                    if 'EXNIC_BASELINE' in l and is_comment(l)), None)
        if hit is None:
            return '\n'.join(lines)

        def body(i):
            return re.match(r'^\s*\* \S', lines[i]) or \
                re.match(r'^\s*\*\s{2,}\S', lines[i])
        if not body(hit):
            raise SeriesError(f'{EXAMPLE}/{name}:{hit + 1}: EXNIC_BASELINE in '
                              'a comment line that is not a paragraph line '
                              'of a block comment; reword it')
        start, end = hit, hit
        while start > 0 and body(start - 1):
            start -= 1
        while end + 1 < len(lines) and body(end + 1):
            end += 1
        if start > 0 and re.match(r'^\s*\*$', lines[start - 1]):
            start -= 1
        elif end + 1 < len(lines) and re.match(r'^\s*\*$', lines[end + 1]):
            end += 1
        else:
            raise SeriesError(f'{EXAMPLE}/{name}:{hit + 1}: the comment '
                              'paragraph that mentions EXNIC_BASELINE must '
                              'be its own paragraph')
        del lines[start:end + 1]


def kconfig_entries(text):
    """Yields (symbol, first line, end line) of each top-level entry."""
    lines = text.split('\n')
    for i, line in enumerate(lines):
        m = re.match(r'^(?:menu)?config\s+(\w+)\s*$', line)
        if not m:
            continue
        j = i + 1
        while j < len(lines) and (lines[j] == '' or lines[j][0] in ' \t'):
            j += 1
        yield m.group(1), i, j


def kconfig_remove(text, names):
    lines = text.split('\n')
    cut = [(i, j) for sym, i, j in kconfig_entries(text) if sym in names]
    found = {sym for sym, _, _ in kconfig_entries(text)}
    missing = set(names) - found
    if missing:
        raise SeriesError(f'{EXAMPLE}/Kconfig has no entry '
                          f'{", ".join(sorted(missing))}')
    for i, j in reversed(cut):
        del lines[i:j]
    text = re.sub(r'\n{3,}', '\n\n', '\n'.join(lines))
    return text.rstrip('\n') + '\n'


MAKEFILE_COMMENT = re.compile(
    r',? and\n# honour CONFIG_EXNIC_BASELINE=y given on the make command '
    r'line\.')


def strip_makefile(text):
    text = MAKEFILE_COMMENT.sub('.', text)
    lines = text.split('\n')
    out, skip = [], False
    for line in lines:
        if re.match(r'^ifeq \(\$\(CONFIG_EXNIC_BASELINE\),\s*y\)\s*$', line):
            skip = True
            continue
        if skip:
            if line.startswith('if'):
                raise SeriesError(f'{EXAMPLE}/Makefile: nested conditional '
                                  'in the CONFIG_EXNIC_BASELINE block')
            if line.strip() == 'endif':
                skip = False
            continue
        out.append(line)
    if skip:
        raise SeriesError(f'{EXAMPLE}/Makefile: unterminated '
                          'CONFIG_EXNIC_BASELINE block')
    return '\n'.join(out)


def remove_paragraph(text, needle, what):
    paras = text.split('\n\n')
    keep = [p for p in paras if needle not in p]
    if len(keep) == len(paras):
        raise SeriesError(f'{what}: no paragraph mentions {needle}')
    return '\n\n'.join(keep).rstrip('\n') + '\n'


def apply_strips(tree):
    kconfig = os.path.join(tree, EXAMPLE, 'Kconfig')
    write(kconfig, kconfig_remove(read(kconfig), ['EXNIC_BASELINE']))
    makefile = os.path.join(tree, EXAMPLE, 'Makefile')
    write(makefile, strip_makefile(read(makefile)))
    if not keeps_compat():
        strip_compat(tree)
    for name in c_sources(tree):
        path = os.path.join(tree, EXAMPLE, name)
        write(path, strip_c_comments(name, read(path)))


# ------------------------------------------------------ the compat layer

def target_kver():
    """The kernel the series is for, (major, minor): $KIT_KVER as
    scripts/lib.sh sets it (6.12 when unset)."""
    kver = os.environ.get('KIT_KVER', '') or '6.12'
    m = re.match(r'^(\d+)\.(\d+)$', kver)
    if not m:
        raise SeriesError(f'KIT_KVER: want MAJOR.MINOR, got {kver!r}')
    return int(m.group(1)), int(m.group(2))


def keeps_compat():
    """Whether the target needs the compat layer: the kernels the Makefile
    gives it to (older than 6.12)."""
    return target_kver() < (6, 12)


VERSION_IF_RE = re.compile(r'^ifeq \(\$\(shell .*\$\(VERSION\).*\)\s*$')


def strip_makefile_compat(text):
    """Replaces the Makefile's paragraph with the version conditional by
    its 6.12 side: each 'VAR += ...' line of its else branch goes after
    the last line that assigns VAR."""
    paras = text.split('\n\n')
    hits = [i for i, p in enumerate(paras)
            if any(VERSION_IF_RE.match(l) for l in p.split('\n'))]
    if not hits:
        return text
    if len(hits) > 1:
        raise SeriesError(f'{EXAMPLE}/Makefile: more than one version '
                          'conditional; extend the strips')
    lines = paras[hits[0]].split('\n')
    start = next(i for i, l in enumerate(lines) if VERSION_IF_RE.match(l))
    if any(not l.startswith('#') for l in lines[:start]) or \
       lines[-1].strip() != 'endif' or \
       [l.strip() for l in lines].count('else') != 1:
        raise SeriesError(f'{EXAMPLE}/Makefile: want the version conditional '
                          'as comment lines, ifeq, else, endif')
    mid = [l.strip() for l in lines].index('else')
    old_side, new_side = lines[start + 1:mid], lines[mid + 1:-1]
    if any(l.startswith(('if', 'else', 'endif')) for l in old_side + new_side):
        raise SeriesError(f'{EXAMPLE}/Makefile: nested conditional in the '
                          'version conditional')
    if not any('compat' in l for l in old_side):
        raise SeriesError(f'{EXAMPLE}/Makefile: the version conditional is '
                          'not the compat layer\'s; extend the strips')
    out = '\n\n'.join(paras[:hits[0]] + paras[hits[0] + 1:]).split('\n')
    for line in new_side:
        m = re.match(r'^([A-Za-z_][\w$()-]*)\s*\+=', line)
        assigns = [i for i, l in enumerate(out) if m and
                   re.match(re.escape(m.group(1)) + r'\s*[:+]?=', l)]
        if not assigns:
            raise SeriesError(f'{EXAMPLE}/Makefile: no place for the 6.12 '
                              f'side {line!r} of the version conditional')
        out.insert(assigns[-1] + 1, line)
    return '\n'.join(out)


# What kunit/kunit_compat.h gives the tests on 6.12 beyond <kunit/test.h>
# (which has KUNIT_EXPECT_MEMEQ() and, through <kunit/resource.h>,
# kunit_add_action_or_reset()): a test that calls the function gets the
# header in its place.
KUNIT_COMPAT_HEADERS = (
    ('kunit_activate_static_stub', 'kunit/static_stub.h'),
)


def strip_kunit_compat(tree):
    for d in (os.path.join(tree, EXAMPLE, 'kunit'), os.path.join(tree, LIBRARY)):
        strip_kunit_compat_dir(d)
    # exnic's tests found the library's kunit_compat.h through this -I
    makefile = os.path.join(tree, EXAMPLE, 'kunit', 'Makefile')
    if os.path.exists(makefile):
        text = read(makefile)
        text = text.replace("# kunit_compat.h is the skb-shape library's "
                            "(drivers/net/skb_shapes/).\n", '')
        text = re.sub(r' \\\n\s*-I\$\(srctree\)/drivers/net/skb_shapes\n', '\n', text)
        write(makefile, text)


def strip_kunit_compat_dir(d):
    if not os.path.isdir(d):
        return
    if os.path.exists(os.path.join(d, 'kunit_compat.h')):
        os.remove(os.path.join(d, 'kunit_compat.h'))
    include = '#include "kunit_compat.h"'
    for name in sorted(os.listdir(d)):
        path = os.path.join(d, name)
        if not name.endswith(('.c', '.h')):
            continue
        text = read(path)
        lines = text.split('\n')
        if include not in lines:
            continue
        i = lines.index(include)
        del lines[i]
        if 0 < i < len(lines) and not lines[i - 1] and not lines[i]:
            del lines[i]
        for func, header in KUNIT_COMPAT_HEADERS:
            entry = f'#include <{header}>'
            if not re.search(r'\b' + func + r'\b', text) or entry in lines:
                continue
            # Into the first group of <...> includes, in sorted place.
            group = [j for j, l in enumerate(lines) if l.startswith('#include <')]
            if not group:
                raise SeriesError(f'{d}/{name}: no #include <...> '
                                  f'for {entry}')
            end = group[0]
            while end < len(lines) and lines[end].startswith('#include <'):
                end += 1
            pos = next((j for j in range(group[0], end) if lines[j] > entry), end)
            lines.insert(pos, entry)
        write(path, '\n'.join(lines))


def strip_compat(tree):
    """The compat strips (targets from 6.12 on): no exnic_compat.h,
    compat/ or kunit/kunit_compat.h, and the Makefile's 6.12 side of its
    version conditional."""
    d = os.path.join(tree, EXAMPLE)
    for path in COMPAT_PATHS:
        full = os.path.join(d, path)
        if os.path.isdir(full):
            shutil.rmtree(full)
        elif os.path.exists(full):
            os.remove(full)
    makefile = os.path.join(d, 'Makefile')
    write(makefile, strip_makefile_compat(read(makefile)))
    strip_kunit_compat(tree)


def without_library(tree):
    """No skb-shape library: its directory, header and hook lines go."""
    shutil.rmtree(os.path.join(tree, LIBRARY), ignore_errors=True)
    if os.path.exists(os.path.join(tree, LIBRARY_HEADER)):
        os.remove(os.path.join(tree, LIBRARY_HEADER))
    for name, line in LIBRARY_HOOKS:
        path = os.path.join(tree, name)
        lines = read(path).split('\n')
        if line not in lines:
            raise SeriesError(f'{name}: no line {line!r} (scripts/overlay adds it)')
        lines.remove(line)
        write(path, '\n'.join(lines))


def without_kunit(tree, kunit_step):
    shutil.rmtree(os.path.join(tree, EXAMPLE, 'kunit'), ignore_errors=True)
    without_library(tree)
    kconfig = os.path.join(tree, EXAMPLE, 'Kconfig')
    names = []
    for item in kunit_step.items:
        if not item.startswith('Kconfig:'):
            raise SeriesError(f'series/exnic/steps: step {kunit_step.num}: '
                              f'{item!r} is not Kconfig:SYMBOL')
        names.append(item.split(':', 1)[1])
    text = kconfig_remove(read(kconfig), names)
    for sym, i, j in kconfig_entries(text):
        entry = '\n'.join(text.split('\n')[i:j])
        if 'KUNIT' in entry:
            raise SeriesError(f'{EXAMPLE}/Kconfig: entry {sym} mentions KUNIT '
                              'but is not in the kunit step of series/exnic/steps')
    write(kconfig, text)
    makefile = os.path.join(tree, EXAMPLE, 'Makefile')
    write(makefile, remove_paragraph(read(makefile), 'kunit/',
                                     f'{EXAMPLE}/Makefile'))


def model_only(tree, model):
    """The model step's tree: of drivers/net/ethernet/example/ only the
    files its ITEMs name (FILE, DIR/), the Kconfig menu and the entries
    its ITEMs name (Kconfig:SYMBOL), the Makefile without the lines of the
    other modules, and the compat layer where the target keeps it."""
    d = os.path.join(tree, EXAMPLE)
    paths, syms = [], []
    for item in model.items:
        if item.startswith('Kconfig:'):
            syms.append(item.split(':', 1)[1])
        elif not os.path.exists(os.path.join(d, item)) or \
                item.endswith('/') != os.path.isdir(os.path.join(d, item)):
            raise SeriesError(f'series/exnic/steps: step {model.num}: '
                              f'{item!r} is not a file or DIR/ of {EXAMPLE}')
        else:
            paths.append(item)
    if not paths or not syms:
        raise SeriesError(f'series/exnic/steps: step {model.num}: want the '
                          'model\'s files and Kconfig:SYMBOL entries')
    keep = ['Kconfig', 'Makefile'] + paths + \
        (list(COMPAT_PATHS) if keeps_compat() else [])
    for root, dirs, files in os.walk(d, topdown=False):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), d)
            if not any(rel == k or (k.endswith('/') and rel.startswith(k))
                       for k in keep):
                os.remove(os.path.join(root, f))
        if root != d and not os.listdir(root):
            os.rmdir(root)
    kconfig = os.path.join(d, 'Kconfig')
    text = read(kconfig)
    entries = [sym for sym, _, _ in kconfig_entries(text)]
    missing = set(syms) - set(entries)
    if missing:
        raise SeriesError(f'{EXAMPLE}/Kconfig has no entry '
                          f'{", ".join(sorted(missing))}')
    menus = set(re.findall(r'(?m)^if (\w+)\s*$', text))
    gone = [sym for sym in entries if sym not in syms and sym not in menus]
    write(kconfig, kconfig_remove(text, gone))
    makefile = os.path.join(d, 'Makefile')
    write(makefile, makefile_without(read(makefile), gone))


def makefile_without(text, syms):
    """Drops the Makefile lines of the modules of Kconfig symbols @syms:
    'obj-$(CONFIG_SYM) += MODULE.o', MODULE's 'MODULE-y' lines and the
    'CONFIG_SYM := m' of the out-of-tree build."""
    lines = text.split('\n')
    mods = set()
    for line in lines:
        m = re.match(r'^obj-\$\(CONFIG_(\w+)\)\s*\+=\s*(\w+)\.o\s*$', line)
        if m and m.group(1) in syms:
            mods.add(m.group(2))
    out = []
    for line in lines:
        m = re.match(r'^obj-\$\(CONFIG_(\w+)\)', line) or \
            re.match(r'^CONFIG_(\w+)\s*:=', line)
        if m and m.group(1) in syms:
            continue
        m = re.match(r'^(\w+)-(y|objs)\s*[:+]?=', line)
        if m and m.group(1) in mods:
            continue
        # An else branch left empty goes.
        if line.strip() == 'endif' and out and out[-1].strip() == 'else':
            out.pop()
        out.append(line)
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(out))


# ------------------------------------------------ docs and MAINTAINERS

def add_docs(tree):
    src = os.path.join(KIT_ROOT, 'docs')
    docs = sorted(f for f in os.listdir(src) if f.endswith('.rst'))
    if not docs:
        raise SeriesError('docs/ has no .rst file')
    dst = os.path.join(tree, DOCS_DIR)
    os.makedirs(dst, exist_ok=True)
    for f in docs:
        shutil.copyfile(os.path.join(src, f), os.path.join(dst, f))
    index = os.path.join(tree, DOCS_INDEX)
    lines = read(index).split('\n')
    try:
        toc = lines.index('.. toctree::')
    except ValueError:
        raise SeriesError(f'{DOCS_INDEX}: no toctree') from None
    # Entries: the indented lines after the toctree's options.
    first = toc + 1
    while first < len(lines) and re.match(r'^\s+:', lines[first]):
        first += 1
    while first < len(lines) and not lines[first].strip():
        first += 1
    last = first
    while last < len(lines) and lines[last].startswith('   '):
        last += 1
    # docs/index.rst, when there, is the pages' own index (the kernel's
    # freescale/dpaa2/index, mellanox/mlx5/index): the parent lists it alone.
    for f in ['index.rst'] if 'index.rst' in docs else docs:
        entry = '   ' + DOCS_TOC_PREFIX + f[:-len('.rst')]
        if entry in lines[first:last]:
            continue
        pos = next((i for i in range(first, last) if lines[i] > entry), last)
        lines.insert(pos, entry)
        last += 1
    write(index, '\n'.join(lines))


def f_matches(tree, pat):
    """Whether MAINTAINERS pattern @pat (a directory/ or a glob) matches a
    file of @tree."""
    path = os.path.join(tree, pat)
    if pat.endswith('/'):
        return any(files for _, _, files in os.walk(path))
    return any(os.path.isfile(p) for p in glob.glob(path))


def add_maintainers(tree):
    author = os.environ.get('KIT_SERIES_AUTHOR', '').strip()
    if author and not re.match(r'^[^<>]+ <[^<>\s]+@[^<>\s]+>$', author):
        raise SeriesError('KIT_SERIES_AUTHOR: want the maintainer as '
                          f"'Name <email>', got {author!r}")
    text = read(os.path.join(SERIES, 'MAINTAINERS'))
    # Without a git identity the entries name no maintainer.
    text = text.replace('@AUTHOR@', author) if author else \
        re.sub(r'(?m)^M:\t@AUTHOR@\n', '', text)
    for block in re.split(r'\n\s*\n', text.strip('\n')):
        lines = block.split('\n')
        if not any(l.startswith('F:\t') for l in lines):
            raise SeriesError(f'series/exnic/MAINTAINERS: entry {lines[0]} '
                              'has no F: line')
        entry = [l for l in lines
                 if not l.startswith('F:\t') or f_matches(tree, l[3:])]
        if any(l.startswith('F:\t') for l in entry):
            add_entry(tree, entry)


def add_entry(tree, entry):
    path = os.path.join(tree, 'MAINTAINERS')
    lines = read(path).split('\n')
    title = entry[0].upper()
    # A section starts with its title line, after a blank line and before
    # a 'X:\t' line; the first section is "3C59X NETWORK DRIVER". Titles
    # are sorted, with a few strays: the entry goes before the first title
    # that sorts after it and whose neighbours agree (the one before sorts
    # before the entry, the one after after it).
    titles = []
    for i in range(1, len(lines) - 1):
        if lines[i - 1] or not lines[i] or \
           not re.match(r'^[A-Z]:\t', lines[i + 1]):
            continue
        if lines[i].startswith('3C59X'):
            titles = []
        titles.append((lines[i].upper(), i))
    if any(t == title for t, _ in titles):
        raise SeriesError(f'MAINTAINERS already has {entry[0]}')
    pos = None
    for k, (t, i) in enumerate(titles):
        if t > title and (k == 0 or titles[k - 1][0] < title) and \
           (k + 1 == len(titles) or titles[k + 1][0] > title):
            pos = i
            break
    if pos is None:
        raise SeriesError('MAINTAINERS: no place for the entry found')
    lines[pos:pos] = entry + ['']
    write(path, '\n'.join(lines))


# ------------------------------------------------------------ commands

COMPAT_RE = re.compile(r'\b(?:exnic|kunit)_compat\b|\$\((?:VERSION|PATCHLEVEL)\)|'
                       r'\bLINUX_VERSION_CODE\b|\bKERNEL_VERSION\(')


def check_clean(tree):
    """The driver's files must not mention the switch any more, nor, on a
    target without the compat layer, the layer or a kernel version check.
    (The docs may: they talk about the kit, which has both.)"""
    for root, _, files in [w for top in (EXAMPLE, LIBRARY)
                           for w in os.walk(os.path.join(tree, top))]:
        for f in files:
            path = os.path.join(root, f)
            try:
                text = read(path)
            except UnicodeDecodeError:
                continue
            if 'EXNIC_BASELINE' in text:
                n = text[:text.index('EXNIC_BASELINE')].count('\n') + 1
                raise SeriesError(
                    f'{os.path.relpath(path, tree)}:{n}: still mentions '
                    'EXNIC_BASELINE after the documented strips; extend '
                    'series/exnic/tree.py and document it')
            m = None if keeps_compat() else COMPAT_RE.search(text)
            if m:
                n = text[:m.start()].count('\n') + 1
                raise SeriesError(
                    f'{os.path.relpath(path, tree)}:{n}: still mentions '
                    f'{m.group(0)} after the compat strips; extend '
                    'series/exnic/tree.py and document it')


def cmd_state(num, tree):
    steps = load_steps()
    if not 1 <= num <= len(steps):
        die(f'no step {num} (1..{len(steps)})', 2)
    kunit, docs = step_of_kind(steps, 'kunit'), step_of_kind(steps, 'docs')
    model, base = step_of_kind(steps, 'model'), step_of_kind(steps, 'base')
    resolve_steps(tree, steps, num)
    apply_strips(tree)
    if num < kunit.num:
        without_kunit(tree, kunit)
    if num < base.num:
        model_only(tree, model)
    if num >= docs.num:
        add_docs(tree)
    add_maintainers(tree)
    check_clean(tree)


def cmd_states(tree, outdir):
    for s in load_steps():
        dst = os.path.join(outdir, str(s.num))
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(tree, dst, symlinks=True)
        try:
            cmd_state(s.num, dst)
        except SeriesError as e:
            raise SeriesError(f'step {s.num} ({s.slug}): {e}') from None


def cmd_resolved(mode, tree):
    resolve_plain(tree, mode == 'adopted')
    apply_strips(tree)
    if mode == 'adopted':
        add_docs(tree)
        add_maintainers(tree)
    check_clean(tree)


def main(argv):
    usage = ('usage: series/exnic/tree.py state STEP TREE | states TREE OUTDIR | '
             'resolved {adopted|baseline} TREE | steps | base-files')
    try:
        if argv[:1] == ['steps'] and len(argv) == 1:
            for s in load_steps():
                print(s.num, s.slug, s.kind)
        elif argv == ['base-files']:
            print('\n'.join(BASE_FILES))
        elif argv[:1] == ['state'] and len(argv) == 3 and argv[1].isdigit():
            cmd_state(int(argv[1]), argv[2])
        elif argv[:1] == ['states'] and len(argv) == 3:
            cmd_states(argv[1], argv[2])
        elif argv[:1] == ['resolved'] and len(argv) == 3 and \
                argv[1] in ('adopted', 'baseline'):
            cmd_resolved(argv[1], argv[2])
        else:
            die(usage, 2)
    except SeriesError as e:
        die(str(e))
    except OSError as e:
        die(f'{e.filename}: {e.strerror}')


if __name__ == '__main__':
    main(sys.argv[1:])
