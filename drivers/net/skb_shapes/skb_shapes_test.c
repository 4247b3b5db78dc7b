// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for skb_shapes: the helpers must build exactly the layouts
 * they promise, or every driver test built on them proves nothing.
 */

#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/skbuff.h>
#include <net/skb_shapes.h>

#include "kunit_compat.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

struct skb_shapes_case {
	const char *name;
	struct skb_shape_spec spec;
	unsigned int nr_frags;		/* expected, 0: don't check */
	bool crosses_page;		/* some frag ends past its page */
};

static const struct skb_shapes_case skb_shapes_cases[] = {
	{ "xsk_60", { SKB_SHAPE_XSK, 60, 64, 0, false }, 1, false },
	{ "xsk_14", { SKB_SHAPE_XSK, 14, 64, 0, false }, 1, false },
	/* shorter than an Ethernet header: AF_XDP sends them as they are */
	{ "xsk_1", { SKB_SHAPE_XSK, 1, 64, 0, false }, 1, false },
	{ "xsk_13", { SKB_SHAPE_XSK, 13, 64, 0, false }, 1, false },
	{ "hdr_split_13", { SKB_SHAPE_HDR_SPLIT, 13, 64, 0, false }, 2, false },
	{ "page_cross_13", { SKB_SHAPE_PAGE_CROSS, 13, 64, 0, false }, 1, true },
	{ "short_head_6", { SKB_SHAPE_SHORT_HEAD, 6, 64, 0, false }, 0, false },
	{ "xsk_1500_chunk_at_3000",
	  { SKB_SHAPE_XSK, 1500, 64, 3000, false }, 2, false },
	{ "xsk_60_cloned", { SKB_SHAPE_XSK, 60, 64, 0, true }, 1, false },
	{ "linear_64", { SKB_SHAPE_LINEAR, 64, 64, 0, false }, 0, false },
	{ "hdr_split_128", { SKB_SHAPE_HDR_SPLIT, 128, 64, 0, false }, 5, false },
	{ "hdr_split_20", { SKB_SHAPE_HDR_SPLIT, 20, 64, 0, false }, 4, false },
	{ "page_cross_1000",
	  { SKB_SHAPE_PAGE_CROSS, 1000, 64, 0, false }, 1, true },
	{ "max_frags_1500",
	  { SKB_SHAPE_MAX_FRAGS, 1500, 64, 0, false }, MAX_SKB_FRAGS, false },
	{ "multi_buf_9000",
	  { SKB_SHAPE_MULTI_BUF, 9000, 64, 0, false }, 3, false },
	{ "short_head_64",
	  { SKB_SHAPE_SHORT_HEAD, 64, 64, 0, false }, 1, false },
};

static void skb_shapes_case_desc(const struct skb_shapes_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(skb_shapes, skb_shapes_cases, skb_shapes_case_desc);

static void skb_shapes_layout(struct kunit *test)
{
	const struct skb_shapes_case *c = test->param_value;
	const struct skb_shape_spec *spec = &c->spec;
	struct skb_shape_skb *s;
	bool crosses = false;
	struct sk_buff *skb;
	unsigned int i;
	u8 *frame, *copy;

	frame = kunit_kmalloc(test, spec->len, GFP_KERNEL);
	copy = kunit_kmalloc(test, spec->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	skb_shape_fill_frame(frame, spec->len, 1);

	s = skb_shape_build(test, spec, frame);
	skb = s->skb;

	KUNIT_EXPECT_EQ(test, skb->len, spec->len);
	if (skb_shape_headlen_zero(spec->shape)) {
		KUNIT_EXPECT_EQ(test, skb_headlen(skb), 0);
		KUNIT_EXPECT_TRUE(test, skb_shape_head_poisoned(skb));
	} else {
		KUNIT_EXPECT_GT(test, skb_headlen(skb), 0);
	}
	KUNIT_EXPECT_GE(test, skb_headroom(skb), spec->headroom);
	if (c->nr_frags)
		KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->nr_frags, c->nr_frags);
	KUNIT_EXPECT_EQ(test, skb_cloned(skb), spec->cloned);

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];

		KUNIT_EXPECT_GT(test, skb_frag_size(frag), 0);
		if (offset_in_page(skb_frag_off(frag)) + skb_frag_size(frag) >
		    PAGE_SIZE)
			crosses = true;
	}
	KUNIT_EXPECT_EQ(test, crosses, c->crosses_page);

	KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, copy, spec->len), 0);
	KUNIT_EXPECT_MEMEQ(test, copy, frame, spec->len);
	KUNIT_EXPECT_TRUE(test, skb_shape_frags_intact(s));

	KUNIT_EXPECT_EQ(test, atomic_read(&s->freed), 0);
	kfree_skb(skb);
	KUNIT_EXPECT_EQ(test, atomic_read(&s->freed), 1);
	/* the helper's page references outlive the skb */
	KUNIT_EXPECT_TRUE(test, skb_shape_frags_intact(s));
}

