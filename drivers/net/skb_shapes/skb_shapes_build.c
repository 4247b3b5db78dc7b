// SPDX-License-Identifier: GPL-2.0-only
/*
 * skb_shapes: build TX skbs of the shapes an IFF_TX_SKB_NO_LINEAR driver
 * receives, the way the kernel builds them (net/xdp/xsk.c), for KUnit.
 */

#include <kunit/test.h>
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/highmem.h>
#include <linux/module.h>
#include <linux/skbuff.h>
#include <net/skb_shapes.h>

#include "kunit_compat.h"

#define SKB_SHAPE_ETHERTYPE	0x88b5	/* IEEE local experimental */
#define SKB_SHAPE_SHORT_HEADLEN	8
#define SKB_SHAPE_MULTI_BUFS	3

static const char * const skb_shape_names[NR_SKB_SHAPES] = {
	[SKB_SHAPE_XSK]		= "xsk",
	[SKB_SHAPE_LINEAR]	= "linear",
	[SKB_SHAPE_HDR_SPLIT]	= "hdr_split",
	[SKB_SHAPE_PAGE_CROSS]	= "page_cross",
	[SKB_SHAPE_MAX_FRAGS]	= "max_frags",
	[SKB_SHAPE_MULTI_BUF]	= "multi_buf",
	[SKB_SHAPE_SHORT_HEAD]	= "short_head",
};

/**
 * skb_shape_name() - short name of a shape, for test case names
 * @shape: the shape
 *
 * Return: a static string.
 */
const char *skb_shape_name(enum skb_shape shape)
{
	return shape < NR_SKB_SHAPES ? skb_shape_names[shape] : "invalid";
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_name);

/**
 * skb_shape_headlen_zero() - whether a shape has an empty linear part
 * @shape: the shape
 *
 * Return: true when skb_headlen() of the built skb is 0.
 */
bool skb_shape_headlen_zero(enum skb_shape shape)
{
	return shape != SKB_SHAPE_LINEAR && shape != SKB_SHAPE_SHORT_HEAD;
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_headlen_zero);

/**
 * skb_shape_fits() - whether a shape can be built at a length
 * @shape: the shape
 * @len: frame length in bytes
 *
 * Every shape takes 1 byte and up, but MAX_FRAGS needs a byte per frag
 * and MULTI_BUF one per buffer, and a MAX_FRAGS frag must fit its page.
 *
 * Return: true when skb_shape_build() can build @shape of @len bytes.
 */
bool skb_shape_fits(enum skb_shape shape, unsigned int len)
{
	switch (shape) {
	case SKB_SHAPE_MAX_FRAGS:
		return len >= MAX_SKB_FRAGS &&
		       len - (MAX_SKB_FRAGS - 1) * (len / MAX_SKB_FRAGS) <=
		       PAGE_SIZE;
	case SKB_SHAPE_MULTI_BUF:
		return len >= SKB_SHAPE_MULTI_BUFS;
	case SKB_SHAPE_PAGE_CROSS:
		return len >= 2 && len - len / 2 <= PAGE_SIZE;
	default:
		return shape < NR_SKB_SHAPES && len >= 1;
	}
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_fits);

/**
 * skb_shape_fill_frame() - write a recognisable Ethernet frame
 * @buf: destination, @len bytes
 * @len: frame length; frames shorter than a header get its first bytes
 * @seed: varies the payload so frames of one test differ
 *
 * Destination 02:00:00:00:00:02, source 02:00:00:00:00:01, EtherType
 * 0x88b5, then a payload in which every byte depends on its offset.
 */
void skb_shape_fill_frame(u8 *buf, unsigned int len, u32 seed)
{
	static const u8 hdr[ETH_HLEN] = {
		0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01,
		SKB_SHAPE_ETHERTYPE >> 8, SKB_SHAPE_ETHERTYPE & 0xff,
	};
	unsigned int i;

	memcpy(buf, hdr, min_t(unsigned int, len, ETH_HLEN));
	for (i = ETH_HLEN; i < len; i++)
		buf[i] = (u8)(seed + i * 7 + (i >> 8));
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_fill_frame);

/* Copies between @buf and a page range that may span pages of a
 * compound page; highmem-safe.
 */
static void skb_shape_page_copy(struct page *page, unsigned int off,
				u8 *buf, unsigned int len, bool to_page)
{
	while (len) {
		unsigned int in_page = offset_in_page(off);
		unsigned int chunk = min_t(unsigned int, len,
					   PAGE_SIZE - in_page);
		u8 *vaddr = kmap_local_page(nth_page(page, off >> PAGE_SHIFT));

		if (to_page)
			memcpy(vaddr + in_page, buf, chunk);
		else
			memcpy(buf, vaddr + in_page, chunk);
		kunmap_local(vaddr);
		buf += chunk;
		off += chunk;
		len -= chunk;
	}
}

