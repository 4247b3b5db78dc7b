// SPDX-License-Identifier: GPL-2.0
/// NL-04: frags are never written.
///
/// Flags, in a function on the ndo_start_xmit call graph, a write through
/// a frag's kernel address: skb_frag_address(), skb_frag_address_safe(),
/// page_address(skb_frag_page()), kmap*(skb_frag_page()) used as the
/// destination of memcpy()/memset()/memmove() or of an assignment, directly
/// or through a local pointer; and skb_store_bits(), which writes wherever
/// the offset falls, frags included.
///
/// Why: with IFF_TX_SKB_NO_LINEAR every frame byte of an AF_XDP skb is in
/// a frag that points into the user's UMEM, shared with user space and
/// possibly with other sockets (shared UMEM). A driver that patches a
/// header, inserts a VLAN tag or fixes a checksum in place corrupts the
/// user's buffer, and the user may rewrite it while the NIC reads it. Build
/// modified bytes in a driver buffer, or copy the header out
/// (skb_copy_bits()) and send the copy.
///
// Confidence: Moderate (writes through a pointer passed to another
// function are not seen)
// Options: --no-includes

@nl04_direct@
identifier wfn =~ "^(memcpy|memset|memmove|unsafe_memcpy|memcpy_fromio)$";
identifier afn =~ "^(skb_frag_address|skb_frag_address_safe)$";
identifier kfn =~ "^(page_address|kmap|kmap_atomic|kmap_local_page|lowmem_page_address)$";
expression F, X;
identifier f;
type T;
position p;
@@
(
wfn@p(<+... \(afn(F)\|kfn(skb_frag_page(F))\) ...+>, ...)
|
 *(T)afn@p(F) = X
|
 *(T)kfn@p(skb_frag_page(F)) = X
|
 ((T)afn@p(F))->f = X
|
 ((T)kfn@p(skb_frag_page(F)))->f = X
)

@script:python@
p << nl04_direct.p;
@@
print("NLHIT|NL-04|fail|%s|%s|%s|%s||writes into a frag page: for an AF_XDP skb that is the user's UMEM" % (p[0].file, p[0].line, p[0].column, p[0].current_element))

@nl04_ptr exists@
identifier fn, P, f;
identifier wfn =~ "^(memcpy|memset|memmove|unsafe_memcpy|memcpy_fromio)$";
identifier afn =~ "^(skb_frag_address|skb_frag_address_safe)$";
identifier kfn =~ "^(page_address|kmap|kmap_atomic|kmap_local_page|lowmem_page_address)$";
expression F, X, Y;
type T, T2;
position p;
@@
fn(...) {
... when any
(
T P = <+... \(afn(F)\|kfn(skb_frag_page(F))\) ...+>;
|
P = <+... \(afn(F)\|kfn(skb_frag_page(F))\) ...+>
)
... when != P = Y
(
wfn@p(<+... P ...+>, ...)
|
P[X]@p = Y
|
 *P@p = Y
|
 *(T2)P@p = Y
|
P->f@p = Y
|
 ((T2)P)->f@p = Y
)
... when any
}

@script:python@
p << nl04_ptr.p;
P << nl04_ptr.P;
@@
print("NLHIT|NL-04|fail|%s|%s|%s|%s||writes into a frag page through '%s': for an AF_XDP skb that is the user's UMEM" % (p[0].file, p[0].line, p[0].column, p[0].current_element, P))

@nl04_store@
position p;
@@
skb_store_bits@p(...)

@script:python@
p << nl04_store.p;
@@
print("NLHIT|NL-04|fail|%s|%s|%s|%s||skb_store_bits() writes into frags when the offset is past the head: for an AF_XDP skb that is the user's UMEM" % (p[0].file, p[0].line, p[0].column, p[0].current_element))
