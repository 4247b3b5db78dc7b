// SPDX-License-Identifier: GPL-2.0
/// NL-03: headers are never read past skb_headlen().
///
/// Flags, in a function on the ndo_start_xmit call graph:
///   - a dereference of a header accessor: eth_hdr(skb)->h_proto,
///     ip_hdr(skb)->protocol, tcp_hdr(skb)->doff, skb_mac_header(skb)[12],
///     ... (the accessors are listed in the rules below), reads and writes;
///   - a local pointer taken from such an accessor, or computed from
///     skb->data, and then dereferenced or handed to a reader such as
///     is_multicast_ether_addr() (reads; for skb->data pointers plain
///     writes are not counted: that is the in-band header a driver wrote
///     after skb_push(), see NL-06). The finding is at the dereference,
///     not where the pointer is taken (an address computation);
///   - a direct read through skb->data: ((struct ethhdr *)skb->data)->h_dest,
///     skb->data[12], *(__be16 *)(skb->data + 12), or skb->data given to
///     ether_addr_equal()/is_multicast_ether_addr()/get_unaligned*() and
///     friends;
///   - a function that returns skb->data cast to a header type (it is a
///     header accessor; its callers read through it);
///   - an address member (eth->h_dest, ->h_source, ->addrs: an array, so
///     naming it takes its address) handed to any function or
///     dereferenced, directly or through a local pointer it is kept in
///     (virtio_net's dest = ((struct ethhdr *)skb->data)->h_dest for a
///     pr_debug("%pM"): reported where the pointer is taken).
/// Not counted as reads: sizeof operands, address computations (&p->f,
/// an address member only named or stored, &eth->h_dest[2]), and a
/// pointer computed as skb->data - n (headroom, where virtio_net puts its
/// vnet header). Each rule lists these first in its disjunction: the first
/// alternative that matches a term wins, so they take those terms away
/// from the read patterns after them. A memcpy() out of skb->data is
/// NL-08's (an inline header copy), not counted here, and so is a value
/// loaded from skb->data with get_unaligned() and friends and stored in a
/// structure field (mlx4's WQE; nl03_ld).
/// The skb->data rules only match an skb expression whose text contains
/// "skb" (skb, nskb, first->skb): without the kernel headers coccinelle
/// does not know the type of a struct member.
/// All of this unless every path from the function's entry passes
/// pskb_may_pull(skb), skb_linearize(skb)/__skb_linearize(skb),
/// skb_ensure_writable(skb) or an if or while whose condition compares
/// skb_headlen(skb) (a comparison stored in a variable guards nothing:
/// mlx4's tx_info->linear = lso_header_size < skb_headlen(skb)).
///
/// One finding per source line, saying what the line does to the header:
/// "read", "written" (the left-hand side of an assignment, the destination
/// of memcpy()/ether_addr_copy()/memset()), or "read and written" (a
/// compound assignment, ++/--, or a write and a read on one line). A write
/// is as wrong as a read: for a headlen-0 skb it lands in the headroom or
/// in skb_shared_info, and the header on the wire (frag 0) is unchanged.
/// A read whose only reader is a debug print (pr_debug(), netdev_dbg(),
/// netif_dbg(), dev_dbg(), ...) says "read by a debug print": it happens
/// only with DEBUG, dynamic debug or the message level on.
///
/// The runner (checklist/static) then drops the findings on GSO-only code
/// (inside if (skb_is_gso(skb)), after if (!skb_is_gso(skb)) return, or in
/// a function called only from there): AF_XDP never builds GSO skbs, and
/// the stack keeps a GSO skb's headers in its head. Findings on
/// CHECKSUM_PARTIAL-only code become NL-11 notes: in 6.12 xsk_build_skb()
/// sets CHECKSUM_PARTIAL on the copy path only, so a headlen-0 skb never
/// gets there (yet).
///
/// Why: an AF_XDP skb built with IFF_TX_SKB_NO_LINEAR has skb_headlen() 0:
/// the Ethernet header is in frag 0 (the UMEM). skb->data points at an
/// empty head: what is read there is headroom and skb_shared_info, and
/// eth_hdr()/skb_mac_header() are not even set (mac_header is ~0U: head +
/// 65535). A driver that steers on the Ethernet type, the VLAN tag or the
/// destination MAC sends with wrong offloads or wrong descriptors, or
/// reads out of bounds. Use skb_header_pointer() (docs/porting.rst, NL-03).
///
// Confidence: Moderate (path sensitive within one function only; macros
// that hide a dereference are not seen)
// Options: --no-includes