/* Records one frag piece: @page gets one reference for the skb (taken
 * here, from the allocation) and one for the check at the end.
 */
static int skb_shape_add_piece(struct skb_shape_skb *s, struct page *page,
			       unsigned int off, unsigned int len,
			       unsigned int frame_off)
{
	unsigned int i = s->nr_pieces;

	if (i >= MAX_SKB_FRAGS)
		return -E2BIG;
	skb_shape_page_copy(page, off, s->frame + frame_off, len, true);
	s->piece_page[i] = page;
	s->piece_off[i] = off;
	s->piece_len[i] = len;
	s->piece_frame_off[i] = frame_off;
	s->nr_pieces++;
	return 0;
}

/* One UMEM chunk of @len frame bytes starting @page_off into a fresh
 * page, split at page boundaries as xsk_build_skb_zerocopy() splits it.
 */
static int skb_shape_add_chunk(struct skb_shape_skb *s, unsigned int frame_off,
			       unsigned int len, unsigned int page_off)
{
	page_off = offset_in_page(page_off);
	while (len) {
		unsigned int piece = min_t(unsigned int, len,
					   PAGE_SIZE - page_off);
		struct page *page = alloc_page(GFP_KERNEL);
		int err;

		if (!page)
			return -ENOMEM;
		err = skb_shape_add_piece(s, page, page_off, piece, frame_off);
		if (err) {
			put_page(page);
			return err;
		}
		frame_off += piece;
		len -= piece;
		page_off = 0;
	}
	return 0;
}

static int skb_shape_add_page_cross(struct skb_shape_skb *s,
				    unsigned int frame_off, unsigned int len)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 1);
	unsigned int before = min(len / 2, (unsigned int)PAGE_SIZE);
	int err;

	if (!page)
		return -ENOMEM;
	err = skb_shape_add_piece(s, page, PAGE_SIZE - before, len, frame_off);
	if (err)
		put_page(page);
	return err;
}

static int skb_shape_lay_out(struct skb_shape_skb *s,
			     const struct skb_shape_spec *spec,
			     unsigned int headlen)
{
	static const unsigned int split[] = { 6, 7, 1, 20 };
	unsigned int off = headlen, len = spec->len - headlen;
	unsigned int i, n, piece;
	int err = 0;

	switch (spec->shape) {
	case SKB_SHAPE_LINEAR:
		return 0;
	case SKB_SHAPE_XSK:
	case SKB_SHAPE_SHORT_HEAD:
		return skb_shape_add_chunk(s, off, len, spec->page_off);
	case SKB_SHAPE_PAGE_CROSS:
		return skb_shape_add_page_cross(s, off, len);
	case SKB_SHAPE_HDR_SPLIT:
		for (i = 0; i < ARRAY_SIZE(split) && len && !err; i++) {
			piece = min(split[i], len);
			err = skb_shape_add_chunk(s, off, piece, spec->page_off);
			off += piece;
			len -= piece;
		}
		if (len && !err)
			err = skb_shape_add_chunk(s, off, len, spec->page_off);
		return err;
	case SKB_SHAPE_MAX_FRAGS:
	case SKB_SHAPE_MULTI_BUF:
		n = spec->shape == SKB_SHAPE_MAX_FRAGS ? MAX_SKB_FRAGS :
							 SKB_SHAPE_MULTI_BUFS;
		if (len < n)
			return -EINVAL;
		for (i = 0; i < n && !err; i++) {
			piece = i < n - 1 ? len / n : len - (n - 1) * (len / n);
			/* MAX_FRAGS: each piece fits its page, one frag each */
			err = skb_shape_add_chunk(s, off, piece,
						  spec->shape == SKB_SHAPE_MAX_FRAGS ?
						  0 : spec->page_off);
			off += piece;
		}
		return err;
	default:
		return -EINVAL;
	}
}

static void skb_shape_destruct(struct sk_buff *skb)
{
	struct skb_shape_skb *s = skb_shinfo(skb)->destructor_arg;

	atomic_inc(&s->freed);
}

/* The test's end: an skb the code under test never freed is freed here
 * (its destructor still counts into @s, which outlives this action).
 */
static void skb_shape_release(void *data)
{
	struct skb_shape_skb *s = data;
	unsigned int i;

	if (s->skb && !atomic_read(&s->freed))
		kfree_skb(s->skb);
	kfree_skb(s->orig);
	for (i = 0; i < s->nr_pieces; i++)
		put_page(s->piece_page[i]);
}

