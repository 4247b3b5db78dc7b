/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * skb_shapes: KUnit helpers that build TX skbs of the shapes a driver
 * setting IFF_TX_SKB_NO_LINEAR receives, the way the kernel builds them,
 * and check what the driver handed its device (drivers/net/skb_shapes/).
 *
 * A driver's KUnit test uses them through CONFIG_SKB_SHAPES: its Kconfig
 * entry selects SKB_SHAPES (never builds skb_shapes.o itself), and the test
 * module has MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING); the helpers are
 * exported for KUnit only.
 *
 * Ownership. skb_shape_build() returns a struct skb_shape_skb that lives
 * as long as the test. Its skb belongs to the code under test once the
 * test hands it over (the driver frees it, and the destructor counts the
 * free in @freed). When the test ends, an skb whose destructor has not run
 * is freed by the helpers (a test that failed half-way leaks nothing),
 * then the clone's original and the frag pages. That cleanup is a KUnit
 * deferred action registered by skb_shape_build(), and actions run in
 * reverse order: anything of the test that may still free the skb (a
 * ring, a device) must be torn down before it, in the test body, in the
 * suite's .exit, or by an action registered after skb_shape_build(). The
 * skb's destructor writes into the struct skb_shape_skb, so the skb must
 * never outlive the test.
 */
#ifndef _SKB_SHAPES_H_
#define _SKB_SHAPES_H_

#include <linux/atomic.h>
#include <linux/skbuff.h>
#include <linux/types.h>

struct device;
struct kunit;
struct pci_dev;

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
 * @len: frame length in bytes, Ethernet header included (>= 1; 1 to 13
 *	is a frame shorter than an Ethernet header, which AF_XDP sends as
 *	it is: it rejects only empty descriptors)
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

/**
 * struct skb_shape_dma - one buffer a driver gave its device
 * @addr: DMA address, as written into the descriptor
 * @len: length in bytes, as written into the descriptor
 */
struct skb_shape_dma {
	dma_addr_t addr;
	unsigned int len;
};

const char *skb_shape_name(enum skb_shape shape);
bool skb_shape_headlen_zero(enum skb_shape shape);
bool skb_shape_fits(enum skb_shape shape, unsigned int len);
void skb_shape_fill_frame(u8 *buf, unsigned int len, u32 seed);
struct skb_shape_skb *skb_shape_build(struct kunit *test,
				      const struct skb_shape_spec *spec,
				      const u8 *frame);
bool skb_shape_frags_intact(const struct skb_shape_skb *s);
bool skb_shape_head_poisoned(const struct sk_buff *skb);

struct pci_dev *skb_shape_pci_dev(struct kunit *test);
int skb_shape_check_dma(struct kunit *test, const struct skb_shape_skb *s,
			struct device *dev, const struct skb_shape_dma *bufs,
			unsigned int nr, unsigned int pad_to);

#endif /* _SKB_SHAPES_H_ */
