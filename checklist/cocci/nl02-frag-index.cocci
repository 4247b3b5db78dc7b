// SPDX-License-Identifier: GPL-2.0
/// NL-02: the frag loop steps the ring index past a head slot that an
/// empty head never took.
///
/// Flags, in a function on the ndo_start_xmit call graph, a ring or
/// descriptor index I (a local: i, tx_desc, ...) where
///   - the head is written into the slot at I only under a test of the
///     head length: while (V), if (V) (also V != 0, V > 0) or
///     if (skb_headlen(skb)), with V a local assigned from an expression
///     containing skb_headlen(skb) or skb->len - skb->data_len; inside
///     that block the first mention of I is a use of the slot (E[I],
///     I->f), not a step;
///   - and then I is stepped (I++, ++I, I += X, I = <expression of I>)
///     before frag 0 uses it:
///       a. in the frag loop, on a path from the start of its body that
///          does not mention I before the step (e1000's and e1000e's
///          e1000_tx_map(): "i++; if (i == tx_ring->count) i = 0;" at the
///          top of the loop over each frag's buffers), or
///       b. between the head's block and the frag loop, at a point that
///          every path takes (the step is not inside an if).
/// A frag loop is a for or while loop whose condition mentions a frag
/// (nr_frags, last_frag, ...), or whose body reads
/// skb_shinfo(skb)->frags.
///
/// The finding is on the step. With an empty head the head's block does
/// nothing and the step moves I past the slot it was on before frag 0 is
/// written: that slot keeps whatever it held (a stale or zero-length
/// descriptor that the completion path waits for), and every buffer of
/// the frame lands one slot late.
///
/// Not flagged:
///   - a step inside an if block or under an if (e1000's fix:
///     "if (count) { i++; ... }", a separate count of the slots used
///     says whether a previous buffer took one): the rule cannot tell a
///     right guard from a wrong one, so it trusts it;
///   - a frag loop that uses I first and steps at the bottom (ixgbe, ice,
///     i40e, igc: the head is mapped unconditionally before the loop);
///   - a head block that steps I before it uses the slot (a first slot
///     taken by a context descriptor, the head in the next one): an empty
///     head leaves I on the context slot and the frag loop's step is
///     right;
///   - an index that is a struct field (ring->next_to_use++ directly):
///     only a local I is matched.
///
/// Why: with IFF_TX_SKB_NO_LINEAR an AF_XDP skb has skb_headlen() == 0,
/// so the head block of such a driver takes no slot. On qemu's e1000 the
/// skipped slot is never completed: "Detected Tx Unit Hang" and a reset
/// (checklist/README.rst, NL-02). Step the index only after a slot was
/// used (count the buffers), or map the first buffer from frag 0.
///
// Confidence: Moderate (within one function; an index handed to a helper
// that writes the slot is not followed)
// Options: --no-includes

@initialize:python@
@@
import re

# steps under an if (the _guard rules)
nl02_fi_guarded = set()

def nl02_fi_report(where, p, phw, phi, phs, I, V, E0):
    """One NLHIT line; <<line N>> is a line of the file spatch read,
    which checklist/static turns into the driver's."""
    if phw:
        test, ph = "while (%s)" % V, phw
    elif phi:
        test, ph = "if (%s)" % V, phi
    else:
        test, ph = "if (skb_headlen())", phs
    E0 = re.sub(r" *(->|\.|\[|\]|\(|\)) *", r"\1", str(E0))
    E0 = re.sub(r"([&*!~]) +", r"\1", E0)
    slot = "slot %s ('%s' before the head)" % (E0, I) if E0 else \
        "the slot '%s' was on" % I
    print("NLHIT|NL-02|fail|%s|%s|%s|%s|%s|ring index '%s' stepped %s, "
          "but the head took no slot when skb_headlen() is 0 (the %s at "
          "<<line %s>>): %s is left stale and frag 0 lands one slot late"
          % (p[0].file, p[0].line, p[0].column, p[0].current_element, I,
             I, where, test, ph[0].line, slot))

// The frag loops.
@nl02_fi_loop@
expression C : script:python () { "frag" in C.lower() };
expression skb, C2;
statement S;
position pl;
@@
(
for@pl (...; C; ...) S
|
while@pl (C) S
|
for@pl (...; ...; ...) { <+... skb_shinfo(skb)->frags ...+> }
|
while@pl (C2) { <+... skb_shinfo(skb)->frags ...+> }
)

// a. The step at the top of the frag loop.
@nl02_fi exists@
identifier fn, V, I, fld;
expression skb, E1, E2, X, Y, C;
type T;
position pl = nl02_fi_loop.pl;
position p;
position ph, phw, phi, phs;
@@
fn(...) {
... when any
(
T V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
|
V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
)
... when != V = X
(
while@ph@phw (\(V != 0\|V > 0\)) {
  ... when != I
  \(E2[I]\|I->fld\)
  ... when any
}
|
if@ph@phi (\(V != 0\|V > 0\)) {
  ... when != I
  \(E2[I]\|I->fld\)
  ... when any
}
|
if@ph@phs (\(skb_headlen(skb) != 0\|skb_headlen(skb) > 0\)) {
  ... when != I
  \(E2[I]\|I->fld\)
  ... when any
}
)
... when != I = Y
(
for@pl (...; ...; ...) {
  ... when != I
(
  I@p++;
|
  ++I@p;
|
  I@p += X;
|
  I@p = <+... I ...+>;
)
  ... when any
}
|
while@pl (C) {
  ... when != I
(
  I@p++;
|
  ++I@p;
|
  I@p += X;
|
  I@p = <+... I ...+>;
)
  ... when any
}
)
... when any
}

