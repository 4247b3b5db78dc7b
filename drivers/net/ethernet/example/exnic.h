/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * exnic: reference driver for a simulated NIC that adopts
 * IFF_TX_SKB_NO_LINEAR. Driver-private structures.
 *
 * Layout follows fbnic: exnic_main.c (module, probe), exnic_netdev.c (ndo
 * ops, open/stop, reset), exnic_txrx.c (datapath), exnic_ethtool.c.
 * The device is reached only through exnic_hw.h.
 */
#ifndef _EXNIC_H_
#define _EXNIC_H_

#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>

#include "exnic_hw.h"

#define EXNIC_DRV_NAME			"exnic"

#define EXNIC_RING_DEFAULT		256
#define EXNIC_RX_HDR_SIZE		256	/* bytes copied into the skb head */
#define EXNIC_TX_TRAILER_STRIDE		64	/* per-slot trailer buffer */
#define EXNIC_TX_DRAIN_MS		100	/* stop: wait for in-flight TX */

/*
 * Worst case descriptors per frame, without the inline slots: the in-band
 * header, the head split around the inlined bytes (two pieces), every frag,
 * the pad buffer and the trailer buffer.
 */
#define EXNIC_TX_DESC_DATA_MAX		(MAX_SKB_FRAGS + 5)

/* Per-ring TX counters; names in exnic_ethtool.c, same order. */
enum exnic_tx_stat {
	EXNIC_TX_PACKETS,	/* completion */
	EXNIC_TX_BYTES,		/* completion */
	EXNIC_TX_HEADLEN0,	/* skbs with skb_headlen() == 0 sent */
	EXNIC_TX_FRAG0_MAP,	/* frame data mapped from frag 0 (empty head) */
	EXNIC_TX_HEADROOM_REALLOC, /* skb_cow_head() for the in-band header */
	EXNIC_TX_LINEARIZE,	/* __skb_linearize() for max-bufs */
	EXNIC_TX_PAD_BUF,	/* runt padded from the pre-mapped pad buffer */
	EXNIC_TX_INLINE,	/* frames with an INLINE descriptor */
	EXNIC_TX_TRAILER_SKB,	/* trailer written into the skb's tailroom */
	EXNIC_TX_TRAILER_BUF,	/* trailer from the per-slot trailer buffer */
	EXNIC_TX_BOUNCE,	/* misaligned buffer copied to a bounce buffer */
	EXNIC_TX_CSUM_PARTIAL,	/* CHECKSUM_PARTIAL offloaded */
	EXNIC_TX_CSUM_HELP,	/* CHECKSUM_PARTIAL the device can't describe */
#ifdef CONFIG_EXNIC_BASELINE /* exnic_tx_count_dest() */
	EXNIC_TX_MULTICAST,	/* multicast destination, read by the driver */
	EXNIC_TX_BROADCAST,	/* broadcast destination, read by the driver */
#endif
	EXNIC_TX_DMA_ERR,	/* DMA mapping failure: dropped */
	EXNIC_TX_DROPS,		/* any other drop */
	EXNIC_TX_BUSY,		/* NETDEV_TX_BUSY returned */
	EXNIC_TX_STOP,		/* queue stopped, ring nearly full */
	EXNIC_TX_RESTART,	/* completion woke the queue: completion */
	EXNIC_TX_HW_ERR,	/* completed with an error status: completion */
	EXNIC_TX_TIMEOUT,	/* ndo_tx_timeout on this queue */
	EXNIC_TX_NSTATS
};

enum exnic_rx_stat {
	EXNIC_RX_PACKETS,
	EXNIC_RX_BYTES,
	EXNIC_RX_ALLOC_ERR,
	EXNIC_RX_DROPS,
	EXNIC_RX_NSTATS
};

/* What a TX slot holds, so unmap matches map. */
enum exnic_tx_buf_type {
	EXNIC_TXB_NONE,		/* inline slot, pad or trailer buffer */
	EXNIC_TXB_SINGLE,	/* dma_map_single(): skb head or bounce */
	EXNIC_TXB_PAGE,		/* skb_frag_dma_map(): a frag */
};