@initialize:python@
@@
# What each finding says. The nl03_w and nl03_rw rules record the lvalues
# of assignments, of increments and of copies into (memcpy(),
# ether_addr_copy(), memset() destinations), nl03_dbg the terms printed by
# a debug print; a position they did not record is a read. nl03_afuse and
# nl03_afalias record the address members used (NL03_AF), nl03_ld the
# loads NL-08 reports (NL03_NL08). The reporting rules queue their hits
# (nl03_hit()); the last rule of this file prints one line per source
# line, naming every access on it: "header written through tcp_hdr(),
# read through 'iph' = ip_hdr()".
NL03_KIND = {}
NL03_DBG = {}
NL03_AF = {}
NL03_NL08 = set()
NL03_HITS = {}


def nl03_key(p):
    return (p.file, p.line, p.column, p.line_end, p.column_end)


def nl03_dbg_phrase(name):
    return 'read by a debug print (%s())' % name


def nl03_kind(p):
    k = nl03_key(p)
    kind = NL03_KIND.get(k, 'read')
    if kind == 'read' and k in NL03_DBG:
        return nl03_dbg_phrase(NL03_DBG[k])
    return kind


def nl03_hit_af(p, writes, via, tail):
    """Queue a hit on an address member if nl03_afuse/nl03_afalias
    recorded a use of it (writes: also when it is only written)."""
    uses = NL03_AF.get(nl03_key(p), [])
    if not writes:
        uses = [u for u in uses if u[0] != 'written']
        if nl03_key(p) in NL03_NL08:
            return
    if not uses:
        return
    names = sorted(set("'%s'" % v for k, v in uses if v))
    if names:
        via += ', kept in %s' % ' and '.join(names)
    nl03_hit(p, nl03_phrase([k for k, v in uses]), via, tail)


def nl03_data_hit(p, kind, via, tail):
    """Queue a hit through skb->data, unless NL-08 reports it (nl03_ld)."""
    if nl03_key(p) not in NL03_NL08:
        nl03_hit(p, kind, via, tail)


def nl03_hit(p, kind, via, tail):
    """Queue an NL-03 hit: header KIND through VIA: TAIL (kind None: VIA
    is the whole message)."""
    hit = NL03_HITS.setdefault((p.file, p.line), [p, [], tail])
    if (kind, via) not in hit[1]:
        hit[1].append((kind, via))


def nl03_phrase(kinds):
    """One phrase for the accesses KINDS: a debug-print read only when no
    other access is made."""
    if None in kinds:
        return None
    dbg = [k for k in kinds if k.startswith('read by')]
    if dbg and len(dbg) == len(kinds):
        return dbg[0]
    kinds = ['read' if k in dbg else k for k in kinds]
    if 'read and written' in kinds or ('written' in kinds and
                                       'read' in kinds):
        return 'read and written'
    for k in ('written', 'read'):
        if k in kinds:
            return k
    return kinds[0]


def nl03_flush():
    for (f, line), (p, accesses, tail) in sorted(NL03_HITS.items()):
        vias = []
        for kind, via in accesses:
            for v in vias:
                if v[0] == via:
                    v[1].append(kind)
                    break
            else:
                vias.append((via, [kind]))
        parts = []
        for via, kinds in vias:
            k = nl03_phrase(kinds)
            for part in parts:
                if part[0] == k and k is not None:
                    part[1].append(via)
                    break
            else:
                parts.append((k, [via]))
        msg = ', '.join(' and '.join(v) if k is None else
                        '%s through %s' % (k, ' and '.join(v))
                        for k, v in parts)
        if not msg.startswith('returns '):
            msg = 'header ' + msg
        print("NLHIT|NL-03|fail|%s|%s|%s|%s||%s: %s" % (
            f, line, p.column, p.current_element, msg, tail))
    NL03_HITS.clear()

@nl03_w disable plus_comm, paren, drop_cast@
// Writes: an lvalue assigned, or the destination of a copy. The lvalue
// forms mirror the terms the rules below put their position on (the member
// name of E1->f, the ']' of E1[X], the pointer of *E1), so that a position
// recorded here is the very term a rule reports. Without the commuted,
// parenthesized and cast-dropped variants (isomorphisms): they cost more
// time than the rare writes they would name.
expression E1, E2, X;
identifier f, f2;
identifier CP =~ "^(memcpy|unsafe_memcpy|memmove|memcpy_toio|__memcpy|memset|ether_addr_copy)$";
type T, T2;
position pw;
@@
(
 \(E1->f@pw\|E1->f@pw.f2\|E1->f@pw[X]\|E1[X]@pw\|*(T)E1@pw\|*E1@pw\|*(T)(E1@pw + X)\|*(T)((T2)E1@pw + X)\|*(E1@pw + X)\) = E2
|
CP(\(E1->f@pw\|E1@pw\), ...)
|
CP@pw(<+... E1->data ...+>, ...)
)

