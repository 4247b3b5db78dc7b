// SPDX-License-Identifier: GPL-2.0
/*
 * NL-08: a header length clamped to skb_headlen() is flagged (mlx5's
 * mlx5e_calc_min_inline()); a head length clamped to a device maximum
 * (macb) is not. Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>

struct cap_priv {
	u16 max_len;
	u8 *wqe;
};

static u16 cap_min_inline(struct net_device *dev, struct sk_buff *skb)
{
	u16 hlen;

	hlen = eth_get_headlen(dev, skb->data, skb_headlen(skb));
	return min_t(u16, hlen, skb_headlen(skb)); /* EXPECT NL-08 */
}

static u16 cap_device_max(struct cap_priv *priv, struct sk_buff *skb)
{
	return min(skb_headlen(skb), priv->max_len);
}

static netdev_tx_t cap_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct cap_priv *priv = netdev_priv(dev);

	priv->wqe[0] = cap_min_inline(dev, skb);
	priv->wqe[1] = cap_device_max(priv, skb);
	return NETDEV_TX_OK;
}

static void cap_setup(struct net_device *dev)
{
	dev->features |= NETIF_F_SG;
}

static const struct net_device_ops cap_ops = {
	.ndo_start_xmit = cap_xmit,
};
