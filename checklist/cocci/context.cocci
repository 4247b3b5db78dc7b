// SPDX-License-Identifier: GPL-2.0
/// Context for the NL rules: the code that only GSO skbs, only skbs with
/// a stack offload, only CHECKSUM_PARTIAL skbs, or only skbs the driver
/// allocated itself reach. Not a check; checklist/static reads the NLCTX
/// lines and
///   - drops findings on GSO-only code: AF_XDP (xsk_build_skb()) never
///     builds a GSO skb, and the stack keeps a GSO skb's headers in its
///     head, so no headlen-0 skb gets there;
///   - drops findings on code for stack-only offloads: xfrm_offload(skb),
///     tls_is_skb_tx_device_offloaded(skb), skb->encapsulation; an AF_XDP
///     skb has no socket state, no dst and no tunnel;
///   - drops findings in functions called only with an skb the caller
///     allocated itself (alloc_skb() and friends: a linear skb, igc's
///     launch-time "empty frame"), passed as an argument that is not the
///     xmit skb ("fresh");
///   - turns NL-03 findings on CHECKSUM_PARTIAL-only code into NL-11 notes:
///     in 6.12 xsk_build_skb() sets CHECKSUM_PARTIAL (AF_XDP TX metadata)
///     only on the copy path, never for a headlen-0 skb, but a kernel that
///     extends it to the zero-copy path makes them NL-03 failures.
///
/// A region is the branch of an if that only such skbs take
/// ("gso"/"offload"/"csum": lines line..line_end), or the rest of a
/// function after an early return for the other skbs ("*_after": from
/// line to the end of the function, or to the label an early goto jumps
/// to). The runner extends them to the
/// functions that are called only from inside them. A GSO test is
/// skb_is_gso(skb), skb_shinfo(skb)->gso_size, or a variable assigned
/// from skb_shinfo(skb)->gso_size (e1000e's mss).
///
// Options: --no-includes

@ctx_gso@
expression skb, X, Y;
statement S, S2;
position p;
@@
(
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\)) S@p
|
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\)) S@p else S2
|
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) && X) S@p
|
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) && X) S@p else S2
|
if (X && \(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\)) S@p
|
if (X && \(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\)) S@p else S2
|
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) && X && Y) S@p
|
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) && X && Y) S@p else S2
|
if (X && \(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) && Y) S@p
|
if (X && \(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) && Y) S@p else S2
|
if (\(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\)) S2 else S@p
|
if (\(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\) || X) S2 else S@p
|
if (X || \(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\)) S2 else S@p
|
if (\(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\) || X || Y) S2 else S@p
|
if (X || \(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\) || Y) S2 else S@p
)

@script:python@
p << ctx_gso.p;
@@
print("NLCTX|gso|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_gso_after@
identifier L;
expression skb, X, Y;
position p;
@@
(
if@p (\(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\)) \(return ...;\|goto L;\)
|
if@p (\(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\) || X) \(return ...;\|goto L;\)
|
if@p (X || \(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\)) \(return ...;\|goto L;\)
|
if@p (\(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\) || X || Y) \(return ...;\|goto L;\)
|
if@p (X || \(!skb_is_gso(skb)\|!skb_shinfo(skb)->gso_size\) || Y) \(return ...;\|goto L;\)
)

@script:python@
p << ctx_gso_after.p;
L << ctx_gso_after.L = "";
@@
print("NLCTX|gso_after|%s|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element, L))

@ctx_gso_var@
identifier V;
expression skb;
type T;
@@
(
T V = skb_shinfo(skb)->gso_size;
|
V = skb_shinfo(skb)->gso_size
)

@ctx_gso_v@
identifier ctx_gso_var.V;
expression X, Y;
statement S, S2;
position p;
@@
(
if (V) S@p
|
if (V && X) S@p
|
if (X && V) S@p
|
if (V && X && Y) S@p
|
if (X && V && Y) S@p
|
if (V) S@p else S2
|
if (V && X) S@p else S2
|
if (X && V) S@p else S2
|
if (V && X && Y) S@p else S2
|
if (X && V && Y) S@p else S2
|
if (!V) S2 else S@p
)

@script:python@
p << ctx_gso_v.p;
@@
print("NLCTX|gso|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_offload@
expression skb, X, Y;
statement S, S2;
position p;
@@
(
if (\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) S@p
|
if (\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) S@p else S2
|
if (\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) && X) S@p
|
if (\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) && X) S@p else S2
|
if (X && \(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) S@p
|
if (X && \(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) S@p else S2
|
if (\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) && X && Y) S@p
|
if (\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) && X && Y) S@p else S2
|
if (X && \(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) && Y) S@p
|
if (X && \(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) && Y) S@p else S2
|
if (!\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) S2 else S@p
|
if (!\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) || X) S2 else S@p
|
if (X || !\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) S2 else S@p
|
if (!\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) || X || Y) S2 else S@p
|
if (X || !\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) || Y) S2 else S@p
)

