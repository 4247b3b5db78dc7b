/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device under test of exnic's KUnit suites (exnic_test_dev.c).
 */
#ifndef _EXNIC_TEST_DEV_H_
#define _EXNIC_TEST_DEV_H_

#include <linux/netdevice.h>
#include <linux/types.h>

#include "exnic_sim.h"

struct kunit;
struct sk_buff;
struct skb_shape_skb;

#define EXNIC_TEST_MAX_FRAME	9216
#define EXNIC_TEST_HDR_MAX	256
#define EXNIC_TEST_WAIT_MS	2000

/* What the device put on its wire: the test's own frames (see the tap) */
struct exnic_test_wire {
	unsigned int frames;
	unsigned int strangers;
	unsigned int strangers_mcast;	/* of them, to a group address */
	u32 status;
	u32 len;
	u32 inline_len;
	unsigned int nr_bufs;
	u32 buf_len[EXNIC_SIM_MAX_BUFS];
	bool has_hdr, has_trailer;
	u8 hdr[EXNIC_TEST_HDR_MAX];
	u8 trailer[EXNIC_TEST_HDR_MAX];
	u8 data[EXNIC_TEST_MAX_FRAME];
};

struct exnic_test_dev {
	struct exnic_sim_profile profile;
	struct exnic_hw *hw;
	struct net_device *ndev;
	struct exnic_test_wire *wire;
};

struct exnic_test_dev *exnic_test_dev_create(struct kunit *test,
					     const char *profile);
unsigned int exnic_test_xsk_headroom(const struct exnic_test_dev *d);
netdev_tx_t exnic_test_xmit(struct exnic_test_dev *d, struct sk_buff *skb);
void exnic_test_complete(struct kunit *test, struct exnic_test_dev *d,
			 struct skb_shape_skb *s);
u64 exnic_test_stat(struct exnic_test_dev *d, unsigned int stat);
u64 exnic_test_tx_group_frames(struct exnic_test_dev *d);
void exnic_test_no_dev_errors(struct kunit *test, struct exnic_test_dev *d);

#endif /* _EXNIC_TEST_DEV_H_ */
