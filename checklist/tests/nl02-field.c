// SPDX-License-Identifier: GPL-2.0
/*
 * NL-02 with the head length kept in a struct field that is then the
 * length of the head mapping. Lines marked EXPECT must be flagged, and
 * nothing else.
 */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

struct fld_desc {
	u32 data_size;
	dma_addr_t addr;
};

struct fld_buf {
	unsigned int len;
	dma_addr_t pa;
};

/* mvneta_tx(): tx_desc->data_size = skb_headlen(skb) */
static void pos_desc_field(struct device *dev, struct sk_buff *skb,
			   struct fld_desc *tx_desc)
{
	tx_desc->data_size = skb_headlen(skb);

	tx_desc->addr = dma_map_single(dev, skb->data, /* EXPECT NL-02 */
				       tx_desc->data_size, DMA_TO_DEVICE);
}

/* aq_nic_map_skb(): dx_buff->len = skb_headlen(skb) */
static void pos_buf_field(struct device *dev, struct sk_buff *skb,
			  struct fld_buf *ring, unsigned int dx)
{
	struct fld_buf *dx_buff = &ring[dx];

	dx_buff->len = skb_headlen(skb);
	dx_buff->pa = dma_map_single(dev, /* EXPECT NL-02 */
				     skb->data,
				     dx_buff->len,
				     DMA_TO_DEVICE);
}

/* the field tested before the mapping */
static void neg_field_if(struct device *dev, struct sk_buff *skb,
			 struct fld_desc *tx_desc)
{
	tx_desc->data_size = skb_headlen(skb);
	if (tx_desc->data_size)
		tx_desc->addr = dma_map_single(dev, skb->data,
					       tx_desc->data_size,
					       DMA_TO_DEVICE);
}

/* an early exit on an empty field */
static int neg_field_early(struct device *dev, struct sk_buff *skb,
			   struct fld_buf *dx_buff)
{
	dx_buff->len = skb_headlen(skb);
	if (!dx_buff->len)
		return 0;
	dx_buff->pa = dma_map_single(dev, skb->data, dx_buff->len,
				     DMA_TO_DEVICE);
	return 1;
}

/* the head length tested before it goes into the field */
static void neg_field_headlen(struct device *dev, struct sk_buff *skb,
			      struct fld_buf *dx_buff)
{
	if (skb_headlen(skb) > 0) {
		dx_buff->len = skb_headlen(skb);
		dx_buff->pa = dma_map_single(dev, skb->data, dx_buff->len,
					     DMA_TO_DEVICE);
	}
}

/* the field holds another length by the time it is mapped */
static void neg_field_reassigned(struct device *dev, struct sk_buff *skb,
				 struct fld_buf *dx_buff)
{
	dx_buff->len = skb_headlen(skb);
	dx_buff->len = ETH_HLEN;
	dx_buff->pa = dma_map_single(dev, dx_buff, dx_buff->len,
				     DMA_TO_DEVICE);
}

static netdev_tx_t fld_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct fld_desc *desc = netdev_priv(ndev);
	struct fld_buf *ring = (struct fld_buf *)(desc + 1);
	struct device *dev = ndev->dev.parent;

	pos_desc_field(dev, skb, desc);
	pos_buf_field(dev, skb, ring, 0);
	neg_field_if(dev, skb, desc);
	neg_field_early(dev, skb, ring);
	neg_field_headlen(dev, skb, ring);
	neg_field_reassigned(dev, skb, ring);
	return NETDEV_TX_OK;
}

static const struct net_device_ops fld_netdev_ops = {
	.ndo_start_xmit = fld_xmit,
};

static void fld_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &fld_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