@script:python@
pw << nl03_w.pw;
@@
for q in pw:
    NL03_KIND.setdefault(nl03_key(q), 'written')

@nl03_rw disable plus_comm, paren, drop_cast@
// Read and written: compound assignments, ++ and --. (A line that writes
// and reads through the same pointer, cxgb4's
// iph->check = ~ip_fast_csum((u8 *)iph, iph->ihl), is merged into "read
// and written" when the hits are printed.) Fewer lvalue forms than
// nl03_w: the other two cost more (isomorphisms) than their compound
// assignments are worth.
expression E1, E2, X;
identifier f, f2;
assignment operator aop = {+=,-=,*=,/=,%=,&=,|=,^=,<<=,>>=};
type T;
position pw;
@@
(
 \(E1->f@pw\|E1->f@pw.f2\|E1->f@pw[X]\|E1[X]@pw\|*(T)E1@pw\|*E1@pw\|*(T)(E1@pw + X)\) aop E2
|
 \(E1->f@pw\|E1->f@pw.f2\|E1->f@pw[X]\|E1[X]@pw\|*(T)E1@pw\|*E1@pw\|*(T)(E1@pw + X)\)++
|
 \(E1->f@pw\|E1->f@pw.f2\|E1->f@pw[X]\|E1[X]@pw\|*(T)E1@pw\|*E1@pw\|*(T)(E1@pw + X)\)--
|
 ++\(E1->f@pw\|E1->f@pw.f2\|E1->f@pw[X]\|E1[X]@pw\|*(T)E1@pw\|*E1@pw\|*(T)(E1@pw + X)\)
|
 --\(E1->f@pw\|E1->f@pw.f2\|E1->f@pw[X]\|E1[X]@pw\|*(T)E1@pw\|*E1@pw\|*(T)(E1@pw + X)\)
)

@script:python@
pw << nl03_rw.pw;
@@
for q in pw:
    NL03_KIND[nl03_key(q)] = 'read and written'

@nl03_dbg@
// Terms inside the arguments of a debug print (compiled in with DEBUG or
// dynamic debug, printed only when enabled): the same term forms as the
// reporting rules put their position on, and any variable handed to it.
identifier D =~ "^(pr_debug|pr_devel|netdev_dbg|netif_dbg|dev_dbg|dev_vdbg|netdev_vdbg|print_hex_dump_debug|dynamic_pr_debug|dynamic_dev_dbg|dynamic_netdev_dbg)$";
identifier f, g, I;
expression E1, X;
type T;
position pd;
@@
D(..., <+... \(E1->f@pd\|E1[X]@pd\|*(T)E1@pd\|*E1@pd\|*(T)(E1@pd + X)\|g@pd(...)\|I@pd\) ...+>, ...)

@script:python@
pd << nl03_dbg.pd;
D << nl03_dbg.D;
@@
for q in pd:
    NL03_DBG.setdefault(nl03_key(q), D)

@nl03_afuse@
// An address member of a header (eth->h_dest, ->h_source, ->addrs) is an
// array: naming it only takes its address. It is read when handed to a
// function (any function may: a %pM print reads six bytes) or
// dereferenced. This rule and nl03_afalias record where a member is used
// so; the ->af branches of the reporting rules below report the members
// of a header among them (through skb->data reads only: a write there is
// the in-band header a driver builds after skb_push()). A copy (memcpy()
// and friends) is not recorded: out of skb->data it is NL-08's, through
// an accessor the reporting rules see it as a reader's argument.
identifier g !~ "^(sizeof|ARRAY_SIZE|sizeof_field|FIELD_SIZEOF|offsetof|offsetofend|typeof|__typeof__|__same_type|BUILD_BUG_ON|static_assert|memcpy|unsafe_memcpy|memmove|memcpy_toio|__iowrite32_copy|__iowrite64_copy|__memcpy)$";
identifier af =~ "^(h_dest|h_source|addrs)$";
expression E1, X, E;
type T;
position q;
@@
(
sizeof(E)
|
 &E1->af[X]
|
g(..., <+... E1->af@q ...+>, ...)
|
E1->af@q[X]
|
 *(T)E1->af@q
|
 *E1->af@q
|
 *(T)(E1->af@q + X)
|
 *(E1->af@q + X)
)

