// SPDX-License-Identifier: GPL-2.0-only
/*
 * exnic_sim: null devices, a benchmark's upper bound. A null device is a
 * net device of this module, with no simulated device and no driver behind
 * it: its xmit frees every skb at once, with the features of an exnic and
 * the "tx-no-linear" private flag, so that an AF_XDP generic-mode sender on
 * it measures the stack's path alone (bench/). ethtool -i reports its
 * driver as "exnic_null"; it has no rings or channels to configure.
 */

#include <linux/cpumask.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/llist.h>
#include <linux/netdevice.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "exnic_sim_priv.h"

#define EXNIC_NULL_DRV_NAME		"exnic_null"
#define EXNIC_NULL_PFLAG_TX_NO_LINEAR	BIT(0)
#define EXNIC_NULL_PFLAG_FREE_REMOTE	BIT(1)

/**
 * struct exnic_null_priv - a null device, netdev_priv()
 * @pflags: ethtool private flags (EXNIC_NULL_PFLAG_*)
 * @to_free: with free-remote, the skbs @free_work has yet to free
 * @free_work: frees @to_free on the CPU after the sender's
 */
struct exnic_null_priv {
	u32 pflags;
	struct llist_head to_free;
	struct work_struct free_work;
};

static const char exnic_null_pflag_names[][ETH_GSTRING_LEN] = {
	"tx-no-linear",
	"free-remote",
};

static void exnic_null_free_work(struct work_struct *work)
{
	struct exnic_null_priv *priv = container_of(work, struct exnic_null_priv,
						    free_work);
	struct llist_node *list = llist_del_all(&priv->to_free);
	struct sk_buff *skb, *next;

	llist_for_each_entry_safe(skb, next, list, ll_node)
		consume_skb(skb);
}

/**
 * exnic_null_xmit - ndo_start_xmit: count and free
 * @skb: the frame
 * @ndev: the null device
 *
 * Return: NETDEV_TX_OK.
 */
static netdev_tx_t exnic_null_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct exnic_null_priv *priv = netdev_priv(ndev);
	unsigned int cpu;

	dev_sw_netstats_tx_add(ndev, 1, skb->len);
	if (!(READ_ONCE(priv->pflags) & EXNIC_NULL_PFLAG_FREE_REMOTE)) {
		dev_consume_skb_any(skb);
		return NETDEV_TX_OK;
	}
	/* The first skb on an empty list queues the work for all of them. */
	if (llist_add(&skb->ll_node, &priv->to_free)) {
		cpu = cpumask_next(smp_processor_id(), cpu_online_mask);
		if (cpu >= nr_cpu_ids)
			cpu = cpumask_first(cpu_online_mask);
		queue_work_on(cpu, system_highpri_wq, &priv->free_work);
	}
	return NETDEV_TX_OK;
}

/* No rings, no device: the link is up from registration on. */
static const struct net_device_ops exnic_null_netdev_ops = {
	.ndo_start_xmit		= exnic_null_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static void exnic_null_get_drvinfo(struct net_device *ndev,
				   struct ethtool_drvinfo *info)
{
	strscpy(info->driver, EXNIC_NULL_DRV_NAME, sizeof(info->driver));
}

static int exnic_null_get_sset_count(struct net_device *ndev, int sset)
{
	if (sset == ETH_SS_PRIV_FLAGS)
		return ARRAY_SIZE(exnic_null_pflag_names);
	return -EOPNOTSUPP;
}

static void exnic_null_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	if (sset == ETH_SS_PRIV_FLAGS)
		memcpy(data, exnic_null_pflag_names,
		       sizeof(exnic_null_pflag_names));
}

static u32 exnic_null_get_priv_flags(struct net_device *ndev)
{
	struct exnic_null_priv *priv = netdev_priv(ndev);

	return priv->pflags;
}

/**
 * exnic_null_set_priv_flags - ethtool --set-priv-flags
 * @ndev: the null device
 * @flags: EXNIC_NULL_PFLAG_* bits
 *
 * tx-no-linear sets or clears IFF_TX_SKB_NO_LINEAR, as exnic's flag of the
 * same name does, so that a bench compares the copy and the page path here
 * too; free-remote frees the skbs on the next CPU (exnic_null_xmit()).
 *
 * Return: 0 or -EINVAL for unknown flags.
 */
static int exnic_null_set_priv_flags(struct net_device *ndev, u32 flags)
{
	struct exnic_null_priv *priv = netdev_priv(ndev);

	if (flags & ~(EXNIC_NULL_PFLAG_TX_NO_LINEAR |
		      EXNIC_NULL_PFLAG_FREE_REMOTE))
		return -EINVAL;

	if (flags & EXNIC_NULL_PFLAG_TX_NO_LINEAR)
		ndev->priv_flags |= IFF_TX_SKB_NO_LINEAR;
	else
		ndev->priv_flags &= ~IFF_TX_SKB_NO_LINEAR;
	WRITE_ONCE(priv->pflags, flags);
	return 0;
}

static const struct ethtool_ops exnic_null_ethtool_ops = {
	.get_drvinfo		= exnic_null_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= exnic_null_get_sset_count,
	.get_strings		= exnic_null_get_strings,
	.get_priv_flags		= exnic_null_get_priv_flags,
	.set_priv_flags		= exnic_null_set_priv_flags,
};

/**
 * exnic_sim_null_create - create and register a null device
 * @num_queues: TX and RX queues of the net device
 *
 * Process context, RTNL not held.
 *
 * Return: the net device, or an ERR_PTR().
 */
struct net_device *exnic_sim_null_create(unsigned int num_queues)
{
	struct exnic_null_priv *priv;
	struct net_device *ndev;
	int err;

	ndev = alloc_etherdev_mqs(sizeof(*priv), num_queues, num_queues);
	if (!ndev)
		return ERR_PTR(-ENOMEM);

	ndev->netdev_ops = &exnic_null_netdev_ops;
	ndev->ethtool_ops = &exnic_null_ethtool_ops;
	ndev->pcpu_stat_type = NETDEV_PCPU_STAT_TSTATS;
	ndev->hw_features = NETIF_F_SG | NETIF_F_HW_CSUM;
	ndev->features = ndev->hw_features | NETIF_F_HIGHDMA;
	ndev->max_mtu = ETH_MAX_MTU;
	eth_hw_addr_random(ndev);

	priv = netdev_priv(ndev);
	priv->pflags = EXNIC_NULL_PFLAG_TX_NO_LINEAR;
	init_llist_head(&priv->to_free);
	INIT_WORK(&priv->free_work, exnic_null_free_work);
	ndev->priv_flags |= IFF_TX_SKB_NO_LINEAR;

	err = register_netdev(ndev);
	if (err) {
		free_netdev(ndev);
		return ERR_PTR(err);
	}
	return ndev;
}

/**
 * exnic_sim_null_destroy - unregister and free a null device
 * @ndev: the net device
 */
void exnic_sim_null_destroy(struct net_device *ndev)
{
	struct exnic_null_priv *priv = netdev_priv(ndev);

	unregister_netdev(ndev);
	/* No xmit any more: the work, if queued, frees the last skbs. */
	flush_work(&priv->free_work);
	free_netdev(ndev);
}
