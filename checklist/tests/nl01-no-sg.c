// SPDX-License-Identifier: GPL-2.0
/*
 * NL-01: a driver that never sets NETIF_F_SG gets every frag skb
 * linearized by the stack (validate_xmit_skb()), so
 * IFF_TX_SKB_NO_LINEAR cannot help it. Flagged at the ndo_start_xmit
 * assignment (EXPECT), nothing else.
 */
#include <linux/netdevice.h>

static netdev_tx_t nosg_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops nosg_netdev_ops = {
	.ndo_start_xmit = nosg_xmit, /* EXPECT NL-01 */
};

static void nosg_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &nosg_netdev_ops;
}
