// SPDX-License-Identifier: GPL-2.0
/// NL-02: no zero-length buffer for an empty head.
///
/// Flags a head length that reaches the mapping code:
///   - the length argument of dma_map_single()/dma_map_single_attrs(),
///   - a length argument of a call whose name contains "map" and that also
///     takes skb->data (a driver's own mapping wrapper),
///   - an out-parameter (*n = len) that hands it to the mapping code,
/// where the head length is skb_headlen(skb), skb->len - skb->data_len, or
/// a local variable assigned from an expression containing one of them;
/// for the two map calls also a variable assigned from an expression
/// containing such a variable (size = min(len, max)), and a struct field
/// or array element assigned from the head length that is then the
/// mapping's length (mvneta: tx_desc->data_size = skb_headlen(skb)).
///
/// Not flagged when the sink is on the non-zero side of a test of the
/// length or of the variable or field it came from (the "nz" regions
/// below, which checklist/static applies):
///   - inside if (T) / while (T) / for (; T;) where T is len, len != 0,
///     len > x or x < len (alone or in a && chain), or inside the else
///     branch of if (N);
///   - after if (N) return/goto/break/continue, where N is !len, len == 0,
///     len <= x or x >= len (alone or in a || chain).
/// (The patterns say len != 0 and len == 0; coccinelle's isomorphisms
/// make them match len and !len as well.)
/// These are the tests one of whose outcomes implies len > 0 for an
/// unsigned x. A test that exits on the wrong side (fbnic's
/// "if (size > FIELD_MAX(...)) goto dma_error;") is no zero check.
/// Also not flagged: a mapping after the function (or a function it
/// called before, at the top level of its body) pushed an in-band header
/// with skb_push() at the top level of its body: the head is not empty
/// then (bcmgenet's status block). The runner checks this from the
/// NL-06 push sites.
///
/// Through helpers: a call that passes the head length (skb_headlen(skb),
/// or a variable or field assigned from it) to a function on the xmit
/// path whose parameter reaches the length of dma_map_single() there,
/// directly or through up to two more such functions, with no zero test
/// of the parameter (or of that function's own head length) on the way,
/// is flagged at the call (r8169: rtl8169_tx_map(tp, opts,
/// skb_headlen(skb), skb->data, ...)), unless the call is on the
/// non-zero side of a test of the head length. The rules below print
/// the facts; checklist/head_flow.py joins them. A call whose helper
/// tests the parameter first is not flagged by the "map" wrapper rule
/// either.
///
/// Why: with IFF_TX_SKB_NO_LINEAR an AF_XDP skb has skb_headlen() == 0.
/// Mapping skb->data for 0 bytes yields a zero-length DMA buffer and data
/// descriptor: ice and i40e raise a Malicious Driver Detection event and
/// stop the queue, other NICs hang or send garbage; the kit's exnic
/// "no-zero-len" profile rejects the frame. Map the head only when it has
/// bytes (exnic_tx_use_head()).
///
// Confidence: Moderate (within one function, and into the helpers a
// head length is passed to; a test in a caller is not seen)
// Options: --no-includes

@initialize:python@
@@
import re

def nl02_name(e):
    """An expression's text without comments and blanks, as the runner
    compares names (tx_desc->data_size)."""
    e = re.sub(r"/\*.*?\*/|//[^\n]*", "", str(e), flags=re.S)
    return re.sub(r"\s+", "", e)

def nl02_is_lvalue(e):
    """An identifier, a field access or an array element: a name the
    runner can match a zero test against."""
    return re.match(r"^[A-Za-z_][\w.>\[\]-]*$", nl02_name(e)) is not None

# Functions that map a parameter (nl02_pmap, nl02_pmap2) or pass one on
# to such a function (nl02_ppass, nl02_ppass2), so far: nl02_ppass only
# looks at calls to them. Without that filter it takes every parameter
# into every call (30 s on stmmac).
nl02_mappers = set()

def nl02_is_field(e):
    """An lvalue that is not a plain identifier (tx_desc->data_size)."""
    return nl02_is_lvalue(e) and re.match(r"^\w+$", nl02_name(e)) is None

@nl02_v1 exists@
identifier fn, V, mapfn =~ "^(dma_map_single|dma_map_single_attrs)$";
expression skb, E, E1, X;
type T;
position p;
@@
fn(...) {
... when any
(
T V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
|
V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>
)
... when != V = X
(
mapfn@p(E1, E, <+... V ...+>, ...)
|
 *E@p = <+... V ...+>
)
... when any
}

@script:python@
p << nl02_v1.p;
V << nl02_v1.V;
@@
print("NLHIT|NL-02|fail|%s|%s|%s|%s|%s|head length '%s' (from skb_headlen()) mapped or handed out without a zero check: an empty head becomes a 0-byte DMA buffer" % (p[0].file, p[0].line, p[0].column, p[0].current_element, V, V))

