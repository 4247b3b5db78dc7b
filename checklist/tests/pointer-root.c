// SPDX-License-Identifier: GPL-2.0
/*
 * The call graph follows calls through function pointers that the driver
 * stores in an ops structure, called as ->member() or through a macro
 * (stmmac's stmmac_jumbo_frm() -> priv->hw->mode->jumbo_frm()). Lines
 * marked EXPECT must be flagged, and nothing else.
 */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

#define pr_mode_call(__priv, __cname, __args...) \
	((__priv)->mode->__cname(__args))
#define pr_jumbo(__priv, __args...) pr_mode_call(__priv, jumbo, __args)

struct pr_mode_ops {
	int (*jumbo)(struct device *dev, struct sk_buff *skb);
	int (*fill)(struct device *dev, struct sk_buff *skb);
};

struct pr_priv {
	struct device *dev;
	const struct pr_mode_ops *mode;
};

static int pr_ring_jumbo(struct device *dev, struct sk_buff *skb)
{
	dma_map_single(dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE); /* EXPECT NL-02 */
	return 0;
}

static int pr_ring_fill(struct device *dev, struct sk_buff *skb)
{
	return eth_hdr(skb)->h_proto; /* EXPECT NL-03 */
}

static const struct pr_mode_ops pr_ring_ops = {
	.jumbo = pr_ring_jumbo,
	.fill = pr_ring_fill,
};

static netdev_tx_t pr_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct pr_priv *priv = netdev_priv(ndev);

	if (skb->len > 4000)
		pr_jumbo(priv, priv->dev, skb);
	priv->mode->fill(priv->dev, skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops pr_netdev_ops = {
	.ndo_start_xmit = pr_xmit,
};

static void pr_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &pr_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
