// SPDX-License-Identifier: GPL-2.0-only
/*
 * The device under test of exnic's KUnit suites (exnic_test_dev.h): a
 * sink-mode simulated device with one queue pair, bound to exnic and open,
 * and what the device put on its "wire".
 */

#include <kunit/test.h>
#include <linux/cache.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <net/skb_shapes.h>

#include "exnic.h"
#include "exnic_test_dev.h"
#include "kunit_compat.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(EXNIC_SIM);

static atomic_t exnic_test_seq = ATOMIC_INIT(0);

/*
 * Device context: copy what the device gathered, it is gone afterwards.
 * Only the test's own frames (skb_shape_fill_frame(): source
 * 02:00:00:00:00:01, EtherType 0x88b5) count; the stack may transmit on
 * the open device too (IPv6 router solicitations, MLD reports, from the
 * device's own address). A frame of 1 to 13 bytes carries only the first
 * bytes of that header: on the wire, padded, the rest of it is zeros.
 */
static bool exnic_test_own_frame(const struct exnic_sim_frame *f)
{
	static const u8 own[ETH_ALEN + 2] = { 0x02, 0, 0, 0, 0, 0x01,
					      0x88, 0xb5 };
	const u8 *p = f->data + ETH_ALEN;
	unsigned int n, i;

	if (f->len < ETH_HLEN)
		return false;
	for (n = 0; n < sizeof(own) && p[n] == own[n]; n++)
		;
	for (i = n; i < sizeof(own); i++)
		if (p[i])
			return false;
	return true;
}

static void exnic_test_tap(void *ctx, const struct exnic_sim_frame *f)
{
	struct exnic_test_wire *w = ctx;

	if (!exnic_test_own_frame(f)) {
		w->strangers++;
		if (f->len >= ETH_ALEN && is_multicast_ether_addr(f->data))
			w->strangers_mcast++;
		return;
	}
	w->frames++;
	w->status = f->status;
	w->len = min_t(u32, f->len, sizeof(w->data));
	memcpy(w->data, f->data, w->len);
	w->inline_len = f->inline_len;
	w->nr_bufs = min_t(unsigned int, f->nr_bufs, EXNIC_SIM_MAX_BUFS);
	memcpy(w->buf_len, f->buf_len, w->nr_bufs * sizeof(w->buf_len[0]));
	w->has_hdr = f->tx_hdr;
	if (f->tx_hdr)
		memcpy(w->hdr, f->tx_hdr, EXNIC_TX_HDR_MIN);
	w->has_trailer = f->trailer;
	if (f->trailer)
		memcpy(w->trailer, f->trailer, EXNIC_TX_TRAILER_MIN);
}

static void exnic_test_dev_release(void *data)
{
	struct exnic_test_dev *d = data;

	if (d->ndev) {
		rtnl_lock();
		dev_close(d->ndev);
		rtnl_unlock();
	}
	exnic_sim_set_tx_tap(d->hw, NULL, NULL);
	exnic_sim_destroy(d->hw);
}

/**
 * exnic_test_dev_create - a sink device in @profile, bound to exnic, open
 * @test: the test; the device goes away when it ends
 * @profile: quirk profile name, as exnic_sim_profile_parse() takes it
 *
 * Return: the device; asserts on failure.
 */
struct exnic_test_dev *exnic_test_dev_create(struct kunit *test,
					     const char *profile)
{
	struct exnic_test_dev *d;
	char name[32];
	int err;

	d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);
	d->wire = kunit_kzalloc(test, sizeof(*d->wire), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d->wire);
	KUNIT_ASSERT_EQ(test, exnic_sim_profile_parse(profile, &d->profile), 0);

	snprintf(name, sizeof(name), "exnic-kunit%d",
		 atomic_inc_return(&exnic_test_seq));
	d->hw = exnic_sim_create(name, &d->profile, EXNIC_SIM_SINK, 1);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, d->hw);
	err = kunit_add_action_or_reset(test, exnic_test_dev_release, d);
	KUNIT_ASSERT_EQ(test, err, 0);

	d->ndev = dev_get_drvdata(exnic_hw_dev(d->hw));
	KUNIT_ASSERT_NOT_NULL_MSG(test, d->ndev, "exnic did not bind to %s",
				  name);
	exnic_sim_set_tx_tap(d->hw, exnic_test_tap, d->wire);
	rtnl_lock();
	err = dev_open(d->ndev, NULL);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, err, 0);
	return d;
}

