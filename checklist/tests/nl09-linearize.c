// SPDX-License-Identifier: GPL-2.0
/*
 * NL-09 notes: every linearize on the xmit path is noted, as counted when
 * a counter update is next to it (i40e, ice, exnic_tx_max_bufs()).
 * Lines marked EXPECT must be noted, and nothing else flagged.
 */
#include <linux/netdevice.h>

/* ena_xmit_common(): a counter helper before the linearize */
static int lin_helper(struct lin_ring *ring, struct sk_buff *skb)
{
	if (skb_shinfo(skb)->nr_frags < ring->max_bufs)
		return 0;
	lin_increase_stat(&ring->tx_stats.linearize, 1);
	return skb_linearize(skb); /* EXPECT NL-09 counted */
}

static netdev_tx_t lin_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct lin_ring *ring = netdev_priv(ndev);

	if (skb_shinfo(skb)->nr_frags > ring->max_bufs) {
		if (__skb_linearize(skb)) /* EXPECT NL-09 counted */
			goto drop;
		ring->tx_stats.tx_linearize++;
	}
	if (ring->quirk && skb_linearize(skb)) /* EXPECT NL-09 uncounted */
		goto drop;
	return lin_helper(ring, skb);
drop:
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops lin_netdev_ops = {
	.ndo_start_xmit = lin_xmit,
};

static void lin_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &lin_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