/**
 * skb_shape_build() - build a TX skb of a given shape
 * @test: the test; when it ends, the skb is freed unless its destructor
 *	has run, then the original of a clone and the pages (see the
 *	ownership rules in include/net/skb_shapes.h)
 * @spec: shape, length, headroom, page offset, clone
 * @frame: the frame's bytes (@spec->len), e.g. from skb_shape_fill_frame()
 *
 * The linear area after skb_headlen() holds SKB_SHAPE_POISON, so a driver
 * that reads headers through skb->data or eth_hdr() on a headlen-0 skb
 * reads poison. Unlike xsk, which allocates one byte of linear data, the
 * head has SKB_SHAPE_POISON_LEN bytes, so such a read returns poison
 * instead of a slab neighbour (under KASAN xsk's one byte is the stricter
 * test). skb->dev and the queue mapping are the caller's to set.
 *
 * Return: the built skb and its expectations; the test fails and aborts
 * when the skb cannot be built.
 */
struct skb_shape_skb *skb_shape_build(struct kunit *test,
				      const struct skb_shape_spec *spec,
				      const u8 *frame)
{
	unsigned int headlen = 0, data_len = 0, i;
	struct skb_shape_skb *s;
	struct sk_buff *skb;
	int err;

	KUNIT_ASSERT_GT(test, spec->len, 0);
	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	s->frame = kunit_kmalloc(test, spec->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s->frame);
	memcpy(s->frame, frame, spec->len);
	s->len = spec->len;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, skb_shape_release,
							s), 0);

	if (spec->shape == SKB_SHAPE_LINEAR)
		headlen = spec->len;
	else if (spec->shape == SKB_SHAPE_SHORT_HEAD)
		headlen = min_t(unsigned int, spec->len, SKB_SHAPE_SHORT_HEADLEN);

	err = skb_shape_lay_out(s, spec, headlen);
	KUNIT_ASSERT_EQ_MSG(test, err, 0, "cannot lay out %s of %u bytes",
			    skb_shape_name(spec->shape), spec->len);

	skb = alloc_skb(spec->headroom + headlen + SKB_SHAPE_POISON_LEN,
			GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, spec->headroom);
	skb_put_data(skb, frame, headlen);
	memset(skb_tail_pointer(skb), SKB_SHAPE_POISON, skb_tailroom(skb));

	for (i = 0; i < s->nr_pieces; i++) {
		/* the skb takes the allocation's reference, s keeps its own */
		get_page(s->piece_page[i]);
		skb_fill_page_desc(skb, i, s->piece_page[i], s->piece_off[i],
				   s->piece_len[i]);
		data_len += s->piece_len[i];
	}
	skb->len += data_len;
	skb->data_len = data_len;
	skb->truesize += s->nr_pieces * PAGE_SIZE;
	skb_reset_mac_header(skb);
	if (spec->shape == SKB_SHAPE_LINEAR && spec->len >= ETH_HLEN)
		skb->protocol = eth_hdr(skb)->h_proto;

	if (spec->cloned) {
		s->orig = skb;
		skb = skb_clone(s->orig, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, skb);
	}
	skb_shinfo(skb)->destructor_arg = s;
	skb->destructor = skb_shape_destruct;
	s->skb = skb;
	return s;
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_build);

/**
 * skb_shape_frags_intact() - whether the frag pages still hold the frame
 * @s: a built skb, possibly already freed by the driver
 *
 * A driver must never write into frag pages: on the AF_XDP path they are
 * the user's UMEM.
 *
 * Return: true when every frag byte equals the frame's byte.
 */
bool skb_shape_frags_intact(const struct skb_shape_skb *s)
{
	u8 buf[64];
	unsigned int i;

	for (i = 0; i < s->nr_pieces; i++) {
		unsigned int done = 0;

		while (done < s->piece_len[i]) {
			unsigned int n = min_t(unsigned int, sizeof(buf),
					       s->piece_len[i] - done);

			skb_shape_page_copy(s->piece_page[i],
					    s->piece_off[i] + done, buf, n,
					    false);
			if (memcmp(buf, s->frame + s->piece_frame_off[i] + done,
				   n))
				return false;
			done += n;
		}
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_frags_intact);

/**
 * skb_shape_head_poisoned() - whether the head past headlen is poison
 * @skb: an skb from skb_shape_build()
 *
 * Return: true when the first bytes after skb_headlen() are still
 * SKB_SHAPE_POISON (nothing was copied into the head behind our back).
 */
bool skb_shape_head_poisoned(const struct sk_buff *skb)
{
	/* not skb_tailroom(): it is 0 for any non-linear skb */
	unsigned int room = skb_end_pointer(skb) - skb_tail_pointer(skb);
	unsigned int i, n = min_t(unsigned int, ETH_HLEN, room);
	const u8 *p = skb_tail_pointer(skb);

	for (i = 0; i < n; i++)
		if (p[i] != SKB_SHAPE_POISON)
			return false;
	return n > 0;
}
EXPORT_SYMBOL_IF_KUNIT(skb_shape_head_poisoned);

MODULE_DESCRIPTION("KUnit helpers: TX skbs of the shapes IFF_TX_SKB_NO_LINEAR drivers receive");
MODULE_LICENSE("GPL");