/* The headroom xsk_build_skb_zerocopy() reserves for this device. */
unsigned int exnic_test_xsk_headroom(const struct exnic_test_dev *d)
{
	return max_t(unsigned int, NET_SKB_PAD,
		     L1_CACHE_ALIGN(d->ndev->needed_headroom));
}

/* Transmits the way __dev_direct_xmit() does: BH off, queue locked. */
netdev_tx_t exnic_test_xmit(struct exnic_test_dev *d, struct sk_buff *skb)
{
	struct netdev_queue *txq = netdev_get_tx_queue(d->ndev, 0);
	netdev_tx_t ret = NETDEV_TX_BUSY;

	skb->dev = d->ndev;
	skb_set_queue_mapping(skb, 0);
	local_bh_disable();
	HARD_TX_LOCK(d->ndev, txq, smp_processor_id());
	if (!netif_xmit_frozen_or_drv_stopped(txq))
		ret = netdev_start_xmit(skb, d->ndev, txq, false);
	HARD_TX_UNLOCK(d->ndev, txq);
	local_bh_enable();
	return ret;
}

/* Lets the device consume and complete; waits for the skb's free. */
void exnic_test_complete(struct kunit *test, struct exnic_test_dev *d,
			 struct skb_shape_skb *s)
{
	unsigned int ms;

	exnic_sim_flush(d->hw);
	for (ms = 0; ms < EXNIC_TEST_WAIT_MS && !atomic_read(&s->freed); ms++)
		usleep_range(500, 1000);
	KUNIT_EXPECT_EQ_MSG(test, atomic_read(&s->freed), 1,
			    "skb not freed exactly once after completion");
}

/* TX counter @stat of queue 0, U64_MAX if it can't be read */
u64 exnic_test_stat(struct exnic_test_dev *d, unsigned int stat)
{
	u64 tx[EXNIC_TX_NSTATS];

	if (exnic_get_queue_stats(d->ndev, 0, tx, NULL))
		return U64_MAX;
	return tx[stat];
}

/*
 * Multicast and broadcast frames sent, as ethtool's eth-mac group reads
 * them; U64_MAX if the driver does not report both.
 */
u64 exnic_test_tx_group_frames(struct exnic_test_dev *d)
{
	const struct ethtool_ops *ops = d->ndev->ethtool_ops;
	struct ethtool_eth_mac_stats mac = {};

	if (!ops->get_eth_mac_stats)
		return U64_MAX;
	/* as ethtool's core hands them to the driver */
	mac.MulticastFramesXmittedOK = ETHTOOL_STAT_NOT_SET;
	mac.BroadcastFramesXmittedOK = ETHTOOL_STAT_NOT_SET;
	rtnl_lock();
	ops->get_eth_mac_stats(d->ndev, &mac);
	rtnl_unlock();
	if (mac.MulticastFramesXmittedOK == ETHTOOL_STAT_NOT_SET ||
	    mac.BroadcastFramesXmittedOK == ETHTOOL_STAT_NOT_SET)
		return U64_MAX;
	return mac.MulticastFramesXmittedOK + mac.BroadcastFramesXmittedOK;
}

/* Expects every error counter of the device at 0. */
void exnic_test_no_dev_errors(struct kunit *test, struct exnic_test_dev *d)
{
	unsigned int e;

	for (e = 0; e < EXNIC_ERR_COUNT; e++)
		KUNIT_EXPECT_EQ_MSG(test, exnic_sim_err(d->hw, e), 0,
				    "device error counter %u", e);
}

MODULE_DESCRIPTION("KUnit tests of exnic's TX and RX paths");
MODULE_LICENSE("GPL");
