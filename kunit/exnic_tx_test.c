// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of exnic's TX path: every skb shape an IFF_TX_SKB_NO_LINEAR
 * driver receives, in every quirk profile of the simulated device, through
 * the real ndo_start_xmit. The device reads the frame through the DMA
 * addresses in the descriptors, so a wrong mapping, length, order or
 * missing sync shows up as wrong bytes on its "wire".
 */

#include <kunit/test.h>
#include <kunit/visibility.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <net/checksum.h>
#include <net/skb_shapes.h>

#include "exnic.h"
#include "exnic_test_dev.h"
#include "kunit_compat.h"

/* ------------------------------------------------------------------
 * profile x shape
 * ------------------------------------------------------------------
 */

static const char * const exnic_test_profiles[] = {
	"none", "no-zero-len", "min-inline", "tx-header", "trailer",
	"max-bufs", "dma-align", "no-pad", "strict",
};

struct exnic_test_shape {
	const char *name;
	enum skb_shape shape;
	unsigned int len;
	unsigned int page_off;
	bool cloned;
};

static const struct exnic_test_shape exnic_test_shapes[] = {
	{ "xsk_60", SKB_SHAPE_XSK, 60, 0, false },
	{ "xsk_tiny_20", SKB_SHAPE_XSK, 20, 0, false },
	{ "xsk_1500_crossing", SKB_SHAPE_XSK, 1500, 3000, false },
	{ "xsk_unaligned_301", SKB_SHAPE_XSK, 301, 3, false },
	{ "xsk_cloned", SKB_SHAPE_XSK, 128, 0, true },
	{ "linear_60", SKB_SHAPE_LINEAR, 60, 0, false },
	{ "linear_tiny_20", SKB_SHAPE_LINEAR, 20, 0, false },
	{ "linear_cloned", SKB_SHAPE_LINEAR, 200, 0, true },
	{ "hdr_split_128", SKB_SHAPE_HDR_SPLIT, 128, 0, false },
	{ "hdr_split_tiny_30", SKB_SHAPE_HDR_SPLIT, 30, 0, false },
	{ "page_cross_1000", SKB_SHAPE_PAGE_CROSS, 1000, 0, false },
	{ "max_frags_1500", SKB_SHAPE_MAX_FRAGS, 1500, 0, false },
	{ "multi_buf_4000", SKB_SHAPE_MULTI_BUF, 4000, 0, false },
	{ "short_head_64", SKB_SHAPE_SHORT_HEAD, 64, 0, false },
	/*
	 * Shorter than an Ethernet header: AF_XDP refuses only empty frames.
	 * MAX_FRAGS needs a byte a frag, 17 at least; SHORT_HEAD is linear
	 * up to 8 bytes.
	 */
	{ "xsk_sub_1", SKB_SHAPE_XSK, 1, 0, false },
	{ "xsk_sub_6", SKB_SHAPE_XSK, 6, 0, false },
	{ "xsk_sub_12_crossing", SKB_SHAPE_XSK, 12, 4090, false },
	{ "xsk_sub_13", SKB_SHAPE_XSK, 13, 0, false },
	{ "xsk_sub_cloned_7", SKB_SHAPE_XSK, 7, 0, true },
	{ "linear_sub_1", SKB_SHAPE_LINEAR, 1, 0, false },
	{ "linear_sub_13", SKB_SHAPE_LINEAR, 13, 0, false },
	{ "hdr_split_sub_13", SKB_SHAPE_HDR_SPLIT, 13, 0, false },
	{ "page_cross_sub_13", SKB_SHAPE_PAGE_CROSS, 13, 0, false },
	{ "multi_buf_sub_3", SKB_SHAPE_MULTI_BUF, 3, 0, false },
	{ "multi_buf_sub_13", SKB_SHAPE_MULTI_BUF, 13, 0, false },
	{ "short_head_sub_12", SKB_SHAPE_SHORT_HEAD, 12, 0, false },
};

struct exnic_test_case {
	const char *profile;
	const struct exnic_test_shape *shape;
};

#define EXNIC_TEST_NR_CASES \
	(ARRAY_SIZE(exnic_test_profiles) * ARRAY_SIZE(exnic_test_shapes))

