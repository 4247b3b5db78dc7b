// SPDX-License-Identifier: GPL-2.0-only
/*
 * exnic ethtool operations: -i, -S (the counters that show the
 * IFF_TX_SKB_NO_LINEAR adoption at work), the MAC's IEEE 802.3 counters
 * (-S --groups eth-mac), -g/-G, -l/-L, and, in a driver
 * that sets IFF_TX_SKB_NO_LINEAR, the "tx-no-linear" private flag for A/B
 * measurements.
 *
 * The linear-assuming baseline (CONFIG_EXNIC_BASELINE) does not set the
 * flag, so it has no private flag to toggle it.
 */

#include <linux/ethtool.h>
#include <linux/log2.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>

#include "exnic.h"

/*
 * ethtool -S carries only what the standard statistics do not: packets,
 * bytes, queue stops and wakes, checksum requests and RX allocation
 * failures are in rtnl stats64 and the per-queue statistics
 * (exnic_stat_ops, exnic_qstats.c).
 */
struct exnic_estat {
	char name[ETH_GSTRING_LEN];
	unsigned int idx;
};

static const struct exnic_estat exnic_tx_estats[] = {
	{ "tx_headlen0",		EXNIC_TX_HEADLEN0 },
	{ "tx_frag0_map",		EXNIC_TX_FRAG0_MAP },
	{ "tx_headroom_realloc",	EXNIC_TX_HEADROOM_REALLOC },
	{ "tx_linearize",		EXNIC_TX_LINEARIZE },
	{ "tx_pad_buf",			EXNIC_TX_PAD_BUF },
	{ "tx_inline",			EXNIC_TX_INLINE },
	{ "tx_trailer_skb",		EXNIC_TX_TRAILER_SKB },
	{ "tx_trailer_buf",		EXNIC_TX_TRAILER_BUF },
	{ "tx_bounce",			EXNIC_TX_BOUNCE },
	{ "tx_csum_help",		EXNIC_TX_CSUM_HELP },
	{ "tx_dma_err",			EXNIC_TX_DMA_ERR },
	{ "tx_drops",			EXNIC_TX_DROPS },
	{ "tx_busy",			EXNIC_TX_BUSY },
	{ "tx_hw_err",			EXNIC_TX_HW_ERR },
	{ "tx_timeout",			EXNIC_TX_TIMEOUT },
};

static const struct exnic_estat exnic_rx_estats[] = {
	{ "rx_drops",			EXNIC_RX_DROPS },
};

static const char exnic_err_names[EXNIC_ERR_COUNT][ETH_GSTRING_LEN] = {
	[EXNIC_ERR_ZERO_LEN]		= "dev_err_zero_len",
	[EXNIC_ERR_INLINE]		= "dev_err_inline",
	[EXNIC_ERR_TX_HDR]		= "dev_err_tx_hdr",
	[EXNIC_ERR_TRAILER]		= "dev_err_trailer",
	[EXNIC_ERR_MAX_BUFS]		= "dev_err_max_bufs",
	[EXNIC_ERR_ALIGN]		= "dev_err_align",
	[EXNIC_ERR_RUNT]		= "dev_err_runt",
	[EXNIC_ERR_OVERSIZE]		= "dev_err_oversize",
	[EXNIC_ERR_DESC]		= "dev_err_desc",
	[EXNIC_ERR_DMA]			= "dev_err_dma",
	[EXNIC_ERR_RX_NO_BUF]		= "dev_err_rx_no_buf",
};

#ifndef CONFIG_EXNIC_BASELINE
static const char exnic_pflag_names[][ETH_GSTRING_LEN] = {
	"tx-no-linear",
};

#endif
#define EXNIC_NSTATS \
	(ARRAY_SIZE(exnic_tx_estats) + ARRAY_SIZE(exnic_rx_estats) + \
	 EXNIC_ERR_COUNT)

/**
 * exnic_dev_err - a device error counter, across resets
 * @priv: the device
 * @err: enum exnic_err
 *
 * EXNIC_REG_ERR() clears on EXNIC_CTRL_RESET; exnic_down() saves it first.
 *
 * Return: the count since probe.
 */
u64 exnic_dev_err(struct exnic_priv *priv, unsigned int err)
{
	return priv->err_base[err] +
	       exnic_hw_rd32(priv->hw, EXNIC_REG_ERR(err));
}

#ifndef CONFIG_EXNIC_BASELINE /* exnic_get_eth_mac_stats() */
/* A MAC counter (enum exnic_mac_stat) since probe, as exnic_dev_err() */
static u64 exnic_mac_stat(struct exnic_priv *priv, unsigned int stat)
{
	return priv->mac_base[stat] +
	       exnic_hw_rd32(priv->hw, EXNIC_REG_MAC_STAT(stat));
}

#endif
/**
 * exnic_get_eth_mac_stats - ethtool -S --groups eth-mac
 * @ndev: the net device
 * @mac: out; the fields the device does not count stay unset
 *
 * The MAC counts the multicast and broadcast frames it transmits, from
 * the destination address it puts on the wire: the driver reads no header
 * on its xmit path for them.
 */