/* A frag write must be caught: the check is what driver tests rely on. */
static void skb_shapes_detects_frag_write(struct kunit *test)
{
	struct skb_shape_spec spec = { SKB_SHAPE_XSK, 60, 64, 0, false };
	struct skb_shape_skb *s;
	u8 frame[60], *p;

	skb_shape_fill_frame(frame, sizeof(frame), 2);
	s = skb_shape_build(test, &spec, frame);
	KUNIT_ASSERT_TRUE(test, skb_shape_frags_intact(s));

	p = skb_frag_address(&skb_shinfo(s->skb)->frags[0]);
	p[ETH_HLEN] ^= 0xff;
	KUNIT_EXPECT_FALSE(test, skb_shape_frags_intact(s));
	kfree_skb(s->skb);
}

/* Reading the Ethernet header the linear way from a headlen-0 skb
 * returns poison, so a linear-assuming driver sends garbage.
 */
static void skb_shapes_linear_read_gets_poison(struct kunit *test)
{
	struct skb_shape_spec spec = { SKB_SHAPE_XSK, 64, 64, 0, false };
	struct skb_shape_skb *s;
	u8 frame[64];

	skb_shape_fill_frame(frame, sizeof(frame), 3);
	s = skb_shape_build(test, &spec, frame);
	KUNIT_EXPECT_EQ(test, s->skb->data[12], SKB_SHAPE_POISON);
	KUNIT_EXPECT_NE(test, s->skb->data[12], frame[12]);
	kfree_skb(s->skb);
}

