// SPDX-License-Identifier: GPL-2.0
/*
 * NL-02 through a helper's parameters: the head length (and skb->data)
 * passed to a function that maps its length parameter. Reported at the
 * call site. Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

struct hlp_ring {
	struct device *dev;
	u32 opts1;
	u32 len;
	dma_addr_t addr;
};

/* rtl8169_tx_map(): maps its length parameter unchecked */
static int hlp_tx_map(struct hlp_ring *ring, const u32 *opts, u32 len,
		      void *addr, unsigned int entry, bool own)
{
	dma_addr_t mapping;

	mapping = dma_map_single(ring->dev, addr, len, DMA_TO_DEVICE);
	if (dma_mapping_error(ring->dev, mapping))
		return -ENOMEM;
	ring->addr = mapping;
	ring->opts1 = opts[0] | len | (own ? 1 : 0);
	return 0;
}

/* maps a length derived from the parameter */
static void hlp_post(struct hlp_ring *ring, void *va, unsigned int len)
{
	unsigned int size = min(len, 4096U);

	ring->addr = dma_map_single(ring->dev, va, size, DMA_TO_DEVICE);
}

/* two levels: hands its parameter on to hlp_post() */
static void hlp_outer(struct hlp_ring *ring, unsigned int hlen, void *va)
{
	ring->len = hlen;
	hlp_post(ring, va, hlen);
}

/* the helper tests its length: nothing to flag at its callers */
static int hlp_map_checked(struct hlp_ring *ring, void *va, u32 len)
{
	if (!len)
		return 0;
	ring->addr = dma_map_single(ring->dev, va, len, DMA_TO_DEVICE);
	return 1;
}

/* the mapping only under a test of the parameter */
static void hlp_map_if(struct hlp_ring *ring, void *va, u32 len)
{
	if (len)
		ring->addr = dma_map_single(ring->dev, va, len,
					    DMA_TO_DEVICE);
}

/* a level above a checked helper: still checked */
static void hlp_outer_checked(struct hlp_ring *ring, u32 hlen, void *va)
{
	hlp_map_checked(ring, va, hlen);
}

/* a level that tests before handing on */
static void hlp_outer_tests(struct hlp_ring *ring, u32 hlen, void *va)
{
	if (hlen == 0)
		return;
	hlp_post(ring, va, hlen);
}

/* the length parameter is not the one mapped */
static void hlp_other(struct hlp_ring *ring, void *va, u32 len)
{
	ring->len = len;
	ring->addr = dma_map_single(ring->dev, va, ETH_HLEN, DMA_TO_DEVICE);
}

static netdev_tx_t hlp_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct hlp_ring *ring = netdev_priv(ndev);
	unsigned int hl = skb_headlen(skb);
	skb_frag_t *frag = &skb_shinfo(skb)->frags[0];
	u32 opts[2] = { 0, 0 };

	/* positives: r8169's shape, a variable, two levels, a field */
	if (unlikely(hlp_tx_map(ring, opts, skb_headlen(skb), skb->data, /* EXPECT NL-02 */
				0, false)))
		return NETDEV_TX_OK;
	hlp_post(ring, skb->data, hl); /* EXPECT NL-02 */
	hlp_outer(ring, hl, skb->data); /* EXPECT NL-02 */
	ring->len = skb_headlen(skb);
	hlp_post(ring, skb->data, ring->len); /* EXPECT NL-02 */

	/* negatives: the helper tests, the caller tests, not the head */
	hlp_map_checked(ring, skb->data, hl);
	hlp_map_if(ring, skb->data, skb_headlen(skb));
	hlp_outer_checked(ring, hl, skb->data);
	hlp_outer_tests(ring, hl, skb->data);
	hlp_other(ring, skb->data, hl);
	if (hl)
		hlp_post(ring, skb->data, hl);
	if (skb_headlen(skb))
		hlp_tx_map(ring, opts, skb_headlen(skb), skb->data, 0, false);
	hlp_tx_map(ring, opts, skb_frag_size(frag), skb_frag_address(frag), 1,
		   true);
	return NETDEV_TX_OK;
}

static const struct net_device_ops hlp_netdev_ops = {
	.ndo_start_xmit = hlp_xmit,
};

static void hlp_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &hlp_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