@nl02_v2 exists@
identifier fn, V, W, mapfn =~ "^(dma_map_single|dma_map_single_attrs)$";
expression skb, E, E1, E2, X;
type T, T2;
position p;
@@
fn(...) {
... when any
(
T V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
|
V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>
)
... when != V = X
(
T2 W = <+... V ...+>;
|
W = <+... V ...+>
)
... when != W = X
mapfn@p(E2, E, <+... W ...+>, ...)
... when any
}

@script:python@
p << nl02_v2.p;
W << nl02_v2.W;
V << nl02_v2.V;
@@
print("NLHIT|NL-02|fail|%s|%s|%s|%s|%s,%s|length '%s' (from head length '%s') mapped or handed out without a zero check: an empty head becomes a 0-byte DMA buffer" % (p[0].file, p[0].line, p[0].column, p[0].current_element, V, W, W, V))

@nl02_direct@
identifier mapfn =~ "^(dma_map_single|dma_map_single_attrs)$";
expression skb, E, E1;
position p;
@@
mapfn@p(E1, E, <+... skb_headlen(skb) ...+>, ...)

@script:python@
p << nl02_direct.p;
@@
print("NLHIT|NL-02|fail|%s|%s|%s|%s|skb_headlen|skb->data mapped for skb_headlen() without a zero check: an empty head becomes a 0-byte DMA buffer" % (p[0].file, p[0].line, p[0].column, p[0].current_element))

@nl02_wrap exists@
identifier fn, V, mapfn =~ "map";
expression skb, E1, X;
expression skb2 : script:python () { "skb" in skb2.lower() };
type T;
position p;
@@
fn(...) {
... when any
(
T V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
|
V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>
)
... when != V = X
mapfn@p(..., <+... skb2->data ...+>, ..., <+... V ...+>, ...)
... when any
}

@script:python@
p << nl02_wrap.p;
V << nl02_wrap.V;
mapfn << nl02_wrap.mapfn;
@@
print("NLHIT|NL-02|fail|%s|%s|%s|%s|%s|skb->data passed to %s() with head length '%s' and no zero check: an empty head becomes a 0-byte buffer" % (p[0].file, p[0].line, p[0].column, p[0].current_element, V, mapfn, V))

// The head length kept in a struct field that is then the mapping's
// length (mvneta: tx_desc->data_size = skb_headlen(skb); atlantic:
// dx_buff->len = skb_headlen(skb)). F is reported without blanks
// (tx_desc->data_size), as the nz regions report a tested field.
@nl02_field exists@
identifier fn, mapfn =~ "^(dma_map_single|dma_map_single_attrs)$";
expression skb, E, E1, E2, X;
expression F : script:python () { nl02_is_field(F) };
position p;
@@
fn(...) {
... when any
F = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
... when != F = X
    when any
mapfn@p(E2, E, <+... F ...+>, ...)
... when any
}

@script:python@
p << nl02_field.p;
F << nl02_field.F;
@@
F = nl02_name(F)
print("NLHIT|NL-02|fail|%s|%s|%s|%s|%s|head length in '%s' (from skb_headlen()) mapped without a zero check: an empty head becomes a 0-byte DMA buffer" % (p[0].file, p[0].line, p[0].column, p[0].current_element, F, F))

// Through a helper's parameters (r8169: rtl8169_start_xmit() passes
// skb_headlen(skb) and skb->data to rtl8169_tx_map(), which maps them).
// These rules print facts, severity "flow", that checklist/head_flow.py
// joins over the xmit call graph; only the joined call sites become
// findings:
//   map   FN maps its parameter number N (from 0), or a variable assigned
//         from it, as the length of dma_map_single()/_attrs(),
//   pass  FN passes its parameter N within argument K of a call to G,
//   call  a call passes the head length (skb_headlen(skb), a variable or
//         a field assigned from it) within argument K to G.
// The parameter must not be reassigned before. Zero tests are the nz
// regions: of the parameter in the callee, of the head length at the
// call site (classify() checks the latter, as for any NL-02 candidate).

// The variables and fields that hold the head length (head,NAME): a
// mapping or a call on the non-zero side of a test of one of them is on
// a non-empty head (macb_tx_map(): while (len) with len = skb_headlen()).
@nl02_headvar@
identifier V;
expression skb, E1;
type T;
position p;
@@
(
T V@p = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
|
V@p = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>
)

@script:python@
p << nl02_headvar.p;
V << nl02_headvar.V;
@@
print("NLHIT|NL-02|flow|%s|%s|%s|%s|head,%s|" % (p[0].file, p[0].line, p[0].column, p[0].current_element, V))

@nl02_headfield@
expression skb, E1;
expression F : script:python () { nl02_is_field(F) };
position p;
@@
F@p = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>