/**
 * struct exnic_tx_buf - side array entry of a TX slot
 * @skb: the frame's skb, on the frame's first slot only
 * @bounce: bounce buffer to kfree() on completion, on its slot
 * @dma: mapped address (EXNIC_TXB_SINGLE / EXNIC_TXB_PAGE)
 * @len: mapped length
 * @type: enum exnic_tx_buf_type
 * @eop: on the first slot: ring index of the frame's EOP descriptor
 * @next: on the first slot: ring index after the frame's last slot (an
 *	EOP INLINE descriptor is followed by its continuation slots)
 * @bytecount: on the first slot: bytes reported to BQL
 */
struct exnic_tx_buf {
	struct sk_buff *skb;
	void *bounce;
	dma_addr_t dma;
	u32 len;
	u16 type;
	u16 eop;
	u16 next;
	u32 bytecount;
};

struct exnic_priv;

/**
 * struct exnic_ring - one TX or RX descriptor ring
 * @txd: TX descriptors (TX ring)
 * @rxd: RX descriptors (RX ring)
 * @tx_buf: TX side array (TX ring)
 * @rx_page: posted pages (RX ring)
 * @priv: owning device
 * @dev: device to DMA-map against
 * @pp: RX page pool
 * @rx_skb: RX frame being assembled across descriptors
 * @rx_discard: RX: drop descriptors until EOP
 * @size_mask: ring size - 1
 * @q_idx: queue index
 * @head: next slot to complete; TX: written by completion (NAPI) with
 *	WRITE_ONCE(), read by xmit with READ_ONCE()
 * @tail: next slot to produce; TX: published by xmit with
 *	smp_store_release(), read elsewhere with smp_load_acquire() or
 *	READ_ONCE()
 * @desc_max: TX: descriptors one frame may need (stop threshold)
 * @pad: TX: pre-mapped zeroed pad buffer (ETH_ZLEN)
 * @pad_dma: its DMA address
 * @trailer: TX: per-slot trailer buffers, EXNIC_TX_TRAILER_STRIDE apart
 * @trailer_dma: their DMA address
 * @trailer_stride: bytes between two slots' trailer buffers
 * @desc_dma: DMA address of the descriptors
 * @size: ring size in descriptors
 * @syncp: protects @stats written by the producer (xmit, or RX NAPI)
 * @stats: producer side counters (enum exnic_tx_stat / exnic_rx_stat)
 * @csyncp: TX: protects @cstats written by completion (NAPI)
 * @cstats: TX completion counters (packets, bytes, restart, hw_err)
 */
struct exnic_ring {
	union {
		struct exnic_tx_desc *txd;
		struct exnic_rx_desc *rxd;
	};
	union {
		struct exnic_tx_buf *tx_buf;
		struct page **rx_page;
	};
	struct exnic_priv *priv;
	struct device *dev;
	struct page_pool *pp;
	struct sk_buff *rx_skb;
	bool rx_discard;

	u32 size_mask;
	u32 q_idx;
	u32 head, tail;
	u32 desc_max;

	u8 *pad;
	dma_addr_t pad_dma;
	u8 *trailer;
	dma_addr_t trailer_dma;
	u32 trailer_stride;

	/* Slow path */
	dma_addr_t desc_dma;
	u32 size;

	struct u64_stats_sync syncp;
	u64 stats[EXNIC_TX_NSTATS];
	struct u64_stats_sync csyncp;
	u64 cstats[EXNIC_TX_NSTATS];
};

/**
 * struct exnic_vector - one interrupt vector and NAPI per queue pair
 * @napi: NAPI context
 * @priv: owning device
 * @txr: TX ring of the pair
 * @rxr: RX ring of the pair
 * @idx: queue pair index
 * @irq: interrupt requested
 */
struct exnic_vector {
	struct napi_struct napi;
	struct exnic_priv *priv;
	struct exnic_ring *txr;
	struct exnic_ring *rxr;
	unsigned int idx;
	bool irq;
};

