// SPDX-License-Identifier: GPL-2.0-only
/*
 * exnic net_device operations: open/stop (exnic_up()/exnic_down()), ring
 * and channel reconfiguration, TX timeout and reset, counters.
 */

#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "exnic.h"

/**
 * exnic_read_quirks - read the device's rules from its registers
 * @priv: the device, under RTNL once registered
 *
 * The quirk profile may change while the interface is down (debugfs), so
 * this runs at probe and at every exnic_up(). What the stack sees follows:
 * needed_headroom and needed_tailroom (the stack, xsk_build_skb_zerocopy()
 * included for the headroom, reserves them in the skbs it builds for this
 * device), checksum offload (hw_features, and features through
 * exnic_fix_features()) and max_mtu.
 */
void exnic_read_quirks(struct exnic_priv *priv)
{
	struct exnic_quirks *q = &priv->q;
	struct net_device *ndev = priv->ndev;
	struct exnic_hw *hw = priv->hw;
	netdev_features_t hw_features;

	q->caps = exnic_hw_rd32(hw, EXNIC_REG_CAPS);
	q->min_inline = min_t(u32, exnic_hw_rd32(hw, EXNIC_REG_MIN_INLINE),
			      EXNIC_TX_INLINE_MAX);
	q->tx_hdr_len = exnic_hw_rd32(hw, EXNIC_REG_TX_HDR_LEN);
	q->trailer_len = exnic_hw_rd32(hw, EXNIC_REG_TRAILER_LEN);
	q->max_bufs = exnic_hw_rd32(hw, EXNIC_REG_MAX_BUFS);
	q->dma_align = max_t(u32, exnic_hw_rd32(hw, EXNIC_REG_DMA_ALIGN), 1);
	q->max_frame = exnic_hw_rd32(hw, EXNIC_REG_MAX_FRAME);

	ndev->needed_headroom = q->tx_hdr_len;
	ndev->needed_tailroom = q->trailer_len;
	if (q->max_frame > ETH_HLEN)
		ndev->max_mtu = q->max_frame - ETH_HLEN;

	hw_features = NETIF_F_SG;
	if (q->caps & EXNIC_CAPS_HW_CSUM)
		hw_features |= NETIF_F_HW_CSUM;
	if (hw_features == ndev->hw_features)
		return;
	ndev->hw_features = hw_features;
	if (ndev->reg_state == NETREG_REGISTERED)
		netdev_update_features(ndev);
}

/**
 * exnic_fix_features - ndo_fix_features: drop what the device can't do now
 * @ndev: the net device
 * @features: features requested
 *
 * A feature enabled earlier stays in wanted_features when a profile change
 * takes it out of hw_features: mask it here.
 *
 * Return: @features the device supports.
 */
static netdev_features_t exnic_fix_features(struct net_device *ndev,
					    netdev_features_t features)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	if (!(priv->q.caps & EXNIC_CAPS_HW_CSUM))
		features &= ~NETIF_F_HW_CSUM;
	return features;
}

/* Saves the device's error and MAC counters, then resets it (they clear). */
static void exnic_reset_hw(struct exnic_priv *priv)
{
	unsigned int i;

	for (i = 0; i < EXNIC_ERR_COUNT; i++)
		priv->err_base[i] += exnic_hw_rd32(priv->hw, EXNIC_REG_ERR(i));
	for (i = 0; i < EXNIC_MAC_STAT_COUNT; i++)
		priv->mac_base[i] += exnic_hw_rd32(priv->hw,
						   EXNIC_REG_MAC_STAT(i));
	exnic_hw_wr32(priv->hw, EXNIC_REG_CTRL, EXNIC_CTRL_RESET);
}