/* skb_shape_fits() says yes exactly where skb_shape_build() can build. */
static void skb_shapes_fits_what_builds(struct kunit *test)
{
	static const unsigned int lens[] = { 1, 2, 3, 13, 16, 17, 60, 1514,
					     9000 };
	unsigned int shape, i;
	u8 *frame;

	frame = kunit_kmalloc(test, 9000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	skb_shape_fill_frame(frame, 9000, 4);
	KUNIT_EXPECT_FALSE(test, skb_shape_fits(SKB_SHAPE_MAX_FRAGS,
						MAX_SKB_FRAGS - 1));
	KUNIT_EXPECT_FALSE(test, skb_shape_fits(SKB_SHAPE_MULTI_BUF, 2));
	KUNIT_EXPECT_FALSE(test, skb_shape_fits(SKB_SHAPE_XSK, 0));
	KUNIT_EXPECT_TRUE(test, skb_shape_fits(SKB_SHAPE_XSK, 1));
	for (shape = 0; shape < NR_SKB_SHAPES; shape++) {
		for (i = 0; i < ARRAY_SIZE(lens); i++) {
			struct skb_shape_spec spec = { shape, lens[i], 64, 0 };
			struct skb_shape_skb *s;

			if (!skb_shape_fits(shape, lens[i]))
				continue;
			/* freed by the helpers when the test ends */
			s = skb_shape_build(test, &spec, frame);
			KUNIT_EXPECT_EQ_MSG(test, s->skb->len, lens[i], "%s %u",
					    skb_shape_name(shape), lens[i]);
		}
	}
}

struct skb_shapes_page_ref {
	struct kunit *test;
	struct page *page;
};

/* Runs after the shape's own cleanup: by then the skb must be freed and
 * the shape's page reference dropped, which leaves only ours.
 */
static void skb_shapes_expect_last_ref(void *data)
{
	struct skb_shapes_page_ref *ref = data;

	if (!ref->page)
		return;
	KUNIT_EXPECT_EQ_MSG(ref->test, page_ref_count(ref->page), 1,
			    "the unfreed skb still holds its frag page");
	put_page(ref->page);
}

/* A test that never frees its skb (one that failed half-way) leaks
 * nothing: the helpers free it when the test ends.
 */
static void skb_shapes_frees_unfreed_skb(struct kunit *test)
{
	struct skb_shape_spec spec = { SKB_SHAPE_XSK, 60, 64, 0, true };
	struct skb_shapes_page_ref *ref;
	struct skb_shape_skb *s;
	u8 frame[60];
	int err;

	ref = kunit_kzalloc(test, sizeof(*ref), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ref);
	ref->test = test;
	/* registered first, so it runs after the shape's cleanup */
	err = kunit_add_action_or_reset(test, skb_shapes_expect_last_ref, ref);
	KUNIT_ASSERT_EQ(test, err, 0);
	skb_shape_fill_frame(frame, sizeof(frame), 5);
	s = skb_shape_build(test, &spec, frame);
	ref->page = s->piece_page[0];
	get_page(ref->page);
	/* the skb (its clone shares the frags), the shape's and ours */
	KUNIT_EXPECT_EQ(test, page_ref_count(ref->page), 3);
}

/* Runs skb_shape_check_dma() on a test of its own, to see it fail. */
static bool skb_shapes_dma_rejects(struct kunit *test,
				   const struct skb_shape_skb *s,
				   struct device *dev,
				   const struct skb_shape_dma *bufs,
				   unsigned int nr, unsigned int pad_to)
{
	struct kunit probe;
	bool failed;
	int ret;

	kunit_init_test(&probe, "skb_shapes_dma_probe", NULL);
	ret = skb_shape_check_dma(&probe, s, dev, bufs, nr, pad_to);
	failed = probe.status == KUNIT_FAILURE;
	kunit_cleanup(&probe);
	KUNIT_EXPECT_LT(test, ret, 0);
	return failed;
}

/* The DMA checker passes what a correct driver maps and rejects zero
 * lengths, wrong or missing bytes and non-zero padding.
 */
static void skb_shapes_dma_check(struct kunit *test)
{
	struct skb_shape_spec spec = { SKB_SHAPE_HDR_SPLIT, 13, 64, 0 };
	struct skb_shape_dma bufs[4] = {}, pad_buf;
	struct pci_dev *pdev = skb_shape_pci_dev(test);
	struct device *dev = &pdev->dev;
	struct skb_shape_skb *s;
	unsigned int i, nr;
	dma_addr_t pad;
	u8 frame[13];
	void *zeroes;

	skb_shape_fill_frame(frame, sizeof(frame), 6);
	s = skb_shape_build(test, &spec, frame);
	nr = skb_shinfo(s->skb)->nr_frags;
	KUNIT_ASSERT_EQ(test, nr, 2);
	for (i = 0; i < nr; i++) {
		const skb_frag_t *frag = &skb_shinfo(s->skb)->frags[i];

		bufs[i].len = skb_frag_size(frag);
		bufs[i].addr = skb_frag_dma_map(dev, frag, 0, bufs[i].len,
						DMA_TO_DEVICE);
		KUNIT_ASSERT_FALSE(test, dma_mapping_error(dev, bufs[i].addr));
	}
	zeroes = dma_alloc_coherent(dev, 17, &pad, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, zeroes);
	memset(zeroes, 0, 17);
	pad_buf = (struct skb_shape_dma){ pad, 17 - 13 };

	KUNIT_EXPECT_EQ(test, skb_shape_check_dma(test, s, dev, bufs, nr, 0),
			13);
	/* a pad of zeroes up to pad_to */
	bufs[nr] = pad_buf;
	KUNIT_EXPECT_EQ(test, skb_shape_check_dma(test, s, dev, bufs, nr + 1,
						  17), 17);
	/* ... but not past it, and not where no pad is allowed */
	KUNIT_EXPECT_TRUE(test, skb_shapes_dma_rejects(test, s, dev, bufs,
						       nr + 1, 16));
	KUNIT_EXPECT_TRUE(test, skb_shapes_dma_rejects(test, s, dev, bufs,
						       nr + 1, 0));
	/* a pad that is not zero */
	((u8 *)zeroes)[2] = 0x5a;
	KUNIT_EXPECT_TRUE(test, skb_shapes_dma_rejects(test, s, dev, bufs,
						       nr + 1, 17));
	/* a zero-length buffer, as a linear-assuming driver maps the head */
	bufs[nr] = bufs[nr - 1];
	bufs[nr - 1].len = 0;
	KUNIT_EXPECT_TRUE(test, skb_shapes_dma_rejects(test, s, dev, bufs,
						       nr + 1, 0));
	bufs[nr - 1] = bufs[nr];
	/* the frags in the wrong order, and one missing */
	swap(bufs[0], bufs[1]);
	KUNIT_EXPECT_TRUE(test, skb_shapes_dma_rejects(test, s, dev, bufs,
						       nr, 0));
	swap(bufs[0], bufs[1]);
	KUNIT_EXPECT_TRUE(test, skb_shapes_dma_rejects(test, s, dev, bufs,
						       nr - 1, 0));
	/* an address the device cannot reach */
	bufs[nr] = (struct skb_shape_dma){ 0, 4 };
	KUNIT_EXPECT_TRUE(test, skb_shapes_dma_rejects(test, s, dev, bufs,
						       nr + 1, 17));

	dma_free_coherent(dev, 17, zeroes, pad);
	for (i = 0; i < nr; i++)
		dma_unmap_page(dev, bufs[i].addr, bufs[i].len, DMA_TO_DEVICE);
	kfree_skb(s->skb);
}

static struct kunit_case skb_shapes_test_cases[] = {
	KUNIT_CASE_PARAM(skb_shapes_layout, skb_shapes_gen_params),
	KUNIT_CASE(skb_shapes_detects_frag_write),
	KUNIT_CASE(skb_shapes_linear_read_gets_poison),
	KUNIT_CASE(skb_shapes_fits_what_builds),
	KUNIT_CASE(skb_shapes_frees_unfreed_skb),
	KUNIT_CASE(skb_shapes_dma_check),
	{}
};

static struct kunit_suite skb_shapes_test_suite = {
	.name = "skb_shapes",
	.test_cases = skb_shapes_test_cases,
};

kunit_test_suite(skb_shapes_test_suite);

MODULE_DESCRIPTION("KUnit tests for the skb-shape helpers");
MODULE_LICENSE("GPL");