@script:python@
p << ctx_offload.p;
@@
print("NLCTX|offload|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_offload_after@
identifier L;
expression skb, X, Y;
position p;
@@
(
if@p (!\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) \(return ...;\|goto L;\)
|
if@p (!\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) || X) \(return ...;\|goto L;\)
|
if@p (X || !\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\)) \(return ...;\|goto L;\)
|
if@p (!\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) || X || Y) \(return ...;\|goto L;\)
|
if@p (X || !\(xfrm_offload(skb)\|tls_is_skb_tx_device_offloaded(skb)\|skb->encapsulation\) || Y) \(return ...;\|goto L;\)
)

@script:python@
p << ctx_offload_after.p;
L << ctx_offload_after.L = "";
@@
print("NLCTX|offload_after|%s|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element, L))

// Calls that pass an skb the caller allocated itself, and not the skb
// the caller was handed.
@ctx_fresh exists@
identifier fn, S, callee;
identifier allocfn =~ "^(alloc_skb|__alloc_skb|netdev_alloc_skb|__netdev_alloc_skb|netdev_alloc_skb_ip_align|napi_alloc_skb|__napi_alloc_skb|dev_alloc_skb|alloc_skb_with_frags|build_skb|napi_build_skb)$";
expression list es;
expression X;
position p;
@@
fn(...) {
... when any
S = allocfn(...);
... when != S = X
callee@p(es)
... when any
}

@script:python@
p << ctx_fresh.p;
callee << ctx_fresh.callee;
es << ctx_fresh.es;
S << ctx_fresh.S;
@@
args = [a.strip() for a in str(es).split(',')]
if S in args and not any('skb' in a for a in args if a != S):
    print("NLCTX|fresh|%s|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element, callee))

@ctx_csum@
expression skb, X, Y;
statement S, S2;
position p;
@@
(
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p
|
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p else S2
|
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) && X) S@p
|
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) && X) S@p else S2
|
if (X && \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p
|
if (X && \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p else S2
|
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) && X && Y) S@p
|
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) && X && Y) S@p else S2
|
if (X && \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) && Y) S@p
|
if (X && \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) && Y) S@p else S2
|
if (\(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\)) S2 else S@p
|
if (\(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\) || X) S2 else S@p
|
if (X || \(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\)) S2 else S@p
|
if (\(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\) || X || Y) S2 else S@p
|
if (X || \(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\) || Y) S2 else S@p
)

@script:python@
p << ctx_csum.p;
@@
print("NLCTX|csum|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_csum_after@
identifier L;
expression skb, X, Y;
position p;
@@
(
if@p (\(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\)) \(return ...;\|goto L;\)
|
if@p (\(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\) || X) \(return ...;\|goto L;\)
|
if@p (X || \(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\)) \(return ...;\|goto L;\)
|
if@p (\(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\) || X || Y) \(return ...;\|goto L;\)
|
if@p (X || \(skb->ip_summed != CHECKSUM_PARTIAL\|(skb->ip_summed != CHECKSUM_PARTIAL)\) || Y) \(return ...;\|goto L;\)
)

@script:python@
p << ctx_csum_after.p;
L << ctx_csum_after.L = "";
@@
print("NLCTX|csum_after|%s|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element, L))

// A branch for CHECKSUM_PARTIAL or GSO skbs (ena_tx_csum()): neither
// reaches it in 6.12 with a headlen-0 skb; counted as checksum code.
@ctx_csum_gso@
expression skb;
statement S, S2;
position p;
@@
(
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) || \(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\)) S@p
|
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) || \(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\)) S@p else S2
|
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) || \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p
|
if (\(skb_is_gso(skb)\|skb_shinfo(skb)->gso_size\) || \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p else S2
)

@script:python@
p << ctx_csum_gso.p;
@@
print("NLCTX|csum|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_csum_gso_v@
identifier ctx_gso_var.V;
expression skb;
statement S, S2;
position p;
@@
(
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) || V) S@p
|
if (\(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\) || V) S@p else S2
|
if (V || \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p
|
if (V || \(skb->ip_summed == CHECKSUM_PARTIAL\|(skb->ip_summed == CHECKSUM_PARTIAL)\)) S@p else S2
)

@script:python@
p << ctx_csum_gso_v.p;
@@
print("NLCTX|csum|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))
