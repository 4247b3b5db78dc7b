// SPDX-License-Identifier: GPL-2.0
/// NL-06: an in-band TX header is pushed into a writable head.
///
/// Flags skb_push()/__skb_push() in a function on the ndo_start_xmit call
/// graph when a path from the function's entry reaches it without
/// skb_cow_head(skb), skb_cow(skb), skb_unclone(skb),
/// skb_ensure_writable(skb) or a skb_header_cloned(skb)/skb_cloned(skb)
/// test. Growing a short headroom with pskb_expand_head() or
/// skb_realloc_headroom() is not enough: it leaves a cloned head shared.
/// The runner adds one driver-wide check: a driver that pushes a header on
/// the xmit path must set needed_headroom somewhere.
///
/// Why: the in-band header (bcmgenet's 64-byte status block, the kit's
/// exnic "tx-header" profile) goes in front of the frame. For a headlen-0
/// skb the head then holds only that header; that is fine when the head is
/// the driver's to write. AF_XDP reserves max(NET_SKB_PAD,
/// L1_CACHE_ALIGN(needed_headroom)) only when needed_headroom is declared,
/// and a clone (TCP, taps) shares its head: writing the header into it
/// changes the other user's copy. skb_cow_head() handles both
/// (exnic_tx_push_hdr()).
///
// Confidence: Moderate (a check done by a caller is not seen)
// Options: --no-includes

@nl06 exists@
identifier fn;
identifier pushfn =~ "^(skb_push|__skb_push)$";
expression skb;
position p;
@@
fn(...) {
... when != skb_cow_head(skb, ...)
    when != skb_cow(skb, ...)
    when != skb_unclone(skb, ...)
    when != skb_ensure_writable(skb, ...)
    when != skb_header_cloned(skb)
    when != skb_cloned(skb)
pushfn@p(skb, ...)
... when any
}

@script:python@
p << nl06.p;
pushfn << nl06.pushfn;
@@
print("NLHIT|NL-06|fail|%s|%s|%s|%s||%s() without skb_cow_head(): the header may be written into a short or shared (cloned) head" % (p[0].file, p[0].line, p[0].column, p[0].current_element, pushfn))

// Every push on the xmit path, for the runner's needed_headroom check.
@nl06_any@
identifier pushfn =~ "^(skb_push|__skb_push)$";
position p;
@@
pushfn@p(...)

@script:python@
p << nl06_any.p;
@@
print("NLHIT|NL-06|info|%s|%s|%s|%s||push" % (p[0].file, p[0].line, p[0].column, p[0].current_element))
