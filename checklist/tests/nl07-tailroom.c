// SPDX-License-Identifier: GPL-2.0
/*
 * NL-07: a trailer put into the skb without a linearity test is flagged,
 * also after an unconditional linearize (every frag skb copied); a put
 * under !skb_is_nonlinear() or into an skb the driver allocated is not.
 * Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/netdevice.h>

/* exnic's baseline exnic_tx_trailer() */
static int tr_always(struct sk_buff *skb, unsigned int len)
{
	if (__skb_linearize(skb)) /* EXPECT NL-09 uncounted */
		return -ENOMEM;
	memset(skb_put(skb, len), 0, len); /* EXPECT NL-07 */
	return 0;
}

/* exnic_tx_trailer() */
static bool tr_if_linear(struct sk_buff *skb, unsigned int len)
{
	if (!skb_is_nonlinear(skb) && !skb_cloned(skb) &&
	    skb_tailroom(skb) >= len) {
		memset(skb_put(skb, len), 0, len);
		return true;
	}
	return false;
}

static void tr_own_skb(struct tr_priv *priv)
{
	struct sk_buff *skb = NULL;

	skb = alloc_skb(64, GFP_ATOMIC);
	if (skb)
		skb_put_zero(skb, 64);
	priv->spare = skb;
}

static netdev_tx_t tr_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct tr_priv *priv = netdev_priv(ndev);

	if (!tr_if_linear(skb, 8))
		tr_always(skb, 8);
	tr_own_skb(priv);
	return NETDEV_TX_OK;
}

static const struct net_device_ops tr_netdev_ops = {
	.ndo_start_xmit = tr_xmit,
};

static void tr_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &tr_netdev_ops;
	ndev->features |= NETIF_F_SG;
	ndev->needed_tailroom = 8;
}