static struct exnic_test_case exnic_test_cases[EXNIC_TEST_NR_CASES];

static const void *exnic_tx_gen_params(const void *prev, char *desc)
{
	const struct exnic_test_case *c = prev;
	unsigned int i;

	if (!c) {
		for (i = 0; i < EXNIC_TEST_NR_CASES; i++) {
			unsigned int p = i / ARRAY_SIZE(exnic_test_shapes);
			unsigned int s = i % ARRAY_SIZE(exnic_test_shapes);

			exnic_test_cases[i].profile = exnic_test_profiles[p];
			exnic_test_cases[i].shape = &exnic_test_shapes[s];
		}
		c = exnic_test_cases;
	} else if (++c >= exnic_test_cases + EXNIC_TEST_NR_CASES) {
		return NULL;
	}
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s/%s", c->profile,
		 c->shape->name);
	return c;
}

/* Buffers a frame of this shape needs before any linearization. */
static bool exnic_test_needs_linearize(const struct exnic_test_dev *d,
				       const struct exnic_test_shape *sh)
{
	return d->profile.max_bufs && sh->shape == SKB_SHAPE_MAX_FRAGS;
}

static void exnic_tx_shape(struct kunit *test)
{
	const struct exnic_test_case *c = test->param_value;
	const struct exnic_test_shape *sh = c->shape;
	struct skb_shape_spec spec = {
		.shape = sh->shape, .len = sh->len,
		.page_off = sh->page_off, .cloned = sh->cloned,
	};
	unsigned int wire_len, hdr_frame_len, i;
	struct netdev_queue *txq;
	struct exnic_test_wire *w;
	struct exnic_test_dev *d;
	struct skb_shape_skb *s;
	u8 *frame;

	d = exnic_test_dev_create(test, c->profile);
	w = d->wire;
	spec.headroom = exnic_test_xsk_headroom(d);
	frame = kunit_kmalloc(test, sh->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	skb_shape_fill_frame(frame, sh->len, sh->len);
	s = skb_shape_build(test, &spec, frame);

	KUNIT_ASSERT_EQ(test, exnic_test_xmit(d, s->skb), NETDEV_TX_OK);
	exnic_test_complete(test, d, s);

	/*
	 * the device reassembled exactly the frame, padded with zeros: a
	 * frame of 1 to 13 bytes too, whatever a 14-byte header read would
	 * have found past its end
	 */
	wire_len = max_t(unsigned int, sh->len, ETH_ZLEN);
	KUNIT_ASSERT_EQ(test, w->frames, 1);
	KUNIT_EXPECT_EQ_MSG(test, w->status, EXNIC_TXD_STATUS_OK,
			    "device rejected the frame (status %u)", w->status);
	KUNIT_ASSERT_EQ(test, w->len, wire_len);
	KUNIT_EXPECT_MEMEQ(test, w->data, frame, sh->len);
	for (i = sh->len; i < wire_len; i++)
		KUNIT_EXPECT_EQ_MSG(test, w->data[i], 0, "pad byte %u", i);

	/* no zero-length buffer */
	for (i = 0; i < w->nr_bufs; i++)
		KUNIT_EXPECT_NE_MSG(test, w->buf_len[i], 0, "buffer %u", i);
	if (d->profile.max_bufs)
		KUNIT_EXPECT_LE(test, w->nr_bufs, d->profile.max_bufs);

	/* inline bytes, in-band header and trailer */
	if (d->profile.min_inline)
		KUNIT_EXPECT_GE(test, w->inline_len,
				min(d->profile.min_inline, wire_len));
	/* the frame the header and trailer describe: padded by the driver
	 * when the device does not pad, or up to the bytes the device reads
	 * inline (a shorter frame's padding goes there)
	 */
	hdr_frame_len = d->profile.no_pad ? wire_len :
			max_t(unsigned int, sh->len,
			      min_t(unsigned int, d->profile.min_inline,
				    ETH_ZLEN));
	KUNIT_EXPECT_EQ(test, w->has_hdr, !!d->profile.tx_hdr_len);
	if (w->has_hdr) {
		const struct exnic_tx_hdr *h = (void *)w->hdr;

		KUNIT_EXPECT_EQ(test, le16_to_cpu(h->magic), EXNIC_TX_HDR_MAGIC);
		KUNIT_EXPECT_EQ(test, le16_to_cpu(h->frame_len), hdr_frame_len);
	}
	KUNIT_EXPECT_EQ(test, w->has_trailer, !!d->profile.trailer_len);
	if (w->has_trailer) {
		const struct exnic_tx_trailer *t = (void *)w->trailer;

		KUNIT_EXPECT_EQ(test, le32_to_cpu(t->magic),
				EXNIC_TX_TRAILER_MAGIC);
		KUNIT_EXPECT_EQ(test, le32_to_cpu(t->frame_len), hdr_frame_len);
	}
	exnic_test_no_dev_errors(test, d);

	/* the user's pages were not written */
	KUNIT_EXPECT_TRUE(test, skb_shape_frags_intact(s));

	/* BQL and queue state */
	txq = netdev_get_tx_queue(d->ndev, 0);
	KUNIT_EXPECT_FALSE(test, netif_tx_queue_stopped(txq));
#ifdef CONFIG_BQL
	KUNIT_EXPECT_EQ(test, txq->dql.num_queued, txq->dql.num_completed);
#endif

	/* ethtool counters */
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_PACKETS),
			1 + w->strangers);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_HEADLEN0),
			skb_shape_headlen_zero(sh->shape) ? 1 : 0);
	/* Our frame goes to 02:00:00:00:00:02: only the stack's own frames
	 * count as multicast or broadcast. A destination read through
	 * skb->data past skb_headlen() sees SKB_SHAPE_POISON (0x6b, the group
	 * bit set) and counts as multicast.
	 */
	KUNIT_EXPECT_EQ(test, exnic_test_tx_group_frames(d),
			w->strangers_mcast);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_PAD_BUF),
			d->profile.no_pad && sh->len < ETH_ZLEN ? 1 : 0);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_LINEARIZE),
			exnic_test_needs_linearize(d, sh) ? 1 : 0);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_DMA_ERR), 0);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_DROPS), 0);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_HW_ERR), 0);
}