static void exnic_get_eth_mac_stats(struct net_device *ndev,
				    struct ethtool_eth_mac_stats *mac)
{
	struct exnic_priv *priv = netdev_priv(ndev);
#ifdef CONFIG_EXNIC_BASELINE
	u64 tx[EXNIC_TX_NSTATS];
	unsigned int q;

	/* the driver's own count, exnic_tx_count_dest() */
	mac->MulticastFramesXmittedOK = 0;
	mac->BroadcastFramesXmittedOK = 0;
	for (q = 0; q < priv->max_queues; q++) {
		exnic_ring_stats(&priv->txr[q], tx, EXNIC_TX_NSTATS);
		mac->MulticastFramesXmittedOK += tx[EXNIC_TX_MULTICAST];
		mac->BroadcastFramesXmittedOK += tx[EXNIC_TX_BROADCAST];
	}
#else

	mac->MulticastFramesXmittedOK =
		exnic_mac_stat(priv, EXNIC_MAC_TX_MULTICAST);
	mac->BroadcastFramesXmittedOK =
		exnic_mac_stat(priv, EXNIC_MAC_TX_BROADCAST);
#endif
}

/**
 * exnic_get_drvinfo - ethtool -i
 * @ndev: the net device
 * @info: out
 */
static void exnic_get_drvinfo(struct net_device *ndev,
			      struct ethtool_drvinfo *info)
{
	strscpy(info->driver, EXNIC_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, dev_name(ndev->dev.parent),
		sizeof(info->bus_info));
#ifndef CONFIG_EXNIC_BASELINE
	info->n_priv_flags = ARRAY_SIZE(exnic_pflag_names);
#endif
}

/**
 * exnic_get_sset_count - number of strings in a string set
 * @ndev: the net device
 * @sset: ETH_SS_STATS or ETH_SS_PRIV_FLAGS
 *
 * Return: the count, or -EOPNOTSUPP.
 */
static int exnic_get_sset_count(struct net_device *ndev, int sset)
{
	switch (sset) {
	case ETH_SS_STATS:
		return EXNIC_NSTATS;
#ifndef CONFIG_EXNIC_BASELINE
	case ETH_SS_PRIV_FLAGS:
		return ARRAY_SIZE(exnic_pflag_names);
#endif
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * exnic_get_strings - names of the counters or private flags
 * @ndev: the net device
 * @sset: ETH_SS_STATS or ETH_SS_PRIV_FLAGS
 * @data: out, ETH_GSTRING_LEN per string
 */
static void exnic_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	unsigned int i;

	switch (sset) {
	case ETH_SS_STATS:
		for (i = 0; i < ARRAY_SIZE(exnic_tx_estats); i++)
			ethtool_puts(&data, exnic_tx_estats[i].name);
		for (i = 0; i < ARRAY_SIZE(exnic_rx_estats); i++)
			ethtool_puts(&data, exnic_rx_estats[i].name);
		memcpy(data, exnic_err_names, sizeof(exnic_err_names));
		break;
#ifndef CONFIG_EXNIC_BASELINE
	case ETH_SS_PRIV_FLAGS:
		memcpy(data, exnic_pflag_names, sizeof(exnic_pflag_names));
		break;
#endif
	}
}

/**
 * exnic_get_ethtool_stats - ethtool -S: counters summed over all queues
 * @ndev: the net device
 * @estats: unused
 * @data: out, EXNIC_NSTATS counters in exnic_get_strings() order
 *
 * Queues beyond the current channel count keep their counters, so totals
 * never go back.
 */
static void exnic_get_ethtool_stats(struct net_device *ndev,
				    struct ethtool_stats *estats, u64 *data)
{
	struct exnic_priv *priv = netdev_priv(ndev);
	u64 tx[EXNIC_TX_NSTATS], rx[EXNIC_RX_NSTATS];
	unsigned int q, i;

	memset(data, 0, EXNIC_NSTATS * sizeof(*data));
	for (q = 0; q < priv->max_queues; q++) {
		exnic_ring_stats(&priv->txr[q], tx, EXNIC_TX_NSTATS);
		exnic_ring_stats(&priv->rxr[q], rx, EXNIC_RX_NSTATS);
		for (i = 0; i < ARRAY_SIZE(exnic_tx_estats); i++)
			data[i] += tx[exnic_tx_estats[i].idx];
		for (i = 0; i < ARRAY_SIZE(exnic_rx_estats); i++)
			data[ARRAY_SIZE(exnic_tx_estats) + i] +=
				rx[exnic_rx_estats[i].idx];
	}
	data += ARRAY_SIZE(exnic_tx_estats) + ARRAY_SIZE(exnic_rx_estats);
	for (i = 0; i < EXNIC_ERR_COUNT; i++)
		data[i] = exnic_dev_err(priv, i);
}

/**
 * exnic_get_ringparam - ethtool -g
 * @ndev: the net device
 * @ring: out
 * @kring: unused
 * @extack: unused
 */
static void exnic_get_ringparam(struct net_device *ndev,
				struct ethtool_ringparam *ring,
				struct kernel_ethtool_ringparam *kring,
				struct netlink_ext_ack *extack)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	ring->rx_max_pending = EXNIC_RING_MAX;
	ring->tx_max_pending = EXNIC_RING_MAX;
	ring->rx_pending = priv->rx_ring_size;
	ring->tx_pending = priv->tx_ring_size;
}