@script:python@
p << nl02_headfield.p;
F << nl02_headfield.F;
@@
print("NLHIT|NL-02|flow|%s|%s|%s|%s|head,%s|" % (p[0].file, p[0].line, p[0].column, p[0].current_element, nl02_name(F)))

@nl02_pmap exists@
identifier fn, P, mapfn =~ "^(dma_map_single|dma_map_single_attrs)$";
parameter list[n] ps;
expression E, E1, X;
type T;
position p;
@@
fn(ps, T P, ...) {
... when != P = X
    when any
mapfn@p(E1, E, <+... P ...+>, ...)
... when any
}

@script:python@
p << nl02_pmap.p;
fn << nl02_pmap.fn;
P << nl02_pmap.P;
n << nl02_pmap.n;
mapfn << nl02_pmap.mapfn;
@@
nl02_mappers.add(fn)
print("NLHIT|NL-02|flow|%s|%s|%s|%s|map,%s,%s|%s" % (p[0].file, p[0].line, p[0].column, p[0].current_element, n, P, mapfn))

@nl02_pmap2 exists@
identifier fn, P, W, mapfn =~ "^(dma_map_single|dma_map_single_attrs)$";
parameter list[n] ps;
expression E, E1, X;
type T, T2;
position p;
@@
fn(ps, T P, ...) {
... when != P = X
    when any
(
T2 W = <+... P ...+>;
|
W = <+... P ...+>;
)
... when != W = X
    when any
mapfn@p(E1, E, <+... W ...+>, ...)
... when any
}

@script:python@
p << nl02_pmap2.p;
fn << nl02_pmap2.fn;
P << nl02_pmap2.P;
W << nl02_pmap2.W;
n << nl02_pmap2.n;
mapfn << nl02_pmap2.mapfn;
@@
nl02_mappers.add(fn)
print("NLHIT|NL-02|flow|%s|%s|%s|%s|map,%s,%s,%s|%s" % (p[0].file, p[0].line, p[0].column, p[0].current_element, n, P, W, mapfn))

@nl02_ppass exists@
identifier fn, P;
identifier g : script:python () { nl02_name(g) in nl02_mappers };
parameter list[n] ps;
expression list[k] es;
expression X;
type T;
position p;
@@
fn(ps, T P, ...) {
... when != P = X
    when any
g@p(es, <+... P ...+>, ...)
... when any
}

@script:python@
p << nl02_ppass.p;
fn << nl02_ppass.fn;
P << nl02_ppass.P;
n << nl02_ppass.n;
g << nl02_ppass.g;
k << nl02_ppass.k;
@@
nl02_mappers.add(fn)
print("NLHIT|NL-02|flow|%s|%s|%s|%s|pass,%s,%s,%s,%s|" % (p[0].file, p[0].line, p[0].column, p[0].current_element, n, P, g, k))

// and once more, for a pass-through function calling one found above
@nl02_ppass2 exists@
identifier fn, P;
identifier g : script:python () { nl02_name(g) in nl02_mappers };
parameter list[n] ps;
expression list[k] es;
expression X;
type T;
position p;
@@
fn(ps, T P, ...) {
... when != P = X
    when any
g@p(es, <+... P ...+>, ...)
... when any
}

@script:python@
p << nl02_ppass2.p;
fn << nl02_ppass2.fn;
P << nl02_ppass2.P;
n << nl02_ppass2.n;
g << nl02_ppass2.g;
k << nl02_ppass2.k;
@@
nl02_mappers.add(fn)
print("NLHIT|NL-02|flow|%s|%s|%s|%s|pass,%s,%s,%s,%s|" % (p[0].file, p[0].line, p[0].column, p[0].current_element, n, P, g, k))

@nl02_cdirect@
identifier g;
expression list[k] es;
expression skb, E1;
position p;
@@
g@p(es, <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>, ...)

@script:python@
p << nl02_cdirect.p;
g << nl02_cdirect.g;
k << nl02_cdirect.k;
@@
print("NLHIT|NL-02|flow|%s|%s|%s|%s|call,skb_headlen,%s,%s|skb_headlen()" % (p[0].file, p[0].line, p[0].column, p[0].current_element, g, k))

@nl02_cvar exists@
identifier fn, V, g;
expression list[k] es;
expression skb, E1, X;
type T;
position p;
@@
fn(...) {
... when any
(
T V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
|
V = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
)
... when != V = X
    when any
g@p(es, <+... V ...+>, ...)
... when any
}

@script:python@
p << nl02_cvar.p;
V << nl02_cvar.V;
g << nl02_cvar.g;
k << nl02_cvar.k;
@@
print("NLHIT|NL-02|flow|%s|%s|%s|%s|call,%s,%s,%s|'%s'" % (p[0].file, p[0].line, p[0].column, p[0].current_element, V, g, k, V))

