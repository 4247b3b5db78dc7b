// SPDX-License-Identifier: GPL-2.0
/// NL-05: padding without linearization.
///
/// Flags skb_put_padto(), __skb_put_padto(), skb_padto(), skb_pad() and
/// eth_skb_pad() in a function on the ndo_start_xmit call graph.
///
/// Why: for a frame under the pad length these pad inside the skb. A
/// headlen-0 skb (AF_XDP generic TX with IFF_TX_SKB_NO_LINEAR) has no room
/// in its head, so skb_pad() calls pskb_expand_head() and skb_linearize():
/// an allocation and a copy of the whole frame out of the UMEM on every
/// runt, and the skb is freed when the allocation fails. The devices that
/// need software padding (fbnic, bcmgenet, e1000e, stmmac's callers, the
/// kit's "no-pad" exnic profile) must send the missing bytes from a
/// pre-mapped zero buffer instead (exnic_tx_pad()).
///
// Confidence: High
// Options: --no-includes

@nl05@
identifier padfn =~ "^(skb_put_padto|__skb_put_padto|skb_padto|skb_pad|eth_skb_pad)$";
position p;
@@
padfn@p(...)

@script:python@
p << nl05.p;
padfn << nl05.padfn;
@@
print("NLHIT|NL-05|fail|%s|%s|%s|%s||%s() pads in the skb: a headlen-0 runt is linearized (alloc + copy, freed on failure)" % (p[0].file, p[0].line, p[0].column, p[0].current_element, padfn))