/* ------------------------------------------------------------------
 * Checksum offload with csum_start inside frag 0
 * ------------------------------------------------------------------
 */

static void exnic_tx_csum_in_frag0(struct kunit *test)
{
	struct skb_shape_spec spec = { .shape = SKB_SHAPE_XSK, .len = 200 };
	const unsigned int csum_start = ETH_HLEN + 20, csum_off = 6;
	struct exnic_test_dev *d;
	struct skb_shape_skb *s;
	u8 frame[200], *want;
	__wsum sum;

	d = exnic_test_dev_create(test, "strict");
	spec.headroom = exnic_test_xsk_headroom(d);
	skb_shape_fill_frame(frame, sizeof(frame), 9);
	/* the stack's part: the field holds the folded pseudo-header sum */
	frame[csum_start + csum_off] = 0x12;
	frame[csum_start + csum_off + 1] = 0x34;
	s = skb_shape_build(test, &spec, frame);
	s->skb->ip_summed = CHECKSUM_PARTIAL;
	s->skb->csum_start = skb_headroom(s->skb) + csum_start;
	s->skb->csum_offset = csum_off;

	KUNIT_ASSERT_EQ(test, exnic_test_xmit(d, s->skb), NETDEV_TX_OK);
	exnic_test_complete(test, d, s);
	KUNIT_ASSERT_EQ(test, d->wire->frames, 1);
	KUNIT_EXPECT_EQ(test, d->wire->status, EXNIC_TXD_STATUS_OK);

	/* what skb_checksum_help() would have written */
	want = kunit_kmalloc(test, sizeof(frame), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);
	memcpy(want, frame, sizeof(frame));
	sum = csum_partial(want + csum_start, sizeof(frame) - csum_start, 0);
	*(__sum16 *)(want + csum_start + csum_off) = csum_fold(sum);
	KUNIT_EXPECT_MEMEQ(test, d->wire->data, want, sizeof(frame));
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_CSUM_PARTIAL), 1);
	KUNIT_EXPECT_TRUE(test, skb_shape_frags_intact(s));
}

/* ------------------------------------------------------------------
 * Software checksum: CHECKSUM_PARTIAL the device can't offload
 * ------------------------------------------------------------------
 */