static void exnic_program_ring(struct exnic_priv *priv, u32 base_lo,
			       const struct exnic_ring *ring)
{
	/* BASE_LO, BASE_HI, SIZE, CTRL: the same layout for TX and RX */
	exnic_hw_wr32(priv->hw, base_lo, lower_32_bits(ring->desc_dma));
	exnic_hw_wr32(priv->hw, base_lo + 4, upper_32_bits(ring->desc_dma));
	exnic_hw_wr32(priv->hw, base_lo + 8, ring->size);
	exnic_hw_wr32(priv->hw, base_lo + 12, EXNIC_QCTRL_ENABLE);
}

static void exnic_free_rings(struct exnic_priv *priv)
{
	unsigned int q;

	for (q = 0; q < priv->num_queues; q++) {
		struct exnic_vector *v = &priv->vec[q];

		exnic_free_tx_ring(&priv->txr[q]);
		exnic_free_rx_ring(&priv->rxr[q]);
		if (v->priv)
			netif_napi_del(&v->napi);
		v->priv = NULL;
	}
}

/**
 * exnic_up - allocate rings, enable queues and interrupts, start TX
 * @priv: the device, under RTNL
 *
 * Return: 0 or a negative error, with everything undone.
 */
int exnic_up(struct exnic_priv *priv)
{
	struct net_device *ndev = priv->ndev;
	struct exnic_hw *hw = priv->hw;
	unsigned int q;
	int err;

	exnic_read_quirks(priv);

	for (q = 0; q < priv->num_queues; q++) {
		struct exnic_vector *v = &priv->vec[q];

		v->priv = priv;
		v->idx = q;
		v->txr = &priv->txr[q];
		v->rxr = &priv->rxr[q];
		v->irq = false;
		netif_napi_add(ndev, &v->napi, exnic_poll);

		v->txr->q_idx = q;
		v->rxr->q_idx = q;
		err = exnic_alloc_tx_ring(priv, v->txr);
		if (err)
			goto err_free;
		err = exnic_alloc_rx_ring(priv, v->rxr, &v->napi);
		if (err)
			goto err_free;
	}

	for (q = 0; q < priv->num_queues; q++) {
		exnic_hw_wr32(hw, EXNIC_REG_INT_MASK(q), 1);
		exnic_program_ring(priv, EXNIC_REG_TXQ_BASE_LO(q), &priv->txr[q]);
		exnic_program_ring(priv, EXNIC_REG_RXQ_BASE_LO(q), &priv->rxr[q]);
		exnic_rx_refill(&priv->rxr[q]);
	}

	for (q = 0; q < priv->num_queues; q++) {
		struct exnic_vector *v = &priv->vec[q];

		err = exnic_hw_request_irq(hw, q, exnic_irq, v);
		if (err)
			goto err_irq;
		v->irq = true;
		napi_enable(&v->napi);
		exnic_hw_wr32(hw, EXNIC_REG_INT_MASK(q), 0);
	}

	clear_bit(EXNIC_STATE_DOWN, &priv->state);
	set_bit(EXNIC_STATE_UP, &priv->state);
	netif_carrier_on(ndev);
	netif_tx_wake_all_queues(ndev);
	return 0;

err_irq:
	for (q = 0; q < priv->num_queues; q++) {
		struct exnic_vector *v = &priv->vec[q];

		exnic_hw_wr32(hw, EXNIC_REG_INT_MASK(q), 1);
		if (v->irq) {
			exnic_hw_free_irq(hw, q);
			napi_disable(&v->napi);
			v->irq = false;
		}
	}
	exnic_reset_hw(priv);
err_free:
	exnic_free_rings(priv);
	return err;
}

/* Lets the device complete what it was given; NAPI reclaims it. */
static void exnic_tx_drain(struct exnic_priv *priv)
{
	unsigned long timeout = jiffies + msecs_to_jiffies(EXNIC_TX_DRAIN_MS);
	unsigned int q;

	for (q = 0; q < priv->num_queues; q++) {
		struct exnic_ring *ring = &priv->txr[q];

		while (READ_ONCE(ring->head) != READ_ONCE(ring->tail) &&
		       time_before(jiffies, timeout))
			usleep_range(500, 1000);
	}
}

