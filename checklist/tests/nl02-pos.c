// SPDX-License-Identifier: GPL-2.0
/*
 * NL-02 positives: the head is mapped, or its length handed to the mapping
 * code, with no zero check on the side the mapping is on.
 * Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

/* fbnic_tx_map(): the only test on the length exits for the big ones */
static int pos_fbnic(struct device *dev, struct sk_buff *skb, u64 *desc)
{
	unsigned int size = skb_headlen(skb);
	dma_addr_t dma;

	if (size > 0x3fff)
		return -EINVAL;
	dma = dma_map_single(dev, skb->data, size, DMA_TO_DEVICE); /* EXPECT NL-02 */
	*desc = dma | size;
	return 0;
}

/* the head length directly in the call */
static dma_addr_t pos_direct(struct device *dev, struct sk_buff *skb)
{
	return dma_map_single(dev, skb->data, skb_headlen(skb), DMA_TO_DEVICE); /* EXPECT NL-02 */
}

/* a length derived from the head length */
static dma_addr_t pos_derived(struct device *dev, struct sk_buff *skb)
{
	unsigned int len = skb->len - skb->data_len;
	unsigned int size;

	size = min(len, 4096U);
	return dma_map_single(dev, skb->data, size, DMA_TO_DEVICE); /* EXPECT NL-02 */
}

/* exnic's baseline exnic_tx_use_head(): x > len is no zero check */
static bool pos_out_param(const struct sk_buff *skb, u32 off, u32 len, u32 *n)
{
	u32 hlen = skb_headlen(skb);

	if (off > hlen || (off == hlen && off))
		return false;
	*n = min(hlen - off, len); /* EXPECT NL-02 */
	return true;
}

/* a driver's own mapping wrapper */
static int pos_wrapper(struct pos_ring *ring, struct sk_buff *skb)
{
	u32 head = skb_headlen(skb);

	return pos_map_buf(ring, skb->data, head); /* EXPECT NL-02 */
}

static netdev_tx_t pos_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct pos_ring *ring = netdev_priv(ndev);
	u64 desc;
	u32 n;

	pos_fbnic(ring->dev, skb, &desc);
	pos_direct(ring->dev, skb);
	pos_derived(ring->dev, skb);
	if (pos_out_param(skb, 0, skb->len, &n))
		pos_wrapper(ring, skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops pos_netdev_ops = {
	.ndo_start_xmit = pos_xmit,
};

static void pos_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &pos_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