struct exnic_test_csum {
	const char *name;
	const char *profile;
	enum skb_shape shape;
	unsigned int len;
	unsigned int csum_start;	/* from the frame's start */
	unsigned int csum_off;
};

/*
 * The field at csum_start + csum_off is outside the head in every
 * headlen-0 shape (the head is empty, or holds only the pushed in-band
 * header); an offset over 255 does not fit EXNIC_TXD_CSUM_OFF.
 */
static const struct exnic_test_csum exnic_test_csums[] = {
	{ "no_hw_csum_xsk", "no-csum", SKB_SHAPE_XSK, 200, ETH_HLEN + 20, 6 },
	{ "no_hw_csum_hdr_split", "no-csum", SKB_SHAPE_HDR_SPLIT, 128,
	  ETH_HLEN + 20, 16 },
	{ "no_hw_csum_linear", "no-csum", SKB_SHAPE_LINEAR, 200,
	  ETH_HLEN + 20, 6 },
	{ "off_too_big_xsk", "none", SKB_SHAPE_XSK, 400, ETH_HLEN + 20, 300 },
	{ "off_too_big_tx_header", "tx-header", SKB_SHAPE_XSK, 400,
	  ETH_HLEN + 20, 300 },
	{ "off_too_big_strict", "strict", SKB_SHAPE_XSK, 400, ETH_HLEN + 20,
	  300 },
};

static void exnic_test_csum_desc(const struct exnic_test_csum *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(exnic_tx_csum_sw, exnic_test_csums, exnic_test_csum_desc);

/*
 * skb_checksum_help() writes the checksum into the head and WARNs (and
 * fails) when the field is not there: the driver must pull it in first,
 * without writing into the frags (the AF_XDP user's UMEM).
 */
static void exnic_tx_csum_sw(struct kunit *test)
{
	const struct exnic_test_csum *c = test->param_value;
	struct skb_shape_spec spec = { .shape = c->shape, .len = c->len };
	unsigned int field = c->csum_start + c->csum_off;
	struct exnic_test_dev *d;
	struct skb_shape_skb *s;
	u8 *frame, *want;
	__wsum sum;

	d = exnic_test_dev_create(test, c->profile);
	spec.headroom = exnic_test_xsk_headroom(d);
	frame = kunit_kmalloc(test, c->len, GFP_KERNEL);
	want = kunit_kmalloc(test, c->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	KUNIT_ASSERT_NOT_NULL(test, want);
	skb_shape_fill_frame(frame, c->len, 13);
	frame[field] = 0x12;
	frame[field + 1] = 0x34;
	s = skb_shape_build(test, &spec, frame);
	s->skb->ip_summed = CHECKSUM_PARTIAL;
	s->skb->csum_start = skb_headroom(s->skb) + c->csum_start;
	s->skb->csum_offset = c->csum_off;

	KUNIT_ASSERT_EQ(test, exnic_test_xmit(d, s->skb), NETDEV_TX_OK);
	exnic_test_complete(test, d, s);
	KUNIT_ASSERT_EQ_MSG(test, d->wire->frames, 1, "frame dropped");
	KUNIT_EXPECT_EQ(test, d->wire->status, EXNIC_TXD_STATUS_OK);

	/* what skb_checksum_help() writes */
	memcpy(want, frame, c->len);
	sum = csum_partial(want + c->csum_start, c->len - c->csum_start, 0);
	*(__sum16 *)(want + field) = csum_fold(sum) ?: CSUM_MANGLED_0;
	KUNIT_EXPECT_EQ(test, d->wire->len, c->len);
	KUNIT_EXPECT_MEMEQ(test, d->wire->data, want, c->len);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_CSUM_HELP), 1);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_CSUM_PARTIAL), 0);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_DROPS), 0);
	KUNIT_EXPECT_TRUE(test, skb_shape_frags_intact(s));
	exnic_test_no_dev_errors(test, d);
}

/* ------------------------------------------------------------------
 * Features follow the device's capabilities, re-read at open
 * ------------------------------------------------------------------
 */

