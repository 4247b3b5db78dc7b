// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of exnic's RX path against what a device must never write
 * back: the simulated device writes a frame with the lengths a test gives
 * (exnic_sim_rx_inject()), and the driver must drop the whole frame.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/netdevice.h>
#include <linux/string.h>
#include <net/skb_shapes.h>

#include "exnic.h"
#include "exnic_test_dev.h"
#include "kunit_compat.h"

/* ------------------------------------------------------------------
 * RX: a faulty write-back drops its whole frame
 * ------------------------------------------------------------------
 */

struct exnic_test_rx_fault {
	const char *name;
	unsigned int n;
	u32 lens[3];
};

static const struct exnic_test_rx_fault exnic_test_rx_faults[] = {
	{ "zero_len_first", 2, { 0, 100 } },
	{ "oversized_first", 2, { EXNIC_RX_BUF_LEN + 1, 100 } },
	{ "zero_len_middle", 3, { EXNIC_RX_BUF_LEN, 0, 100 } },
};

static void exnic_test_rx_fault_desc(const struct exnic_test_rx_fault *f,
				     char *desc)
{
	strscpy(desc, f->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(exnic_rx_fault, exnic_test_rx_faults,
		  exnic_test_rx_fault_desc);

/* Waits until RX queue 0 counted @stat @want times; returns the count. */
static u64 exnic_test_rx_wait(struct exnic_test_dev *d, unsigned int stat,
			      u64 want)
{
	u64 rx[EXNIC_RX_NSTATS];
	unsigned int ms;

	for (ms = 0; ms < EXNIC_TEST_WAIT_MS; ms++) {
		if (exnic_get_queue_stats(d->ndev, 0, NULL, rx))
			return U64_MAX;
		if (rx[stat] >= want)
			break;
		usleep_range(500, 1000);
	}
	return rx[stat];
}

/*
 * A buffer written back with no bytes or more than it holds spoils its
 * frame. Keeping the rest would deliver a frame that starts mid-packet.
 */
static void exnic_rx_bad_write_back(struct kunit *test)
{
	const struct exnic_test_rx_fault *f = test->param_value;
	static const u32 good_len[] = { 60 };
	struct exnic_test_dev *d;
	u64 rx[EXNIC_RX_NSTATS];
	u8 *frame;

	d = exnic_test_dev_create(test, "none");
	frame = kunit_kzalloc(test, 3 * EXNIC_RX_BUF_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	skb_shape_fill_frame(frame, 3 * EXNIC_RX_BUF_LEN, 17);

	KUNIT_ASSERT_EQ(test, exnic_sim_rx_inject(d->hw, 0, frame, f->lens,
						  f->n), 0);
	KUNIT_EXPECT_EQ(test, exnic_test_rx_wait(d, EXNIC_RX_DROPS, 1), 1);
	KUNIT_ASSERT_EQ(test, exnic_get_queue_stats(d->ndev, 0, NULL, rx), 0);
	KUNIT_EXPECT_EQ_MSG(test, rx[EXNIC_RX_PACKETS], 0,
			    "the rest of a faulty frame was delivered");

	/* the next frame is whole */
	KUNIT_ASSERT_EQ(test, exnic_sim_rx_inject(d->hw, 0, frame, good_len,
						  1), 0);
	KUNIT_EXPECT_EQ(test, exnic_test_rx_wait(d, EXNIC_RX_PACKETS, 1), 1);
	KUNIT_ASSERT_EQ(test, exnic_get_queue_stats(d->ndev, 0, NULL, rx), 0);
	KUNIT_EXPECT_EQ(test, rx[EXNIC_RX_BYTES], 60);
	KUNIT_EXPECT_EQ(test, rx[EXNIC_RX_DROPS], 1);
}

static struct kunit_case exnic_rx_test_cases[] = {
	KUNIT_CASE_PARAM(exnic_rx_bad_write_back, exnic_rx_fault_gen_params),
	{}
};

static struct kunit_suite exnic_rx_test_suite = {
	.name = "exnic_rx",
	.test_cases = exnic_rx_test_cases,
};

kunit_test_suite(exnic_rx_test_suite);
