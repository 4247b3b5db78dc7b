// SPDX-License-Identifier: GPL-2.0
/// NL-09: descriptor-count limits use a counted linearize fallback (note).
///
/// Notes skb_linearize()/__skb_linearize() in a function on the
/// ndo_start_xmit call graph. The runner looks for a counter update
/// (x++, x += n, *_inc(), *_add()) in the block that holds the call, at
/// the same brace depth (i40e and ice count inside the if block of their
/// linearize, exnic_tx_max_bufs() right before it), and reports "counted"
/// or "not counted". It is a note, not a failure: linearizing
/// is a correct fallback for frames with more frags than the device takes.
///
/// Why: a headlen-0 AF_XDP skb carries one frag per UMEM page the frame
/// touches, up to MAX_SKB_FRAGS for multi-buffer frames; ice and i40e take
/// at most 8 data descriptors per packet (the kit's exnic "max-bufs"
/// profile). The fallback copies the frame out of the UMEM, which is what
/// IFF_TX_SKB_NO_LINEAR is there to avoid: it must be rare, and visible in
/// ethtool -S (NL-12), or nobody notices that every frame takes it. An
/// unconditional linearize (every frame) is also flagged by the rules of
/// the hazard it works around (NL-07 for trailers).
///
// Confidence: High (the counter test is a heuristic)
// Options: --no-includes

@nl09@
identifier linfn =~ "^(skb_linearize|__skb_linearize)$";
position p;
@@
linfn@p(...)

@script:python@
p << nl09.p;
linfn << nl09.linfn;
@@
print("NLHIT|NL-09|note|%s|%s|%s|%s||%s() on the xmit path" % (p[0].file, p[0].line, p[0].column, p[0].current_element, linfn))
