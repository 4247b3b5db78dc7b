// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for skb_shapes: the helpers must build exactly the layouts
 * they promise, or every driver test built on them proves nothing.
 */

#include <kunit/test.h>
#include <linux/skbuff.h>

#include "kunit_compat.h"
#include "skb_shapes.h"

struct skb_shapes_case {
	const char *name;
	struct skb_shape_spec spec;
	unsigned int nr_frags;		/* expected, 0: don't check */
	bool crosses_page;		/* some frag ends past its page */
};

static const struct skb_shapes_case skb_shapes_cases[] = {
	{ "xsk_60", { SKB_SHAPE_XSK, 60, 64, 0, false }, 1, false },
	{ "xsk_14", { SKB_SHAPE_XSK, 14, 64, 0, false }, 1, false },
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

static struct kunit_case skb_shapes_test_cases[] = {
	KUNIT_CASE_PARAM(skb_shapes_layout, skb_shapes_gen_params),
	KUNIT_CASE(skb_shapes_detects_frag_write),
	KUNIT_CASE(skb_shapes_linear_read_gets_poison),
	{}
};

static struct kunit_suite skb_shapes_test_suite = {
	.name = "skb_shapes",
	.test_cases = skb_shapes_test_cases,
};

kunit_test_suite(skb_shapes_test_suite);

MODULE_DESCRIPTION("KUnit tests for the skb-shape helpers");
MODULE_LICENSE("GPL");