@nl02_cfield exists@
identifier fn, g;
expression list[k] es;
expression skb, E1, X;
expression F : script:python () { nl02_is_field(F) };
position p;
@@
fn(...) {
... when any
F = <+... \(skb_headlen(skb)\|E1 - skb->data_len\) ...+>;
... when != F = X
    when any
g@p(es, <+... F ...+>, ...)
... when any
}

@script:python@
p << nl02_cfield.p;
F << nl02_cfield.F;
g << nl02_cfield.g;
k << nl02_cfield.k;
@@
F = nl02_name(F)
print("NLHIT|NL-02|flow|%s|%s|%s|%s|call,%s,%s,%s|'%s'" % (p[0].file, p[0].line, p[0].column, p[0].current_element, F, g, k, F))

// Non-zero regions: code that only runs when Z > 0 (Z a variable, a
// field or an array element, reported without blanks as nl02_name()
// spells it, or skb_headlen(skb) reported as "skb_headlen").

@nz_then@
expression Z : script:python () { nl02_is_lvalue(Z) };
expression X, Y, skb;
statement S, S2;
position p;
@@
(
if (\(Z != 0\|Z > X\|X < Z\|skb_headlen(skb) != 0\|skb_headlen(skb) > X\|X < skb_headlen(skb)\)) S@p
|
if (\(Z != 0\|Z > X\|X < Z\|skb_headlen(skb) != 0\|skb_headlen(skb) > X\|X < skb_headlen(skb)\)) S@p else S2
|
if (\(Z != 0\|Z > X\|X < Z\|skb_headlen(skb) != 0\|skb_headlen(skb) > X\|X < skb_headlen(skb)\) && Y) S@p
|
if (\(Z != 0\|Z > X\|X < Z\|skb_headlen(skb) != 0\|skb_headlen(skb) > X\|X < skb_headlen(skb)\) && Y) S@p else S2
|
if (Y && \(Z != 0\|Z > X\|X < Z\|skb_headlen(skb) != 0\|skb_headlen(skb) > X\|X < skb_headlen(skb)\)) S@p
|
if (Y && \(Z != 0\|Z > X\|X < Z\|skb_headlen(skb) != 0\|skb_headlen(skb) > X\|X < skb_headlen(skb)\)) S@p else S2
|
if (\(Z == 0\|Z <= X\|X >= Z\|skb_headlen(skb) == 0\|skb_headlen(skb) <= X\|X >= skb_headlen(skb)\)) S2 else S@p
)

@script:python@
p << nz_then.p;
Z << nz_then.Z = "skb_headlen";
@@
Z = nl02_name(Z)
print("NLCTX|nz|%s|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element, Z))

@nz_loop@
expression Z : script:python () { nl02_is_lvalue(Z) };
expression X, Y, skb;
statement S;
position p;
@@
(
while@p (\(Z != 0\|Z > X\|X < Z\|skb_headlen(skb) != 0\|skb_headlen(skb) > X\|X < skb_headlen(skb)\)) S
|
while@p (\(Z != 0\|Z > X\|X < Z\) && Y) S
|
while@p (Y && \(Z != 0\|Z > X\|X < Z\)) S
|
for@p (...; \(Z != 0\|Z > X\|X < Z\); ...) S
)

@script:python@
p << nz_loop.p;
Z << nz_loop.Z = "skb_headlen";
@@
Z = nl02_name(Z)
print("NLCTX|nz_loop|%s|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element, Z))

@nz_after@
expression Z : script:python () { nl02_is_lvalue(Z) };
identifier L;
expression X, Y, skb;
position p;
@@
(
if@p (\(Z == 0\|Z <= X\|X >= Z\|skb_headlen(skb) == 0\|skb_headlen(skb) <= X\|X >= skb_headlen(skb)\)) \(return ...;\|goto L;\|break;\|continue;\|{ ... return ...; }\|{ ... goto L; }\)
|
if@p (\(Z == 0\|Z <= X\|X >= Z\|skb_headlen(skb) == 0\|skb_headlen(skb) <= X\|X >= skb_headlen(skb)\) || Y) \(return ...;\|goto L;\|break;\|continue;\|{ ... return ...; }\|{ ... goto L; }\)
|
if@p (Y || \(Z == 0\|Z <= X\|X >= Z\|skb_headlen(skb) == 0\|skb_headlen(skb) <= X\|X >= skb_headlen(skb)\)) \(return ...;\|goto L;\|break;\|continue;\|{ ... return ...; }\|{ ... goto L; }\)
)

@script:python@
p << nz_after.p;
Z << nz_after.Z = "skb_headlen";
@@
Z = nl02_name(Z)
print("NLCTX|nz_after|%s|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element, Z))
