// SPDX-License-Identifier: GPL-2.0
/*
 * The call graph: a hazard two static calls below ndo_start_xmit, and one
 * reached through a root assigned at run time (->ndo_start_xmit), are
 * flagged; the same hazard in a function the xmit path does not call is
 * not. Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/netdevice.h>

static int cg_leaf(struct sk_buff *skb)
{
	return skb_put_padto(skb, 60); /* EXPECT NL-05 */
}

static int cg_mid(struct sk_buff *skb)
{
	return cg_leaf(skb);
}

static int cg_unreached(struct sk_buff *skb)
{
	return skb_put_padto(skb, 60);
}

static netdev_tx_t cg_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	if (cg_mid(skb))
		return NETDEV_TX_OK;
	return NETDEV_TX_OK;
}

static netdev_tx_t cg_alt_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	if (eth_skb_pad(skb)) /* EXPECT NL-05 */
		return NETDEV_TX_OK;
	return NETDEV_TX_OK;
}

static const struct net_device_ops cg_netdev_ops = {
	.ndo_start_xmit = cg_xmit,
};

static void cg_setup(struct net_device *ndev, struct net_device_ops *ops)
{
	ndev->netdev_ops = &cg_netdev_ops;
	ndev->features |= NETIF_F_SG;
	ops->ndo_start_xmit = cg_alt_xmit;
	ops->ndo_open = cg_unreached_open;
}
