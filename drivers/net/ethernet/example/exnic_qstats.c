// SPDX-License-Identifier: GPL-2.0-only
/*
 * exnic: the standard per-queue statistics (struct netdev_stat_ops), read
 * over the netdev netlink family as qstats. Packets, bytes, queue stops
 * and wakes, checksum requests and RX allocation failures live here and
 * in rtnl stats64 (exnic_get_stats64()); ethtool -S carries only exnic's
 * own counters.
 */
#include <linux/netdevice.h>
#include <net/netdev_queues.h>

#include "exnic.h"

/* The RX fields exnic counts, zeroed; then a ring's counters added */
static void exnic_qstats_rx_zero(struct netdev_queue_stats_rx *rx)
{
	rx->packets = 0;
	rx->bytes = 0;
	rx->alloc_fail = 0;
}

static void exnic_qstats_rx_add(struct netdev_queue_stats_rx *rx,
				const struct exnic_ring *ring)
{
	u64 st[EXNIC_RX_NSTATS];

	exnic_ring_stats(ring, st, EXNIC_RX_NSTATS);
	rx->packets += st[EXNIC_RX_PACKETS];
	rx->bytes += st[EXNIC_RX_BYTES];
	rx->alloc_fail += st[EXNIC_RX_ALLOC_ERR];
}

/* The TX fields exnic counts, zeroed; then a ring's counters added */
static void exnic_qstats_tx_zero(struct netdev_queue_stats_tx *tx)
{
	tx->packets = 0;
	tx->bytes = 0;
	tx->hw_drop_errors = 0;
	tx->needs_csum = 0;
	tx->stop = 0;
	tx->wake = 0;
}

static void exnic_qstats_tx_add(struct netdev_queue_stats_tx *tx,
				const struct exnic_ring *ring)
{
	u64 st[EXNIC_TX_NSTATS];

	exnic_ring_stats(ring, st, EXNIC_TX_NSTATS);
	tx->packets += st[EXNIC_TX_PACKETS];
	tx->bytes += st[EXNIC_TX_BYTES];
	tx->hw_drop_errors += st[EXNIC_TX_HW_ERR];
	tx->needs_csum += st[EXNIC_TX_CSUM_PARTIAL];
	tx->stop += st[EXNIC_TX_STOP];
	tx->wake += st[EXNIC_TX_RESTART];
}

/**
 * exnic_get_queue_stats_rx - qstats of one active RX queue
 * @ndev: the net device
 * @idx: the queue, below real_num_rx_queues
 * @rx: out; fields exnic does not count are left alone
 */
static void exnic_get_queue_stats_rx(struct net_device *ndev, int idx,
				     struct netdev_queue_stats_rx *rx)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	exnic_qstats_rx_zero(rx);
	exnic_qstats_rx_add(rx, &priv->rxr[idx]);
}

/**
 * exnic_get_queue_stats_tx - qstats of one active TX queue
 * @ndev: the net device
 * @idx: the queue, below real_num_tx_queues
 * @tx: out; fields exnic does not count are left alone
 */
static void exnic_get_queue_stats_tx(struct net_device *ndev, int idx,
				     struct netdev_queue_stats_tx *tx)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	exnic_qstats_tx_zero(tx);
	exnic_qstats_tx_add(tx, &priv->txr[idx]);
}

/**
 * exnic_get_base_stats - what the active queues' counters do not hold
 * @ndev: the net device
 * @rx: out, the RX fields exnic counts
 * @tx: out, the TX fields exnic counts
 *
 * A ring keeps its counters when ethtool -L takes its queue away, so the
 * base is the sum over the queues beyond the active ones: the device's
 * totals then equal rtnl stats64's and never go back.
 */
static void exnic_get_base_stats(struct net_device *ndev,
				 struct netdev_queue_stats_rx *rx,
				 struct netdev_queue_stats_tx *tx)
{
	struct exnic_priv *priv = netdev_priv(ndev);
	unsigned int q;

	exnic_qstats_rx_zero(rx);
	exnic_qstats_tx_zero(tx);
	for (q = priv->num_queues; q < priv->max_queues; q++) {
		exnic_qstats_rx_add(rx, &priv->rxr[q]);
		exnic_qstats_tx_add(tx, &priv->txr[q]);
	}
}

static const struct netdev_stat_ops exnic_stat_ops = {
	.get_queue_stats_rx	= exnic_get_queue_stats_rx,
	.get_queue_stats_tx	= exnic_get_queue_stats_tx,
	.get_base_stats		= exnic_get_base_stats,
};

/**
 * exnic_set_stat_ops - install the per-queue statistics ops
 * @ndev: the net device
 */
void exnic_set_stat_ops(struct net_device *ndev)
{
	ndev->stat_ops = &exnic_stat_ops;
}