/**
 * exnic_down - stop TX, drain, disable the device, free the rings
 * @priv: the device, under RTNL
 *
 * Loses nothing: frames already on a TX ring get EXNIC_TX_DRAIN_MS to
 * complete normally; whatever is left after the reset is unmapped and freed
 * exactly once by exnic_free_tx_ring(). No-op if the device is not up.
 */
void exnic_down(struct exnic_priv *priv)
{
	struct net_device *ndev = priv->ndev;
	struct exnic_hw *hw = priv->hw;
	unsigned int q;

	if (!test_bit(EXNIC_STATE_UP, &priv->state))
		return;

	/* Completion must not wake the queues from here on. */
	set_bit(EXNIC_STATE_DOWN, &priv->state);
	netif_tx_disable(ndev);
	exnic_tx_drain(priv);
	netif_carrier_off(ndev);

	for (q = 0; q < priv->num_queues; q++) {
		struct exnic_vector *v = &priv->vec[q];

		exnic_hw_wr32(hw, EXNIC_REG_INT_MASK(q), 1);
		exnic_hw_free_irq(hw, q);
		v->irq = false;
		napi_disable(&v->napi);
	}

	/* The device stops touching a ring before these writes return. */
	for (q = 0; q < priv->num_queues; q++) {
		exnic_hw_wr32(hw, EXNIC_REG_TXQ_CTRL(q), 0);
		exnic_hw_wr32(hw, EXNIC_REG_RXQ_CTRL(q), 0);
	}
	exnic_reset_hw(priv);

	exnic_free_rings(priv);
	clear_bit(EXNIC_STATE_UP, &priv->state);
}

/**
 * exnic_reconfigure - change queue count or ring sizes, restarting if up
 * @priv: the device, under RTNL
 * @num_queues: queue pairs, 1 to @priv->max_queues
 * @tx_ring_size: TX ring size, a power of 2
 * @rx_ring_size: RX ring size, a power of 2
 *
 * On failure to come back up, the previous configuration is restored.
 *
 * Return: 0 or a negative error.
 */
int exnic_reconfigure(struct exnic_priv *priv, unsigned int num_queues,
		      u32 tx_ring_size, u32 rx_ring_size)
{
	unsigned int old_q = priv->num_queues;
	u32 old_tx = priv->tx_ring_size;
	u32 old_rx = priv->rx_ring_size;
	struct net_device *ndev = priv->ndev;
	bool running = netif_running(ndev);
	int err;

	if (running)
		exnic_down(priv);

	err = netif_set_real_num_queues(ndev, num_queues, num_queues);
	if (err)
		goto restart;
	priv->num_queues = num_queues;
	priv->tx_ring_size = tx_ring_size;
	priv->rx_ring_size = rx_ring_size;
	if (!running)
		return 0;
	err = exnic_up(priv);
	if (!err)
		return 0;

	priv->num_queues = old_q;
	priv->tx_ring_size = old_tx;
	priv->rx_ring_size = old_rx;
	netif_set_real_num_queues(ndev, old_q, old_q);
restart:
	if (running && exnic_up(priv))
		dev_close(ndev);
	return err;
}

/**
 * exnic_open - ndo_open: read the quirks and bring the queues up
 * @ndev: the net device
 *
 * Return: 0 or a negative error.
 */
static int exnic_open(struct net_device *ndev)
{
	return exnic_up(netdev_priv(ndev));
}

/**
 * exnic_stop - ndo_stop: drain TX and take the queues down
 * @ndev: the net device
 *
 * Return: 0.
 */
static int exnic_stop(struct net_device *ndev)
{
	exnic_down(netdev_priv(ndev));
	return 0;
}

