// SPDX-License-Identifier: GPL-2.0
/*
 * NL-02 negatives: every head mapping is on the non-zero side of a test,
 * after a pushed header, on a driver-allocated skb, on GSO-only code, or
 * off the xmit path. Nothing may be flagged.
 */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

/* mlx5e_txwqe_build_dsegs(): if (headlen) */
static int neg_if(struct device *dev, struct sk_buff *skb, u16 ihs)
{
	u16 headlen = skb->len - ihs - skb->data_len;
	dma_addr_t dma;

	if (headlen) {
		dma = dma_map_single(dev, skb->data + ihs, headlen,
				     DMA_TO_DEVICE);
		if (dma_mapping_error(dev, dma))
			return -ENOMEM;
	}
	return 0;
}

/* e1000_tx_map(): while (len) { size = min(len, max); ... } */
static void neg_while(struct device *dev, struct sk_buff *skb)
{
	unsigned int len = skb_headlen(skb);
	unsigned int offset = 0, size;

	while (len) {
		size = min(len, 4096U);
		dma_map_single(dev, skb->data + offset, size, DMA_TO_DEVICE);
		len -= size;
		offset += size;
	}
}

/* stmmac's chain_mode.c jumbo_frm(): the rest of the head, while (len != 0) */
static void neg_while_ne(struct device *dev, struct sk_buff *skb)
{
	unsigned int len = skb_headlen(skb);

	while (len != 0) {
		dma_map_single(dev, skb->data, len, DMA_TO_DEVICE);
		len = 0;
	}
}

/* early exit on an empty head */
static void neg_early(struct device *dev, struct sk_buff *skb)
{
	unsigned int len = skb_headlen(skb);

	if (!len)
		return;
	dma_map_single(dev, skb->data, len, DMA_TO_DEVICE);
}

/* exnic_tx_use_head(): off >= hlen exits for an empty head */
static bool neg_out_param(const struct sk_buff *skb, u32 off, u32 len, u32 *n)
{
	u32 hlen = skb_headlen(skb);

	if (off >= hlen)
		return false;
	*n = min(hlen - off, len);
	return true;
}

/* bcmgenet: a 64-byte status block pushed in front of every frame */
static struct sk_buff *neg_add_tsb(struct sk_buff *skb)
{
	if (skb_cow_head(skb, 64))
		return NULL;
	skb_push(skb, 64);
	memset(skb->data, 0, 64);
	return skb;
}

static void neg_pushed(struct device *dev, struct sk_buff *skb)
{
	unsigned int size;

	skb = neg_add_tsb(skb);
	if (!skb)
		return;
	size = skb_headlen(skb);
	dma_map_single(dev, skb->data, size, DMA_TO_DEVICE);
}

/* igc's launch-time empty frame: a linear skb the driver allocates */
static int neg_empty_frame(struct device *dev, struct sk_buff *skb)
{
	unsigned int size = skb_headlen(skb);

	dma_map_single(dev, skb->data, size, DMA_TO_DEVICE); /* EXPECT NL-02 unreachable */
	return 0;
}

/* stmmac_tso_xmit(): reached only for GSO skbs */
static void neg_tso(struct device *dev, struct sk_buff *skb)
{
	dma_map_single(dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE); /* EXPECT NL-02 unreachable */
}

/* not on the xmit path */
static void neg_unreached(struct device *dev, struct sk_buff *skb)
{
	dma_map_single(dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE);
}

static netdev_tx_t neg_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct neg_priv *priv = netdev_priv(ndev);
	struct sk_buff *empty;
	u32 n;

	if (skb_is_gso(skb)) {
		neg_tso(priv->dev, skb);
		return NETDEV_TX_OK;
	}
	if (priv->launchtime) {
		empty = alloc_skb(64, GFP_ATOMIC);
		if (empty) {
			skb_put_zero(empty, 64);
			neg_empty_frame(priv->dev, empty);
		}
	}
	neg_if(priv->dev, skb, 0);
	neg_while(priv->dev, skb);
	neg_while_ne(priv->dev, skb);
	neg_early(priv->dev, skb);
	neg_out_param(skb, 0, skb->len, &n);
	neg_pushed(priv->dev, skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops neg_netdev_ops = {
	.ndo_start_xmit = neg_xmit,
};

static void neg_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &neg_netdev_ops;
	ndev->features |= NETIF_F_SG;
	ndev->needed_headroom = 64;
	priv_unused = neg_unreached;
}