// A step under an if, or inside an if block on every path through it
// (e1000's fix: "if (count) { i++; ... }"), is trusted as a guard.
@nl02_fi_guard@
identifier nl02_fi.I;
expression E, X;
statement S;
position pg;
position nl02_fi.p;
@@
(
if@pg (E) {
  ... when != I
(
  I@p++;
|
  ++I@p;
|
  I@p += X;
|
  I@p = <+... I ...+>;
)
  ... when any
}
|
if@pg (E) {
  ... when != I
(
  I@p++;
|
  ++I@p;
|
  I@p += X;
|
  I@p = <+... I ...+>;
)
  ... when any
} else S
|
if@pg (E) \(I@p++;\|++I@p;\|I@p += X;\|I@p = <+... I ...+>;\)
|
if@pg (E) \(I@p++;\|++I@p;\|I@p += X;\|I@p = <+... I ...+>;\) else S
)

@script:python@
p << nl02_fi.p;
pg << nl02_fi_guard.pg;
@@
nl02_fi_guarded.add((p[0].file, p[0].line, p[0].column))

@nl02_fi_init exists@
identifier nl02_fi.fn, nl02_fi.I;
expression E0;
type T;
position nl02_fi.ph;
position pi : script:python (ph) { int(pi[0].line) < int(ph[0].line) };
statement S;
@@
fn(...) {
... when any
(
T I@pi = E0;
|
I@pi = E0;
)
... when != I
\(while@ph (...) S\|if@ph (...) S\)
... when any
}

@script:python@
p << nl02_fi.p;
phw << nl02_fi.phw = [];
phi << nl02_fi.phi = [];
phs << nl02_fi.phs = [];
I << nl02_fi.I;
V << nl02_fi.V;
E0 << nl02_fi_init.E0 = "";
@@
if (p[0].file, p[0].line, p[0].column) not in nl02_fi_guarded:
    nl02_fi_report("in the frag loop before frag 0 uses it", p, phw, phi,
                   phs, I, V, E0)

// b. The step between the head's block and the frag loop.
@nl02_fi_between exists@
identifier fn, V, I, fld;
expression skb, E1, E2, X, Y;
type T;
position pl = nl02_fi_loop.pl;
position p;
position ph, phw, phi, phs;
statement S;
@@
fn(...) {
... when any
(
T V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
|
V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
)
... when != V = X
(
while@ph@phw (\(V != 0\|V > 0\)) {
  ... when != I
  \(E2[I]\|I->fld\)
  ... when any
}
|
if@ph@phi (\(V != 0\|V > 0\)) {
  ... when != I
  \(E2[I]\|I->fld\)
  ... when any
}
|
if@ph@phs (\(skb_headlen(skb) != 0\|skb_headlen(skb) > 0\)) {
  ... when != I
  \(E2[I]\|I->fld\)
  ... when any
}
)
... when != I
(
I@p++;
|
 ++I@p;
|
I@p += X;
|
I@p = <+... I ...+>;
)
... when != I = Y
(
for@pl (...; ...; ...) S
|
while@pl (Y) S
)
... when any
}

@nl02_fi_between_guard@
identifier nl02_fi_between.I;
expression E, X;
statement S;
position pg;
position nl02_fi_between.p;
@@
(
if@pg (E) {
  ... when != I
(
  I@p++;
|
  ++I@p;
|
  I@p += X;
|
  I@p = <+... I ...+>;
)
  ... when any
}
|
if@pg (E) {
  ... when != I
(
  I@p++;
|
  ++I@p;
|
  I@p += X;
|
  I@p = <+... I ...+>;
)
  ... when any
} else S
|
if@pg (E) \(I@p++;\|++I@p;\|I@p += X;\|I@p = <+... I ...+>;\)
|
if@pg (E) \(I@p++;\|++I@p;\|I@p += X;\|I@p = <+... I ...+>;\) else S
)

@script:python@
p << nl02_fi_between.p;
pg << nl02_fi_between_guard.pg;
@@
nl02_fi_guarded.add((p[0].file, p[0].line, p[0].column))

@nl02_fi_between_init exists@
identifier nl02_fi_between.fn, nl02_fi_between.I;
expression E0;
type T;
position nl02_fi_between.ph;
position pi : script:python (ph) { int(pi[0].line) < int(ph[0].line) };
statement S;
@@
fn(...) {
... when any
(
T I@pi = E0;
|
I@pi = E0;
)
... when != I
\(while@ph (...) S\|if@ph (...) S\)
... when any
}

@script:python@
p << nl02_fi_between.p;
pl << nl02_fi_between.pl;
phw << nl02_fi_between.phw = [];
phi << nl02_fi_between.phi = [];
phs << nl02_fi_between.phs = [];
I << nl02_fi_between.I;
V << nl02_fi_between.V;
E0 << nl02_fi_between_init.E0 = "";
@@
# A step inside the loop reaches the loop again through its back edge:
# only a step before the loop is one between the head and frag 0.
if (int(p[0].line), int(p[0].column)) < \
        (int(pl[0].line), int(pl[0].column)) and \
        (p[0].file, p[0].line, p[0].column) not in nl02_fi_guarded:
    nl02_fi_report("after the head's block, before frag 0", p, phw, phi,
                   phs, I, V, E0)