static void exnic_reset_task(struct work_struct *work)
{
	struct exnic_priv *priv = container_of(work, struct exnic_priv,
					       reset_work);
	struct net_device *ndev = priv->ndev;

	rtnl_lock();
	if (netif_running(ndev)) {
		netdev_info(ndev, "resetting\n");
		exnic_down(priv);
		if (exnic_up(priv)) {
			netdev_err(ndev, "reset failed, closing\n");
			dev_close(ndev);
		}
	}
	rtnl_unlock();
}

/**
 * exnic_tx_timeout - ndo_tx_timeout: count it and schedule a reset
 * @ndev: the net device
 * @txqueue: the queue that timed out
 *
 * The reset (exnic_reset_task()) stops the queues, reclaims every
 * in-flight frame, resets the device and restarts it under RTNL.
 */
static void exnic_tx_timeout(struct net_device *ndev, unsigned int txqueue)
{
	struct exnic_priv *priv = netdev_priv(ndev);
	struct exnic_ring *ring = &priv->txr[txqueue];

	netdev_warn(ndev, "TX timeout on queue %u: head %u tail %u\n",
		    txqueue, READ_ONCE(ring->head), READ_ONCE(ring->tail));
	/* Called with the queue's xmit lock held: the producer side. */
	u64_stats_update_begin(&ring->syncp);
	ring->stats[EXNIC_TX_TIMEOUT]++;
	u64_stats_update_end(&ring->syncp);
	schedule_work(&priv->reset_work);
}

/**
 * exnic_get_stats64 - ndo_get_stats64: sum the per-ring counters
 * @ndev: the net device
 * @stats: out
 */
static void exnic_get_stats64(struct net_device *ndev,
			      struct rtnl_link_stats64 *stats)
{
	struct exnic_priv *priv = netdev_priv(ndev);
	u64 tx[EXNIC_TX_NSTATS], rx[EXNIC_RX_NSTATS];
	unsigned int q;

	for (q = 0; q < priv->max_queues; q++) {
		exnic_ring_stats(&priv->txr[q], tx, EXNIC_TX_NSTATS);
		exnic_ring_stats(&priv->rxr[q], rx, EXNIC_RX_NSTATS);
		stats->tx_packets += tx[EXNIC_TX_PACKETS];
		stats->tx_bytes += tx[EXNIC_TX_BYTES];
		stats->tx_dropped += tx[EXNIC_TX_DROPS] + tx[EXNIC_TX_DMA_ERR];
		stats->tx_errors += tx[EXNIC_TX_HW_ERR];
		stats->rx_packets += rx[EXNIC_RX_PACKETS];
		stats->rx_bytes += rx[EXNIC_RX_BYTES];
		stats->rx_dropped += rx[EXNIC_RX_DROPS];
		stats->rx_missed_errors += rx[EXNIC_RX_ALLOC_ERR];
	}
}

/**
 * exnic_change_mtu - ndo_change_mtu
 * @ndev: the net device
 * @new_mtu: new MTU, already checked against min_mtu/max_mtu
 *
 * RX buffers are pages and frames may span several: nothing to resize.
 *
 * Return: 0.
 */
static int exnic_change_mtu(struct net_device *ndev, int new_mtu)
{
	WRITE_ONCE(ndev->mtu, new_mtu);
	return 0;
}

static const struct net_device_ops exnic_netdev_ops = {
	.ndo_open		= exnic_open,
	.ndo_stop		= exnic_stop,
	.ndo_start_xmit		= exnic_start_xmit,
	.ndo_get_stats64	= exnic_get_stats64,
	.ndo_tx_timeout		= exnic_tx_timeout,
	.ndo_change_mtu		= exnic_change_mtu,
	.ndo_fix_features	= exnic_fix_features,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

/**
 * exnic_set_netdev_ops - install the ndo ops and the reset work
 * @ndev: the net device
 */
void exnic_set_netdev_ops(struct net_device *ndev)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	INIT_WORK(&priv->reset_work, exnic_reset_task);
	ndev->netdev_ops = &exnic_netdev_ops;
	exnic_set_stat_ops(ndev);
	ndev->watchdog_timeo = 5 * HZ;
}
