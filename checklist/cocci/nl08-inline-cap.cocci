// SPDX-License-Identifier: GPL-2.0
/// NL-08: an inline header length is not capped at the head length.
///
/// Flags, in a function on the ndo_start_xmit call graph, a header length
/// (a variable assigned from eth_get_headlen(), a *_header_offset() or
/// *_hdr_len() helper, skb_tcp_all_headers() or ETH_HLEN) clamped with
/// min()/min_t() to skb_headlen(skb).
///
/// Why: the clamp assumes the header is in the head. For a headlen-0 skb
/// the result is 0: the driver inlines nothing, and a device that needs
/// the L2 (or L3/L4) header in the descriptor (mlx5's min-inline modes,
/// the kit's exnic "min-inline" profile) rejects the descriptor or sends
/// with wrong offloads. Take the length from the frame (skb->len) and
/// gather the bytes with skb_copy_bits() (exnic_tx_inline_copy()).
///
// Confidence: Moderate
// Options: --no-includes

@nl08_cap exists@
identifier fn, H;
identifier hf =~ "(^eth_get_headlen$|header_offset$|hdr_len$|hdrlen$|^skb_tcp_all_headers$|^skb_inner_tcp_all_headers$)";
expression skb;
type T;
position p;
@@
fn(...) {
... when any
(
H = hf(...);
|
H = ETH_HLEN;
)
... when any
(
min_t@p(T, H, skb_headlen(skb))
|
min_t@p(T, skb_headlen(skb), H)
|
min@p(H, skb_headlen(skb))
|
min@p(skb_headlen(skb), H)
)
... when any
}

@script:python@
p << nl08_cap.p;
H << nl08_cap.H;
@@
print("NLHIT|NL-08|fail|%s|%s|%s|%s|%s|header length '%s' capped at skb_headlen(): 0 for a headlen-0 skb, so no header is inlined where the device needs one" % (p[0].file, p[0].line, p[0].column, p[0].current_element, H, H))
