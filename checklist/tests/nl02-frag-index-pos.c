// SPDX-License-Identifier: GPL-2.0
/*
 * NL-02 positives, frag-loop index: the head takes the slot at the ring
 * index only when it has bytes, and the index is stepped before frag 0
 * uses it, so an empty head leaves that slot stale and frag 0 lands one
 * slot late. Lines marked EXPECT must be flagged, and nothing else.
 */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>

struct fi_buf {
	dma_addr_t dma;
	unsigned int length;
	unsigned int next_to_watch;
};

struct fi_desc {
	__le64 addr;
	__le32 len;
};

struct fi_ring {
	struct device *dev;
	struct fi_buf *buffer_info;
	struct fi_desc *desc;
	unsigned int count;
	unsigned int next_to_use;
};

/* e1000_tx_map() (e1000, e1000e in 6.12): while (len) maps the head, the
 * frag loop steps i at the top of each frag buffer
 */
static int pos_e1000(struct fi_ring *tx_ring, struct sk_buff *skb,
		     unsigned int max_per_txd)
{
	unsigned int nr_frags = skb_shinfo(skb)->nr_frags;
	unsigned int len = skb_headlen(skb);
	unsigned int offset = 0, size, count = 0, i, f;
	struct fi_buf *buffer_info;

	i = tx_ring->next_to_use;

	while (len) {
		buffer_info = &tx_ring->buffer_info[i];
		size = min(len, max_per_txd);
		buffer_info->length = size;
		buffer_info->next_to_watch = i;
		buffer_info->dma = dma_map_single(tx_ring->dev,
						  skb->data + offset,
						  size, DMA_TO_DEVICE);
		len -= size;
		offset += size;
		count++;
		if (len) {
			i++;
			if (i == tx_ring->count)
				i = 0;
		}
	}

	for (f = 0; f < nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];

		len = skb_frag_size(frag);
		offset = 0;

		while (len) {
			i++; /* EXPECT NL-02 */
			if (i == tx_ring->count)
				i = 0;

			buffer_info = &tx_ring->buffer_info[i];
			size = min(len, max_per_txd);
			buffer_info->length = size;
			buffer_info->next_to_watch = i;
			buffer_info->dma = skb_frag_dma_map(tx_ring->dev, frag,
							    offset, size,
							    DMA_TO_DEVICE);
			len -= size;
			offset += size;
			count++;
		}
	}
	return count;
}

/* if (hlen) with a descriptor pointer, the frags walked by a while loop
 * whose body steps the pointer first
 */
static void pos_desc_ptr(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int hlen = skb->len - skb->data_len;
	struct fi_desc *desc = &ring->desc[ring->next_to_use];
	unsigned int f = 0;

	if (hlen) {
		desc->addr = cpu_to_le64(dma_map_single(ring->dev, skb->data,
							hlen, DMA_TO_DEVICE));
		desc->len = cpu_to_le32(hlen);
	}
	while (f < skb_shinfo(skb)->nr_frags) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];

		desc++; /* EXPECT NL-02 */
		desc->addr = cpu_to_le64(skb_frag_dma_map(ring->dev, frag, 0,
							  skb_frag_size(frag),
							  DMA_TO_DEVICE));
		desc->len = cpu_to_le32(skb_frag_size(frag));
		f++;
	}
}

/* the head under if (skb_headlen(skb)), the index stepped after it for
 * every skb, the frag loop stepping at its bottom
 */
static void pos_between(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int hlen = skb_headlen(skb);
	unsigned int i = ring->next_to_use;
	int f;

	if (skb_headlen(skb)) {
		ring->buffer_info[i].length = hlen;
		ring->buffer_info[i].dma = dma_map_single(ring->dev, skb->data,
							  hlen, DMA_TO_DEVICE);
	}
	i = (i + 1) % ring->count; /* EXPECT NL-02 */
	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];

		ring->buffer_info[i].length = skb_frag_size(frag);
		ring->buffer_info[i].dma = skb_frag_dma_map(ring->dev, frag, 0,
							    skb_frag_size(frag),
							    DMA_TO_DEVICE);
		i = (i + 1) % ring->count;
	}
	ring->next_to_use = i;
}

/* a loop that walks skb_shinfo(skb)->frags with no frag in its condition,
 * the index stepped by += 1
 */
static void pos_walk(struct fi_ring *ring, struct sk_buff *skb, int n)
{
	unsigned int len = skb_headlen(skb);
	unsigned int i = ring->next_to_use;
	int j;

	if (len > 0)
		ring->buffer_info[i].length = len;
	for (j = 0; j < n; j++) {
		i += 1; /* EXPECT NL-02 */
		ring->buffer_info[i].length =
			skb_frag_size(&skb_shinfo(skb)->frags[j]);
	}
}

/* the frag loop inside if (nr_frags): that if guards the loop, not the
 * step
 */
static void pos_wrapped(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int len = skb_headlen(skb);
	unsigned int i = ring->next_to_use;
	int f;

	while (len) {
		ring->buffer_info[i].length = min(len, 4096U);
		len -= ring->buffer_info[i].length;
	}
	if (skb_shinfo(skb)->nr_frags) {
		for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
			++i; /* EXPECT NL-02 */
			ring->buffer_info[i].length =
				skb_frag_size(&skb_shinfo(skb)->frags[f]);
		}
	}
}

static netdev_tx_t pos_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct fi_ring *ring = netdev_priv(ndev);

	pos_e1000(ring, skb, 4096);
	pos_desc_ptr(ring, skb);
	pos_between(ring, skb);
	pos_walk(ring, skb, skb_shinfo(skb)->nr_frags);
	pos_wrapped(ring, skb);
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
