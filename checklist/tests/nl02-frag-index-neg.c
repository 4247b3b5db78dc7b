// SPDX-License-Identifier: GPL-2.0
/*
 * NL-02 negatives, frag-loop index: the ring index is stepped before a
 * frag only after a buffer took a slot, or only after it was used.
 * Nothing may be flagged.
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
	__le32 cmd;
};

struct fi_ring {
	struct device *dev;
	struct fi_buf *buffer_info;
	struct fi_desc *desc;
	unsigned int count;
	unsigned int next_to_use;
};

/* e1000_tx_map() with the kit's fix (series/e1000*, patch 1): the step is
 * taken only when a buffer took a slot before, counted in count
 */
static int neg_e1000_fixed(struct fi_ring *tx_ring, struct sk_buff *skb,
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
			/* Step past the slot of the previous buffer. */
			if (count) {
				i++;
				if (i == tx_ring->count)
					i = 0;
			}

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

/* ixgbe/ice/i40e/igc: the head mapped before the loop for every skb (the
 * NL-02 head rule's business, not this one's), the loop uses the slot
 * and steps at its bottom
 */
static void neg_intel(struct fi_ring *tx_ring, struct sk_buff *skb,
		      dma_addr_t dma)
{
	unsigned int data_len = skb->data_len;
	unsigned int size = skb_headlen(skb);
	struct fi_desc *tx_desc;
	skb_frag_t *frag;
	u16 i = tx_ring->next_to_use;

	tx_desc = &tx_ring->desc[i];
	for (frag = &skb_shinfo(skb)->frags[0];; frag++) {
		tx_desc->addr = cpu_to_le64(dma);
		tx_desc->len = cpu_to_le32(size);
		if (likely(!data_len))
			break;
		i++;
		tx_desc++;
		if (i == tx_ring->count) {
			tx_desc = &tx_ring->desc[0];
			i = 0;
		}
		size = skb_frag_size(frag);
		data_len -= size;
		dma = skb_frag_dma_map(tx_ring->dev, frag, 0, size,
				       DMA_TO_DEVICE);
	}
	tx_ring->next_to_use = i;
}

/* the head's block steps past its own slot, the frag loop uses the slot
 * and steps at its bottom
 */
static void neg_bottom(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int len = skb_headlen(skb);
	unsigned int i = ring->next_to_use;
	int f;

	if (len) {
		ring->buffer_info[i].length = len;
		i = (i + 1) % ring->count;
	}
	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		ring->buffer_info[i].length =
			skb_frag_size(&skb_shinfo(skb)->frags[f]);
		i = (i + 1) % ring->count;
	}
	ring->next_to_use = i;
}

/* a context descriptor in the first slot for every skb; the head's block
 * and the frag loop both step before they use a slot
 */
static void neg_ctx_first(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int hlen = skb_headlen(skb);
	struct fi_desc *desc = &ring->desc[ring->next_to_use];
	int f;

	desc->cmd = cpu_to_le32(1);
	if (hlen) {
		desc++;
		desc->len = cpu_to_le32(hlen);
	}
	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		desc++;
		desc->len = cpu_to_le32(skb_frag_size(&skb_shinfo(skb)->frags[f]));
	}
}

/* a step under a one-line guard: the head's slot is stepped past only
 * when the head took it
 */
static void neg_guard_line(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int hlen = skb_headlen(skb);
	unsigned int i = ring->next_to_use;
	int f;

	if (hlen)
		ring->buffer_info[i].length = hlen;
	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		if (f || hlen)
			i++;
		ring->buffer_info[i].length =
			skb_frag_size(&skb_shinfo(skb)->frags[f]);
	}
	ring->next_to_use = i + 1;
}

/* the step after the head's block is taken only when the head took the
 * slot
 */
static void neg_between_guarded(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int len = skb_headlen(skb);
	unsigned int i = ring->next_to_use;
	int f;

	if (len)
		ring->buffer_info[i].length = len;
	if (len)
		i = (i + 1) % ring->count;
	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		ring->buffer_info[i].length =
			skb_frag_size(&skb_shinfo(skb)->frags[f]);
		i = (i + 1) % ring->count;
	}
	ring->next_to_use = i;
}

/* the head's slot is filled for every skb (a zero length when the head is
 * empty is the NL-02 head rule's business): no slot is skipped
 */
static void neg_always(struct fi_ring *ring, struct sk_buff *skb)
{
	unsigned int i = ring->next_to_use;
	int f;

	ring->buffer_info[i].length = skb_headlen(skb);
	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		i++;
		ring->buffer_info[i].length =
			skb_frag_size(&skb_shinfo(skb)->frags[f]);
	}
}

static netdev_tx_t neg_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct fi_ring *ring = netdev_priv(ndev);

	neg_e1000_fixed(ring, skb, 4096);
	neg_intel(ring, skb, 0);
	neg_bottom(ring, skb);
	neg_ctx_first(ring, skb);
	neg_guard_line(ring, skb);
	neg_between_guarded(ring, skb);
	neg_always(ring, skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops neg_netdev_ops = {
	.ndo_start_xmit = neg_xmit,
};

static void neg_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &neg_netdev_ops;
	ndev->features |= NETIF_F_SG;
}