static bool exnic_ring_size_ok(u32 size)
{
	return is_power_of_2(size) && size >= EXNIC_RING_MIN &&
	       size <= EXNIC_RING_MAX;
}

/**
 * exnic_set_ringparam - ethtool -G: resize the rings, restarting if up
 * @ndev: the net device
 * @ring: requested sizes, powers of 2 in [EXNIC_RING_MIN, EXNIC_RING_MAX]
 * @kring: unused
 * @extack: error message
 *
 * Return: 0 or a negative error.
 */
static int exnic_set_ringparam(struct net_device *ndev,
			       struct ethtool_ringparam *ring,
			       struct kernel_ethtool_ringparam *kring,
			       struct netlink_ext_ack *extack)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;
	if (!exnic_ring_size_ok(ring->rx_pending) ||
	    !exnic_ring_size_ok(ring->tx_pending)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "ring sizes must be powers of 2 in [64, 4096]");
		return -EINVAL;
	}
	if (ring->rx_pending == priv->rx_ring_size &&
	    ring->tx_pending == priv->tx_ring_size)
		return 0;
	return exnic_reconfigure(priv, priv->num_queues, ring->tx_pending,
				 ring->rx_pending);
}

/**
 * exnic_get_channels - ethtool -l: combined queue pairs
 * @ndev: the net device
 * @ch: out
 */
static void exnic_get_channels(struct net_device *ndev,
			       struct ethtool_channels *ch)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	ch->max_combined = priv->max_queues;
	ch->combined_count = priv->num_queues;
}

/**
 * exnic_set_channels - ethtool -L combined N, restarting if up
 * @ndev: the net device
 * @ch: requested; only combined_count, 1 to the device's queue pairs
 *
 * Return: 0 or a negative error.
 */
static int exnic_set_channels(struct net_device *ndev,
			      struct ethtool_channels *ch)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	if (ch->rx_count || ch->tx_count || ch->other_count ||
	    !ch->combined_count || ch->combined_count > priv->max_queues)
		return -EINVAL;
	if (ch->combined_count == priv->num_queues)
		return 0;
	return exnic_reconfigure(priv, ch->combined_count, priv->tx_ring_size,
				 priv->rx_ring_size);
}

#ifndef CONFIG_EXNIC_BASELINE
/**
 * exnic_get_priv_flags - ethtool --show-priv-flags
 * @ndev: the net device
 *
 * Return: EXNIC_PFLAG_* bits.
 */
static u32 exnic_get_priv_flags(struct net_device *ndev)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	return priv->pflags;
}

/**
 * exnic_set_priv_flags - ethtool --set-priv-flags tx-no-linear on|off
 * @ndev: the net device
 * @flags: EXNIC_PFLAG_* bits
 *
 * "tx-no-linear" sets or clears IFF_TX_SKB_NO_LINEAR at runtime, for A/B
 * measurement of AF_XDP zero-copy transmit against the copy path. Safe
 * while running and while AF_XDP sockets are bound: xsk_build_skb() samples
 * the flag for every skb it builds, and the TX path handles linear and
 * headlen-0 skbs alike, so skbs already queued in either shape stay valid.
 *
 * Return: 0 or -EINVAL for unknown flags.
 */
static int exnic_set_priv_flags(struct net_device *ndev, u32 flags)
{
	struct exnic_priv *priv = netdev_priv(ndev);

	if (flags & ~EXNIC_PFLAG_TX_NO_LINEAR)
		return -EINVAL;

	if (flags & EXNIC_PFLAG_TX_NO_LINEAR)
		ndev->priv_flags |= IFF_TX_SKB_NO_LINEAR;
	else
		ndev->priv_flags &= ~IFF_TX_SKB_NO_LINEAR;
	priv->pflags = flags;
	return 0;
}

#endif
static const struct ethtool_ops exnic_ethtool_ops = {
	.get_drvinfo		= exnic_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= exnic_get_sset_count,
	.get_strings		= exnic_get_strings,
	.get_ethtool_stats	= exnic_get_ethtool_stats,
	.get_eth_mac_stats	= exnic_get_eth_mac_stats,
	.get_ringparam		= exnic_get_ringparam,
	.set_ringparam		= exnic_set_ringparam,
	.get_channels		= exnic_get_channels,
	.set_channels		= exnic_set_channels,
#ifndef CONFIG_EXNIC_BASELINE
	.get_priv_flags		= exnic_get_priv_flags,
	.set_priv_flags		= exnic_set_priv_flags,
#endif
};

/**
 * exnic_set_ethtool_ops - install the ethtool ops
 * @ndev: the net device
 */
void exnic_set_ethtool_ops(struct net_device *ndev)
{
	ndev->ethtool_ops = &exnic_ethtool_ops;
}
