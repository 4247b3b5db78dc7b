// SPDX-License-Identifier: GPL-2.0
/// Context for the NL rules: the code that only GSO skbs, or only
/// CHECKSUM_PARTIAL skbs, reach. Not a check; checklist/static reads the
/// NLCTX lines and
///   - drops findings on GSO-only code: AF_XDP (xsk_build_skb()) never
///     builds a GSO skb, and the stack keeps a GSO skb's headers in its
///     head, so no headlen-0 skb gets there;
///   - turns NL-03 findings on CHECKSUM_PARTIAL-only code into NL-11 notes:
///     in 6.12 xsk_build_skb() sets CHECKSUM_PARTIAL (AF_XDP TX metadata)
///     only on the copy path, never for a headlen-0 skb, but a kernel that
///     extends it to the zero-copy path makes them NL-03 failures.
///
/// A region is the branch of an if that only such skbs take
/// ("gso"/"csum": lines line..line_end), or the rest of a function after
/// an early return for the other skbs ("gso_after"/"csum_after": from line
/// to the end of the function). The runner extends them to the functions
/// that are called only from inside them.
///
// Options: --no-includes

@ctx_gso@
expression skb, X;
statement S, S2;
position p;
@@
(
if (skb_is_gso(skb)) S@p
|
if (skb_is_gso(skb)) S@p else S2
|
if (skb_is_gso(skb) && X) S@p
|
if (skb_is_gso(skb) && X) S@p else S2
|
if (X && skb_is_gso(skb)) S@p
|
if (X && skb_is_gso(skb)) S@p else S2
|
if (skb_shinfo(skb)->gso_size) S@p
|
if (skb_shinfo(skb)->gso_size) S@p else S2
|
if (skb_shinfo(skb)->gso_size && X) S@p
|
if (skb_shinfo(skb)->gso_size && X) S@p else S2
|
if (X && skb_shinfo(skb)->gso_size) S@p
|
if (X && skb_shinfo(skb)->gso_size) S@p else S2
|
if (!skb_is_gso(skb)) S2 else S@p
|
if (!skb_shinfo(skb)->gso_size) S2 else S@p
)

@script:python@
p << ctx_gso.p;
@@
print("NLCTX|gso|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_gso_after@
expression skb, X;
position p;
@@
(
if@p (!skb_is_gso(skb)) return ...;
|
if@p (!skb_is_gso(skb) || X) return ...;
|
if@p (X || !skb_is_gso(skb)) return ...;
|
if@p (!skb_shinfo(skb)->gso_size) return ...;
|
if@p (!skb_shinfo(skb)->gso_size || X) return ...;
|
if@p (X || !skb_shinfo(skb)->gso_size) return ...;
)

@script:python@
p << ctx_gso_after.p;
@@
print("NLCTX|gso_after|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_csum@
expression skb, X;
statement S, S2;
position p;
@@
(
if (skb->ip_summed == CHECKSUM_PARTIAL) S@p
|
if (skb->ip_summed == CHECKSUM_PARTIAL) S@p else S2
|
if (skb->ip_summed == CHECKSUM_PARTIAL && X) S@p
|
if (skb->ip_summed == CHECKSUM_PARTIAL && X) S@p else S2
|
if (X && skb->ip_summed == CHECKSUM_PARTIAL) S@p
|
if (X && skb->ip_summed == CHECKSUM_PARTIAL) S@p else S2
|
if (skb->ip_summed != CHECKSUM_PARTIAL) S2 else S@p
)

@script:python@
p << ctx_csum.p;
@@
print("NLCTX|csum|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))

@ctx_csum_after@
expression skb, X;
position p;
@@
(
if@p (skb->ip_summed != CHECKSUM_PARTIAL) return ...;
|
if@p (skb->ip_summed != CHECKSUM_PARTIAL || X) return ...;
|
if@p (X || skb->ip_summed != CHECKSUM_PARTIAL) return ...;
)

@script:python@
p << ctx_csum_after.p;
@@
print("NLCTX|csum_after|%s|%s|%s|%s" % (p[0].file, p[0].line, p[0].line_end, p[0].current_element))
