// SPDX-License-Identifier: GPL-2.0
/// NL-08: inline headers are gathered from the frags.
///
/// Flags, in a function on the ndo_start_xmit call graph, a copy out of
/// the head: memcpy()/unsafe_memcpy()/memcpy_toio() and friends with a
/// source taken from skb->data (directly or through a local pointer), and
/// skb_copy_from_linear_data()/skb_copy_from_linear_data_offset(), unless
/// the length is the head length itself (skb_headlen(skb),
/// skb->len - skb->data_len, or a variable holding one of them): that copy
/// never reads past the head (fec's bounce buffer, bnxt's push buffer).
///
/// Why: devices that need the first bytes of the frame in the descriptor
/// (mlx5's inline WQE segment, the kit's exnic "min-inline" profile) get
/// them copied from skb->data. For a headlen-0 skb the bytes are in frag 0:
/// the copy reads the empty head (garbage into the descriptor), or, where
/// the driver clamps the length to skb_headlen() as mlx5 does, copies
/// nothing and the device gets fewer inline bytes than it requires.
/// Gather with skb_copy_bits() (exnic_tx_inline_copy()).
///
/// Also flagged: a value loaded from the head with get_unaligned() and
/// friends (get_unaligned_be16(), be32_to_cpup(), ...) and stored in a
/// structure field, a descriptor's: mlx4_en_xmit() copies the destination
/// MAC into its WQE with get_unaligned((__be16 *)ethh->h_dest) for eSwitch
/// loopback. (A load into a local variable is a header read, NL-03's;
/// nl03_ld there leaves these stores to this rule.)
///
// Confidence: Moderate
// Options: --no-includes

@nl08_hlcopy@
identifier cfn =~ "^(memcpy|unsafe_memcpy|memmove|memcpy_toio|__iowrite32_copy|__iowrite64_copy|__memcpy)$";
expression skb, D, S, E1;
position ok;
@@
cfn@ok(D, S, \(skb_headlen(skb)\|E1 - skb->data_len\), ...)

@nl08_hlcopy_v exists@
identifier fn, V;
expression D, S;
identifier cfn =~ "^(memcpy|unsafe_memcpy|memmove|memcpy_toio|__iowrite32_copy|__iowrite64_copy|__memcpy|skb_copy_from_linear_data|skb_copy_from_linear_data_offset)$";
expression skb, E1, X;
type T;
position ok;
@@
fn(...) {
... when any
(
T V = \(skb_headlen(skb)\|E1 - skb->data_len\);
|
V = \(skb_headlen(skb)\|E1 - skb->data_len\)
)
... when != V = X
(
cfn@ok(D, S, V, ...)
|
cfn@ok(..., V)
)
... when any
}

@nl08_call@
identifier cfn =~ "^(memcpy|unsafe_memcpy|memmove|memcpy_toio|__iowrite32_copy|__iowrite64_copy|__memcpy)$";
expression D, L;
expression skb : script:python () { "skb" in skb.lower() };
position p != {nl08_hlcopy.ok, nl08_hlcopy_v.ok};
@@
cfn@p(D, <+... skb->data ...+>, L, ...)

@script:python@
p << nl08_call.p;
cfn << nl08_call.cfn;
@@
print("NLHIT|NL-08|fail|%s|%s|%s|%s||%s() from skb->data: for a headlen-0 skb the inline bytes are in frag 0" % (p[0].file, p[0].line, p[0].column, p[0].current_element, cfn))

@nl08_ptr exists@
identifier fn, P;
identifier cfn =~ "^(memcpy|unsafe_memcpy|memmove|memcpy_toio|__iowrite32_copy|__iowrite64_copy|__memcpy)$";
expression D, L, Y;
expression skb : script:python () { "skb" in skb.lower() };
type T;
position p != {nl08_hlcopy.ok, nl08_hlcopy_v.ok};
@@
fn(...) {
... when any
(
T P = <+... skb->data ...+>;
|
P = <+... skb->data ...+>
)
... when != P = Y
cfn@p(D, <+... P ...+>, L, ...)
... when any
}

@script:python@
p << nl08_ptr.p;
cfn << nl08_ptr.cfn;
P << nl08_ptr.P;
@@
print("NLHIT|NL-08|fail|%s|%s|%s|%s||%s() from '%s' = skb->data: for a headlen-0 skb the inline bytes are in frag 0" % (p[0].file, p[0].line, p[0].column, p[0].current_element, cfn, P))

@nl08_lin@
identifier lfn =~ "^(skb_copy_from_linear_data|skb_copy_from_linear_data_offset)$";
expression skb, L;
position p != nl08_hlcopy_v.ok;
@@
(
lfn(skb, ..., skb_headlen(skb))
|
lfn@p(skb, ..., L)
)

@script:python@
p << nl08_lin.p;
lfn << nl08_lin.lfn;
@@
print("NLHIT|NL-08|fail|%s|%s|%s|%s||%s() of more than skb_headlen(): for a headlen-0 skb the bytes are in frag 0" % (p[0].file, p[0].line, p[0].column, p[0].current_element, lfn))

@nl08_load@
identifier LD =~ "^(get_unaligned|get_unaligned_be16|get_unaligned_be32|get_unaligned_be64|get_unaligned_le16|get_unaligned_le32|get_unaligned_le64|be16_to_cpup|be32_to_cpup|be64_to_cpup|le16_to_cpup|le32_to_cpup|le64_to_cpup)$";
expression D : script:python () { not "".join(D.split()).isidentifier() };
expression skb : script:python () { "skb" in skb.lower() };
position p;
@@
D = LD@p(..., <+... skb->data ...+>, ...)

@script:python@
p << nl08_load.p;
LD << nl08_load.LD;
D << nl08_load.D;
@@
print("NLHIT|NL-08|fail|%s|%s|%s|%s||%s() from skb->data stored in %s: for a headlen-0 skb the inline bytes are in frag 0" % (p[0].file, p[0].line, p[0].column, p[0].current_element, LD, "".join(D.split())))

@nl08_load_ptr exists@
identifier fn, P;
identifier LD =~ "^(get_unaligned|get_unaligned_be16|get_unaligned_be32|get_unaligned_be64|get_unaligned_le16|get_unaligned_le32|get_unaligned_le64|be16_to_cpup|be32_to_cpup|be64_to_cpup|le16_to_cpup|le32_to_cpup|le64_to_cpup)$";
expression D : script:python () { not "".join(D.split()).isidentifier() };
expression skb : script:python () { "skb" in skb.lower() };
expression X, Y;
type T, T2, T3;
position p;
@@
fn(...) {
... when any
(
T P = \((T2)skb->data\|(T2)(skb->data + X)\|(T2)((T3)skb->data + X)\|skb->data\|skb->data + X\|(T3)skb->data + X\);
|
P = \((T2)skb->data\|(T2)(skb->data + X)\|(T2)((T3)skb->data + X)\|skb->data\|skb->data + X\|(T3)skb->data + X\)
)
... when != P = Y
    when any
D = LD@p(..., <+... P ...+>, ...)
... when any
}

@script:python@
p << nl08_load_ptr.p;
LD << nl08_load_ptr.LD;
D << nl08_load_ptr.D;
P << nl08_load_ptr.P;
@@
print("NLHIT|NL-08|fail|%s|%s|%s|%s||%s() from '%s' = skb->data stored in %s: for a headlen-0 skb the inline bytes are in frag 0" % (p[0].file, p[0].line, p[0].column, p[0].current_element, LD, P, "".join(D.split())))
