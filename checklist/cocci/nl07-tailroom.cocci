// SPDX-License-Identifier: GPL-2.0
/// NL-07: trailers are not written into frag skbs.
///
/// Flags skb_put() and friends (__skb_put, skb_put_zero, skb_put_data and
/// their __ forms) in a function on the ndo_start_xmit call graph when a
/// path from the function's entry reaches them without a linearity test:
/// skb_is_nonlinear(skb), skb->data_len, skb_headlen(skb) compared to
/// skb->len. A linearize before the skb_put() does not count: it copies
/// every frag skb to make room for the trailer. Puts into an skb the
/// function allocated itself (alloc_skb() and friends: linear) are not
/// flagged.
/// The runner adds one driver-wide check: a driver that puts a trailer on
/// the xmit path must set needed_tailroom somewhere.
///
/// Why: skb_put() appends to the head. On a non-linear skb (every AF_XDP
/// skb with IFF_TX_SKB_NO_LINEAR) the frame's last bytes are in the last
/// frag, so a trailer put into the head lands in the middle of the frame
/// (the head comes first) and skb_put() BUGs via SKB_LINEAR_ASSERT().
/// needed_tailroom is not reserved on the zero-copy path either. Send the
/// trailer from a driver buffer for non-linear skbs (exnic_tx_trailer()).
///
// Confidence: Moderate (a check done by a caller is not seen)
// Options: --no-includes

@nl07 exists@
identifier fn;
identifier putfn =~ "^(skb_put|__skb_put|skb_put_zero|__skb_put_zero|skb_put_data|__skb_put_data|skb_put_u8|__skb_put_u8)$";
identifier allocfn =~ "^(alloc_skb|__alloc_skb|netdev_alloc_skb|__netdev_alloc_skb|netdev_alloc_skb_ip_align|napi_alloc_skb|__napi_alloc_skb|dev_alloc_skb|alloc_skb_with_frags|skb_copy|skb_copy_expand|build_skb|napi_build_skb)$";
expression skb, X;
position p;
@@
fn(...) {
... when != skb = allocfn(...)
    when != skb_is_nonlinear(skb)
    when != skb->data_len
    when != skb_headlen(skb) == X
    when != skb_headlen(skb) != X
    when != skb_headlen(skb) < X
    when != X == skb_headlen(skb)
    when != X != skb_headlen(skb)
putfn@p(skb, ...)
... when any
}

@script:python@
p << nl07.p;
putfn << nl07.putfn;
@@
print("NLHIT|NL-07|fail|%s|%s|%s|%s||%s() on the xmit path without a linearity test: a trailer in the head of a frag skb lands mid-frame (or the skb is linearized)" % (p[0].file, p[0].line, p[0].column, p[0].current_element, putfn))

// Every put on the xmit path into an skb the function did not allocate,
// for the runner's needed_tailroom check.
@nl07_any exists@
identifier fn;
identifier putfn =~ "^(skb_put|__skb_put|skb_put_zero|__skb_put_zero|skb_put_data|__skb_put_data|skb_put_u8|__skb_put_u8)$";
identifier allocfn =~ "^(alloc_skb|__alloc_skb|netdev_alloc_skb|__netdev_alloc_skb|netdev_alloc_skb_ip_align|napi_alloc_skb|__napi_alloc_skb|dev_alloc_skb|alloc_skb_with_frags|skb_copy|skb_copy_expand|build_skb|napi_build_skb)$";
expression skb;
position p;
@@
fn(...) {
... when != skb = allocfn(...)
putfn@p(skb, ...)
... when any
}

@script:python@
p << nl07_any.p;
@@
print("NLHIT|NL-07|info|%s|%s|%s|%s||put" % (p[0].file, p[0].line, p[0].column, p[0].current_element))