@script:python@
q << nl03_afuse.q;
@@
for t in q:
    NL03_AF.setdefault(nl03_key(t), []).append((nl03_kind(t), None))

@nl03_afalias exists@
// A member kept in a local pointer that is then handed to a function or
// dereferenced (virtio_net's xmit_skb(): dest = ((struct ethhdr *)
// skb->data)->h_dest, printed by pr_debug("%pM")): used where it is taken.
identifier fn, V, g !~ "^(sizeof|ARRAY_SIZE|sizeof_field|FIELD_SIZEOF|offsetof|offsetofend|typeof|__typeof__|__same_type|BUILD_BUG_ON|static_assert|memcpy|unsafe_memcpy|memmove|memcpy_toio|__iowrite32_copy|__iowrite64_copy|__memcpy)$";
identifier af =~ "^(h_dest|h_source|addrs)$";
expression E1, X, Y;
type T, T3;
position q, pu;
@@
fn(...) {
... when any
(
T V = E1->af@q;
|
V = E1->af@q
)
... when != V = Y
    when any
(
g(..., <+... V@pu ...+>, ...)
|
V[X]@pu
|
 *(T3)V@pu
|
 *V@pu
|
 *(T3)(V@pu + X)
|
 *(V@pu + X)
)
... when any
}

@script:python@
q << nl03_afalias.q;
pu << nl03_afalias.pu;
V << nl03_afalias.V;
@@
NL03_AF.setdefault(nl03_key(q[0]), []).append((nl03_kind(pu[0]), V))

@nl03_ld@
// A value loaded from the frame with get_unaligned() and friends and
// stored in a structure field (a descriptor: mlx4's WQE gets the
// destination MAC so) is NL-08's (nl08_load, nl08_load_ptr) when it comes
// from skb->data: the terms of such a load are recorded, and the
// skb->data rules below leave them out.
identifier LD =~ "^(get_unaligned|get_unaligned_be16|get_unaligned_be32|get_unaligned_be64|get_unaligned_le16|get_unaligned_le32|get_unaligned_le64|be16_to_cpup|be32_to_cpup|be64_to_cpup|le16_to_cpup|le32_to_cpup|le64_to_cpup)$";
expression D : script:python () { not "".join(D.split()).isidentifier() };
expression E1, X;
identifier f;
type T;
position px, py;
@@
D = LD@px(..., <+... \(E1->f@py\|E1[X]@py\|*(T)E1@py\|*E1@py\|E1@py\) ...+>, ...)

@script:python@
px << nl03_ld.px;
py << nl03_ld.py;
@@
for q in px + py:
    NL03_NL08.add(nl03_key(q))

