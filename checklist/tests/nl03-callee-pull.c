// SPDX-License-Identifier: GPL-2.0
/*
 * NL-03: a header read after a call to a function of the driver that
 * pulls the headers into the head on every path (pskb_may_pull() at the
 * top level of its body) reads the head, not an empty one: not flagged.
 * A pull only on some paths of the callee covers nothing. Lines marked
 * EXPECT must be flagged, and nothing else.
 */
#include <linux/if_ether.h>
#include <linux/netdevice.h>

static int cp_prep(struct sk_buff *skb)
{
	if (!pskb_may_pull(skb, ETH_HLEN))
		return -EINVAL;
	return 0;
}

static int cp_maybe(struct sk_buff *skb, bool vlan)
{
	if (vlan && !pskb_may_pull(skb, VLAN_ETH_HLEN))
		return -EINVAL;
	return 0;
}

static netdev_tx_t cp_xmit(struct sk_buff *skb, struct net_device *dev)
{
	u8 *wqe = netdev_priv(dev);

	wqe[0] = eth_hdr(skb)->h_proto; /* EXPECT NL-03 */
	if (cp_prep(skb))
		goto drop;
	wqe[1] = eth_hdr(skb)->h_proto;
	return NETDEV_TX_OK;
drop:
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static netdev_tx_t cp_xmit2(struct sk_buff *skb, struct net_device *dev)
{
	u8 *wqe = netdev_priv(dev);

	cp_maybe(skb, wqe[2]);
	wqe[3] = eth_hdr(skb)->h_proto; /* EXPECT NL-03 */
	return NETDEV_TX_OK;
}

static void cp_setup(struct net_device *dev)
{
	dev->features |= NETIF_F_SG;
}

static const struct net_device_ops cp_ops = {
	.ndo_start_xmit = cp_xmit,
};

static const struct net_device_ops cp_ops2 = {
	.ndo_start_xmit = cp_xmit2,
};
