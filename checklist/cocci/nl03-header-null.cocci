// SPDX-License-Identifier: GPL-2.0
/// NL-03: a header read with skb_header_pointer() is used without its NULL
/// test.
///
/// Flags, in a function on the ndo_start_xmit call graph, a dereference
/// (p->f, *p, p[i]) of a local pointer assigned the result of
/// skb_header_pointer(), or of a function of the driver that returns it,
/// on a path from the assignment that never tests
/// the pointer: not as a condition (if (!p), if (p == NULL), if (p),
/// unlikely(!p), ...) and not in the expression that dereferences it
/// (p && p->f, !p || p->f, p ? p->f : x). One finding per dereference. A
/// test anywhere on the path counts, even one that does not leave on NULL
/// (if (fast && !p)): such a path is missed, never guessed at.
///
/// Why: skb_header_pointer() copies the header from the frags when the
/// head does not hold it, which is what NL-03 asks for, and returns NULL
/// when the skb is shorter than the bytes asked for. AF_XDP refuses only
/// empty TX descriptors (xp_aligned_validate_desc()): a driver setting
/// IFF_TX_SKB_NO_LINEAR gets frames of 1 to 13 bytes, which hold no whole
/// Ethernet header, so skb_header_pointer(skb, 0, ETH_HLEN, &eh) is NULL
/// for them and the dereference oopses. A packet socket never sent such a
/// frame (dev_validate_header()), so a driver that converts eth_hdr() to
/// skb_header_pointer() has never met the NULL. Decide nothing from a
/// header then (exnic_tx_prepare()).
///
// Confidence: High (local pointers; a function that returns the result of
// skb_header_pointer() is followed one level, when the rules see its
// definition before its callers' in the file)
// Options: --no-includes

@initialize:python@
@@
import re

# Per file: the functions that return skb_header_pointer()'s result
# (nl03n_acc), the dereferences inside p && ..., !p || ... and
# p ? ... : ... (nl03n_and), and the untested ones (nl03n_use,
# nl03n_decl). The last rule of this file prints those not guarded.
NL03N_ACC = set(['skb_header_pointer'])
NL03N_GUARDED = set()
NL03N_HITS = {}


def nl03n_key(p):
    return (p.file, p.line, p.column)


def nl03n_hit(p, var, pc):
    """Queue a hit at P on VAR, assigned by the call at PC (whose name a
    script-constrained metavariable cannot hand over: read it there)."""
    try:
        with open(pc.file) as fh:
            text = fh.read().split('\n')[int(pc.line) - 1]
        acc = re.match(r'\w+', text[int(pc.column):]).group(0)
    except (OSError, IndexError, ValueError, AttributeError):
        acc = 'skb_header_pointer'
    NL03N_HITS.setdefault(nl03n_key(p), (p, var, acc))


def nl03n_flush():
    for k in sorted(NL03N_HITS):
        p, var, acc = NL03N_HITS[k]
        if k in NL03N_GUARDED:
            continue
        print("NLHIT|NL-03|fail|%s|%s|%s|%s||'%s' = %s() dereferenced "
              "without a NULL test: it is NULL for a frame shorter than the "
              "bytes asked for, and AF_XDP sends frames of 1 to 13 bytes "
              "(no whole Ethernet header)" % (
                  p.file, p.line, p.column, p.current_element, var, acc))
    NL03N_HITS.clear()
    NL03N_GUARDED.clear()
    NL03N_ACC.intersection_update(['skb_header_pointer'])

@nl03n_acc@
identifier acc;
expression list es;
@@
acc(...) {
<+...
return skb_header_pointer(es);
...+>
}

@script:python@
acc << nl03n_acc.acc;
@@
NL03N_ACC.add(acc)

@nl03n_and@
identifier p, fld;
expression E, E1, E2;
position pg;
@@
(
 p && <+... \(p@pg->fld\|*p@pg\|p@pg[E]\) ...+>
|
 !p || <+... \(p@pg->fld\|*p@pg\|p@pg[E]\) ...+>
|
 p == NULL || <+... \(p@pg->fld\|*p@pg\|p@pg[E]\) ...+>
|
 p != NULL && <+... \(p@pg->fld\|*p@pg\|p@pg[E]\) ...+>
|
 p ? <+... \(p@pg->fld\|*p@pg\|p@pg[E]\) ...+> : E1
|
 !p ? E2 : <+... \(p@pg->fld\|*p@pg\|p@pg[E]\) ...+>
)

@script:python@
pg << nl03n_and.pg;
@@
for q in pg:
    NL03N_GUARDED.add(nl03n_key(q))

@nl03n_use exists@
identifier fn, p, fld;
identifier hp : script:python () { hp in NL03N_ACC };
expression list es;
expression E;
statement S1, S2;
position pu, pc;
@@
fn(...) {
<+...
p = hp@pc(es);
... when != p == NULL
    when != p != NULL
    when != NULL == p
    when != NULL != p
    when != !p
    when != if (p) S1 else S2
    when != if (p) S1
    when != p = E
\(p@pu->fld\|*p@pu\|p@pu[E]\)
...+>
}

@script:python@
pu << nl03n_use.pu;
p << nl03n_use.p;
pc << nl03n_use.pc;
@@
nl03n_hit(pu[0], p, pc[0])

@nl03n_decl exists@
identifier fn, p, fld;
identifier hp : script:python () { hp in NL03N_ACC };
expression list es;
expression E;
statement S1, S2;
type T;
position pu, pc;
@@
fn(...) {
<+...
T *p = hp@pc(es);
... when != p == NULL
    when != p != NULL
    when != NULL == p
    when != NULL != p
    when != !p
    when != if (p) S1 else S2
    when != if (p) S1
    when != p = E
\(p@pu->fld\|*p@pu\|p@pu[E]\)
...+>
}

@script:python@
pu << nl03n_decl.pu;
p << nl03n_decl.p;
pc << nl03n_decl.pc;
@@
nl03n_hit(pu[0], p, pc[0])

@script:python@
@@
# No metavariables: runs once per file, after the rules above.
nl03n_flush()
