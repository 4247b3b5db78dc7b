/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * skb_shapes: KUnit helpers that build TX skbs of the shapes a driver
 * setting IFF_TX_SKB_NO_LINEAR receives, the way the kernel builds them.
 *
 * Reusable by any driver's KUnit tests: add skb_shapes.o to the test
 * module and include this header.
 */
#ifndef _SKB_SHAPES_H_
#define _SKB_SHAPES_H_

#include <linux/atomic.h>
#include <linux/types.h>

struct kunit;
struct page;
struct sk_buff;

/**
 * enum skb_shape - layouts of a TX skb's bytes
 * @SKB_SHAPE_XSK: AF_XDP generic TX on an IFF_TX_SKB_NO_LINEAR device, as
 *	xsk_build_skb_zerocopy() builds it: headlen 0, the frame in frags
 *	pointing into UMEM pages, split where the chunk crosses a page.
 * @SKB_SHAPE_LINEAR: the copy path (no flag) and most of the stack: every
 *	byte in the linear head.
 * @SKB_SHAPE_HDR_SPLIT: headlen 0 and the headers split across frags of
 *	6, 7, 1 and 20 bytes: MAC addresses and even the EtherType straddle
 *	frags.
 * @SKB_SHAPE_PAGE_CROSS: headlen 0, one frag in a compound page that
 *	crosses the page boundary.
 * @SKB_SHAPE_MAX_FRAGS: headlen 0, MAX_SKB_FRAGS frags.
 * @SKB_SHAPE_MULTI_BUF: headlen 0, an AF_XDP multi-buffer frame
 *	(XDP_PKT_CONTD): three descriptors, three UMEM chunks.
 * @SKB_SHAPE_SHORT_HEAD: 8 bytes in the head, the rest of the Ethernet
 *	header in frag 0.
 * @NR_SKB_SHAPES: number of shapes.
 */
enum skb_shape {
	SKB_SHAPE_XSK,
	SKB_SHAPE_LINEAR,
	SKB_SHAPE_HDR_SPLIT,
	SKB_SHAPE_PAGE_CROSS,
	SKB_SHAPE_MAX_FRAGS,
	SKB_SHAPE_MULTI_BUF,
	SKB_SHAPE_SHORT_HEAD,
	NR_SKB_SHAPES
};

/* Bytes of poison after the head's data: a read past skb_headlen() of up
 * to this many bytes returns SKB_SHAPE_POISON, not frame bytes.
 */
#define SKB_SHAPE_POISON_LEN	128
#define SKB_SHAPE_POISON	0x6b

/**
 * struct skb_shape_spec - what to build
 * @shape: the layout
 * @len: frame length in bytes, Ethernet header included (>= 1)
 * @headroom: headroom to reserve, as xsk reserves
 *	max(NET_SKB_PAD, L1_CACHE_ALIGN(dev->needed_headroom))
 * @page_off: offset of the frame in its first page (the UMEM chunk's
 *	position); with @len, decides whether an XSK frame crosses pages
 * @cloned: hand out a clone and keep the original, as TCP does
 */
struct skb_shape_spec {
	enum skb_shape shape;
	unsigned int len;
	unsigned int headroom;
	unsigned int page_off;
	bool cloned;
};

#define SKB_SHAPE_MAX_PIECES	(MAX_SKB_FRAGS + 1)

/**
 * struct skb_shape_skb - a built skb and what a test checks against it
 * @skb: the skb to transmit (the clone, when cloned); its destructor counts
 *	frees into @freed
 * @orig: when cloned, the original, freed when the test ends
 * @frame: the frame's bytes, @len long, as the wire must carry them
 * @len: frame length
 * @freed: number of times @skb's destructor ran
 * @nr_pieces: frag pieces recorded for skb_shape_frags_intact()
 * @piece_page: page of each frag piece (referenced until the test ends)
 * @piece_off: offset of each piece in its page
 * @piece_len: length of each piece
 * @piece_frame_off: offset of each piece in @frame
 */
struct skb_shape_skb {
	struct sk_buff *skb;
	struct sk_buff *orig;
	u8 *frame;
	unsigned int len;
	atomic_t freed;
	unsigned int nr_pieces;
	struct page *piece_page[SKB_SHAPE_MAX_PIECES];
	unsigned int piece_off[SKB_SHAPE_MAX_PIECES];
	unsigned int piece_len[SKB_SHAPE_MAX_PIECES];
	unsigned int piece_frame_off[SKB_SHAPE_MAX_PIECES];
};

const char *skb_shape_name(enum skb_shape shape);
bool skb_shape_headlen_zero(enum skb_shape shape);
void skb_shape_fill_frame(u8 *buf, unsigned int len, u32 seed);
struct skb_shape_skb *skb_shape_build(struct kunit *test,
				      const struct skb_shape_spec *spec,
				      const u8 *frame);
bool skb_shape_frags_intact(const struct skb_shape_skb *s);
bool skb_shape_head_poisoned(const struct sk_buff *skb);

#endif /* _SKB_SHAPES_H_ */
