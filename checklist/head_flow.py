# SPDX-License-Identifier: GPL-2.0
"""NL-02 through helpers: the head length passed into a mapping function.

checklist/cocci/nl02-head-zero-len.cocci prints four kinds of facts
(NLHIT lines with severity "flow"; checklist/static has already mapped
their lines back to the analysed files):

    map,N,P[,W]        FN maps its parameter N (P; W a variable assigned
                       from it) as a dma_map_single()/_attrs() length
    pass,N,P,G,K       FN passes its parameter N (P) within argument K of
                       a call to G
    call,V,G,K         a call to G carries the head length V within
                       argument K (V: "skb_headlen", a variable or a field
                       assigned from skb_headlen())
    head,V             FN assigns the head length to V (a variable or a
                       field)

resolve() joins them over the functions on the xmit path: a parameter is
"mapped" when its function maps it outside a zero test (the nz regions)
of the parameter, of the variable it was copied to or of one of the
function's own head lengths (macb_tx_map() maps its hdrlen only inside
while (len), len = skb_headlen()), and not on GSO-only or offload-only
code; or when its function passes it outside such a test to a parameter
that is mapped, up to DEPTH helpers deep. A call that carries the head
length to a mapped parameter becomes an NL-02 candidate at the call site,
with the head length's name and the caller's head lengths as its
variables: classify() then drops it like any other NL-02 candidate when
the call is on the non-zero side of a test of one of them, after a pushed
header, or on GSO-only code. A call to a parameter that reaches the
mapping only under such a test is no hazard: an NL-02 candidate of the
name-based wrapper rule at that call is dropped here. Every flow fact is
consumed here; none is a finding.
"""

import os

DEPTH = 3       # helpers between the call site and the mapping


def _parse(hits):
    maps, passes, calls, heads, rest = [], [], [], {}, []
    for h in hits:
        item, sev, f, line, col, fn, vs, msg = h
        if item != 'NL-02' or sev != 'flow':
            rest.append(h)
            continue
        kind, args = vs[0], vs[1:]
        try:
            if kind == 'map' and len(args) >= 2:
                maps.append((fn, int(args[0]), f, line, set(args[1:]),
                             args[1], msg))
            elif kind == 'pass' and len(args) == 4:
                passes.append((fn, int(args[0]), f, line, args[1], args[2],
                               int(args[3])))
            elif kind == 'head' and len(args) == 1:
                heads.setdefault(fn, set()).add(args[0])
            elif kind == 'call' and len(args) == 3:
                calls.append((fn, f, line, col, args[0], args[1],
                              int(args[2])))
        except ValueError:
            continue
    return maps, passes, calls, heads, rest


def resolve(unit, hits, inside):
    """@hits without the flow facts, plus one NL-02 candidate per call
    that hands the head length to a helper that maps it unchecked.
    @inside(kind, file, fn, line, names) is classify()'s region test."""
    maps, passes, calls, heads, rest = _parse(hits)
    if not maps or not calls:
        return rest

    def guarded(f, fn, line, names):
        names = set(names) | heads.get(fn, set()) | {'skb_headlen'}
        return (inside('nz', f, fn, line, names) or
                inside('gso', f, fn, line) or
                inside('offload', f, fn, line))

    def where(f, line):
        return '%s:%d' % (os.path.basename(unit.orig.get(f, f)), line)

    # (function, parameter index) -> (parameter name, the helpers it is
    # passed on to, the mapping)
    mapped = {}
    for fn, n, f, line, names, pname, mapfn in maps:
        if fn not in unit.reach or (fn, n) in mapped:
            continue
        if not guarded(f, fn, line, names):
            how = '%s() at %s' % (mapfn, where(f, line))
            mapped[(fn, n)] = (pname, [], how)
    for _ in range(DEPTH - 1):
        new = {}
        for fn, n, f, line, pname, g, k in passes:
            if fn not in unit.reach or (fn, n) in mapped or \
                    (fn, n) in new or (g, k) not in mapped or g == fn:
                continue
            if not guarded(f, fn, line, {pname}):
                gname, via, how = mapped[(g, k)]
                new[(fn, n)] = (pname, ["%s() as '%s'" % (g, gname)] + via,
                                how)
        if not new:
            break
        mapped.update(new)

    # Parameters that reach a mapping only under a zero test of their own:
    # a call handing them the head length is no hazard, whatever the
    # name-based wrapper rule (nl02_wrap: a "map" call with skb->data and
    # the head length) said at that call.
    checked = set((fn, n) for fn, n, _, _, _, _, _ in maps
                  if fn in unit.reach and (fn, n) not in mapped)
    for _ in range(DEPTH - 1):
        more = set((fn, n) for fn, n, _, _, _, g, k in passes
                   if fn in unit.reach and (fn, n) not in mapped and
                   ((g, k) in mapped or (g, k) in checked)) - checked
        if not more:
            break
        checked |= more
    cleared = dict(((f, line, col), g) for fn, f, line, col, v, g, k in calls
                   if (g, k) in checked and g != fn)
    out = []
    for h in rest:
        item, sev, f, line, col, fn, vs, msg = h
        g = cleared.get((f, line, col))
        if item != 'NL-02' or sev != 'fail' or not g or fn not in unit.reach:
            out.append(h)
            continue
        unit.suppressed.append({
            'item': item, 'severity': sev, 'file': unit.orig[f],
            'line': line, 'column': col, 'function': fn,
            'chain': list(unit.reach[fn]), 'message': msg,
            'reason': '%s() maps that parameter only after a zero test' % g})
    seen = set()
    for fn, f, line, col, v, g, k in calls:
        if fn not in unit.reach or (g, k) not in mapped or g == fn or \
                (f, line, g) in seen:
            continue
        seen.add((f, line, g))
        pname, via, how = mapped[(g, k)]
        what = 'skb_headlen()' if v == 'skb_headlen' else \
            "head length '%s' (from skb_headlen())" % v
        steps = ', on to '.join(["%s() as '%s'" % (g, pname)] + via)
        msg = ("%s passed to %s and mapped there (%s) without a zero "
               "check: an empty head becomes a 0-byte DMA buffer" %
               (what, steps, how))
        out.append(('NL-02', 'fail', f, line, col, fn,
                    tuple(sorted({v} | heads.get(fn, set()))), msg))
    return out
