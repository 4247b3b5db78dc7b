// SPDX-License-Identifier: GPL-2.0
/*
 * NL-06, driver-wide: a header pushed on the xmit path (properly, after
 * skb_cow_head()) in a driver that never sets needed_headroom. AF_XDP then
 * reserves only NET_SKB_PAD of headroom and every frame takes the
 * reallocation. The line marked EXPECT must be flagged, and nothing else.
 */
#include <linux/netdevice.h>

static netdev_tx_t nohr_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	void *th;

	if (skb_cow_head(skb, 128))
		goto drop;
	th = skb_push(skb, 128); /* EXPECT NL-06 */
	memset(th, 0, 128);
	return NETDEV_TX_OK;
drop:
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops nohr_netdev_ops = {
	.ndo_start_xmit = nohr_xmit,
};

static void nohr_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &nohr_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