@nl03_acc exists@
identifier fn, f;
identifier H =~ "^(eth_hdr|skb_eth_hdr|vlan_eth_hdr|skb_vlan_eth_hdr|inner_eth_hdr|skb_mac_header|skb_network_header|skb_transport_header|skb_inner_mac_header|skb_inner_network_header|skb_inner_transport_header|ip_hdr|ipv6_hdr|tcp_hdr|udp_hdr|icmp_hdr|icmp6_hdr|sctp_hdr|ipip_hdr|inner_ip_hdr|inner_ipv6_hdr|inner_tcp_hdr|inner_udp_hdr|arp_hdr)$";
identifier R =~ "^(ether_addr_equal|ether_addr_equal_64bits|ether_addr_equal_unaligned|is_multicast_ether_addr|is_multicast_ether_addr_64bits|is_broadcast_ether_addr|is_zero_ether_addr|is_unicast_ether_addr|is_link_local_ether_addr|is_valid_ether_addr|ether_addr_copy|memcpy|unsafe_memcpy|memcmp|get_unaligned|get_unaligned_be16|get_unaligned_be32|get_unaligned_le16|get_unaligned_le32|be16_to_cpup|be32_to_cpup)$";
identifier af =~ "^(h_dest|h_source|addrs)$";
expression skb, X, E;
type T;
position p, pa;
statement S1, S2;
@@
fn(...) {
... when != pskb_may_pull(skb, ...)
    when != skb_linearize(skb)
    when != __skb_linearize(skb)
    when != skb_ensure_writable(skb, ...)
    when != if (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1 else S2
    when != while (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1
    when any
(
R(..., <+... \(H(skb)->f@p\|((T)H(skb))->f@p\) ...+>, ...)
|
R(..., \(H(skb)@p\|(T)H(skb)@p\|H(skb)@p + X\|(T)(H(skb)@p + X)\), ...)
|
sizeof(E)
|
 &H(skb)->f
|
 &((T)H(skb))->f
|
H(skb)->af@pa
|
 ((T)H(skb))->af@pa
|
H(skb)->f@p
|
 ((T)H(skb))->f@p
|
H(skb)[X]@p
|
 *H(skb)@p
|
 *(T)H(skb)@p
)
... when any
}

@script:python@
p << nl03_acc.p;
H << nl03_acc.H;
@@
nl03_hit(p[0], nl03_kind(p[0]), "%s()" % H, "for a headlen-0 skb the header is in frag 0, not in the head")

@script:python@
p << nl03_acc.pa;
H << nl03_acc.H;
@@
nl03_hit_af(p[0], True, "%s()" % H, "for a headlen-0 skb the header is in frag 0, not in the head")

@nl03_ptr exists@
identifier fn, f, P;
identifier H =~ "^(eth_hdr|skb_eth_hdr|vlan_eth_hdr|skb_vlan_eth_hdr|inner_eth_hdr|skb_mac_header|skb_network_header|skb_transport_header|skb_inner_mac_header|skb_inner_network_header|skb_inner_transport_header|ip_hdr|ipv6_hdr|tcp_hdr|udp_hdr|icmp_hdr|icmp6_hdr|sctp_hdr|ipip_hdr|inner_ip_hdr|inner_ipv6_hdr|inner_tcp_hdr|inner_udp_hdr|arp_hdr)$";
identifier R =~ "^(ether_addr_equal|ether_addr_equal_64bits|ether_addr_equal_unaligned|is_multicast_ether_addr|is_multicast_ether_addr_64bits|is_broadcast_ether_addr|is_zero_ether_addr|is_unicast_ether_addr|is_link_local_ether_addr|is_valid_ether_addr|ether_addr_copy|memcpy|unsafe_memcpy|memcmp|get_unaligned|get_unaligned_be16|get_unaligned_be32|get_unaligned_le16|get_unaligned_le32|be16_to_cpup|be32_to_cpup)$";
identifier af =~ "^(h_dest|h_source|addrs)$";
expression skb, X, Y, E;
type T, T2;
position p, pa;
statement S1, S2;
@@
fn(...) {
... when != pskb_may_pull(skb, ...)
    when != skb_linearize(skb)
    when != __skb_linearize(skb)
    when != skb_ensure_writable(skb, ...)
    when != if (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1 else S2
    when != while (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1
    when any
(
T P = \(H(skb)\|(T2)H(skb)\|(T2)(H(skb) + X)\|H(skb) + X\);
|
P = \(H(skb)\|(T2)H(skb)\|(T2)(H(skb) + X)\|H(skb) + X\)
)
... when != P = Y
    when any
(
R(..., <+... P->f@p ...+>, ...)
|
R(..., \(P@p\|(T2)P@p\|P@p + X\|(T2)(P@p + X)\), ...)
|
sizeof(E)
|
 &P->f
|
P->af@pa
|
P->f@p
|
P[X]@p
|
 *P@p
|
 *(T2)P@p
)
... when any
}

@script:python@
p << nl03_ptr.p;
H << nl03_ptr.H;
P << nl03_ptr.P;
@@
nl03_hit(p[0], nl03_kind(p[0]), "'%s' = %s()" % (P, H), "for a headlen-0 skb the header is in frag 0, not in the head")

@script:python@
p << nl03_ptr.pa;
H << nl03_ptr.H;
P << nl03_ptr.P;
@@
nl03_hit_af(p[0], True, "'%s' = %s()" % (P, H), "for a headlen-0 skb the header is in frag 0, not in the head")

@nl03_data exists@
identifier fn, f;
identifier R =~ "^(ether_addr_equal|ether_addr_equal_64bits|ether_addr_equal_unaligned|is_multicast_ether_addr|is_multicast_ether_addr_64bits|is_broadcast_ether_addr|is_zero_ether_addr|is_unicast_ether_addr|is_link_local_ether_addr|is_valid_ether_addr|ether_addr_copy|memcmp|get_unaligned|get_unaligned_be16|get_unaligned_be32|get_unaligned_le16|get_unaligned_le32|be16_to_cpup|be32_to_cpup)$";
identifier af =~ "^(h_dest|h_source|addrs)$";
expression X, E;
expression skb : script:python () { "skb" in skb.lower() };
type T, T2;
position p, pa;
statement S1, S2;
@@
fn(...) {
... when != pskb_may_pull(skb, ...)
    when != skb_linearize(skb)
    when != __skb_linearize(skb)
    when != skb_ensure_writable(skb, ...)
    when != if (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1 else S2
    when != while (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1
    when any
(
R@p(..., <+... skb->data ...+>, ...)
|
sizeof(E)
|
 &((T)<+... skb->data ...+>)->f
|
 ((T)<+... skb->data ...+>)->af@pa
|
 ((T)<+... skb->data ...+>)->f = E
|
 ((T)<+... skb->data ...+>)->f@p
|
skb->data[X]@p
|
 *(T)skb->data@p
|
 *(T)(skb->data@p + X)
|
 *(T)((T2)skb->data@p + X)
|
 *(skb->data@p + X)
)
... when any
}

@script:python@
p << nl03_data.p;
@@
nl03_data_hit(p[0], nl03_kind(p[0]), "skb->data", "for a headlen-0 skb skb->data is an empty head")

@script:python@
p << nl03_data.pa;
@@
nl03_hit_af(p[0], False, "skb->data", "for a headlen-0 skb skb->data is an empty head")

@nl03_dptr exists@
identifier fn, f, P;
identifier R =~ "^(ether_addr_equal|ether_addr_equal_64bits|ether_addr_equal_unaligned|is_multicast_ether_addr|is_multicast_ether_addr_64bits|is_broadcast_ether_addr|is_zero_ether_addr|is_unicast_ether_addr|is_link_local_ether_addr|is_valid_ether_addr|ether_addr_copy|memcmp|get_unaligned|get_unaligned_be16|get_unaligned_be32|get_unaligned_le16|get_unaligned_le32|be16_to_cpup|be32_to_cpup)$";
identifier af =~ "^(h_dest|h_source|addrs)$";
expression X, Y, E;
expression skb : script:python () { "skb" in skb.lower() };
type T, T2, T3;
position p, pa;
statement S1, S2;
@@
fn(...) {
... when != pskb_may_pull(skb, ...)
    when != skb_linearize(skb)
    when != __skb_linearize(skb)
    when != skb_ensure_writable(skb, ...)
    when != if (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1 else S2
    when != while (<+... \(skb_headlen(skb) < X\|skb_headlen(skb) <= X\|skb_headlen(skb) > X\|skb_headlen(skb) >= X\) ...+>) S1
    when any
(
T P = \((T2)skb->data\|(T2)(skb->data + X)\|(T2)((T3)skb->data + X)\|skb->data\|skb->data + X\|(T3)skb->data + X\);
|
P = \((T2)skb->data\|(T2)(skb->data + X)\|(T2)((T3)skb->data + X)\|skb->data\|skb->data + X\|(T3)skb->data + X\)
)
... when != P = Y
    when != skb_push(skb, ...)
    when != __skb_push(skb, ...)
    when any
(
R(..., <+... P->f@p ...+>, ...)
|
R(..., \(P@p\|(T2)P@p\|P@p + X\|(T2)(P@p + X)\), ...)
|
sizeof(E)
|
 &P->f
|
P->af@pa
|
P->f = E
|
P->f |= E
|
P->f &= E
|
P[X] = E
|
P->f@p
|
P[X]@p
|
 *P@p
|
 *(T2)P@p
)
... when any
}

@script:python@
p << nl03_dptr.p;
P << nl03_dptr.P;
@@
nl03_data_hit(p[0], nl03_kind(p[0]), "'%s' = skb->data" % P, "for a headlen-0 skb skb->data is an empty head")

@script:python@
p << nl03_dptr.pa;
P << nl03_dptr.P;
@@
nl03_hit_af(p[0], False, "'%s' = skb->data" % P, "for a headlen-0 skb skb->data is an empty head")

@nl03_ret@
expression X;
expression skb : script:python () { "skb" in skb.lower() };
type T;
position p;
@@
(
return@p (T)skb->data;
|
return@p (T)(skb->data + X);
)

@script:python@
p << nl03_ret.p;
@@
nl03_hit(p[0], None, "returns skb->data as a header pointer", "callers read the header from the head, empty for a headlen-0 skb")

@script:python@
@@
# No metavariables: runs once per file, after the rules above. Prints the
# queued hits, one per source line.
nl03_flush()