static void exnic_test_reopen(struct kunit *test, struct exnic_test_dev *d,
			      const char *profile)
{
	struct exnic_sim_profile p;
	int err;

	KUNIT_ASSERT_EQ(test, exnic_sim_profile_parse(profile, &p), 0);
	rtnl_lock();
	dev_close(d->ndev);
	err = exnic_sim_set_profile(d->hw, &p);
	if (!err)
		err = dev_open(d->ndev, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, err, 0);
}

static void exnic_tx_features_follow_caps(struct kunit *test)
{
	struct exnic_test_dev *d;
	unsigned int max_mtu;

	d = exnic_test_dev_create(test, "none");
	max_mtu = d->ndev->max_mtu;
	KUNIT_EXPECT_GT(test, max_mtu, ETH_DATA_LEN);
	KUNIT_EXPECT_TRUE(test, d->ndev->hw_features & NETIF_F_HW_CSUM);
	KUNIT_EXPECT_TRUE(test, d->ndev->features & NETIF_F_HW_CSUM);

	exnic_test_reopen(test, d, "no-csum");
	KUNIT_EXPECT_FALSE(test, d->ndev->hw_features & NETIF_F_HW_CSUM);
	KUNIT_EXPECT_FALSE_MSG(test, d->ndev->features & NETIF_F_HW_CSUM,
			       "checksum offload claimed without CAPS_HW_CSUM");
	KUNIT_EXPECT_TRUE(test, d->ndev->features & NETIF_F_SG);

	/* still wanted: it comes back with the capability */
	exnic_test_reopen(test, d, "none");
	KUNIT_EXPECT_TRUE(test, d->ndev->hw_features & NETIF_F_HW_CSUM);
	KUNIT_EXPECT_TRUE(test, d->ndev->features & NETIF_F_HW_CSUM);
	KUNIT_EXPECT_EQ(test, d->ndev->max_mtu, max_mtu);
}

/* ------------------------------------------------------------------
 * DMA mapping failure at every buffer index
 * ------------------------------------------------------------------
 */

struct exnic_test_fault {
	unsigned int fail_at;
	unsigned int calls;
	bool failed;
};

static struct exnic_test_fault *exnic_test_fault_ctx;

static dma_addr_t exnic_test_dma_map_fail(struct device *dev,
					  unsigned int idx, void *va,
					  const skb_frag_t *frag,
					  unsigned int off, unsigned int len)
{
	struct exnic_test_fault *f = exnic_test_fault_ctx;

	if (f->calls++ == f->fail_at) {
		f->failed = true;
		return DMA_MAPPING_ERROR;
	}
	return __exnic_tx_dma_map(dev, idx, va, frag, off, len);
}

static const struct exnic_test_shape exnic_test_fault_shapes[] = {
	{ "xsk_1500_crossing", SKB_SHAPE_XSK, 1500, 3000, false },
	{ "hdr_split_128", SKB_SHAPE_HDR_SPLIT, 128, 0, false },
	{ "short_head_64", SKB_SHAPE_SHORT_HEAD, 64, 0, false },
	{ "max_frags_1500", SKB_SHAPE_MAX_FRAGS, 1500, 0, false },
};