/* Device quirks, read from registers at probe and at every open. */
struct exnic_quirks {
	u32 caps;
	u32 min_inline;
	u32 tx_hdr_len;
	u32 trailer_len;
	u32 max_bufs;
	u32 dma_align;
	u32 max_frame;
};

enum exnic_state {
	EXNIC_STATE_UP,		/* rings allocated, queues enabled */
	EXNIC_STATE_DOWN,	/* going down: completion must not wake */
};

#define EXNIC_PFLAG_TX_NO_LINEAR	BIT(0)

/**
 * struct exnic_priv - driver private data, netdev_priv()
 * @ndev: the net device
 * @hw: the device, as exnic_hw.h knows it
 * @dev: the struct device to DMA-map against
 * @q: quirks read from the device
 * @num_queues: queue pairs in use
 * @max_queues: queue pairs the device has
 * @tx_ring_size: TX ring size
 * @rx_ring_size: RX ring size
 * @pflags: ethtool private flags (EXNIC_PFLAG_*)
 * @state: enum exnic_state bits
 * @reset_work: TX timeout recovery
 * @err_base: device error counters saved across CTRL_RESET
 * @mac_base: MAC counters saved across CTRL_RESET
 * @txr: TX rings (counters live here, so they survive down/up)
 * @rxr: RX rings
 * @vec: vectors
 */
struct exnic_priv {
	struct net_device *ndev;
	struct exnic_hw *hw;
	struct device *dev;
	struct exnic_quirks q;
	unsigned int num_queues;
	unsigned int max_queues;
	u32 tx_ring_size;
	u32 rx_ring_size;
	u32 pflags;
	unsigned long state;
	struct work_struct reset_work;
	u64 err_base[EXNIC_ERR_COUNT];
	u64 mac_base[EXNIC_MAC_STAT_COUNT];

	struct exnic_ring txr[EXNIC_MAX_QUEUES];
	struct exnic_ring rxr[EXNIC_MAX_QUEUES];
	struct exnic_vector vec[EXNIC_MAX_QUEUES];
};

/* exnic_netdev.c */
void exnic_read_quirks(struct exnic_priv *priv);
int exnic_up(struct exnic_priv *priv);
void exnic_down(struct exnic_priv *priv);
int exnic_reconfigure(struct exnic_priv *priv, unsigned int num_queues,
		      u32 tx_ring_size, u32 rx_ring_size);
void exnic_set_netdev_ops(struct net_device *ndev);

/* exnic_txrx.c */
netdev_tx_t exnic_start_xmit(struct sk_buff *skb, struct net_device *ndev);
int exnic_poll(struct napi_struct *napi, int budget);
void exnic_irq(void *data);
int exnic_alloc_tx_ring(struct exnic_priv *priv, struct exnic_ring *ring);
void exnic_free_tx_ring(struct exnic_ring *ring);
int exnic_alloc_rx_ring(struct exnic_priv *priv, struct exnic_ring *ring,
			struct napi_struct *napi);
void exnic_free_rx_ring(struct exnic_ring *ring);
void exnic_rx_refill(struct exnic_ring *ring);
unsigned int exnic_tx_desc_unused(const struct exnic_ring *ring);
dma_addr_t exnic_tx_dma_map(struct device *dev, unsigned int idx, void *va,
			    const skb_frag_t *frag, unsigned int off,
			    unsigned int len);
dma_addr_t __exnic_tx_dma_map(struct device *dev, unsigned int idx, void *va,
			      const skb_frag_t *frag, unsigned int off,
			      unsigned int len);
void exnic_ring_stats(const struct exnic_ring *ring, u64 *stats,
		      unsigned int n);
int exnic_get_queue_stats(struct net_device *ndev, unsigned int q,
			  u64 *tx, u64 *rx);

/* exnic_ethtool.c */
void exnic_set_ethtool_ops(struct net_device *ndev);
void exnic_set_stat_ops(struct net_device *ndev);
u64 exnic_dev_err(struct exnic_priv *priv, unsigned int err);

#endif /* _EXNIC_H_ */