static void exnic_test_fault_desc(const struct exnic_test_shape *sh,
				  char *desc)
{
	strscpy(desc, sh->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(exnic_tx_fault, exnic_test_fault_shapes,
		  exnic_test_fault_desc);

static void exnic_tx_dma_map_fault(struct kunit *test)
{
	const struct exnic_test_shape *sh = test->param_value;
	struct skb_shape_spec spec = {
		.shape = sh->shape, .len = sh->len, .page_off = sh->page_off,
	};
	struct exnic_test_fault fault = {};
	unsigned int unused, frames = 0;
	struct exnic_test_dev *d;
	struct exnic_priv *priv;
	struct skb_shape_skb *s;
	u64 dma_err = 0;
	u8 *frame;

	d = exnic_test_dev_create(test, "strict");
	priv = netdev_priv(d->ndev);
	spec.headroom = exnic_test_xsk_headroom(d);
	frame = kunit_kmalloc(test, sh->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	skb_shape_fill_frame(frame, sh->len, 5);
	exnic_test_fault_ctx = &fault;
	kunit_activate_static_stub(test, exnic_tx_dma_map,
				   exnic_test_dma_map_fail);

	/* fail buffer 0, 1, 2, ... until the frame needs no more buffers */
	for (fault.fail_at = 0; fault.fail_at < 64; fault.fail_at++) {
		fault.calls = 0;
		fault.failed = false;
		unused = exnic_tx_desc_unused(&priv->txr[0]);
		s = skb_shape_build(test, &spec, frame);

		KUNIT_ASSERT_EQ(test, exnic_test_xmit(d, s->skb), NETDEV_TX_OK);
		if (!fault.failed) {
			exnic_test_complete(test, d, s);
			frames++;
			KUNIT_EXPECT_EQ(test, d->wire->frames, frames);
			break;
		}
		/* dropped at once, counted, ring as it was */
		KUNIT_EXPECT_EQ_MSG(test, atomic_read(&s->freed), 1,
				    "skb not dropped on failure at buffer %u",
				    fault.fail_at);
		KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_DMA_ERR),
				++dma_err);
		KUNIT_EXPECT_EQ(test, exnic_tx_desc_unused(&priv->txr[0]),
				unused);
		exnic_sim_flush(d->hw);
		KUNIT_EXPECT_EQ(test, d->wire->frames, frames);
		KUNIT_EXPECT_TRUE(test, skb_shape_frags_intact(s));
	}
	KUNIT_EXPECT_GT_MSG(test, fault.fail_at, 0,
			    "no buffer was mapped through exnic_tx_dma_map()");
	KUNIT_EXPECT_FALSE(test, fault.failed);
	kunit_deactivate_static_stub(test, exnic_tx_dma_map);
	exnic_test_no_dev_errors(test, d);
}

/* ------------------------------------------------------------------
 * A full ring stops the queue; completion wakes it
 * ------------------------------------------------------------------
 */

static void exnic_tx_ring_full(struct kunit *test)
{
	struct skb_shape_spec spec = { .shape = SKB_SHAPE_XSK, .len = 60 };
	struct kernel_ethtool_ringparam kring = {};
	struct ethtool_ringparam ring = {};
	struct skb_shape_skb **sent;
	unsigned int n, i, ms, freed;
	struct netdev_queue *txq;
	struct exnic_test_dev *d;
	u8 frame[60];
	int err;

	d = exnic_test_dev_create(test, "none");
	d->ndev->ethtool_ops->get_ringparam(d->ndev, &ring, &kring, NULL);
	ring.tx_pending = EXNIC_RING_MIN;
	rtnl_lock();
	err = d->ndev->ethtool_ops->set_ringparam(d->ndev, &ring, &kring, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, err, 0);

	sent = kunit_kcalloc(test, EXNIC_RING_MIN, sizeof(*sent), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sent);
	spec.headroom = exnic_test_xsk_headroom(d);
	skb_shape_fill_frame(frame, sizeof(frame), 11);
	txq = netdev_get_tx_queue(d->ndev, 0);

	/*
	 * The device stalls: nothing completes while the ring fills. BQL
	 * stops the stack's side of the queue early on; like
	 * __dev_direct_xmit(), only the driver's stop counts here.
	 */
	exnic_sim_hold_tx(d->hw, true);
	for (n = 0; n < EXNIC_RING_MIN && !netif_tx_queue_stopped(txq); n++) {
		sent[n] = skb_shape_build(test, &spec, frame);
		KUNIT_ASSERT_EQ(test, exnic_test_xmit(d, sent[n]->skb),
				NETDEV_TX_OK);
	}
	KUNIT_EXPECT_TRUE_MSG(test, netif_tx_queue_stopped(txq),
			      "%u frames in a %u-slot ring, queue not stopped",
			      n, EXNIC_RING_MIN);
	KUNIT_EXPECT_GT(test, n, 1);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_STOP), 1);
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_BUSY), 0);
	exnic_sim_flush(d->hw);
	KUNIT_EXPECT_EQ(test, d->wire->frames, 0);

	/* the device resumes: completion frees every skb and wakes the queue */
	exnic_sim_hold_tx(d->hw, false);
	exnic_sim_flush(d->hw);
	for (ms = 0, freed = 0; ms < EXNIC_TEST_WAIT_MS; ms++) {
		for (i = 0, freed = 0; i < n; i++)
			freed += atomic_read(&sent[i]->freed);
		if (freed == n)
			break;
		usleep_range(500, 1000);
	}
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, atomic_read(&sent[i]->freed), 1,
				    "frame %u", i);
	KUNIT_EXPECT_EQ(test, d->wire->frames, n);
	KUNIT_EXPECT_FALSE(test, netif_tx_queue_stopped(txq));
	KUNIT_EXPECT_EQ(test, exnic_test_stat(d, EXNIC_TX_RESTART), 1);
#ifdef CONFIG_BQL
	KUNIT_EXPECT_EQ(test, txq->dql.num_queued, txq->dql.num_completed);
#endif
	exnic_test_no_dev_errors(test, d);
}

/* ------------------------------------------------------------------
 * A polling TX engine takes doorbells without being kicked
 * ------------------------------------------------------------------
 */

#define EXNIC_TEST_POLL_MS	200
#define EXNIC_TEST_POLL_FRAMES	8

/*
 * The bench's device model (exnic_sim_set_poll()): once the engine polls,
 * frames complete although their doorbells queue nothing, and it goes
 * back to being kicked when the polling ends.
 */
static void exnic_tx_polling_engine(struct kunit *test)
{
	struct skb_shape_spec spec = { .shape = SKB_SHAPE_XSK, .len = 60 };
	struct skb_shape_skb *s;
	struct exnic_test_dev *d;
	unsigned int i, ms;
	u64 kicks;
	u8 frame[60];

	d = exnic_test_dev_create(test, "none");
	spec.headroom = exnic_test_xsk_headroom(d);
	skb_shape_fill_frame(frame, sizeof(frame), 5);
	exnic_sim_set_poll(d->hw, EXNIC_TEST_POLL_MS);
	kicks = exnic_sim_kicks(d->hw);

	/* One frame at a time, each waited for without flushing */
	for (i = 0; i < EXNIC_TEST_POLL_FRAMES; i++) {
		s = skb_shape_build(test, &spec, frame);
		KUNIT_ASSERT_EQ(test, exnic_test_xmit(d, s->skb), NETDEV_TX_OK);
		for (ms = 0; ms < EXNIC_TEST_WAIT_MS && !atomic_read(&s->freed);
		     ms++)
			usleep_range(500, 1000);
		KUNIT_ASSERT_EQ_MSG(test, atomic_read(&s->freed), 1,
				    "frame %u not completed while polling", i);
	}
	KUNIT_EXPECT_EQ(test, d->wire->frames, EXNIC_TEST_POLL_FRAMES);
	KUNIT_EXPECT_LT_MSG(test, exnic_sim_kicks(d->hw) - kicks,
			    (u64)EXNIC_TEST_POLL_FRAMES,
			    "every doorbell kicked the engine: it never polled");

	/* flush waits for the polling to end; then a doorbell kicks again */
	exnic_sim_set_poll(d->hw, 0);
	exnic_sim_flush(d->hw);
	kicks = exnic_sim_kicks(d->hw);
	s = skb_shape_build(test, &spec, frame);
	KUNIT_ASSERT_EQ(test, exnic_test_xmit(d, s->skb), NETDEV_TX_OK);
	exnic_test_complete(test, d, s);
	KUNIT_EXPECT_EQ(test, d->wire->frames, EXNIC_TEST_POLL_FRAMES + 1);
	KUNIT_EXPECT_GE(test, exnic_sim_kicks(d->hw) - kicks, 1);
	exnic_test_no_dev_errors(test, d);
}

static struct kunit_case exnic_tx_test_cases[] = {
	KUNIT_CASE_PARAM(exnic_tx_shape, exnic_tx_gen_params),
	KUNIT_CASE(exnic_tx_csum_in_frag0),
	KUNIT_CASE_PARAM(exnic_tx_csum_sw, exnic_tx_csum_sw_gen_params),
	KUNIT_CASE(exnic_tx_features_follow_caps),
	KUNIT_CASE_PARAM(exnic_tx_dma_map_fault, exnic_tx_fault_gen_params),
	KUNIT_CASE(exnic_tx_ring_full),
	KUNIT_CASE(exnic_tx_polling_engine),
	{}
};

static struct kunit_suite exnic_tx_test_suite = {
	.name = "exnic_tx",
	.test_cases = exnic_tx_test_cases,
};

kunit_test_suite(exnic_tx_test_suite);
